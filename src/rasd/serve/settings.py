"""What the operator of `rasd serve` decides: the store, the address, the write token, the
limits, and what the page may load from elsewhere (nothing unless told)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from rasd.serve.url_fetch import FetchLimits, Resolver, system_resolver

MAX_BODY_BYTES = 5_000_000  # a POSTed document or URL request; larger ones get a 413


@dataclass(frozen=True)
class DeskSettings:
    db: str  # the store: a SQLite path or a postgresql:// URL
    token: str  # what every write must present (Authorization: Bearer TOKEN)
    max_body_bytes: int = MAX_BODY_BYTES
    fetch: FetchLimits = field(default_factory=FetchLimits)
    cors_origins: tuple[str, ...] = ()  # none: no cross-origin reads (CORS off)
    tiles: str | None = None  # an online tile layer's URL template ({z}/{x}/{y}), if wanted
    tiles_attribution: str = ""
    resolve: Resolver = system_resolver  # how a URL's host is looked up (tests give a fake)


def is_loopback(host: str | None) -> bool:
    """Whether a client's address is this machine's own (reads need no token from it)."""
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def tile_origin(template: str | None) -> str | None:
    """The scheme and host a tile layer's images come from (for the page's CSP), or None."""
    if not template:
        return None
    parts = urlsplit(template.replace("{s}", "a"))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{template}: a tile layer needs an http(s) URL template")
    host = urlsplit(template).netloc.replace("{s}", "*")
    return f"{parts.scheme}://{host}"
