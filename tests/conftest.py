import datetime as dt
import os
from pathlib import Path

import pytest

from rasd.io.export import Result
from rasd.model import Actor, Document, Event, Location

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip the test when the checkout has none beside it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not there")
    return path


def store_of_the_samples(path: Path) -> Path:
    """A store at ``path`` holding the bundled sample articles' events (as `rasd demo` makes
    it), for the desk's tests."""
    from rasd.cli import sample_paths
    from rasd.io.ingest import read_path
    from rasd.io.store import Store
    from rasd.pipeline import process

    with Store(path) as store:
        for sample in sample_paths():
            for document in read_path(sample):
                store.add(process(document))
    return path


@pytest.fixture
def shelling_result() -> Result:
    doc = Document(
        doc_id="sample-1",
        text="قصفت قوات النظام بلدة كفرنبل أمس.",
        published=dt.datetime(2023, 11, 6, 9, 5, tzinfo=dt.timezone(dt.timedelta(hours=3))),
        language="ar",
    )
    event = Event(
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        plover="ASSAULT",
        date_from=dt.date(2023, 11, 5),
        date_to=dt.date(2023, 11, 5),
        actor1=Actor("Military Forces of Syria (2000-2024)", "قوات النظام", "mil-syria-assad"),
        location=Location("Kafr Nabl", 35.61, 36.56, admin1="Idlib", country="Syria", iso="SY"),
        fatalities=3,
        fatalities_known=True,
    )
    return Result(doc, [event])


@pytest.fixture(autouse=True, scope="session")
def _compiled_knowledge_in_a_folder_of_the_test_run(tmp_path_factory):
    """The suite never writes to the user's cache: compiled knowledge goes to a temporary
    folder (the variable is read on each load)."""
    previous = os.environ.get("RASD_CACHE")
    os.environ["RASD_CACHE"] = str(tmp_path_factory.mktemp("rasd-cache"))
    yield
    if previous is None:
        os.environ.pop("RASD_CACHE", None)
    else:
        os.environ["RASD_CACHE"] = previous
