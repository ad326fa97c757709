"""The Python interface: ``rasd.extract`` and ``python -m rasd``."""

import datetime as dt
import subprocess
import sys

import pytest

import rasd
from rasd.pipeline import publication_time

REPORT = "قصفت قوات النظام مدينة إدلب أمس وقتل ثلاثة مدنيين."


def yesterday_of(published) -> set[str]:
    return {str(e.date_from) for e in rasd.extract(REPORT, published=published)}


def test_published_may_be_an_iso_string():
    assert yesterday_of("2024-01-15T12:00:00+03:00") == {"2024-01-14"}


def test_published_may_be_a_datetime():
    when = dt.datetime(2024, 1, 15, 12, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert yesterday_of(when) == {"2024-01-14"}


def test_published_may_be_a_date():
    assert yesterday_of(dt.date(2024, 1, 15)) == {"2024-01-14"}


def test_a_date_is_taken_as_midnight_utc():
    assert publication_time(dt.date(2024, 1, 15)) == dt.datetime(2024, 1, 15, tzinfo=dt.UTC)


def test_a_published_value_that_is_no_time_is_named():
    with pytest.raises(ValueError, match="'last Sunday'"):
        rasd.extract(REPORT, published="last Sunday")
    with pytest.raises(ValueError, match="15"):
        publication_time(15)  # type: ignore[arg-type]


def test_python_dash_m_rasd_is_the_command_line():
    done = subprocess.run(
        [sys.executable, "-m", "rasd", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"rasd {rasd.__version__}"
