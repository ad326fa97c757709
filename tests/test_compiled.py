"""The compiled knowledge: built once from the data files, then read back in a tenth of the
time, and built afresh whenever a data file changes."""

import pytest

from rasd.knowledge import compiled
from rasd.knowledge.compiled import fingerprint, load_compiled


class Builds:
    """A stand-in for loading the knowledge, counting how often it is built."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> dict:
        self.count += 1
        return {"places": ["Idlib", "Qamishli"], "built": self.count}


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("RASD_CACHE", str(folder))
    return folder


def test_a_second_load_reads_what_the_first_one_built(cache):
    build = Builds()
    first = load_compiled(build, "knowledge")
    second = load_compiled(build, "knowledge")
    assert build.count == 1 and second == first
    assert len(list(cache.glob("knowledge-*.pickle"))) == 1


def test_a_changed_data_file_builds_afresh(cache, tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "actors").mkdir(parents=True)
    monkeypatch.setenv("RASD_HOME", str(home))
    build = Builds()
    load_compiled(build, "knowledge")
    before = fingerprint()
    (home / "actors" / "local.yaml").write_text("- id: x\n", encoding="utf-8")
    assert fingerprint() != before
    assert load_compiled(build, "knowledge")["built"] == 2
    assert len(list(cache.glob("knowledge-*.pickle"))) == 1  # the stale one is gone


def test_a_damaged_cache_file_is_built_again(cache):
    build = Builds()
    load_compiled(build, "knowledge")
    (path,) = cache.glob("knowledge-*.pickle")
    path.write_bytes(b"not a pickle")
    assert load_compiled(build, "knowledge")["built"] == 2


def test_caching_can_be_turned_off(monkeypatch, tmp_path):
    monkeypatch.setenv("RASD_CACHE", "off")
    assert compiled.cache_dir() is None
    build = Builds()
    load_compiled(build, "knowledge")
    load_compiled(build, "knowledge")
    assert build.count == 2


def test_a_cache_folder_that_cannot_be_written_is_passed_over(tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("RASD_CACHE", str(blocked / "rasd"))
    assert load_compiled(Builds(), "knowledge")["built"] == 1


def test_rasd_code_is_among_what_the_knowledge_is_built_from():
    code = [path for path in compiled.source_files() if path.suffix == ".py"]
    assert any(path.name == "matcher.py" for path in code)


def test_knowledge_read_back_from_the_cache_finds_the_same_events(cache):
    import datetime as dt

    from rasd.io.ingest import document_from_text
    from rasd.knowledge.resources import Resources
    from rasd.pipeline import process

    text = "قصفت طائرات حربية بلدة سرمين في ريف إدلب أمس الأحد ما أدى إلى مقتل ثلاثة مدنيين."

    def events(resources: Resources) -> list[dict]:
        when = dt.datetime(2024, 1, 15, tzinfo=dt.UTC)
        doc = document_from_text(text, doc_id="x", published=when, language="ar")
        return [event.to_dict() for event in process(doc, resources).events]

    built = load_compiled(Resources.load, "resources")
    read_back = load_compiled(Resources.load, "resources")
    assert read_back is not built
    assert events(read_back) == events(built) != []


def test_all_of_the_knowledge_is_read_back_rather_than_built_again(cache):
    # A class of the knowledge that cannot be unpickled (a frozen dataclass compiled by mypyc
    # without its __reduce__) would have it built afresh, silently, in every process.
    from rasd.knowledge.resources import Resources

    builds = []

    def build() -> Resources:
        builds.append(1)
        return Resources.load()

    load_compiled(build, "resources")
    load_compiled(build, "resources")
    assert len(builds) == 1
