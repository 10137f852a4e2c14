"""Round 28 (mixed28): a one-clause chat message that names its subject in a comma piece before it points back at it
("…cài app vneid cho má, giờ nó hỏi …") is read whole by the intent reader, as a message of several clauses is
(``bot.nlp.clauses.names_before_pointing``; docs/qa-history/round-28-mixed28.md)."""

from __future__ import annotations

import time

import pytest

from bot.kb.engine import KnowledgeBase
from bot.nlp.clauses import names_before_pointing

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("text", "named"), [
    ("tui mới cài app vneid cho má, giờ nó hỏi tên đăng nhập, nhập số gì đây ad", True),
    ("ấp em vừa lập tổ công nghệ số cộng đồng, tổ này gồm những ai vậy ad", True),
    ("Ứng dụng ấy do ai phát triển", False),  # one piece: it points back at something said before
    ("app đó của ai, nó đòi đăng nhập", False),  # the first piece points back already
    ("tổ này gồm những ai", False),
])
def test_a_message_names_its_subject_before_pointing_back(text: str, named: bool) -> None:
    assert names_before_pointing(text) is named


def test_many_pieces_are_read_in_linear_time() -> None:
    text = "tui mới cài vneid, " * 20000 + "nó hỏi tên đăng nhập"
    started = time.perf_counter()
    assert names_before_pointing(text)
    assert time.perf_counter() - started < 5.0


@pytest.mark.parametrize(("text", "entry"), [
    # the intent reader reads the whole message now: "nó" points at the app its first piece installed
    ("tui mới cài app vneid cho má, giờ nó hỏi tên đăng nhập, nhập số gì đây ad", "vneid-ten-dang-nhap"),
    ("ấp em vừa lập tổ công nghệ số cộng đồng, tổ này gồm những ai vậy ad", "tcns-thanh-vien"),
])
def test_a_message_pointing_back_at_itself_is_answered(real_kb: KnowledgeBase, text: str, entry: str) -> None:
    answer = real_kb.answer(text)
    assert answer.confident and answer.entry == entry


@pytest.mark.parametrize("text", [
    # read whole too, an off-topic story keeps its question unanswered
    "Zalo của tui bị hack, nó nhắn mượn tiền người quen, làm sao lấy lại tài khoản",
    "điện thoại tui cũ rồi, nó không cài được VNeID, giờ làm sao",
])
def test_an_off_topic_story_pointing_back_stays_unanswered(real_kb: KnowledgeBase, text: str) -> None:
    assert not real_kb.answer(text).confident
