"""This issue asked for now, read as a subscription ("gui tom tat tin nay cho minh", "gửi tin này cho mình đọc với"):
the one-off request is the digest, for a subscription asks for every issue from now on (round 21 left it; its review,
H1/H2, withdrew a digest *pattern* "gửi + bản tin này" that took forwarded, thanked-for and asked-about issues).

Why it holds where that pattern did not: it reads only a message the commands already read as a subscription (a few
per thousand) and can only turn it into the digest, a one-off reply, never start a command; a message that says every
week, signing up or receiving (``[request] subscribed``) stays a subscription. One substring test per phrase and one
pass over the words.
"""

from __future__ import annotations

from functools import lru_cache

from bot.nlp.intents import Exclusion, any_said, request_phrases
from bot.nlp.normalize import command_words


@lru_cache(maxsize=1)
def _lists() -> tuple[tuple[Exclusion, ...], tuple[Exclusion, ...], tuple[Exclusion, ...]]:
    return request_phrases("this_issue"), request_phrases("subscribed"), request_phrases("issue_asked")


def asks_this_issue(text: str) -> bool:
    """Whether a message read as a subscription asks for this issue only: it names this issue and says nothing of
    every week, signing up or receiving."""
    issue, subscribed, _ = _lists()
    words = tuple(command_words(text))
    folded = f" {' '.join(w for w, _, _ in words)} "
    return any_said(issue, folded, words) and not any_said(subscribed, folded, words)


def asks_about_an_issue(text: str) -> bool:
    """Whether a message read as the digest or a subscription asks about an issue received instead ("sao không gửi tin
    này cho mình?", "tin này gửi nhầm cho mình rồi", "gửi tin này cho mình làm chi vậy"; review of cmd22, H5): a
    question is never taken by a command."""
    words = tuple(command_words(text))
    folded = f" {' '.join(w for w, _, _ in words)} "
    return any_said(_lists()[2], folded, words)
