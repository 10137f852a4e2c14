"""Round 12 (`qa12ramble`): long messages that tell a story before the question.

- a question pointing back at a noun the story named ("Chương trình đó là quyết định số mấy?") is read with what the
  story said of it (bot/nlp/reference.py, bot/kb/message.py ``resolved_parts``);
- under a negation "gì / đâu" ask nothing ("tìm mãi không thấy đâu"), "đâu có" denies, and "mấy" is also "several"
  ("mấy năm nay", "mấy đứa nhỏ … lập"): such story sentences are no questions (bot/nlp/clauses.py);
- "ngày dành cho …" describes a day, it names none (bot/kb/asks.py ``_NOT_A_NAME``).
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.kb.asks import asked
from bot.kb.engine import KnowledgeBase
from bot.kb.message import resolved_parts
from bot.nlp.clauses import asks_by_itself, clauses
from bot.nlp.normalize import analyze
from bot.nlp.reference import resolve


@pytest.mark.parametrize(("story", "question", "resolved"), [
    (["Thằng con tôi nói có chương trình của Thủ tướng phê duyệt từ năm 2020"],
     "Chương trình đó là quyết định số mấy?",
     "Chương trình của Thủ tướng phê duyệt từ năm 2020 là quyết định số mấy?"),
    (["Năm nay mấy đứa nhỏ lập cái tổ công nghệ số cộng đồng, tới nhà chỉ tôi cài ứng dụng"],
     "không biết cái tổ này lập ra theo văn bản nào",
     "không biết cái tổ công nghệ số cộng đồng lập ra theo văn bản nào"),
    # the noun and what qualifies it in the question: the story's words follow the whole phrase
    (["Hồi trước em có tự tạo tài khoản trên Cổng dịch vụ công quốc gia, giờ đăng nhập không được nữa"],
     "Vậy tài khoản kiểu cũ đó được xài tới ngày nào?",
     "Vậy tài khoản kiểu cũ trên Cổng dịch vụ công quốc gia được xài tới ngày nào?"),
    # the story goes on after the name: its "không còn nữa" is no part of the noun
    (["Ổng đọc báo thấy nói Bộ Thông tin và Truyền thông không còn nữa"],
     "Giờ bộ đó nhập vô bộ nào vậy?",
     "Giờ bộ Thông tin và Truyền thông nhập vô bộ nào vậy?"),
    # the nearest sentence that named the noun; "năm nay" there is deictic and skipped
    (["Năm nay tôi 62 tuổi", "Ban giám hiệu cần chủ đề năm 2022 của Ngày Chuyển đổi số quốc gia"],
     "Ad cho tôi xin nguyên văn chủ đề năm đó được không?",
     "Ad cho tôi xin nguyên văn chủ đề năm 2022 của Ngày Chuyển đổi số quốc gia được không?"),
])
def test_a_demonstrative_is_read_as_what_the_story_said(story: list[str], question: str, resolved: str) -> None:
    assert resolve(question, story) == resolved


@pytest.mark.parametrize(("story", "question"), [
    (["Tôi muốn đọc kỹ văn bản hướng dẫn gốc"], "Đó là văn bản số mấy?"),  # no noun before the demonstrative
    (["Tôi hay đọc tin trên mạng"], "Kênh này của ai?"),  # the channel itself: the story never said it
    (["Hồi đó tôi ở quê"], "Lúc đó có ngày chuyển đổi số chưa?"),  # a time word is deictic
    (["Tôi ở xã Tân Phú"], "Chủ đề năm 2022 là gì?"),  # nothing points back
])
def test_a_question_pointing_at_nothing_the_story_said_is_left_as_typed(story: list[str], question: str) -> None:
    assert resolve(question, story) == question


class _CountedWords(list):  # type: ignore[type-arg]
    """The words of a story sentence, counting the words every slice of them copies."""

    copied = 0

    def __getitem__(self, key: Any) -> Any:  # noqa: ANN401 (list's own signature: an index or a slice)
        got = super().__getitem__(key)
        if isinstance(key, slice):
            _CountedWords.copied += len(got)
        return got


class _Sentence(str):
    """A story sentence whose words are :class:`_CountedWords`."""

    __slots__ = ()

    def split(self, sep: str | None = None, maxsplit: int = -1) -> list[str]:  # type: ignore[override]
        return _CountedWords(super().split(sep, maxsplit))


def test_a_story_repeating_the_noun_with_a_demonstrative_is_scanned_in_linear_time() -> None:
    """Each occurrence of the noun followed by a demonstrative is skipped; copying the sentence's whole rest at
    each of them made a message of N such words cost N² (review of round 12: 32,000 words took 1.4 s in
    ``resolve``). The words copied stay within a few times the story's length (no timing: a count)."""
    story = _Sentence(" ".join(["có chương trình đó"] * 2_000))
    _CountedWords.copied = 0
    resolve("Chương trình đó là gì?", [story])
    assert _CountedWords.copied <= 20 * len(story.split())


def test_only_questions_after_the_story_are_resolved() -> None:
    parts = ["Bố tôi vừa được mời vào tổ công nghệ số cộng đồng của xóm", "Tổ này có nhiệm vụ gì vậy?"]
    assert resolved_parts(parts) == [parts[0], "Tổ công nghệ số cộng đồng của xóm có nhiệm vụ gì vậy?"]
    assert resolved_parts(parts[1:]) == parts[1:]  # alone: nothing to point at
    told = ["Tôi mới vào tổ công nghệ số cộng đồng", "Tổ này họp hằng tháng"]  # no question: left as it is
    assert resolved_parts(told) == told


@pytest.mark.parametrize("clause", [
    "e tim mai ko thay dau",  # nowhere
    "tới ngày đó tui canh coi tin mà không thấy gì hết",  # nothing at all
    "Mấy năm nay đi đâu cũng nghe chuyển đổi số mà tôi đâu có hiểu gì",  # these past few years; "đâu có" denies
    "Năm nay mấy đứa nhỏ đoàn thanh niên trong ấp lập cái tổ công nghệ số cộng đồng",  # those kids
    "Hồi 2022 xã em mới lập tổ, mấy anh đoàn thanh niên xuống tận bến ghe chỉ bà con cài ứng dụng",
    "tôi làm trưởng ấp mấy chục năm rồi",
    "mấy nay xã cứ vận động chuyển đổi số",
])
def test_story_sentences_with_question_words_ask_nothing(clause: str) -> None:
    assert not asks_by_itself(clause)


@pytest.mark.parametrize("clause", [
    "Không có VNeID thì làm gì",  # the negation is not on the verb before "gì"
    "em không biết đăng ký ở đâu",  # not knowing where: asked indirectly
    "chưa rõ phải làm gì",
    "ở đâu có bán",  # "đâu" after a verb of place asks where
    "tổ có mấy người",  # "mấy" ending the clause counts
    "tổ gồm mấy anh",
    "mấy giờ mở cửa",
    "Năm 2025 ngày chuyển đổi số làm hôm đâu",
])
def test_the_question_words_still_ask(clause: str) -> None:
    assert asks_by_itself(clause)


def test_a_story_sentence_is_no_first_question() -> None:
    parts = clauses("hnay truong e to chuc hoat dong huong ung ngay cds, co giao bat moi nhom tim chu de cua nam "
                    "2022. e tim mai ko thay dau, chu de nam 2022 la gi v ad")
    assert [asks_by_itself(p) for p in parts] == [False, True]


def test_a_day_described_by_what_follows_names_no_day() -> None:
    text = analyze("ngày dành cho chuyển đổi số là ngày nào").text
    assert not any(kind.startswith("day:") for kind in asked(text, text))
    named = analyze("ngày Quốc tế hạnh phúc là ngày nào").text
    assert any(kind.startswith("day:") for kind in asked(named, named))


@pytest.mark.parametrize(("question", "entry"), [
    ("Tui trồng lúa với nuôi tôm ở Phước Long, Bạc Liêu. Mấy năm nay đi đâu cũng nghe chuyển đổi số mà tui đâu có "
     "hiểu gì. Thằng con tui nói có chương trình của Thủ tướng phê duyệt từ năm 2020. Chương trình đó là quyết định "
     "số mấy?", "ct-749-la-gi"),
    ("Cô là giáo viên GDCD ở Nam Trực, đang soạn giáo án có phần nói về chương trình chuyển đổi số quốc gia. Trong "
     "tài liệu cũ của tổ chỉ ghi tắt là Quyết định 749 thôi. Tên đầy đủ của chương trình đó là gì nhỉ?",
     "ct-749-la-gi"),
    ("Tôi năm nay 62 tuổi, ở nhà hay nghe loa phường nói về chuyển đổi số. Con cháu bảo có hẳn một ngày dành cho "
     "chuyển đổi số. Vậy ngày đó là ngày nào?", "ngay-cds-la-ngay-nao"),
    ("hnay truong e to chuc hoat dong huong ung ngay cds, co giao bat moi nhom tim chu de cua nam 2022. e tim mai ko "
     "thay dau, chu de nam 2022 la gi v ad", "ngay-cds-chu-de-2022"),
])
def test_these_stories_are_answered_with_their_entry(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    assert real_kb.answer(question).entry == entry


def test_a_dictated_story_is_cut_before_its_question() -> None:
    """No punctuation at all (voice typing): cut before the question's opener, else before the last words of a story
    the asker tells; a plain question however long, or a short one, stays whole."""
    said = ("tôi năm nay 62 tuổi ở nhà hay nghe loa phường nói về chuyển đổi số con cháu bảo có hẳn một ngày dành "
            "cho chuyển đổi số vậy ngày đó là ngày nào")
    assert clauses(said)[-1] == "vậy ngày đó là ngày nào"
    told = ("cơ quan tôi năm 2023 được giao làm kế hoạch dữ liệu mở sếp bảo năm đó là năm đặc biệt về dữ liệu năm "
            "2023 được gọi là năm gì")
    assert len(clauses(told)) == 2 and clauses(told)[-1].endswith("được gọi là năm gì")
    plain = "Đến năm 2030 bao nhiêu phần trăm hồ sơ cấp xã được xử lý trực tuyến theo chương trình quốc gia vậy"
    assert clauses(plain) == [plain]
    short = "Cho hỏi ngày chuyển đổi số quốc gia là ngày nào"
    assert clauses(short) == [short]


def test_a_dictated_story_is_answered_with_its_entry(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("tôi năm nay 62 tuổi ở nhà hay nghe loa phường nói về chuyển đổi số con cháu bảo có hẳn "
                            "một ngày dành cho chuyển đổi số vậy ngày đó là ngày nào")
    assert answer.entry == "ngay-cds-la-ngay-nao"
