"""This issue asked for alone, read as a stop ("không cần gửi mỗi tuần, chỉ gửi bản tin tuần này cho tôi", "gửi mỗi
bản tin tuần này thôi", "thôi khỏi gửi bản tin hằng tuần, gửi cho tui số mới nhất thôi"): the citizen wants this
week's issue, now. Round 27 left these as the stop (the stop's confirmation saved them, but the issue was never sent).

Why a reader of its own, read as a closed shape: "thôi" and "không cần … mỗi tuần" are the stop's own words, so the
stop's patterns cannot be narrowed without losing real stops. Instead a message the router already read as a stop is
turned into the digest only when one clause is made only of

* a word restricting what is sent (``[request] only_issue_restrict``: "chỉ", "mỗi", "riêng" before it, or
  ``only_issue_enough``: "thôi", "là được" after it),
* a send (``only_issue_verb``: "gửi", "gửi cho", "cho xin", "muốn nhận" …),
* this issue (``only_issue_object``: "bản tin tuần này", "số mới nhất", "tuần này" …), and
* words that ask nothing else (``only_issue_words``: the asker, the channel, "cho", "giúp", "nhé" …),

and every other clause is the stop read alone ("thôi đừng gửi bản tin nữa"), every week stopped
(``only_issue_weekly`` with ``only_issue_stopped``: "không cần gửi mỗi tuần", whose object is left unsaid) or words
that ask nothing. A "?", a
question word, a reason, a refusal of this issue ("bản tin tuần này thì thôi": "thì" is none of the words) or another
object keeps the router's reading. It can only turn a stop into the digest, a one-off reply: it takes no question.
One pass over each clause's words; the stop is read again only on the other clauses of such a message.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from bot.nlp.intents import Exclusion, any_said, request_phrases
from bot.nlp.normalize import command_words
from bot.nlp.phrase_cover import longest_first, phrase_kinds
from bot.nlp.send_refused import clauses


class _Lists(NamedTuple):
    restrict: tuple[Exclusion, ...]
    enough: tuple[Exclusion, ...]
    verb: tuple[Exclusion, ...]
    issue: tuple[Exclusion, ...]
    words: tuple[Exclusion, ...]


class _Stop(NamedTuple):
    weekly: tuple[Exclusion, ...]
    stopped: tuple[Exclusion, ...]


_RESTRICT, _ENOUGH, _VERB, _ISSUE, _WORDS = range(5)


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    return _Lists(*(longest_first(request_phrases(key)) for key in (
        "only_issue_restrict", "only_issue_enough", "only_issue_verb", "only_issue_object", "only_issue_words")))


@lru_cache(maxsize=1)
def _stop() -> _Stop:
    return _Stop(request_phrases("only_issue_weekly"), request_phrases("only_issue_stopped"))


def _stops_every_week(words: tuple) -> bool:
    """Whether the clause stops sending every week ("không cần gửi mỗi tuần"): every week and a stop said in it."""
    folded = f" {' '.join(w for w, _, _ in words)} "
    stop = _stop()
    return any_said(stop.weekly, folded, words) and any_said(stop.stopped, folded, words)


def _kinds(words: tuple, lists: _Lists) -> list[int] | None:
    """The kind of each phrase of the clause (:func:`bot.nlp.phrase_cover.phrase_kinds`); None when a word belongs to
    none of the lists, or the clause ends in "a" typed without marks."""
    if words and words[-1][0] == "a" and not words[-1][2]:
        return None  # "… thôi a" typed without marks may be "thôi à", a surprise asked, as well as "thôi ạ"
    return phrase_kinds(words, lists)


def _asks_issue_alone(kinds: list[int]) -> bool:
    """Whether the clause sends this issue and restricts it: the restriction before the issue, or "thôi" after it."""
    if _VERB not in kinds or _ISSUE not in kinds:
        return False
    first_issue = kinds.index(_ISSUE)
    before = kinds[:first_issue]
    after = kinds[first_issue + 1:]
    if _ENOUGH in before or _RESTRICT in after:
        return False  # "thôi, gửi bản tin tuần này" stops first; a restriction after the issue restricts nothing
    return _RESTRICT in before or _ENOUGH in after


def asks_only_this_issue(text: str, stop_alone: Callable[[str], bool]) -> bool:
    """Whether a message read as a stop asks for this issue alone (see the module's doc). ``stop_alone`` says whether
    a clause read alone is the stop (the router's own reading, passed in: this module is read by it)."""
    if "?" in text:
        return False
    lists = _lists()
    asked = False
    others: list[str] = []
    for part in clauses(text):
        words = tuple(command_words(part))
        kinds = _kinds(words, lists)
        if kinds is None:
            # words of none of the lists: more than courtesy, unless it only stops the weekly sending
            says_more = not _stops_every_week(words)
        elif _asks_issue_alone(kinds):
            asked = True
            continue
        else:
            says_more = _VERB in kinds or _ISSUE in kinds  # the issue or a sending said, but not asked alone
        if says_more:
            others.append(part)  # only a stop may stand beside the request
    return asked and all(stop_alone(part) for part in others)
