"""The reader of requests for information (bot/nlp/information_asked.py) tries at a word only the phrases that start
with it (round 34, latency): a phrase is said at a word only if its first word, folded, is that word, so the answers
are those of trying every phrase of the lists at every word, and a long letter's words that start no phrase cost one
dict lookup each."""

from __future__ import annotations

import tomllib

import pytest

from bot.nlp import information_asked
from bot.nlp.normalize import command_words, tokens_said_at

pytestmark = pytest.mark.unit

_Phrase = tuple[tuple[str, str], ...]


def _every_phrase(lists: dict[str, tuple[_Phrase, ...]]) -> tuple[_Phrase, ...]:
    return tuple(p for group in lists.values() for p in group)


def _asks_trying_every_phrase(clause: str) -> bool:
    """Round 29's reading: every phrase of each list tried at every word, in the order content/ lists them."""
    data = tomllib.loads(information_asked._FILE.read_text(encoding="utf-8"))
    requests, pieces, between = (tuple(dict.fromkeys(t for t in map(information_asked._tokens, data[key]) if t))
                                 for key in ("requests", "pieces", "between"))

    def ends(phrases: tuple[_Phrase, ...], words: tuple[tuple[str, str, bool], ...], i: int) -> list[int]:
        return [i + len(p) for p in phrases if tokens_said_at(p, words, i)]

    words = command_words(clause)
    for i in range(len(words)):
        for at in ends(requests, words, i):
            for _ in range(information_asked._GAP + 1):
                if ends(pieces, words, at):
                    return True
                gap = ends(between, words, at)
                if not gap:
                    break
                at = gap[0]
    return False


PROBES = [
    "Bác cho cháu xin cái số tổng đài hỗ trợ với", "cho e xin sđt của xã", "nói giùm tui đường link nộp hồ sơ",
    "ad ơi xin mẫu đơn đăng ký với ạ", "cho xin lich lam viec cua bo phan mot cua", "xin gium cai dia chi",
    "anh báo giúp em số liệu năm ngoái", "cho tôi xin hủy đăng ký", "xin chào, tôi muốn hỏi về VNeID",
    "cho biết tên ứng dụng định danh", "nói hộ mình con số đó", "xin xin xin cái cái cái link",
    "mình xin một đường dẫn", "cho xin", "xin", "", "Xin cảm ơn kênh đã trả lời",
    "Nhà tôi ở xa, đi lại khó, con cháu bảo lên mạng mà làm. Cho bà xin cái địa chỉ trang dịch vụ công quốc gia với",
]


@pytest.mark.parametrize("clause", PROBES)
def test_a_clause_reads_as_when_every_phrase_was_tried(clause: str) -> None:
    assert information_asked.requests_information(clause) is _asks_trying_every_phrase(clause)


def test_the_probes_hold_requests_and_clauses_that_are_none() -> None:
    read = [information_asked.requests_information(p) for p in PROBES]
    assert any(read) and not all(read)


def test_each_group_keeps_the_lists_order_and_starts_with_its_word() -> None:
    data = tomllib.loads(information_asked._FILE.read_text(encoding="utf-8"))
    for key, phrases in zip(("requests", "pieces", "between"), information_asked._lists(), strict=True):
        listed = tuple(dict.fromkeys(t for t in map(information_asked._tokens, data[key]) if t))
        for first, group in phrases.items():
            assert all(p[0][0] == first for p in group)
            assert group == tuple(p for p in listed if p[0][0] == first)  # in the list's order
        assert sorted(_every_phrase(phrases)) == sorted(listed)
