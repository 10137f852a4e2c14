"""Round 10 (`qa10rest`): how the reader takes what a citizen tells around a question, and a few words it misread.

- a question, then what the citizen tells after a comma ("… nhiệm vụ gì ạ, em là đoàn viên muốn tham gia"): the
  context is cut off (bot/nlp/clauses.py), so the question is read alone;
- "còn bao nhiêu / mấy" without a comma is how many are *left*, one question (clauses);
- a capitalised word typed with marks after a capitalised one is a name ("Cái Răng"), neither rewritten by the
  Central table nor read as the question word "răng" (bot/nlp/dialect.py, clauses);
- "TT&TT", "KH&CN" are one abbreviation each (bot/nlp/normalize.py);
- "bỏ vô / bỏ vào" puts something in, it stops nothing (bot/kb/lexicon.py);
- "mk" before what a person does is "mình", not "mật khẩu" (bot/nlp/abbreviations.py).
"""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.lexicon import view
from bot.nlp.clauses import asks_by_itself, clauses
from bot.nlp.dialect import standardize
from bot.nlp.normalize import analyze


@pytest.mark.parametrize(("text", "parts"), [
    ("Dạ thưa anh chị, tổ công nghệ số cộng đồng ở thôn thì làm những nhiệm vụ gì ạ, em là đoàn viên muốn xung "
     "phong tham gia ạ",
     ["Dạ thưa anh chị, tổ công nghệ số cộng đồng ở thôn thì làm những nhiệm vụ gì ạ",
      "em là đoàn viên muốn xung phong tham gia ạ"]),
    ("chủ đề ngày cđs năm 2022 là gì vậy, mình cần gấp cho bài thuyết trình",
     ["chủ đề ngày cđs năm 2022 là gì vậy", "mình cần gấp cho bài thuyết trình"]),
])
def test_what_is_told_after_the_question_is_cut_off(text: str, parts: list[str]) -> None:
    assert clauses(text) == parts


@pytest.mark.parametrize("text", [
    # nothing is asked before the comma: a statement is not cut as a question's context
    "Ở thôn em có tổ công nghệ số cộng đồng, em muốn xung phong tham gia",
    # what follows asks too: no context to cut off (the older rule may cut, never into a context)
    "VNeID do ai làm, Bộ Công an phải không",
    # a context before the question is no question ending before the comma (round 13: a request opening the
    # question, "…, muốn hỏi …", cuts its context off instead:
    # tests/unit/reader/test_regional_words_and_request_openers.py)
    "Em là đoàn viên, em thắc mắc tổ công nghệ số làm gì",
])
def test_a_comma_that_ends_no_question_is_not_cut_as_context(text: str) -> None:
    parts = clauses(text)
    assert len(parts) == 1 or all(asks_by_itself(p) for p in parts), parts


@pytest.mark.parametrize(("text", "parts"), [
    ("Từ 1/7/2025 cả nước còn bao nhiêu tỉnh vậy", ["Từ 1/7/2025 cả nước còn bao nhiêu tỉnh vậy"]),
    ("tổ này còn mấy người nữa", ["tổ này còn mấy người nữa"]),
    # with a comma before it, "còn" still opens a second question
    ("VNeID là gì, còn bao nhiêu người chưa cài", ["VNeID là gì", "còn bao nhiêu người chưa cài"]),
])
def test_how_many_are_left_is_one_question(text: str, parts: list[str]) -> None:
    assert clauses(text) == parts


def test_a_place_name_is_no_question_word() -> None:
    assert standardize("Tôi bán tạp hóa ở Cái Răng, Cần Thơ.") == "Tôi bán tạp hóa ở Cái Răng, Cần Thơ."
    assert not asks_by_itself("Tôi bán tạp hóa ở Cái Răng, Cần Thơ")
    # the Central question word itself is still read, lower case or opening the message
    assert standardize("Cái ni mần răng?") == "Cái này làm sao?"
    assert asks_by_itself("Cái ni mần răng")
    # an unmarked capitalised word may be a title-cased question: still a question word
    assert asks_by_itself("VNeID Ai phát triển")


@pytest.mark.parametrize(("text", "normalized"), [
    ("Sở TT&TT", "so thong tin va truyen thong"),
    ("bo tt & tt", "bo thong tin va truyen thong"),
    ("Bộ KH&CN", "bo khoa hoc cong nghe"),
    ("a & b", "a b"),  # not a known abbreviation joined: left as typed
])
def test_initials_joined_by_an_ampersand_are_one_abbreviation(text: str, normalized: str) -> None:
    assert analyze(text).text == normalized


def test_putting_something_in_stops_nothing() -> None:
    assert not view(analyze("số liệu để bỏ vô báo cáo")).negated
    assert not view(analyze("bỏ vào bài thuyết trình")).negated
    assert view(analyze("bỏ đăng ký nhận tin")).negated


@pytest.mark.parametrize(("text", "standard"), [
    ("mk cần gấp", "mình cần gấp"),
    ("mk muốn hỏi", "mình muốn hỏi"),
])
def test_mk_before_what_a_person_does_is_minh(text: str, standard: str) -> None:
    assert standardize(text) == standard


def test_mk_alone_keeps_both_readings() -> None:
    assert standardize("quên mk vneid") == "quên mk vneid"


@pytest.mark.parametrize(("question", "entry"), [
    # the question first, then who asks (round 10: the members entry answered it)
    ("Dạ thưa anh chị, tổ công nghệ số cộng đồng ở thôn thì làm những nhiệm vụ gì ạ, em là đoàn viên muốn xung "
     "phong tham gia ạ", "tcns-nhiem-vu"),
    # "Bộ TT&TT" read as "thông tin | thủ tục | thanh toán" twice made it look off-topic
    ("bo tt&tt nhap vo bo khcn tu khi nao vay", "bo-tttt-nay-la-bo-nao"),
    # "bỏ vô báo cáo" read as a stopping verb: never answered before
    ("Mình đang cần số liệu tỷ lệ hồ sơ được xử lý trực tuyến toàn trình để bỏ vô báo cáo môn học",
     "dvc-ty-le-ho-so-truc-tuyen"),
    # the keyword query's "số thành viên" is the count's words too: the members entry says it as typed
    ("tổ công nghệ số thành viên", "tcns-thanh-vien"),
])
def test_these_messages_are_answered_with_their_entry(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry, (answer.kind, answer.entry, answer.choice_entries)
