"""Round 9 (qa9in): how people frame a question — greetings, "được hiểu là", what they could not find or
understand, a resumptive "nó", Southern "ổng bà" and "dậy" — and an address tie that is no tie when the
question asks something else of the site it names."""

from __future__ import annotations

import pytest

from bot.kb import get_kb
from bot.kb.asks import asks_address
from bot.kb.lexicon import scaffolding, view
from bot.nlp.dialect import standardize
from bot.nlp.normalize import analyze


def scaffolded_words(text: str) -> list[str]:
    analysis = analyze(text)
    return [analysis.units[i].tokens[0] for i in sorted(scaffolding(analysis))]


@pytest.mark.parametrize(("text", "words"), [
    ("Con chào cô chú, chính phủ số là gì", ["chao", "co"]),
    ("dạ e chào ad, xã hội số là gì", ["chao", "admin"]),
    ("Kính chào, kinh tế số là gì", ["kinh", "chao"]),
    ("chính phủ số được hiểu là gì", ["hieu", "la"]),
    ("VNeID là gì, tui tìm hoài không ra", ["tim", "hoai", "khong", "ra"]),
    ("Đề án 06 là gì, đọc mãi không hiểu", ["doc", "mai", "khong", "hieu"]),
    ("hôm qua tổ trưởng nói 30% hay là 20%, lộn quá", ["hom", "qua", "hay", "la", "lon", "qua"]),
    ("xã hội số là gì đúng không", []),  # a check stays a word (a look-alike asking one was answered without it)
])
def test_framing_is_scaffolding(text: str, words: list[str]) -> None:
    assert scaffolded_words(text) == words


@pytest.mark.parametrize("text", [
    "chương trình chào mừng Ngày Chuyển đổi số",  # the KB's own "chào mừng": not a greeting
    "tìm tổ công nghệ số ở đâu",  # "tìm" asks where to find it: only "tìm … không ra/thấy" tells a failure
    "bot không hiểu câu hỏi thì sao",  # the channel not understanding is a topic of its own
])
def test_the_same_words_asking_stay_words(text: str) -> None:
    assert scaffolded_words(text) == []


def test_a_resumptive_it_is_scaffolding_a_pointing_one_is_not() -> None:
    assert scaffolded_words("Đề án 06 nó giúp gì") == ["no"]  # "nó" repeats the name just said
    assert scaffolded_words("VNeID nó là gì") == ["no"]
    assert scaffolded_words("Giờ nó thuộc bộ nào") == []  # points back at something said before
    assert scaffolded_words("de an 06 no giup gi") == []  # unmarked "no" is also "nợ", "no"


@pytest.mark.parametrize(("text", "standard"), [
    ("Ổng bà tui hỏi ngày nào", "ông bà tôi hỏi ngày nào"),  # grandparents, not "ông ấy" + "bà"
    ("ổng nói gì", "ông ấy nói gì"),
    ("Đề án 06 giúp gì cho dân mình dậy, tui đọc hoài", "Đề án 06 giúp gì cho dân mình vậy, tôi đọc hoài"),
    ("mấy giờ thức dậy đi làm", "mấy giờ thức dậy đi làm"),  # "dậy" inside a clause is "wake up"
])
def test_southern_words(text: str, standard: str) -> None:
    assert standardize(text) == standard


@pytest.mark.parametrize(("question", "asks"), [
    ("dia chi trang web dich vu cong quoc gia la gi", True),
    ("trang web nao de nop ho so truc tuyen", True),
    ("cai trang web dichvucong gov viet nam ay mo tu khi nao nhi", False),  # asks when it opened
    ("trang web dich vu cong do ai van hanh", False),
])
def test_an_address_asked_not_a_site_named(question: str, asks: bool) -> None:
    assert asks_address(question) is asks


def required(text: str) -> frozenset[str]:
    """The content items of a question (marked words appear as their tone keys: "#con0")."""
    return view(analyze(text)).required


def test_a_counted_kinship_word_is_a_person_not_address() -> None:
    assert "#con0" in required("Bộ trưởng có mấy người con")  # children: no entry says them
    assert "#con0" in required("ông ấy có mấy đứa con")
    assert "#con0" not in required("cho con hỏi bộ trưởng là ai")  # the speaker, addressing the channel
    assert not {"#chau1", "#bac1"} & required("cháu chào bác, cho cháu hỏi")


@pytest.mark.parametrize(("question", "entry"), [
    # how mobile internet ranks worldwide, typed without marks (the out-of-scope class holds a 2022 look-alike)
    ("internet di dong nuoc minh dung thu may the gioi", "ngay-cds-2025-so-lieu"),
    # how many teams one village sets up: the entry that says what the teams are (one per village), not the count
    ("1 thon dc lap may to cong nghe so z", "tcns-la-gi"),
])
def test_phrasing_families_of_round9(question: str, entry: str) -> None:
    result = get_kb().answer(question)
    assert (result.kind, result.entry) == ("confident", entry), result.choice_entries
