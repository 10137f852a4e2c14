"""The kind of answer a question asks for (bot/kb/wh.py), read the same in every typing style, and how an entry's
phrasings vote for the kinds they answer."""

from __future__ import annotations

import pytest

from bot.kb import wh
from bot.kb.lexicon import scaffolding
from bot.nlp.dialect import standardize
from bot.nlp.normalize import analyze


def _kinds(text: str) -> frozenset[str]:
    return wh.kinds(analyze(standardize(text, lambda a, b: False)).text)


@pytest.mark.parametrize(("text", "kind"), [
    ("Có bao nhiêu tổ công nghệ số cộng đồng?", "count"),
    ("co bao nhiu to cong nghe so", "count"),
    ("Hồi 2018 có mấy cái Zalo OA của cơ quan nhà nước?", "count"),
    ("Ai đang là Bộ trưởng Bộ Khoa học và Công nghệ?", "who"),
    ("cơ quan nào phụ trách chuyển đổi số", "who"),
    ("Cổng dịch vụ công quốc gia mở từ hồi nào vậy?", "when"),
    ("ngay chuyen doi so la ngay nao", "when"),
    ("Định danh mức 2 làm ở đâu?", "where"),
    ("Vì sao năm 2025 ngày chuyển đổi số bị lùi?", "why"),
    ("kích hoạt định danh mức 2 như thế nào", "how"),
    ("tổ cns cộng đồng lm j z mn", "task"),
    ("Tổ công nghệ số ở xóm tui làm chi rứa?", "task"),
    ("chuyển đổi số là gì", "what"),
])
def test_the_kind_asked_is_read_in_every_style(text: str, kind: str) -> None:
    assert kind in _kinds(text)


def test_a_question_without_a_question_word_asks_no_kind() -> None:
    assert _kinds("tổ công nghệ số cộng đồng") == frozenset()


def test_an_entry_votes_for_the_kinds_its_phrasings_ask() -> None:
    phrasings = [analyze(t).text for t in ("có bao nhiêu tổ công nghệ số", "số lượng tổ công nghệ số",
                                           "tổ công nghệ số là gì", "tổ công nghệ số cộng đồng")]
    profile = wh.profile(phrasings)
    assert profile["count"] == 0.5 and profile["what"] == 0.25 and "who" not in profile
    assert wh.agreement(frozenset({"count"}), profile) == 0.5
    assert wh.agreement(frozenset(), profile) == 0.0


@pytest.mark.parametrize(("text", "count"), [
    ("so to cong nghe cong dong", True), ("so nguoi trong to cong nghe so", True),
    ("so tai khoan ngan hang", False), ("so ho so nop truc tuyen", False), ("so hoa la gi", False),
    ("chuyen doi so to chuc", False),
])
def test_a_keyword_query_opening_with_so_and_what_is_counted_asks_a_count(text: str, count: bool) -> None:
    """Round 7: "số tổ công nghệ cộng đồng" asks how many teams; an account's or a file's number does not."""
    assert ("count" in wh.kinds(text)) is count


def test_a_need_for_figures_asks_a_count() -> None:
    """"Tôi cần số liệu …" / "xin số liệu …" ask how many, like "bao nhiêu" (round 7); a bare "số liệu" in a
    question about data ("số liệu được lưu ở đâu") does not."""
    assert "count" in wh.kinds("toi can so lieu zalo oa co quan nha nuoc")
    assert "count" in wh.kinds("xin so lieu to cong nghe so")
    assert "count" not in wh.kinds("so lieu duoc luu o dau")


def test_a_need_for_figures_is_scaffolding() -> None:

    assert scaffolding(analyze("tôi cần số liệu tổ công nghệ số")) == {1, 2, 3}
