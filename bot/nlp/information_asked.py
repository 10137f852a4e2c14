"""Whether a clause asks for a piece of information by a request alone ("Cho bà xin cái địa chỉ trang dịch vụ công
quốc gia với", "bạn nói giùm mình con số đó với", "cho xin địa chỉ gửi câu chuyện qua email"): no question word, no
question mark, yet a question for the knowledge base, never a command (round 29). The words live in
content/information_asked.toml.

Why a reader of its own: the command readers must know such a request is no command ("cho xin địa chỉ gửi câu chuyện
qua email" asks where to send, it starts no story), while "cho tôi xin hủy đăng ký" stays the stop: a request counts
only with one of the listed pieces as its object (``bot.nlp.intents.plain_command``).

Read word by word, as the command readers read (``command_words``): a word typed with marks must have the piece's
marks. Linear in the clause: each word is tried as a request's start once, with at most ``_GAP`` words between it
and a piece.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from bot.nlp.normalize import command_words, tokens_said_at

_FILE = Path(__file__).resolve().parents[2] / "content" / "information_asked.toml"
_GAP = 2  # words between the request and the piece ("xin cái địa chỉ", "nói giùm mình con số")

_Token = tuple[str, str]  # (folded, tone key)
_Word = tuple[str, str, bool]  # (folded, tone key, marks known): see ``command_words``
_said_at = tokens_said_at  # a phrase said at a word, compared as the command readers compare (bot.nlp.normalize)


_Phrases = dict[str, tuple[tuple[_Token, ...], ...]]  # a list's phrases by their first folded word, in list order


class _Lists(NamedTuple):
    requests: _Phrases
    pieces: _Phrases
    between: _Phrases


def _tokens(phrase: str) -> tuple[_Token, ...]:
    return tuple((w, k) for w, k, _ in command_words(phrase))


def _by_first_word(phrases: tuple[tuple[_Token, ...], ...]) -> _Phrases:
    """The phrases grouped by their first folded word, each group in the list's order: a phrase is said at a word
    only if that word is its first word folded (``tokens_said_at``), so only its group is tried there (latency, round
    34: every phrase of a list was tried at every word of a long letter's clauses)."""
    grouped: dict[str, list[tuple[_Token, ...]]] = {}
    for phrase in phrases:
        grouped.setdefault(phrase[0][0], []).append(phrase)
    return {first: tuple(group) for first, group in grouped.items()}


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    data = tomllib.loads(_FILE.read_text(encoding="utf-8"))
    return _Lists(*(_by_first_word(tuple(dict.fromkeys(t for t in map(_tokens, data.get(key, [])) if t)))
                    for key in ("requests", "pieces", "between")))


def _ends(phrases: _Phrases, words: tuple[_Word, ...], i: int) -> list[int]:
    """Where each of ``phrases`` said at word ``i`` ends, in the list's order."""
    if i >= len(words):
        return []
    return [i + len(p) for p in phrases.get(words[i][0], ()) if _said_at(p, words, i)]


def requests_information(clause: str) -> bool:
    """Whether ``clause`` asks for one of the listed pieces of information with a request word ("xin", "nói giùm"),
    the piece said right after it or after at most ``_GAP`` of the ``between`` words."""
    lists = _lists()
    words = command_words(clause)
    for i in range(len(words)):
        for at in _ends(lists.requests, words, i):
            for _ in range(_GAP + 1):
                if _ends(lists.pieces, words, at):
                    return True
                gap = _ends(lists.between, words, at)
                if not gap:
                    break
                at = gap[0]
    return False
