"""`rasd batch`: the extraction of `rasd extract` on a Dask LocalCluster over shards of
records, its events written as Parquet partitioned by date; a record or document that fails
is reported and skipped."""

import io
import json
from collections import defaultdict
from contextlib import redirect_stderr

import pytest

import rasd.pipeline
from rasd.batch import UNDATED, extract_shard
from rasd.cli import main

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("distributed")

REPORTS = [
    ("Government forces shelled the town of Kafr Nabl on Monday, killing three civilians.", "en"),
    ("قصفت قوات النظام بلدة كفرنبل يوم الاثنين ما أدى إلى مقتل ثلاثة مدنيين.", "ar"),
    ("Gunmen attacked a checkpoint of the Iraqi army in Tarmiyah, killing two soldiers.", "en"),
    ("استهدفت طائرة مسيرة سيارة على طريق مأرب وقتل شخصان كانا فيها.", "ar"),
    (
        "Protesters gathered in the centre of Sweida on Friday to demand the release of detainees.",
        "en",
    ),
    ("اشتبك مقاتلون من الفصائل مع قوات النظام قرب سراقب.", "ar"),
]
DAYS = ["2024-01-15", "2024-01-16", "2024-02-03"]


def record(n):
    text, language = REPORTS[n % len(REPORTS)]
    return {"doc_id": f"report-{n}", "text": text, "published": DAYS[n % 3], "language": language}


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    """Two JSON Lines shards and a Parquet one of four reports each; the same records as
    JSON Lines for `rasd extract`. The second shard's third line has no text."""
    folder = tmp_path_factory.mktemp("shards")
    plain = tmp_path_factory.mktemp("plain")
    groups = [[record(n) for n in range(start, start + 4)] for start in (0, 4, 8)]
    groups[1][2] = {"doc_id": "no-text", "text": "  "}
    for name, group in zip(["one", "two"], groups):
        (folder / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in group))
    pq.write_table(pa.Table.from_pylist(groups[2]), folder / "three.parquet")
    (plain / "three.jsonl").write_text("".join(json.dumps(r) + "\n" for r in groups[2]))
    return folder, [folder / "one.jsonl", folder / "two.jsonl", plain / "three.jsonl"]


@pytest.fixture(scope="module")
def batch_run(shards, tmp_path_factory):
    """`rasd batch` over the shard folder on a LocalCluster of two workers, run once."""
    folder, _ = shards
    out = tmp_path_factory.mktemp("run") / "events"
    with redirect_stderr(io.StringIO()) as stderr:
        code = main(["batch", "--out", str(out), "--workers", "2", str(folder)])
    return code, out, stderr.getvalue()


def events_by_document(records):
    found = defaultdict(list)
    for identity, event in records:
        found[identity].append(event)
    return dict(found)


def test_batch_events_equal_those_of_extract(shards, batch_run, capsys):
    _, plain = shards
    _, out, _ = batch_run
    main(["extract", *map(str, plain)])
    extracted = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    expected = events_by_document(
        (doc["identity"], event) for doc in extracted for event in doc["events"]
    )
    table = pq.read_table(out).sort_by([("identity", "ascending"), ("event", "ascending")])
    rows = zip(table.column("identity").to_pylist(), table.column("record").to_pylist())
    written = events_by_document((identity, json.loads(rec)) for identity, rec in rows)
    assert sum(map(len, expected.values())) >= 6
    assert written == expected


def test_events_are_partitioned_by_their_date(batch_run):
    _, out, _ = batch_run
    for folder in out.iterdir():
        day = folder.name.removeprefix("date=")
        for row in pq.read_table(folder).to_pylist():
            assert (row["date_from"].isoformat() if row["date_from"] else UNDATED) == day


def test_a_bad_record_is_reported_and_the_rest_written(batch_run):
    code, out, stderr = batch_run
    assert code == 1
    assert 'two.jsonl:3: a record needs a non-empty "text" or "html"' in stderr
    assert "11 documents read" in stderr and "1 failed" in stderr
    assert "report-7" in pq.read_table(out).column("doc_id").to_pylist()


def test_a_document_extraction_fails_on_is_reported_and_skipped(shards, tmp_path, monkeypatch):
    folder, _ = shards
    process = rasd.pipeline.process

    def fails_on_report_1(doc, resources=None):
        if doc.doc_id == "report-1":
            raise ValueError("boom")
        return process(doc, resources)

    monkeypatch.setattr(rasd.pipeline, "process", fails_on_report_1)
    report = extract_shard(str(folder / "one.jsonl"), str(tmp_path))
    assert report.errors == [f"{folder / 'one.jsonl'}:2: extraction failed (ValueError: boom)"]
    assert report.documents == 3


def test_an_output_folder_in_use_is_refused(shards, tmp_path, capsys):
    folder, _ = shards
    (tmp_path / "old.parquet").write_text("")
    code = main(["batch", "--out", str(tmp_path), str(folder)])
    assert code == 2
    assert "is not an empty folder" in capsys.readouterr().err


def test_a_file_that_is_no_shard_is_refused(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text("<html></html>")
    assert main(["batch", "--out", str(tmp_path / "out"), str(page)]) == 2
    assert "not a shard" in capsys.readouterr().err
