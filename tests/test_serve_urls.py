"""Which URLs the desk fetches when asked to ingest one: public http(s) pages only, checked
at every redirect, bounded in size and time."""

import http.server
import threading
import time

import pytest

from rasd.serve.url_fetch import (
    FetchFailed,
    FetchLimits,
    Response,
    UrlRefused,
    check_url,
    fetch,
)

# A fake DNS: the names a test may ask for and what they resolve to.
ZONE = {
    "news.example": ["93.184.216.34"],
    "intranet.example": ["10.1.2.3"],
    "sneaky.example": ["93.184.216.35", "192.168.0.7"],
}


def resolve(host: str, port: int) -> list[str]:
    return ZONE[host]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.8.9.10:8080/admin",
        "http://10.0.0.1/",
        "http://172.16.0.1/",
        "http://172.31.255.254/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[fc00::1]/",
        "http://[fd12:3456::1]/",
        "http://[fe80::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://0.0.0.0/",
    ],
)
def test_an_address_only_the_server_reaches_is_refused(url):
    with pytest.raises(UrlRefused, match="address"):
        check_url(url, resolve)


def test_a_public_address_is_allowed():
    assert check_url("https://93.184.216.34/a?b=1", resolve).path == "/a?b=1"


def test_172_outside_the_private_block_is_public():
    assert check_url("http://172.32.0.1/", resolve).address == "172.32.0.1"


def test_a_name_is_connected_to_at_the_address_that_was_checked():
    target = check_url("https://news.example/story", resolve)
    assert (target.host, target.address, target.port) == ("news.example", "93.184.216.34", 443)


def test_a_name_that_resolves_to_a_private_address_is_refused():
    with pytest.raises(UrlRefused, match="intranet.example resolves to 10.1.2.3"):
        check_url("http://intranet.example/", resolve)


def test_a_name_with_one_private_address_among_public_ones_is_refused():
    with pytest.raises(UrlRefused, match="192.168.0.7"):
        check_url("http://sneaky.example/", resolve)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://news.example/", "gopher://news.example/", "news.example"]
)
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(UrlRefused, match="only http and https"):
        check_url(url, resolve)


def test_a_url_with_credentials_is_refused():
    with pytest.raises(UrlRefused, match="user name or password"):
        check_url("http://me:secret@news.example/", resolve)


def test_the_operator_may_allow_private_addresses():
    assert check_url("http://intranet.example/", resolve, allow_private=True).address == "10.1.2.3"


def test_a_redirect_to_a_private_address_is_refused():
    def get(target, limits, deadline):
        assert target.host == "news.example"  # the private one is never asked
        return Response(302, {"location": "http://intranet.example/secrets"})

    with pytest.raises(UrlRefused, match="intranet.example resolves to 10.1.2.3"):
        fetch("http://news.example/story", FetchLimits(), resolve, get)


def test_a_redirect_to_a_public_page_is_followed():
    def get(target, limits, deadline):
        if target.path == "/old":
            return Response(301, {"location": "/new"})
        return Response(200, {"content-type": "text/html; charset=utf-8"}, b"<p>hi</p>")

    page = fetch("http://news.example/old", FetchLimits(), resolve, get)
    assert (page.url, page.content_type, page.body) == (
        "http://news.example/new",
        "text/html",
        b"<p>hi</p>",
    )


def test_endless_redirects_stop():
    def get(target, limits, deadline):
        return Response(302, {"location": "http://news.example/again"})

    with pytest.raises(FetchFailed, match="more than 3 redirects"):
        fetch("http://news.example/", FetchLimits(max_redirects=3), resolve, get)


class _Pages(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the name http.server calls)
        if self.path == "/slow":
            self.send_response(200)
            self.end_headers()
            for _ in range(20):  # a byte now and then: no read times out, the whole does
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.2)
            return
        body = b"x" * (2000 if self.path == "/big" else 10)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()  # no length: the reader must count
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_real_fetch_reads_the_page_when_private_addresses_are_allowed(local_server):
    page = fetch(f"{local_server}/small", FetchLimits(allow_private=True))
    assert page.body == b"x" * 10 and page.content_type == "text/plain"


def test_a_page_over_the_size_limit_is_not_read_to_its_end(local_server):
    with pytest.raises(FetchFailed, match="over 1,000 bytes"):
        fetch(f"{local_server}/big", FetchLimits(max_bytes=1000, allow_private=True))


def test_the_same_local_server_is_refused_by_default(local_server):
    with pytest.raises(UrlRefused, match="loopback"):
        fetch(f"{local_server}/small", FetchLimits())


def test_a_page_that_trickles_in_is_cut_off_at_the_time_limit(local_server):
    started = time.monotonic()
    with pytest.raises(FetchFailed, match="took more than 1 s"):
        fetch(f"{local_server}/slow", FetchLimits(seconds=1, allow_private=True))
    assert time.monotonic() - started < 2


def test_a_name_that_takes_too_long_to_resolve_is_given_up():
    def slow(host, port):
        time.sleep(1.5)
        return ["93.184.216.34"]

    started = time.monotonic()
    with pytest.raises(FetchFailed, match="no address found in time"):
        fetch("http://news.example/", FetchLimits(seconds=0.3), slow)
    assert time.monotonic() - started < 1
