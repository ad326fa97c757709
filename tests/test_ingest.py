import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.io import language
from rasd.io.documents import NO_PUBLICATION_DATE
from rasd.io.identity import identity_key
from rasd.io.ingest import (
    IngestError,
    decode,
    document_from_html,
    document_from_text,
    identify_language,
    read_path,
    read_records,
)
from rasd.io.language import IDENTIFY_CHARS, beginning

ARABIC = "سقطت قذيفة على سوق المدينة صباح اليوم وأصيب ثلاثة مدنيين بجروح طفيفة."
ENGLISH = "A rocket landed near the market this morning and three civilians were lightly hurt."

SCRAPED = """icon
التغطية الحية

قذيفة تصيب سوق المدينة وتجرح ثلاثة مدنيين

2024.01.15 | 15:45 دمشق

+A
حجم الخط
-A

سقطت قذيفة على سوق المدينة صباح اليوم وأصيب ثلاثة مدنيين بجروح طفيفة، بحسب مصدر محلي.

شارك: فايسبوك | إكس | واتساب

اقرأ أيضاً:
- افتتاح مدرسة جديدة في الريف
- ارتفاع أسعار الخبز في الأسواق
"""

PAGE = """<!doctype html><html><head><title>Shell hits market | Example News</title>
<meta property="article:published_time" content="2024-03-02T09:30:00+02:00"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Shell hits market, three hurt</h1>
<p>A shell landed on the central market of the town on Saturday morning, wounding three
civilians who were buying bread, a local doctor said.</p>
<p>The doctor said all three were treated for light injuries and went home the same day,
while shop owners cleared the broken glass from the street.</p>
<p>No group said it had fired the shell, and the army said it was looking into the matter.</p>
</article><aside><h3>Most read</h3><ul><li>Bread prices rise again</li></ul></aside>
</body></html>"""


def test_utf8_with_bom_is_decoded_without_the_bom():
    assert decode(b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), "a.txt") == ARABIC


def test_utf16_with_bom_is_decoded():
    assert decode(ARABIC.encode("utf-16"), "a.txt") == ARABIC


def test_windows_1256_arabic_is_decoded():
    assert decode(ARABIC.encode("cp1256"), "a.txt") == ARABIC


def test_iso_8859_6_arabic_is_decoded():
    assert decode(ARABIC.encode("iso8859_6"), "a.txt") == ARABIC


def test_binary_content_is_refused():
    with pytest.raises(IngestError, match="binary file, not text"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "a.png")


def test_error_message_names_the_source():
    error = IngestError("news/a.txt", "empty file")
    assert str(error) == "news/a.txt: empty file" and error.source == "news/a.txt"


def test_empty_file_is_refused(tmp_path: Path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n")
    with pytest.raises(IngestError, match="empty file"):
        list(read_path(path))


def test_missing_path_is_refused(tmp_path: Path):
    with pytest.raises(IngestError, match="no such file"):
        list(read_path(tmp_path / "absent.txt"))


def test_directory_path_is_refused(tmp_path: Path):
    with pytest.raises(IngestError, match="is a directory"):
        list(read_path(tmp_path))


def test_oversize_file_is_refused_with_its_size(tmp_path: Path):
    path = tmp_path / "huge.html"
    with path.open("wb") as f:
        f.truncate(52_400_000)
    with pytest.raises(IngestError, match=r"file is 52.4 MB, larger than the 20 MB limit"):
        list(read_path(path))


def test_html_gives_main_text_title_and_published_time():
    doc = document_from_html(PAGE, "market")
    assert doc.title == "Shell hits market, three hurt"
    assert "A shell landed on the central market" in doc.text
    assert "Home" not in doc.text and "Bread prices" not in doc.text
    assert doc.published == dt.datetime(
        2024, 3, 2, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert doc.language == "en" and doc.warnings == []


def test_html_headline_leads_the_text():
    assert document_from_html(PAGE, "market").text.startswith("Shell hits market, three hurt\n\n")


def test_published_argument_overrides_the_page():
    when = dt.datetime(2024, 3, 3, 8, 0, tzinfo=dt.UTC)
    assert document_from_html(PAGE, "market", published=when).published == when


def test_html_without_article_text_warns():
    doc = document_from_html("<html><body><script>var x = 1;</script></body></html>", "blank")
    assert doc.text == "" and "no article text found" in doc.warnings


def test_scraped_furniture_lines_are_dropped():
    doc = document_from_text(SCRAPED, "market")
    for furniture in ("icon", "التغطية الحية", "+A", "حجم الخط", "-A", "فايسبوك", "اقرأ أيضاً"):
        assert furniture not in doc.text
    assert "افتتاح مدرسة" not in doc.text  # a related-article link
    assert "بحسب مصدر محلي." in doc.text


@pytest.mark.parametrize(
    "caption",
    [
        "Smoke rises over the market after the clashes. / Photo: Reuters",
        "آثار القصف على حي سكني في المدينة (صورة: وكالة محلية)",
        "من آثار الاشتباكات في المدينة",
        "دورية للشرطة عند دوار في المدينة، 7 مايو 2024 (إكس)",
    ],
)
def test_a_photo_caption_is_no_text(caption):
    text = f"قصف على البلدة\n\n{caption}\n\nقصفت المدفعية البلدة صباح اليوم."
    assert document_from_text(text, "caption").text == (
        "قصف على البلدة\n\nقصفت المدفعية البلدة صباح اليوم."
    )


def test_a_paragraph_going_on_after_a_photo_credit_stays():
    paragraph = (
        "A strike killed 12 people at a market in Deir al-Balah on Sunday (Photo: AFP). "
        "Another 30 were wounded."
    )
    assert paragraph in document_from_text(f"Strike on a market\n\n{paragraph}", "credit").text


def test_a_related_link_on_one_line_with_its_marker_is_no_text():
    text = (
        "قصف على البلدة\n\nقصفت المدفعية البلدة صباح اليوم.\n"
        "اقرأ ايضا: شهداء وجرحى في قصف على مخيم النصيرات ومدينة رفح جنوب القطاع\n"
        "وأصيب ثلاثة مدنيين بجروح."
    )
    assert "النصيرات" not in document_from_text(text, "link").text


def test_a_pages_summary_bullets_are_no_text():
    text = (
        "قصف على البلدة\n\nأظهر الملخص\n- قصفت المدفعية البلدة ما أدى إلى مقتل مدنيين.\n\n"
        "قصفت المدفعية البلدة صباح اليوم."
    )
    assert "مدنيين" not in document_from_text(text, "summary").text


def test_a_stored_pages_date_stamp_stands_on_a_line_of_its_own():
    doc = document_from_text("date 2024-03-10 BAGHDAD (Reuters) - A bomb exploded.", "stamp")
    assert doc.text.split("\n")[:2] == ["date 2024-03-10", "BAGHDAD (Reuters) - A bomb exploded."]
    assert doc.published is not None and doc.published.date().isoformat() == "2024-03-10"


def test_a_line_of_search_keywords_is_no_text():
    text = "قصف على البلدة\n\nقصفت المدفعية البلدة صباح اليوم.\nكلمات البحث :سيناء;هجوم انتحاري"
    assert "انتحاري" not in document_from_text(text, "tags").text


def test_headlines_after_the_last_sentence_of_the_body_are_links_not_text():
    body = "قصف على البلدة\n\nقصفت المدفعية البلدة صباح اليوم ما أدى إلى أضرار كبيرة في المنازل."
    links = "\nانفجار عبوة ناسفة بسيارة عسكرية في درعا\nاشتباكات بين فصيلين في ريف حلب"
    doc = document_from_text(body + links, "tail")
    assert doc.text.endswith("في المنازل.")


def test_an_english_headline_between_paragraphs_is_a_link_not_text():
    text = (
        "Blast hits army truck\n\nA roadside bomb hit an army truck near Tikrit on Sunday.\n\n"
        "Five killed in air strikes on a market town, officials say\n\n"
        "No group claimed the attack.\n\nDrone strike on a farm kills two"
    )
    doc = document_from_text(text, "inserted")
    assert "market town" not in doc.text and "farm" not in doc.text
    assert doc.text.endswith("No group claimed the attack.")


def test_an_english_body_ending_without_a_stop_keeps_its_last_line():
    text = "Shelling on the town\n\nShells hit the town this morning.\nThree civilians were wounded"
    assert document_from_text(text, "open").text.endswith("were wounded")


def test_an_english_line_opening_a_list_with_a_colon_stays():
    text = (
        "Toll rises\n\nThe toll rose on Sunday.\n\nThe ministry gave the toll by province:"
        "\n\n- Idlib: four killed."
    )
    assert "by province:" in document_from_text(text, "colon").text


def test_an_arabic_line_heading_a_section_stays():
    text = "قصف على البلدة\n\nقصفت المدفعية البلدة.\n\nفي ريف إدلب\n\nقصفت المدفعية قرية."
    assert "في ريف إدلب" in document_from_text(text, "section").text


def test_a_body_ending_without_a_stop_keeps_its_last_line():
    text = "قصف على البلدة\n\nقصفت المدفعية البلدة صباح اليوم.\nوأصيب ثلاثة مدنيين بجروح"
    assert document_from_text(text, "open").text.endswith("بجروح")


def test_scraped_headline_is_the_title_and_stays_in_the_text():
    doc = document_from_text(SCRAPED, "market")
    assert doc.title == "قذيفة تصيب سوق المدينة وتجرح ثلاثة مدنيين"
    assert doc.text.startswith(doc.title)


def test_a_lead_paragraph_of_many_commas_is_not_the_headline():
    lead = (
        "شهدت المدينة، مركز الولاية، الأربعاء، معارك بين الجيش والدعم السريع، استخدمت فيها المدفعية"
    )
    doc = document_from_text(f"متابعات\n{lead}\nوقصف الطيران مواقع شمال المدينة.", "lead")
    assert doc.title != lead


def test_damascus_date_line_is_the_publication_time():
    doc = document_from_text(SCRAPED, "market")
    assert doc.published is not None
    assert doc.published.isoformat() == "2024-01-15T15:45:00+03:00"


def test_month_name_date_line_is_read_at_noon():
    doc = document_from_text(f"ديسمبر 26, 2023\n\n{ARABIC}", "a")
    assert doc.published is not None
    assert doc.published.isoformat() == "2023-12-26T12:00:00+03:00"


def test_outlet_city_sets_the_zone_of_a_clock_time():
    doc = document_from_text(
        f"الأربعاء 19 كانون الثاني 2022 | 09:15\n\nبيروت – خاص\n\n{ARABIC}", "a"
    )
    assert doc.published is not None
    assert doc.published.isoformat() == "2022-01-19T09:15:00+02:00"


def test_english_wire_dateline_gives_the_date():
    doc = document_from_text(f"Shell hits market\n\nBEIRUT, Jan 5, 2024 — {ENGLISH}", "a")
    assert doc.published is not None and doc.published.date() == dt.date(2024, 1, 5)


def test_a_dateline_city_with_a_dotted_capital_i_sets_its_zone():
    doc = document_from_text(f"Drone strike\n\nİSTANBUL, Jan 5, 2024 14:30 — {ENGLISH}", "a")
    assert doc.published is not None and doc.published.utcoffset() == dt.timedelta(hours=3)


def test_missing_date_warns():
    assert NO_PUBLICATION_DATE in document_from_text(ARABIC, "a").warnings


def test_text_cleanup_keeps_offsets_on_the_clean_text():
    doc = document_from_text("\ufeffسطر  أول\u200b\r\n\r\n\r\n\r\nسطر\tثان", "a")
    assert doc.text == "سطر أول\n\nسطر ثان"


def test_control_characters_of_a_record_are_dropped():
    # a record's JSON may hold "\u0000": no store keeps a NUL (PostgreSQL refuses one)
    doc = document_from_text("قصف\x00 على\x07 البلدة\x1b", "a")
    assert doc.text == "قصف على البلدة"


def test_jsonl_records_good_and_bad_lines():
    lines = [
        json.dumps({"doc_id": "one", "text": ARABIC, "published": "2024-01-15T15:45:00+03:00"}),
        "{not json",
        json.dumps({"text": ENGLISH, "published": "yesterday"}),
        json.dumps({"text": ENGLISH, "language": "en"}),
    ]
    items = list(read_records(lines, "feed.jsonl"))
    assert [type(item).__name__ for item in items] == [
        "Document",
        "IngestError",
        "IngestError",
        "Document",
    ]
    assert items[0].doc_id == "one" and items[0].language == "ar"
    assert str(items[1]).startswith("feed.jsonl:2: not JSON")
    assert "published" in str(items[2]) and items[2].source == "feed.jsonl:3"
    assert items[3].doc_id == identity_key(items[3].identity) and items[3].language == "en"


def test_read_path_names_documents_after_the_file(tmp_path: Path):
    path = tmp_path / "market-shell.txt"
    path.write_bytes(ARABIC.encode("cp1256"))
    (doc,) = read_path(path)
    assert doc.doc_id == "market-shell" and doc.text == ARABIC and doc.source == str(path)


def test_read_path_reads_html_by_content(tmp_path: Path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = read_path(path)
    assert doc.title == "Shell hits market, three hurt"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (ARABIC, "ar"),
        (ENGLISH, "en"),
        ("Une roquette est tombée près du marché ce matin.", "other"),
    ],
)
def test_language_is_identified(text: str, language: str):
    assert identify_language(text) == language


def test_short_text_has_no_language():
    assert identify_language("ok") == "other" and identify_language("") == "other"


DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"


@pytest.mark.skipif(not DEV.is_dir(), reason="shared dev set not present")
def test_dev_pages_give_the_gold_publication_day():
    for gold_path in sorted(DEV.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if not gold.get("published") or not (DEV / gold["document"]).exists():
            continue
        (doc,) = read_path(DEV / gold["document"])
        if doc.published is not None:
            assert doc.published.date().isoformat() == gold["published"][:10], gold["doc_id"]


def test_date_line_with_a_word_between_day_and_month_is_read():
    doc = document_from_text(f"15 من كانون الثاني 2024 | 10:30\n\n{ARABIC}", "a")
    assert doc.published is not None
    assert doc.published.isoformat() == "2024-01-15T10:30:00+03:00"


def _refuse_identification(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("language identified although it was given")

    monkeypatch.setattr("rasd.io.language._language_identifier", refuse)
    monkeypatch.setattr("rasd.io.documents.identify_language", refuse)


def test_record_that_gives_its_language_is_not_identified_again(monkeypatch):
    _refuse_identification(monkeypatch)
    lines = [
        json.dumps({"text": ARABIC, "language": "ar"}),
        json.dumps({"html": PAGE, "language": "en"}),
        json.dumps({"text": ENGLISH, "language": "other"}),
    ]
    items = list(read_records(lines, "feed.jsonl"))
    assert [getattr(item, "language", item) for item in items] == ["ar", "en", "other"]


def test_given_language_is_kept_for_text_and_html(monkeypatch):
    _refuse_identification(monkeypatch)
    assert document_from_text(ARABIC, "a", language="ar").language == "ar"
    assert document_from_html(PAGE, "market", language="en").language == "en"


def _modules_loaded_after(code: str) -> list[str]:
    heavy = ("trafilatura", "lxml", "py3langid")
    probe = f"import sys; print(' '.join(m for m in {heavy!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\n{probe}"], capture_output=True, text=True, check=True
    )
    return result.stdout.split()


def test_importing_ingest_loads_neither_trafilatura_nor_the_language_model():
    assert _modules_loaded_after("import rasd.io.ingest") == []


def test_plain_text_with_its_language_loads_neither_trafilatura_nor_the_language_model():
    code = (
        "from rasd.io.ingest import document_from_text\n"
        f"assert document_from_text({ARABIC!r}, 'a', language='ar').language == 'ar'"
    )
    assert _modules_loaded_after(code) == []


def test_language_of_a_long_article_is_decided_from_its_beginning():
    arabic_start = " ".join([ARABIC] * 30)  # about 2,100 characters
    assert len(arabic_start) > IDENTIFY_CHARS
    assert identify_language(arabic_start + " " + " ".join([ENGLISH] * 300)) == "ar"


def test_beginning_read_for_identification_keeps_words_whole():
    text = "word " * 400
    head = beginning(text)
    assert len(head) <= IDENTIFY_CHARS and head.endswith("word") and text.startswith(head)
    assert beginning("short text") == "short text"
    assert beginning("x" * 2000) == "x" * IDENTIFY_CHARS


def test_arabic_is_told_by_its_script_without_the_identifier(monkeypatch):
    def no_identifier():
        raise AssertionError("the identifier was asked")

    monkeypatch.setattr(language, "_language_identifier", no_identifier)
    assert (
        language.identify_language("قصفت المدفعية أطراف القرية صباح اليوم وأصابت منزلين.") == "ar"
    )


def test_letters_other_languages_add_to_the_script_go_to_the_identifier():
    # Persian writes ی and پ, which Arabic does not use
    assert language.identify_language("پیش از ظهر امروز چند موشک به این پایگاه شلیک شد.") != "ar"
