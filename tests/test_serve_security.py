"""Who may do what at the desk: reading is open on this machine, every write needs the token,
bodies are bounded, URLs to fetch are checked, and `rasd serve` says what it lacks."""

import subprocess
import sys

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from rasd.serve.api import create_app  # noqa: E402
from rasd.serve.settings import DeskSettings  # noqa: E402

TOKEN = "the-desk-token"
GOOD = {"Authorization": f"Bearer {TOKEN}"}
LOCAL = ("127.0.0.1", 50000)
ELSEWHERE = ("203.0.113.9", 50000)
ARTICLE = {
    "doc_id": "posted",
    "text": "Government forces shelled the town of Kafranbel in Idlib on Sunday, killing three"
    " civilians, a local rescue team said.",
    "published": "2023-11-06T09:00:00+03:00",
}


def private_zone(host: str, port: int) -> list[str]:
    return {"intranet.example": ["10.0.0.8"]}.get(host, ["93.184.216.34"])


def desk(tmp_path, client=LOCAL, **settings):
    store = str(tmp_path / "desk.sqlite")
    app = create_app(DeskSettings(db=store, token=TOKEN, resolve=private_zone, **settings))
    return TestClient(app, client=client)


def test_reading_on_this_machine_needs_no_token(tmp_path):
    assert desk(tmp_path).get("/api/events").status_code == 200


def test_reading_from_another_machine_needs_the_token(tmp_path):
    other = desk(tmp_path, client=ELSEWHERE)
    assert other.get("/api/events").status_code == 401
    assert other.get("/api/events", headers=GOOD).status_code == 200


def test_the_page_tells_another_machine_that_reading_needs_the_token(tmp_path):
    assert desk(tmp_path, client=ELSEWHERE).get("/api/config").json()["read_needs_token"]
    assert not desk(tmp_path).get("/api/config").json()["read_needs_token"]


def test_a_write_without_the_token_is_refused_even_on_this_machine(tmp_path):
    answer = desk(tmp_path).post("/api/documents", json=ARTICLE)
    assert answer.status_code == 401 and "token" in answer.json()["detail"]


def test_a_write_with_a_wrong_token_is_refused(tmp_path):
    wrong = {"Authorization": "Bearer guess"}
    assert desk(tmp_path).post("/api/documents", json=ARTICLE, headers=wrong).status_code == 403


def test_a_url_to_ingest_needs_the_token_too(tmp_path):
    answer = desk(tmp_path).post("/api/urls", json={"url": "https://news.example/a"})
    assert answer.status_code == 401


def test_a_write_with_the_token_stores_the_document_and_its_events(tmp_path):
    client = desk(tmp_path)
    answer = client.post("/api/documents", json=ARTICLE, headers=GOOD)
    assert answer.status_code == 200 and answer.json()["new"]
    assert answer.json()["events_new"] >= 1
    events = client.get("/api/events").json()["events"]
    assert any(s["doc_id"] == "posted" for e in events for s in e["sources"])


def test_a_document_with_no_text_is_a_422_with_a_reason(tmp_path):
    answer = desk(tmp_path).post("/api/documents", json={"doc_id": "empty"}, headers=GOOD)
    assert answer.status_code == 422 and '"text" or "html"' in answer.json()["detail"]


def test_a_body_over_the_limit_is_a_413(tmp_path):
    client = desk(tmp_path, max_body_bytes=1000)
    big = {**ARTICLE, "text": "word " * 1000}
    answer = client.post("/api/documents", json=big, headers=GOOD)
    assert answer.status_code == 413 and "limit" in answer.json()["detail"]


def test_a_body_that_hides_its_length_is_bounded_too(tmp_path):
    client = desk(tmp_path, max_body_bytes=1000)

    def chunks():
        for _ in range(20):
            yield b"x" * 100

    headers = {**GOOD, "Content-Type": "application/json"}
    answer = client.post("/api/documents", content=chunks(), headers=headers)
    assert answer.status_code == 413


def test_a_url_on_a_private_address_is_refused_with_a_reason(tmp_path):
    answer = desk(tmp_path).post(
        "/api/urls", json={"url": "http://intranet.example/report"}, headers=GOOD
    )
    assert answer.status_code == 422
    assert "10.0.0.8" in answer.json()["detail"]


def test_a_url_that_is_not_http_is_refused(tmp_path):
    answer = desk(tmp_path).post("/api/urls", json={"url": "file:///etc/passwd"}, headers=GOOD)
    assert answer.status_code == 422 and "http" in answer.json()["detail"]


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_rasd_serve_without_the_desk_extra_names_the_extra(tmp_path):
    done = _run(
        "import sys; sys.modules['uvicorn'] = None; from rasd.cli import main;"
        f" sys.exit(main(['serve', '--db', {str(tmp_path / 'x.sqlite')!r}]))"
    )
    assert done.returncode == 2
    assert "rasd[desk]" in done.stderr and "Traceback" not in done.stderr


def test_the_command_line_does_not_load_the_desk_until_asked():
    done = _run("import sys, rasd.cli; print('fastapi' in sys.modules, 'uvicorn' in sys.modules)")
    assert done.stdout.split() == ["False", "False"]


def test_rasd_serve_on_an_unusable_store_says_so_in_one_line(tmp_path, capsys):
    from rasd.cli import main

    assert main(["serve", "--db", str(tmp_path / "missing" / "x.sqlite")]) == 2
    error = capsys.readouterr().err
    assert "x.sqlite" in error and "Traceback" not in error


def test_rasd_serve_refuses_a_tile_layer_that_is_not_http(tmp_path, capsys):
    from rasd.cli import main

    assert main(["serve", "--db", str(tmp_path / "x.sqlite"), "--tiles", "ftp://t/{z}"]) == 2
    assert "tile layer needs an http(s) URL" in capsys.readouterr().err


@pytest.mark.parametrize("address", ["::1", "::ffff:127.0.0.1", "127.0.0.2"])
def test_every_loopback_address_reads_without_the_token(tmp_path, address):
    assert desk(tmp_path, client=(address, 50000)).get("/api/events").status_code == 200


def test_rasd_serve_on_a_port_in_use_says_so_in_one_line(tmp_path, capsys):
    import socket

    from rasd.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--db", str(tmp_path / "x.sqlite"), "--port", str(port)]) == 2
    error = capsys.readouterr().err
    assert f"127.0.0.1:{port}: cannot listen" in error and "Traceback" not in error
