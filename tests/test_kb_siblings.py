"""Round 28 (bot/kb/siblings.py): a question naming one member of a family of entries (the two levels of a VNeID
account, the sites c63 / t63, the Prime Minister's decisions, the yearly themes) is not answered with a sibling's
entry; a question asking how two members differ needs the entry that holds both, else both are offered. Families
come from the entries' ``family`` / ``members`` fields, which ``dxbot kb check`` checks."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.kb import KnowledgeBase
from bot.kb.decision import Answer
from bot.kb.loader import Entry, load_messages, parse_entry
from bot.kb.siblings import Families, answers, asks_both, checked, member_of, problems
from bot.nlp.normalize import analyze

pytestmark = pytest.mark.unit

DAY = dt.date(2026, 12, 1)
MESSAGES = load_messages()


def _entry(ident: str, members: tuple[str, ...], answer: str, family: str = "muc", title: str = "") -> Entry:
    return Entry(ident, "t", title or f"{ident}?", (f"{ident} là gì",), (), answer, DAY, (), family=family,
                 members=members)


ONE = _entry("one", ("mức 1|mức độ 1",), "Mức 1 tự đăng ký trên ứng dụng, mức 2 cần công an.")
TWO = _entry("two", ("mức 2|mức độ 2",), "Mức 2 đăng ký tại công an, có thu vân tay.")
BOTH = _entry("both", ("mức 1|mức độ 1", "mức 2|mức độ 2"), "Mức 1 và mức 2 khác nhau ở giá trị pháp lý.")
OTHER = _entry("other", (), "Ứng dụng VNeID do Bộ Công an làm.", family="")
FAMILIES = Families([ONE, TWO, BOTH, OTHER])
BY_ID = {e.id: e for e in (ONE, TWO, BOTH, OTHER)}


def _answered(entry: Entry) -> Answer:
    return Answer("confident", entry.answer, entry.id, 0.9, True)


def _check(entry: Entry, question: str, whole: str = "", kinds: frozenset[str] = frozenset()) -> Answer:
    return checked(FAMILIES, _answered(entry), BY_ID, analyze(question).text,
                   analyze(whole).text if whole else "", MESSAGES, lambda: kinds)


def test_a_member_is_named_in_any_of_its_ways_as_whole_words() -> None:
    assert member_of("mức 1|mức độ 1").names == ("muc 1", "muc do 1")
    assert FAMILIES.named(analyze("vneid mức độ 1 làm ở đâu").text) == {"muc": frozenset({"muc 1"})}
    assert FAMILIES.named(analyze("mức 12 là gì").text) == {}  # a longer number names no member
    assert FAMILIES.named(analyze("mức1 và mức 2").text) == {"muc": frozenset({"muc 1", "muc 2"})}


def test_asking_of_both_needs_a_word_that_compares() -> None:
    assert asks_both(analyze("mức 1 và mức 2 khác nhau thế nào").text)
    assert asks_both(analyze("phân biệt giúp mình mức 1 mức 2").text)
    assert asks_both(analyze("hai quyết định này mỗi cái quy định việc gì").text)
    assert not asks_both(analyze("tôi mới làm mức 1, mức 2 làm ở đâu").text)  # "mới" folds like "mỗi"


def test_the_sibling_of_the_member_asked_gives_way_to_the_member_asked() -> None:
    result = _check(TWO, "vậy mức 1 thì có cần đi đâu không")
    assert result.confident and result.entry == "one" and result.text.startswith(ONE.answer)


def test_the_member_asked_is_answered_as_it_was() -> None:
    for entry, question in ((TWO, "mức 2 làm ở đâu"), (ONE, "mức độ 1 tự làm được không"),
                            (BOTH, "mức 1 dùng được gì"), (OTHER, "mức 2 có dùng cho VNeID không")):
        answer = _answered(entry)
        assert checked(FAMILIES, answer, BY_ID, analyze(question).text, "", MESSAGES, frozenset) is answer


def test_a_kind_the_member_asked_does_not_give_offers_both() -> None:
    result = _check(TWO, "mức 1 mất phí bao nhiêu", kinds=frozenset({"fee"}))
    assert not result.confident and result.kind == "ambiguous"
    assert result.choice_entries == ["one", "two"]


def test_two_members_compared_need_the_entry_that_holds_both() -> None:
    result = _check(TWO, "mức 1 và mức 2 khác nhau thế nào")
    assert result.confident and result.entry == "both"
    answer = _answered(BOTH)
    assert checked(FAMILIES, answer, BY_ID, analyze("mức 1 với mức 2 khác gì").text, "", MESSAGES,
                   frozenset) is answer


def test_two_members_compared_with_no_entry_holding_both_are_offered() -> None:
    families = Families([ONE, TWO, OTHER])
    result = checked(families, _answered(OTHER), BY_ID, analyze("mức 1 và mức 2 khác nhau thế nào").text, "",
                     MESSAGES, frozenset)
    assert result.kind == "ambiguous" and result.choice_entries == ["one", "two"]
    assert result.text.startswith(MESSAGES["did_you_mean"])


def test_an_entry_outside_the_family_answers_a_comparison_only_naming_both() -> None:
    assert not answers(FAMILIES, OTHER, "muc", frozenset({"muc 1", "muc 2"}), both=True)
    assert answers(FAMILIES, OTHER, "muc", frozenset({"muc 1"}), both=False)
    assert answers(FAMILIES, ONE, "muc", frozenset({"muc 1", "muc 2"}), both=True)  # its answer says both


def test_a_question_pointing_back_names_what_its_story_named() -> None:
    story = "cô nói mức 1 là tự làm. Mức đó làm trên app nào"
    assert _check(TWO, "mức đó làm trên app nào", whole=story).entry == "one"
    assert _check(TWO, "mức đó làm trên app nào").entry == "two"  # nothing named: nothing to check


def test_kb_check_reports_a_family_the_entries_do_not_say() -> None:
    lone = _entry("lone", ("mức 3",), "Mức 3 là gì.", family="alone")
    unsaid = _entry("unsaid", ("mức 9",), "Không nói gì.")
    twice = _entry("twice", ("mức 2|mức 1",), "Mức 2 và mức 1.")
    found = problems([ONE, TWO, BOTH, lone, unsaid, twice])
    assert any("family 'alone'" in p and "two members" in p for p in found)
    assert any("'unsaid'" in p and "not said" in p for p in found)
    assert any("names two members" in p for p in found)
    assert problems([ONE, TWO, BOTH]) == []


def test_the_loader_keeps_family_and_members_together() -> None:
    raw = {"id": "x", "topic": "t", "title": "X?", "questions": ["x"], "answer": "X.", "verified": DAY,
           "kind": "history", "sources": [{"title": "Nguồn tiếng Việt", "publisher": "P", "url": "https://a.vn/x",
                                           "date": DAY, "quote": "X."}]}
    found: list[str] = []
    entry = parse_entry({**raw, "family": "muc", "members": ["mức 1"]}, "f.toml", found)
    assert entry is not None and entry.family == "muc" and entry.members == ("mức 1",) and not found
    for bad in ({"family": "muc"}, {"members": ["mức 1"]}, {"family": "Mức!", "members": ["mức 1"]},
                {"family": "muc", "members": []}):
        found = []
        entry = parse_entry({**raw, **bad}, "f.toml", found)
        assert found and entry is not None and not entry.family and not entry.members


@pytest.mark.parametrize(("question", "entry"), [
    # the story names the sibling, the question the member
    ("Con trai tôi bảo muốn làm mức 2 thì phải lên công an xã chụp ảnh, vậy mức 1 thì tôi có phải đi đâu không?",
     "vneid-dang-ky-muc-1"),
    ("tài khoản mức 1 làm ở đâu, có phải ra công an không", "vneid-dang-ky-muc-1"),
    ("Tôi đã tự đăng ký VNeID mức 1 trên điện thoại rồi. Giờ cơ quan bảo phải có mức 2, vậy mức 2 đăng ký ở đâu?",
     "vneid-kich-hoat-muc-2"),
    ("Năm 2023 là năm dữ liệu số quốc gia, vậy chủ đề ngày chuyển đổi số năm 2024 là gì?", "ngay-cds-chu-de-2024"),
    # a decision pointed back at by the programme its story named
    ("Em học lớp 11, cô dạy tin nói chương trình chuyển đổi số quốc gia là theo quyết định của Thủ tướng nhưng em "
     "quên mất. Quyết định đó số mấy, ban hành năm nào ạ?", "ct-749-la-gi"),
    # unchanged: the member asked
    ("mức 1 và mức 2 khác nhau thế nào", "vneid-muc-1-khac-muc-2"),
    ("Tôi có tài khoản mức 2 rồi, đăng nhập dịch vụ công bằng gì?", "vneid-dang-nhap-dich-vu-cong"),
    ("Quyết định 505 là gì", "ngay-cds-quyet-dinh-505"),
    ("c63 là trang gì", "55-bai-toan-cds"),
    # two decisions compared: Decision 942's answer says what 411 is beside it
    ("Chiến lược 942 và chiến lược 411 khác nhau thế nào?", "ct-chien-luoc-942"),
])
def test_the_member_asked_is_answered(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    result = real_kb.answer(question)
    assert result.confident and result.entry == entry, (result.entry, result.choice_entries)


@pytest.mark.parametrize(("question", "offered"), [
    ("c63 và t63 khác nhau thế nào", {"55-bai-toan-cds", "21-cau-chuyen-cds"}),
    ("Tôi đọc văn bản thấy nhắc cả Quyết định 749 lẫn Quyết định 505 về chuyển đổi số, dễ nhầm quá. Hai quyết định "
     "này mỗi cái quy định việc gì?", {"ct-749-la-gi", "ngay-cds-quyet-dinh-505"}),
])
def test_two_members_compared_with_no_entry_for_both_are_offered(real_kb: KnowledgeBase, question: str,
                                                                 offered: set[str]) -> None:
    result = real_kb.answer(question)
    assert not result.confident and set(result.choice_entries) == offered, (result.entry, result.choice_entries)


def test_the_kb_families_are_the_ones_its_editors_wrote(real_kb: KnowledgeBase) -> None:
    families = real_kb.families
    assert {"muc-dinh-danh", "trang-c63-t63", "quyet-dinh-thu-tuong", "chu-de-ngay-cds"} <= set(families.members)
    assert families.of_entry["vneid-muc-1-khac-muc-2"][1] == frozenset({"muc 1", "muc 2"})
    assert problems(list(real_kb.entries)) == []
