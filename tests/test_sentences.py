"""Where sentences end: the spans every later stage reads one at a time."""

from rasd.text.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [span.text for span in split_sentences(text)]


def test_a_stop_and_a_space_end_a_sentence():
    assert texts("قصفت المدفعية البلدة. وأصيب مدنيان.") == [
        "قصفت المدفعية البلدة.",
        "وأصيب مدنيان.",
    ]


def test_a_stop_an_arabic_word_follows_without_a_space_ends_a_sentence():
    text = "اشتبك الشبان مع الأمن في قابس أمس.وشهدت مدينة قفصة توتراً مماثلاً."
    assert texts(text) == ["اشتبك الشبان مع الأمن في قابس أمس.", "وشهدت مدينة قفصة توتراً مماثلاً."]


def test_a_decimal_point_and_an_abbreviation_end_no_sentence():
    assert texts("U.S. forces struck 3.5 km from the town. Two died.") == [
        "U.S. forces struck 3.5 km from the town.",
        "Two died.",
    ]


def test_a_stop_after_an_arabic_title_abbreviation_ends_no_sentence():
    assert texts("قال د.محمد علي إن القصف استمر. وأصيب مدنيان.") == [
        "قال د.محمد علي إن القصف استمر.",
        "وأصيب مدنيان.",
    ]
