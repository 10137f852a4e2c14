"""Whether a message the commands read as the stop or the digest asks, at a clause's end, whether sending goes on
("bản tin tuần này còn gửi nữa không?") or what an issue says ("bản tin tuần này có đề cập tới việc hủy thẻ ATM
không?"): a question, which no command takes.

Round 23 put "nữa không", "có nói", "có bài" in unsubscribe's and the digest's whole-message ``unless``; the review of
tidy23 (M1, M2) found them killing clear stops and requests: "đừng gửi bản tin nữa, ko cần" ("không" opens another
predicate), "tôi có nói rồi, hủy đăng ký bản tin đi" (told before). So they are read here, bound to one clause: the
question word ("không", "ko", "hông", "hem" …) right after "nữa", or after the issue's content named, with only
closing particles after it to the clause's end (``[request] sending_asked_*``). One pass over each clause's words.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from bot.nlp.intents import Exclusion, Word, any_said, request_phrases
from bot.nlp.normalize import command_words
from bot.nlp.send_refused import clauses


class _Lists(NamedTuple):
    more: frozenset[str]  # "nữa": sending going on
    question: frozenset[str]  # the question word at a clause's end
    closing: frozenset[str]  # what may follow it to the clause's end
    alternative: frozenset[str]  # "hay" + a stop ("… nữa không hay ngưng rồi?")
    stopped: frozenset[str]  # the words that may follow the alternative
    content: tuple[Exclusion, ...]  # the issue's content asked ("có nhắc", "có đề cập")
    digest: tuple[Exclusion, ...]  # the digest named in that clause


def _words(key: str) -> frozenset[str]:
    return frozenset(w for p in request_phrases(key) for w, _ in p.words)


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    return _Lists(_words("sending_asked_more"), _words("sending_asked_question"), _words("sending_asked_closing"),
                  _words("sending_asked_or"), _words("sending_asked_stopped"), request_phrases("sending_asked_content"),
                  request_phrases("sending_asked_digest"))


def asks_if_sent(text: str) -> bool:
    """Whether a clause of ``text`` ends asking whether sending goes on ("bản tin tuần này còn gửi nữa không?")."""
    return _asked(text, content_too=False)


def asks_what_issue_says(text: str) -> bool:
    """Whether a clause of ``text`` names the digest and ends asking what it says ("bản tin tuần này có đề cập tới
    việc hủy thẻ ATM không?"): the digest by design (round 22: showing the issue answers), never the stop."""
    return _asked(text, content_too=True)


def _asked(text: str, content_too: bool) -> bool:
    lists = _lists()
    for part in clauses(text):
        words = tuple(command_words(part))
        if not words:
            continue
        folded = f" {' '.join(w for w, _, _ in words)} "
        content = content_too and any_said(lists.content, folded, words) and any_said(lists.digest, folded, words)
        if (content or not content_too) and _ends_asking(words, lists, content):
            return True
    return False


def _ends_asking(words: tuple[Word, ...], lists: _Lists, content: bool) -> bool:
    """Whether the clause ends with a question word (after "nữa", or anywhere when the issue's content is named) and
    only closing words after it, or "hay" and a stop ("… nữa không hay ngưng rồi"). One pass from the clause's end."""
    closing = True  # every word after the current one closes the clause
    stopped = True  # every word after the current one may follow "hay"
    after_or = False  # … and the word after the current one begins "hay" + a stop
    for k in range(len(words) - 1, 0, -1):
        word = words[k][0]
        if word in lists.question and (closing or after_or) and (content or words[k - 1][0] in lists.more):
            return True
        after_or = word in lists.alternative and stopped and k + 1 < len(words)
        closing = closing and word in lists.closing
        stopped = stopped and word in lists.stopped
    return False
