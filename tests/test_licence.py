"""rasd says under which licence it comes, and credits the data it is built from."""

import tomllib
from pathlib import Path

from rasd.knowledge.gazetteer_files import gazetteer_info

ROOT = Path(__file__).resolve().parents[1]


def test_the_licence_file_is_the_one_the_package_declares():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert declared["project"]["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "Permission is hereby granted" in text


def test_the_notice_credits_every_source_of_the_gazetteer():
    notice = (ROOT / "NOTICE.md").read_text(encoding="utf-8")
    for source in ("OpenSyria", "OCHA", "GeoNames", "iso3166-2"):
        assert source in gazetteer_info() and source in notice


def test_the_notice_credits_the_word_lists_and_dictionaries_with_their_licences():
    notice = (ROOT / "NOTICE.md").read_text(encoding="utf-8")
    for credit in ("wordfreq", "CC BY-SA 4.0", "Open Event Data", "CC BY 4.0", "CC BY-IGO 3.0"):
        assert credit in notice
