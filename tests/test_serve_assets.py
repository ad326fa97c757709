"""What the desk ships for its page to work offline: each vendored asset with its licence
beside it and its origin, version and licence in NOTICE.md."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "src" / "rasd" / "serve" / "static"
LICENCES = {
    "vendor/leaflet": ("LICENSE", "`leaflet` 1.9.4", "BSD-2-Clause"),
    "vendor/leaflet.markercluster": ("MIT-LICENCE.txt", "`leaflet.markercluster` 1.5.3", "MIT"),
    "vendor/swagger-ui": ("LICENSE", "`swagger-ui-dist` 5.36.0", "Apache-2.0"),
    "basemap": ("LICENSE-world-atlas.txt", "`world-atlas` 2.0.2", "public domain"),
}


def test_every_vendored_folder_is_one_the_notice_accounts_for():
    shipped = {f"vendor/{p.name}" for p in (STATIC / "vendor").iterdir()} | {"basemap"}
    assert shipped == set(LICENCES)


def test_each_vendored_asset_keeps_its_licence_beside_it():
    for folder, (licence, _, _) in LICENCES.items():
        assert (STATIC / folder / licence).stat().st_size > 100, folder


def test_the_notice_names_each_asset_with_its_version_and_licence():
    notice = (ROOT / "NOTICE.md").read_text(encoding="utf-8")
    for _, origin, licence in LICENCES.values():
        assert origin in notice and licence in notice
    assert "OCHA / Iraq Central Statistical Organization" in notice


def test_the_page_loads_nothing_from_elsewhere():
    for page in ("index.html", "docs.html"):
        html = (STATIC / page).read_text(encoding="utf-8")
        assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
