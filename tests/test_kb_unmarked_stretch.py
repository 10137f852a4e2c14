"""Round 28 (mixed28): a stretch typed without marks inside a message typed with them, read as an unmarked message's
words (``bot.kb.unmarked_stretch``; docs/qa-history/round-28-mixed28.md)."""

from __future__ import annotations

import time

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.unmarked_stretch import unmarked_stretches
from bot.nlp.normalize import analyze

pytestmark = pytest.mark.unit


def stretched(kb: KnowledgeBase, text: str) -> tuple[str, ...]:
    """The tone keys ``text`` keeps once a stretch typed without marks is read as such."""
    typos = kb.index.typos
    return unmarked_stretches(analyze(text), typos.pairs, typos.keys_by_fold, typos.known_keys).keys


@pytest.mark.parametrize(("text", "dropped"), [
    # the KB writes "tên đăng nhập", never a level-tone "ten", "dang", "nhap": typed without marks
    ("giờ đăng nhập nó bắt nhập ten dang nhap, là số gì", ("ten0", "dang0", "nhap0")),
    ("nghe nói bang rong phủ tới bao nhiêu phần trăm thôn", ("bang0", "rong0")),
])
def test_a_stretch_typed_without_marks_is_read_folded(real_kb: KnowledgeBase, text: str,
                                                      dropped: tuple[str, ...]) -> None:
    keys = stretched(real_kb, text)
    assert not set(dropped) & set(keys)
    assert set(analyze(text).keys) - set(keys) == set(dropped)
    assert "nhâp5" in keys or "phu3" in keys  # the words typed with marks keep theirs


@pytest.mark.parametrize("text", [
    "cho con tham gia tổ công nghệ số được không",  # level-tone words the KB writes so ("tham gia", "cho con")
    "Quyết định 749 do ai ký",  # "do ai": level-tone words of their own
    "ten dang nhap la so gi",  # a message typed without any marks is read folded already
])
def test_level_tone_words_and_unmarked_messages_are_left_alone(real_kb: KnowledgeBase, text: str) -> None:
    assert stretched(real_kb, text) == analyze(text).keys


def test_a_long_message_is_read_in_linear_time(real_kb: KnowledgeBase) -> None:
    text = "đăng nhập bằng ten dang nhap, " * 4000
    started = time.perf_counter()
    assert "ten0" not in stretched(real_kb, text)
    assert time.perf_counter() - started < 5.0
