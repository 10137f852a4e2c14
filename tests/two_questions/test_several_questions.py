"""Round 15 (`qa15multi`): messages with more than one question — find the first question asked, answer it, offer the
next one's entry.

- a sentence of the asker's story ended by a full stop reads as a question by a word of the story ("mấy cái hạn chế",
  "không biết làm cái gì"); where the questions end on "?" and two or more are left, it is set aside
  (``bot.kb.message.unstoried``), and of three questions in one sentence the first two are read, not the first and
  the last (``first_two``);
- "và" inside a ministry's name joins no second question (``bot.nlp.clauses._and_in_name``);
- a year before a noun and its demonstrative ("Năm 2025 lễ đó") is no part of the noun looked up in the story
  (``bot.nlp.reference._head``);
- two years asked side by side ("… năm 2025 vs 2030") are two questions: an entry stating both is answered, else the
  first year's answer stands and the other year's entry is offered (``bot.kb.years``, ``bot.kb.several.years_apart``).
"""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.message import Sentence, first_two, sentences_of, unstoried
from bot.kb.years import states_both, two_years
from bot.nlp.clauses import clauses
from bot.nlp.reference import resolve

pytestmark = pytest.mark.unit


def _sentences(parts: list[str], text: str) -> dict[str, Sentence | None]:
    return dict(zip(parts, sentences_of(parts, text), strict=True))


def test_each_clause_knows_its_sentence_and_mark() -> None:
    text = "Tôi đọc bài năm 2022. Bài đó nêu gì, và tôi làm gì được?"
    parts = clauses(text)
    found = sentences_of(parts, text)
    assert [s.mark if s else None for s in found] == [".", "?", "?"]
    assert found[1] is not None and found[2] is not None and found[1].index == found[2].index
    assert found[0] is not None and found[0].index != found[1].index


def test_a_told_story_sentence_is_not_the_first_question() -> None:
    text = ("Tôi thấy bài viết của kênh năm 2022 có nói về mấy cái hạn chế. "
            "Bài viết nêu những hạn chế nào, và người dân có thể làm gì để góp phần?")
    parts = clauses(text)
    asks = [p for p in parts if p]
    kept = unstoried(asks, _sentences(parts, text))
    assert kept == parts[1:]


def test_a_told_sentence_that_says_the_wish_to_know_is_asked() -> None:
    text = "Tôi muốn hỏi VNeID là gì. Tên đăng nhập là số gì, mật khẩu gửi qua đâu?"
    parts = clauses(text)
    assert unstoried(parts, _sentences(parts, text)) == parts


def test_one_question_left_is_read_as_before() -> None:
    text = "Tôi đọc mấy bài của kênh rồi. Bài viết nêu những hạn chế gì thế?"
    parts = clauses(text)
    assert unstoried(parts, _sentences(parts, text)) == parts


def test_of_three_questions_in_one_sentence_the_first_two_are_read() -> None:
    text = "Tổ công nghệ số cộng đồng gồm những ai, ai ra quyết định thành lập, và tổ làm những việc gì?"
    parts = clauses(text)
    assert len(parts) == 3
    assert first_two(parts, _sentences(parts, text)) == parts[:2]
    # questions of different sentences, the first not ending on "?": the first and the last, as before
    told = "Nó đi làm cả ngày, không biết làm cái gì. Vậy tổ gồm những ai, ai ra quyết định thành lập?"
    cut = clauses(told)
    assert first_two(cut, _sentences(cut, told)) == [cut[0], cut[-1]]


@pytest.mark.parametrize("message", [
    "Xã tôi mới lập tổ công nghệ số cộng đồng, tôi được mời vào. Tôi sợ vào rồi không biết làm cái gì. "
    "Cho tôi hỏi tổ này gồm những ai, ai ra quyết định lập, và tổ làm những việc gì cho bà con?",
    "Ấp tui mới lập tổ công nghệ số cộng đồng. Tui sợ thằng con tui vô rồi hổng biết làm cái gì. "
    "Vậy tổ gồm những ai, ai ra quyết định lập, và tổ làm những việc gì cho bà con?",
])
def test_the_first_of_three_questions_is_answered_and_the_next_offered(real_kb: KnowledgeBase, message: str) -> None:
    answer = real_kb.answer(message)
    assert answer.confident and answer.entry == "tcns-thanh-vien"
    assert answer.choice_entries[:1] == ["tcns-ai-thanh-lap"]


def test_the_question_after_a_told_sentence_is_answered_first(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer(
        "Năm nào huyện cũng mời đi nghe tuyên truyền chuyển đổi số, toàn chuyện chung chung. Tôi thấy bài viết của "
        "kênh năm 2022 cũng nói về mấy cái hạn chế. Bài đó nêu những hạn chế nào, và người dân như tôi có thể làm "
        "gì để góp phần?")
    assert answer.confident and answer.entry == "cds-han-che-2022"
    assert answer.choice_entries == ["cds-nguoi-dan-gop-phan"]


@pytest.mark.parametrize("text", [
    "Bộ trưởng Bộ Khoa học và Công nghệ là ai vậy nhỉ",
    "Thế bây giờ Bộ trưởng Bộ Khoa học và Công nghệ là ai ấy nhỉ?",
    "bo truong bo khoa hoc va cong nghe bay gio la ai vay",
    "Thế giờ Bộ Thông tin và Truyền thông nhập vào bộ nào rồi nhỉ",
])
def test_and_inside_a_ministry_s_name_cuts_nothing(text: str) -> None:
    assert len(clauses(text)) == 1


def test_and_between_two_questions_still_cuts() -> None:
    assert clauses("VNeID là gì và tên đăng nhập là số gì vậy") == ["VNeID là gì", "và tên đăng nhập là số gì vậy"]


def test_two_questions_after_a_minister_s_name_offer_the_second(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Thế bây giờ Bộ trưởng Bộ Khoa học và Công nghệ là ai ấy nhỉ? Mảng báo chí, xuất bản "
                            "trước của Bộ Thông tin và Truyền thông chuyển sang bộ nào rồi ạ?")
    assert answer.confident and answer.entry == "bo-truong-khcn"
    assert answer.choice_entries == ["bao-chi-xuat-ban-thuoc-bo-nao"]


def test_a_year_before_the_noun_is_not_the_noun_looked_up() -> None:
    story = ["Tháng 10 năm 2025 trường tôi định cho học sinh xem lễ Ngày chuyển đổi số quốc gia, mà không thấy"]
    resolved = resolve("Năm 2025 lễ đó tổ chức vào ngày nào", story)
    assert "lễ Ngày chuyển đổi số quốc gia tổ chức" in resolved and "học sinh" not in resolved
    # a number right before the demonstrative is the noun's own
    assert "của Thủ tướng" in resolve("Quyết định 749 đó ai ký", ["Có quyết định 749 của Thủ tướng, năm 2020"])


def test_the_first_question_of_a_rambling_letter_about_a_moved_day(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer(
        "Tháng 10 năm 2025 trường tôi định cho học sinh xem lễ Ngày chuyển đổi số quốc gia vào ngày 10/10 như mọi "
        "năm, chuẩn bị máy chiếu mà mở ra không thấy gì. Sau mới nghe nói bị dời. Năm 2025 lễ đó tổ chức vào ngày "
        "nào, vì sao dời, và bộ nào tổ chức?")
    assert answer.confident and answer.entry == "ngay-cds-2025-ngay-to-chuc"


@pytest.mark.parametrize(("text", "years"), [
    ("Việt Nam muốn vào top mấy về chính phủ điện tử, năm 2025 vs 2030", ("2025", "2030")),
    ("mục tiêu EGDI 2025 2030", ("2025", "2030")),
    ("Mục tiêu an ninh mạng năm 2025 và năm 2030 là gì", ("2025", "2030")),
    ("muc tieu nam 2030 voi 2025 la gi", ("2030", "2025")),
    ("Chiến lược giai đoạn 2021–2025 là quyết định số mấy", None),  # a range
    ("Năm học 2025-2026 có miễn học phí không", None),
    ("Cổng mở năm 2019 hay 2020 nhỉ", None),  # a choice: which one
    ("Năm 2025 có bao nhiêu tổ", None),
])
def test_two_years_side_by_side(text: str, years: tuple[str, str] | None) -> None:
    assert two_years(text) == years


def test_two_years_answer_the_first_and_offer_the_other(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Mục tiêu chính phủ số năm 2025 và 2030 là gì")
    assert answer.confident and answer.entry == "ct-2025-chinh-phu-so"
    # review of round 15, M3: only the other year's entry of the same kind is offered ("Chương trình CĐS đặt mục
    # tiêu gì cho năm 2030?" is not: its title says another thing), so none here
    assert answer.choice_entries == []


def test_two_years_answered_by_an_entry_stating_both(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Việt Nam muốn đứng top bao nhiêu về chính phủ điện tử của Liên Hợp Quốc, năm 2025 vs 2030")
    assert answer.confident and answer.entry == "ct-xep-hang-egdi-2024"  # the EGDI ranking (review of round 15, L1)
    assert states_both(real_kb.by_id[answer.entry].answer, ("2025", "2030"))


def test_questions_of_one_sentence_answered_only_by_an_entry_stating_all_of_them(real_kb: KnowledgeBase) -> None:
    """Three questions of one sentence: answered only where the answer states all three (the ministry merged
    into, from which day, the minister; round 24 wrote the merger beside the minister), else the first one's
    entries are offered."""
    answer = real_kb.answer(
        "Hồi trước tôi nghe nói Bộ Thông tin và Truyền thông lo chuyện chuyển đổi số. Mà giờ thời sự nói bộ đó không "
        "còn nữa, nhập vô bộ khác rồi. Tôi già rồi nghe không kịp. Vậy giờ nhập vô bộ nào, từ ngày nào, ai làm bộ "
        "trưởng?")
    if answer.confident:
        said = real_kb.by_id[answer.entry].answer
        assert all(fact in said for fact in ("Bộ Khoa học và Công nghệ", "1/3/2025", "Nguyễn Mạnh Hùng"))
    else:
        assert "bo-tttt-nay-la-bo-nao" in answer.choice_entries


def test_two_years_reads_a_long_run_of_spaces_in_linear_time() -> None:
    import time

    from bot.kb.years import _SIDE_BY_SIDE

    started = time.perf_counter()
    assert _SIDE_BY_SIDE.search("2025" + " " * 50_000 + "x") is None  # two adjacent runs of spaces took minutes
    assert two_years("năm 2025" + " " * 50_000 + "2030") == ("2025", "2030")
    assert time.perf_counter() - started < 5.0
