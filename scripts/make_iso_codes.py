"""Write src/rasd/data/export/iso3166.tsv: every country's ISO 3166-1 codes, for the CSV export.

ACLED's `iso` column is the numeric code and its event ids start with the alpha-3 code, while
the gazetteer gives places the alpha-2 code. The table is taken from the `pycountry` package
(its ISO 3166-1 data comes from Debian's iso-codes, LGPL-2.1); run this script again to
refresh it:

    .venv/bin/pip install pycountry && .venv/bin/python scripts/make_iso_codes.py
"""

from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src/rasd/data/export/iso3166.tsv"


def main() -> None:
    rows = sorted((c.alpha_2, c.alpha_3, str(int(c.numeric)), c.name) for c in pycountry.countries)
    header = (
        "# ISO 3166-1 codes of every country: alpha-2 (the gazetteer's `iso`), alpha-3 (ACLED's\n"
        "# event ids) and numeric (ACLED's `iso` column), with the ISO short name. Made by\n"
        "# scripts/make_iso_codes.py from pycountry's data (Debian iso-codes, LGPL-2.1).\n"
        "# alpha2\talpha3\tnumeric\tname\n"
    )
    OUT.write_text(header + "".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    print(f"{OUT}: {len(rows)} countries")


if __name__ == "__main__":
    main()
