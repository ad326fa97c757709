"""Fetching a page the analyst asks the desk to ingest, without letting the request reach
what only the server can reach.

A URL must be http(s); its host is resolved, and every address it resolves to must be a
public one (not loopback, private, link-local, unique-local, multicast or reserved, an IPv4
address written as IPv6 included), unless the operator allows private addresses. The
connection then goes to the address that was checked (a second lookup could answer
otherwise), every redirect is checked the same way, and the page is bounded in size and time.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as NoAnswer
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

Resolver = Callable[[str, int], list[str]]  # (host, port) -> IP addresses, as text

REDIRECTS = frozenset({301, 302, 303, 307, 308})


class UrlRefused(ValueError):
    """The URL may not be fetched: the reason names it."""


class FetchFailed(Exception):
    """The URL was allowed but fetching it failed (no answer, an error status, too big)."""


@dataclass(frozen=True)
class FetchLimits:
    max_bytes: int = 5_000_000  # the page's size
    seconds: float = 15.0  # the whole fetch, redirects included
    max_redirects: int = 5
    allow_private: bool = False  # the operator's choice: fetch from private addresses too


@dataclass(frozen=True)
class Target:
    """A URL that passed the checks, with the address to connect to."""

    url: str
    scheme: str
    host: str
    port: int
    address: str
    path: str  # path and query, as sent in the request line


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str] = field(default_factory=dict)  # names in lower case
    body: bytes = b""


@dataclass(frozen=True)
class Fetched:
    url: str  # where the page was found, after redirects
    content_type: str  # the media type, lower case, without parameters
    body: bytes


Getter = Callable[[Target, FetchLimits, float], Response]  # (target, limits, deadline)


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses the system's resolver gives for a host."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise UrlRefused(f"{host}: cannot be resolved ({err})") from None
    return [str(info[4][0]) for info in found]


def refusal(address: str) -> str | None:
    """Why an address may not be fetched from ("a loopback address", ...), or None for a
    public one."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone is no part of it
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:10.0.0.1 is 10.0.0.1
    checks = (
        (ip.is_loopback, "a loopback address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_private, "a private address"),
        (ip.is_multicast, "a multicast address"),
        (ip.is_unspecified, "the unspecified address"),
        (ip.is_reserved, "a reserved address"),
        (not ip.is_global, "not a public address"),
    )
    return next((reason for found, reason in checks if found), None)


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def check_url(url: str, resolve: Resolver = system_resolver, allow_private: bool = False) -> Target:
    """The URL as a Target to connect to; UrlRefused naming the reason for one that may not
    be fetched."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as err:
        raise UrlRefused(f"{url}: not a URL ({err})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise UrlRefused(f"{url}: only http and https URLs can be fetched")
    host = parts.hostname
    if not host:
        raise UrlRefused(f"{url}: no host")
    if parts.username is not None or parts.password is not None:
        raise UrlRefused(f"{url}: a URL with a user name or password is not fetched")
    port = port or (443 if scheme == "https" else 80)
    addresses = [host] if _is_address(host) else resolve(host, port)
    if not addresses:
        raise UrlRefused(f"{url}: {host} resolves to no address")
    if not allow_private:
        for address in addresses:
            if reason := refusal(address):
                shown = (
                    f"{host} is" if host == address else f"{host} resolves to {address}, which is"
                )
                raise UrlRefused(f"{url}: {shown} {reason}")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(url.strip(), scheme, host, port, addresses[0], path)


def fetch(
    url: str,
    limits: FetchLimits,
    resolve: Resolver = system_resolver,
    get: Getter | None = None,
) -> Fetched:
    """The page at ``url``, redirects followed and checked; UrlRefused for a URL (or a
    redirect) that may not be fetched, FetchFailed for one that could not be."""
    getter = get or http_get
    deadline = time.monotonic() + limits.seconds
    for _ in range(limits.max_redirects + 1):
        target = check_url(url, _within(resolve, deadline), limits.allow_private)
        response = getter(target, limits, deadline)
        if response.status in REDIRECTS:
            location = response.headers.get("location")
            if not location:
                raise FetchFailed(f"{url}: a redirect ({response.status}) with no location")
            url = urljoin(target.url, location)
            continue
        if response.status != 200:
            raise FetchFailed(f"{url}: the server answered {response.status}")
        media = response.headers.get("content-type", "text/html").split(";")[0]
        return Fetched(target.url, media.strip().lower(), response.body)
    raise FetchFailed(f"{url}: more than {limits.max_redirects} redirects")


def _within(resolve: Resolver, deadline: float) -> Resolver:
    """The resolver, its answer awaited only until the deadline (a lookup cannot be
    cancelled: one that hangs is left to finish on its own)."""

    def resolve_in_time(host: str, port: int) -> list[str]:
        lookup = ThreadPoolExecutor(max_workers=1)
        try:
            return lookup.submit(resolve, host, port).result(deadline - time.monotonic())
        except NoAnswer:
            raise FetchFailed(f"{host}: no address found in time") from None
        finally:
            lookup.shutdown(wait=False)

    return resolve_in_time


class _PinnedHTTP(http.client.HTTPConnection):
    """A connection to the address that was checked, the request still naming its host."""

    def __init__(self, target: Target, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout)
        self._address = target.address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, target: Target, timeout: float) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(target.host, target.port, timeout=timeout, context=self._tls)
        self._address = target.address

    def connect(self) -> None:
        raw = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._tls.wrap_socket(raw, server_hostname=self.host)


def http_get(target: Target, limits: FetchLimits, deadline: float) -> Response:
    """One GET of the target, its body read up to the size limit and the deadline."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchFailed(f"{target.url}: took more than {limits.seconds:g} s")
    kind = _PinnedHTTPS if target.scheme == "https" else _PinnedHTTP
    connection = kind(target, timeout=left)
    too_big = f"{target.url}: the page is over {limits.max_bytes:,} bytes"
    try:
        connection.request("GET", target.path, headers={"User-Agent": "rasd", "Accept": "*/*"})
        raw = connection.sock  # kept: the response may take the socket from the connection
        answer = connection.getresponse()
        headers = {name.lower(): value for name, value in answer.getheaders()}
        if answer.status in REDIRECTS:
            return Response(answer.status, headers)
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limits.max_bytes:
            raise FetchFailed(too_big)
        chunks: list[bytes] = []
        size = 0
        while True:
            left = deadline - time.monotonic()
            if left <= 0:  # a server that sends a byte now and then is cut off too
                raise FetchFailed(f"{target.url}: took more than {limits.seconds:g} s")
            if raw is not None:
                raw.settimeout(left)
            chunk = answer.read1(65536)  # what one read gives: the deadline is checked often
            if not chunk:
                break
            size += len(chunk)
            if size > limits.max_bytes:
                raise FetchFailed(too_big)
            chunks.append(chunk)
        return Response(answer.status, headers, b"".join(chunks))
    except TimeoutError:
        raise FetchFailed(f"{target.url}: took more than {limits.seconds:g} s") from None
    except (OSError, http.client.HTTPException) as err:
        raise FetchFailed(f"{target.url}: cannot fetch ({err})") from None
    finally:
        connection.close()
