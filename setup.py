"""The build. Pure Python unless RASD_COMPILE=1 is set: then the hot modules (COMPILED) are
compiled to C extensions with mypyc (measured: about a third more Arabic articles a second,
for a build of about two minutes that needs a C compiler; the metadata is in pyproject.toml).

    RASD_COMPILE=1 pip install .        # compiled; fails if it cannot compile
    pip install -e .                    # pure Python, for development

Compiled modules go only into a built package (a wheel or ``pip install .``), never into
the source tree: an editable install (``pip install -e``) or an in-place build with
RASD_COMPILE=1 is refused, since an extension beside its .py is imported in its place and
would go on running the old code after the .py is edited. The build also writes
``rasd/_compiled.json`` (the digest of each compiled module's source), and ``import rasd``
refuses an extension whose source is not the one it was built from (see rasd/__init__.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tomllib
from glob import glob
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

HERE = Path(__file__).parent

# The modules mypyc compiles: those mypy checks ([tool.mypy] files in pyproject.toml), every
# module a document passes through. Measured on the Arabic text path (200 bench articles,
# against all of them compiled): leaving out annotate/ or events/ costs about a fifth of
# the speed each, the four knowledge modules about a tenth; text/ and model.py alone give
# 2-3%, they pay through the calls from the rest; adding io/ (cleaning, datelines,
# documents, language) gave nothing measurable. The knowledge's records (places, lexicon,
# actor_entries, taxonomy) were added later: their fields are then read directly, not
# looked up by name (16.3M -> 14.6M instructions per article). settings.py stays Python:
# its loader reads the declared types of the fields, which a compiled class keeps only in
# part (dict, not dict[str, int]).
# The rest (cli, io, evaluation, the builders of the knowledge) stays Python.
COMPILED = tomllib.loads((HERE / "pyproject.toml").read_text())["tool"]["mypy"]["files"]
MANIFEST = "_compiled.json"  # in the built package: module -> sha256 of its source


def _compile_requested() -> bool:
    value = os.environ.get("RASD_COMPILE", "").strip().lower()
    if value in ("", "0", "no", "off", "false"):
        return False
    if value in ("1", "yes", "on", "true"):
        return True
    raise SystemExit(f"RASD_COMPILE={value!r}: expected 1 (compile with mypyc) or 0")


def _sources() -> list[str]:
    return sorted({path for pattern in COMPILED for path in glob(pattern, root_dir=HERE)})


def _module(path: str) -> str:
    return path.removeprefix("src/").removesuffix(".py").removesuffix("/__init__").replace("/", ".")


class _BuildPy(build_py):
    """Also writes the digests of the compiled modules' sources into the built package."""

    def run(self) -> None:
        super().run()
        digests = {
            _module(path): hashlib.sha256((HERE / path).read_bytes()).hexdigest()
            for path in _sources()
        }
        target = Path(self.build_lib) / "rasd" / MANIFEST
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n")


class _BuildExt(build_ext):
    """Refuses to put compiled modules into the source tree (editable or in-place)."""

    def run(self) -> None:
        if self.inplace or getattr(self, "editable_mode", False):
            self.refuse()
        super().run()

    @staticmethod
    def refuse() -> None:
        raise SystemExit(
            "RASD_COMPILE=1 builds a package (pip install . or a wheel), not an editable or"
            " in-place install: an extension beside its .py would go on running after the"
            " .py is edited. Unset RASD_COMPILE for `pip install -e .`."
        )


MYPY = "mypy==2.4.1"  # mypyc; its version decides the C code, so one version is pinned


def _compiled_setup() -> None:
    if {"editable_wheel", "develop"} & set(sys.argv):  # pip install -e: say so before compiling
        _BuildExt.refuse()
    try:
        from mypyc.build import mypycify
    except ImportError:
        # pip's isolated build first asks setuptools for the build requirements, which
        # include setup_requires: setup() ends that pass, and pip runs this file again with
        # mypy installed
        setup(setup_requires=[MYPY])
        raise SystemExit(f"RASD_COMPILE=1 needs {MYPY} where rasd is built") from None
    os.chdir(HERE)  # mypycify takes paths relative to the working directory
    setup(
        setup_requires=[MYPY],
        ext_modules=mypycify(_sources(), opt_level="3", debug_level="0", group_name="rasd"),
        cmdclass={"build_py": _BuildPy, "build_ext": _BuildExt},
    )


if _compile_requested():
    _compiled_setup()
else:
    setup()
