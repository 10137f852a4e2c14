"""The channel's features asked to be shown as a set ("chỉ em mấy chức năng", "hướng dẫn mình các tính năng nha") are
help only when nothing but a please, the channel or a question word follows them in their clause: "chỉ bà mấy chức
năng gọi video" asks to be shown another thing (how to call), "chỉ em mấy chức năng của kênh này với" is help.

Read only for a message the commands read as help and that says such a request (``[request] features_shown``), one
pass over each clause's words; the words that may follow are ``[request] features_bare``. Round 22 (review of cmd21,
M3): the clause after, when it opens naming a thing or points at one (``features_next_opens``, ``features_next_points``:
"chỉ tôi mấy chức năng, cái iPhone mới mua", "…, gọi video ấy"), must be bare too. Round 23 (its leftover M4): not
when that clause opens with the asker (``features_next_tells``: "…, bà già rồi ấy" tells), nor for "máy" alone ("…, máy
tui cũ lắm"), and "trong / trên" the channel is bare ("…, trong này có gì").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from bot.nlp.intents import Exclusion, request_phrases
from bot.nlp.normalize import command_form, command_words

_PARTS = re.compile(r"[,.;!?…\n]+")


class _Lists(NamedTuple):
    shown: tuple[Exclusion, ...]  # the features asked to be shown
    bare: tuple[Exclusion, ...]  # what may follow them
    opens: tuple[Exclusion, ...]  # a next clause opening with these names a thing
    points: tuple[Exclusion, ...]  # … or ending with these points at one
    tells: tuple[Exclusion, ...]  # … unless it opens with the asker: it tells


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    return _Lists(*(request_phrases(f"features_{k}") for k in ("shown", "bare", "next_opens", "next_points",
                                                                 "next_tells")))


def shows_other_features(text: str) -> bool:
    """Whether ``text`` asks to be shown features and names, after them in their clause, something else."""
    lists = _lists()
    shown, bare = lists.shown, lists.bare
    parts = _PARTS.split(text)
    for k, part in enumerate(parts):
        folded = f" {command_form(part)} "
        said = [p for p in shown if p.folded in folded]
        if not said:
            continue
        words = tuple(command_words(part))
        rest_bare = _bare_to_end(words, _by_head(bare, folded))
        if any(not rest_bare[i + len(p.words)] for p in said for i in p.at(words)):
            return True
        if k + 1 < len(parts) and _names_other(parts[k + 1], lists):
            return True
    return False


def _names_other(part: str, lists: _Lists) -> bool:
    """Whether the clause after the features opens naming a thing or points at one, and is not bare ("cái iPhone mới
    mua", "gọi video ấy"; "của kênh này nha" is the channel's; "bà già rồi ấy" opens with the asker and tells)."""
    words = tuple(command_words(part))
    if not words or any(_at(p, words, 0) for p in lists.tells):
        return False
    pointed = any(p.said_at(words, len(words) - len(p.words)) for p in lists.points if len(p.words) <= len(words))
    if not pointed and not any(_at(p, words, 0) for p in lists.opens):
        return False
    return not _bare_to_end(words, _by_head(lists.bare, f" {command_form(part)} "))[0]


def _by_head(bare: tuple[Exclusion, ...], folded: str) -> dict[str, list[Exclusion]]:
    """The bare phrases said in the clause (one substring test each, once per clause), by their first folded word."""
    heads: dict[str, list[Exclusion]] = {}
    for q in bare:
        if q.words and q.folded in folded:
            heads.setdefault(q.words[0][0], []).append(q)
    return heads


def _bare_to_end(words: tuple, heads: dict[str, list[Exclusion]]) -> list[bool]:
    """Per word position, whether only bare phrases follow from it to the clause's end, the longest one read at each
    step: one pass from the end (review of cmd21, H4: the scan per position was quadratic in the clause's length)."""
    rest = [False] * len(words) + [True]
    for at in range(len(words) - 1, -1, -1):
        step = max((len(q.words) for q in heads.get(words[at][0], ()) if _at(q, words, at)), default=0)
        rest[at] = bool(step) and rest[at + step]
    return rest


def _at(phrase: Exclusion, words: tuple, i: int) -> bool:
    """Whether ``phrase`` is said at word ``i`` (the router's own comparison; one call per step, which the linear-time
    test counts)."""
    return phrase.said_at(words, i)
