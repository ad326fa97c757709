"""The `rasd serve` command: the analyst's desk (rasd.serve) over a store, at an address on
this machine, until interrupted."""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import sys

from rasd.run_report import RunReport

_EXIT_OK = 0
_EXIT_USAGE = 2
TOKEN_VARIABLE = "RASD_DESK_TOKEN"


def _port(value: str) -> int:
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r} (1-65535)")
    return int(value)


def _size(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a number of bytes: {value!r}")
    return int(value)


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to the address (so that a port in use is told before anything else)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def add_serve_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`rasd serve`, added to the subcommands of the `rasd` parser."""
    serve = commands.add_parser(
        "serve",
        help="the desk: the stored events on a map and an HTTP API (pip install 'rasd[desk]')",
        description="Serve the map page at / and the API under /api (documented at /docs)."
        f" Reading is open to this machine; writes need the token from ${TOKEN_VARIABLE}, or"
        " one made up and printed at start.",
    )
    serve.add_argument("--db", default="rasd.sqlite", help="the store (default: rasd.sqlite)")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default: 127.0.0.1, this machine only); clients of"
        " other machines need the token to read too",
    )
    serve.add_argument("--port", type=_port, default=8000, help="default: 8000")
    serve.add_argument(
        "--allow-private-urls",
        action="store_true",
        help="let POST /api/urls fetch from loopback, private and link-local addresses"
        " (refused by default)",
    )
    serve.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="let the page of this origin read the API (repeatable; default: none)",
    )
    serve.add_argument(
        "--tiles",
        metavar="URL",
        help="an online tile layer under the basemap, e.g."
        " https://tile.openstreetmap.org/{z}/{x}/{y}.png (default: none, offline)",
    )
    serve.add_argument(
        "--tiles-attribution", default="", help="the tile layer's credit, shown on the map"
    )
    serve.add_argument(
        "--max-body-bytes",
        type=_size,
        default=5_000_000,
        metavar="N",
        help="the largest request body (default: 5000000)",
    )
    serve.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    report = RunReport()
    try:
        import uvicorn

        from rasd.serve.api import create_app
    except ModuleNotFoundError as err:
        report.error(
            f"rasd serve needs the desk extra ({err.name} is not installed):"
            " pip install 'rasd[desk]'"
        )
        return _EXIT_USAGE
    from rasd.io.store import Store, StoreError
    from rasd.serve.settings import DeskSettings, tile_origin
    from rasd.serve.url_fetch import FetchLimits

    token = os.environ.get(TOKEN_VARIABLE) or secrets.token_urlsafe(24)
    try:
        tile_origin(args.tiles)  # a bad template is told before the store is opened
        settings = DeskSettings(
            db=args.db,
            token=token,
            max_body_bytes=args.max_body_bytes,
            fetch=FetchLimits(allow_private=args.allow_private_urls),
            cors_origins=tuple(args.cors_origin),
            tiles=args.tiles,
            tiles_attribution=args.tiles_attribution,
        )
        store = Store(args.db)
        app = create_app(settings, store)
    except (StoreError, ValueError) as err:
        report.error(str(err))
        return _EXIT_USAGE
    try:
        listening = _listen(args.host, args.port)
    except (OSError, OverflowError) as err:
        store.close()
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        report.error(f"{args.host}:{args.port}: cannot listen ({reason})")
        return _EXIT_USAGE
    shown = f"[{args.host}]" if ":" in args.host else args.host
    address = f"http://{'127.0.0.1' if args.host in ('0.0.0.0', '::') else shown}:{args.port}/"
    docs, events = store.count()
    print(f"rasd desk: {args.db} ({docs} documents, {events} events)")
    print(f"rasd desk: open {address} in a browser (the API: {address}docs); Ctrl-C stops")
    if TOKEN_VARIABLE in os.environ:
        print(f"rasd desk: writes need the token in ${TOKEN_VARIABLE}")
    else:
        print(f"rasd desk: writes need the header: Authorization: Bearer {token}")
    sys.stdout.flush()
    try:
        uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[listening])
    finally:
        listening.close()
        store.close()
    return _EXIT_OK
