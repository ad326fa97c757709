"""The compiled build's guard (RASD_COMPILE=1, see setup.py): an extension module is imported
in place of the .py beside it, so ``import rasd`` refuses one not built from that .py."""

import hashlib
import json
from importlib.machinery import EXTENSION_SUFFIXES

import pytest

import rasd
from rasd.knowledge.compiled import source_files

SUFFIX = EXTENSION_SUFFIXES[0]


def _package(tmp_path, digests=None):
    package = tmp_path / "rasd"
    (package / "text").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "text" / "__init__.py").write_text("")
    (package / "text" / "matcher.py").write_text("X = 1\n")
    (package / "text" / f"matcher{SUFFIX}").write_bytes(b"compiled")
    (package / "text" / f"__init__{SUFFIX}").write_bytes(b"compiled")
    if digests is not None:
        (package / "_compiled.json").write_text(json.dumps(digests))
    return package


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def test_the_imported_build_passes_its_own_check():
    rasd._check_compiled()  # a source tree (none compiled) or a compiled install


def test_compiled_modules_are_named_as_imported(tmp_path):
    package = _package(tmp_path)
    assert sorted(rasd.compiled_modules(package)) == ["rasd.text", "rasd.text.matcher"]


def test_an_extension_built_from_its_source_is_accepted(tmp_path):
    digests = {"rasd.text": _digest(""), "rasd.text.matcher": _digest("X = 1\n")}
    rasd._check_compiled(_package(tmp_path, digests))


def test_an_extension_whose_source_changed_is_refused(tmp_path):
    digests = {"rasd.text": _digest(""), "rasd.text.matcher": _digest("X = 1\n")}
    package = _package(tmp_path, digests)
    (package / "text" / "matcher.py").write_text("X = 2\n")
    with pytest.raises(ImportError, match="matcher.py"):
        rasd._check_compiled(package)


def test_an_extension_built_by_hand_is_refused(tmp_path):
    with pytest.raises(ImportError, match="not compiled from"):
        rasd._check_compiled(_package(tmp_path))  # no record of its sources


def test_the_knowledge_cache_tells_a_compiled_build_apart():
    # the compiled modules are among the files the cached knowledge is keyed on
    assert set(rasd.compiled_modules().values()) <= set(source_files())
