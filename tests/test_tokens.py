import pytest

from rasd.text.normalize import fold
from rasd.text.tokens import is_definite, past_clitics, token_keys, tokenize, written_definite


@pytest.mark.parametrize("word", ["المدينة", "والمدينة", "بالمدينة", "للمدينة", "وللمدينة"])
def test_a_word_with_the_article_is_definite_past_its_clitics(word):
    assert is_definite(fold(word))


@pytest.mark.parametrize("word", ["مدينة", "بمدينة", "لمدينة", "وبمدينة", "ال", "الى"])
def test_a_word_in_construct_form_is_not_definite(word):
    assert not is_definite(fold(word))


def test_clitics_come_off_a_word_one_by_one():
    assert {"بالقصف", "القصف", "قصف"} <= token_keys(fold("وبالقصف"))


def test_past_its_clitics_a_word_may_be_as_short_as_two_letters():
    assert past_clitics(fold("وبتل")) == {"بتل", "تل"}
    assert past_clitics(fold("بأم")) == {"ام"}


def test_an_alef_with_a_hamza_is_no_article():
    words = tokenize("ألقت الطائرة وألقى القنابل")
    assert [written_definite(t) for t in words] == [False, True, False, True]
