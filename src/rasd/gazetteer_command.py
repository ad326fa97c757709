"""The `rasd gazetteer` command: describe the gazetteer, rebuild the shipped one, import a
user's places or take an import out again."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

_EXIT_OK = 0
_EXIT_USAGE = 2


def _error(message: str) -> None:
    print(f"rasd: error: {message}", file=sys.stderr)


def add_gazetteer_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`rasd gazetteer` and its actions, added to the subcommands of the `rasd` parser."""
    gz = commands.add_parser("gazetteer", help="build, extend or describe the gazetteer")
    gz_sub = gz.add_subparsers(dest="action", metavar="ACTION")
    gz_sub.add_parser("info", help="sources, attribution and size")
    build = gz_sub.add_parser("build", help="rebuild the shipped gazetteer from open data")
    build.add_argument("shared_data", metavar="DATA_DIR", help="folder with the open data")
    build.add_argument("--out", help="where to write (default: the package's data file)")
    imp = gz_sub.add_parser(
        "import", help="add a GeoNames dump, an OCHA places CSV or an OSM places GeoJSON"
    )
    imp.add_argument("file", metavar="FILE", help="the file to import")
    imp.add_argument(
        "--kind",
        choices=["auto", "geonames", "ocha", "osm"],
        default="auto",
        help="what the file holds: a GeoNames dump, OCHA populated places or OSM places"
        " (default auto: told by the file's extension, .zip/.txt, .csv or .geojson/.json)",
    )
    imp.add_argument("--country", metavar="ISO", help="the country of an OSM export (ISO code)")
    imp.add_argument(
        "--country-name", help="its English name, for a country rasd does not know yet"
    )
    rm = gz_sub.add_parser("remove", help="take an imported file out again")
    rm.add_argument("name", metavar="NAME", help="the imported file's name (see gazetteer info)")
    gz.set_defaults(func=cmd_gazetteer, show_help=gz.print_help)


def _gazetteer_report(report: object) -> str:
    from rasd.knowledge.gazetteer_build import BuildReport

    if isinstance(report, BuildReport):
        sources = ", ".join(f"{k} {v}" for k, v in sorted(report.by_source.items()))
        return (
            f"wrote {report.out}: {report.places} places ({sources}),"
            f" {report.merged} merged, {report.guarded} guarded names,"
            f" {report.size_bytes / 1e6:.1f} MB"
        )
    skipped = ", ".join(f"{v} {k}" for k, v in sorted(report.skipped.items())) or "none"
    return (
        f"imported {report.source}: {report.read} read, {report.kept} kept"
        f" ({report.with_arabic} with an Arabic name), skipped: {skipped}\n"
        f"wrote {report.out} (read with the shipped gazetteer from now on)"
    )


_IMPORT_KINDS = {
    ".zip": "geonames",
    ".txt": "geonames",
    ".csv": "ocha",
    ".geojson": "osm",
    ".json": "osm",
}


def _remove_import(name: str, folder: Path) -> int:
    """Take an imported file out of the user's gazetteer folder, by its file name or stem."""
    found = [p for p in folder.glob("*.tsv*") if name in (p.name, p.name.split(".")[0])]
    if not found:
        known = ", ".join(sorted(p.name for p in folder.glob("*.tsv*"))) or "none"
        _error(f"gazetteer remove: no import called {name!r} (imported: {known})")
        return _EXIT_USAGE
    for path in found:
        path.unlink()
        print(f"removed {path}")
    return _EXIT_OK


def cmd_gazetteer(args: argparse.Namespace) -> int:
    from rasd.knowledge import gazetteer, gazetteer_build

    def progress(message: str) -> None:
        print(message, file=sys.stderr)

    try:
        if args.action == "info":
            print(gazetteer.gazetteer_info().rstrip("\n"))
            shipped = gazetteer.shipped_path()
            if shipped.exists():
                print(f"\nshipped: {shipped} ({shipped.stat().st_size / 1e6:.1f} MB)")
            imported = sorted(gazetteer.user_dir().glob("*.tsv*"))
            print(f"imported: {', '.join(map(str, imported)) or 'none'}")
            loaded = gazetteer.Gazetteer.load()
            print("\nplaces by country, and by source:")
            for field in ("country", "source"):  # "-" for seas and the like
                counts = Counter(getattr(p, field) or "-" for p in loaded.places)
                for name, count in counts.most_common():
                    print(f"  {name:<24} {count:>6}")
            return _EXIT_OK
        if args.action == "remove":
            return _remove_import(args.name, gazetteer.user_dir())
        if args.action == "build":
            out = Path(args.out) if args.out else None
            report = gazetteer_build.build_gazetteer(Path(args.shared_data), out, progress=progress)
        else:
            path = Path(args.file)
            kind = args.kind
            if kind == "auto":
                kind = _IMPORT_KINDS.get(path.suffix.lower())
                if kind is None:
                    raise gazetteer.GazetteerError(
                        f"{path}: cannot tell the kind from the name (.zip/.txt for a GeoNames"
                        " dump, .csv for OCHA places, .geojson/.json for OSM places); use"
                        " --kind geonames, ocha or osm"
                    )
            if not path.is_file():
                why = "is a directory, not a file" if path.is_dir() else "no such file"
                raise gazetteer.GazetteerError(f"{path}: {why}")
            if kind == "osm":
                from rasd.knowledge.gazetteer_osm import import_osm_places

                if not args.country:
                    raise gazetteer.GazetteerError(
                        f"{path}: an OSM export names no country; give --country ISO"
                    )
                report = import_osm_places(path, args.country, args.country_name, progress=progress)
            else:
                importer = (
                    gazetteer_build.import_geonames
                    if kind == "geonames"
                    else gazetteer_build.import_ocha_places
                )
                report = importer(path, progress=progress)
    except gazetteer.GazetteerError as err:
        _error(str(err))
        return _EXIT_USAGE
    except BrokenPipeError:
        raise  # the reader went away (`rasd gazetteer info | head`): not an error of rasd's
    except OSError as err:
        _error(f"{err.filename or 'gazetteer'}: {err.strerror or err}")
        return _EXIT_USAGE
    print(_gazetteer_report(report))
    return _EXIT_OK
