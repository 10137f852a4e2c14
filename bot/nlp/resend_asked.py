"""A missed issue asked again ("em chưa nhận được bản tin tuần này, gửi lại cho em nhé", "tuần này tui không nhận được
bản tin, gởi bù cho tui nha"): the citizen expects this week's digest sent.

Why a reader of its own, and why so narrow: the digest excludes "nhận" (to receive every week is to subscribe), so
the complaint keeps the message from the digest. Round 25 lifted that exclusion whenever the complaint came anywhere
before "gửi lại", and the review of cmd25 (H1) found it sent the digest to refusals ("…, ad đừng gửi lại nha", "…,
khỏi gửi lại nha"), to questions ("… có cần gửi lại không", "… kênh gửi lại hả", "… thì có được gửi lại không ad")
and to another thing resent ("… bản tin tuần rồi nói phải gửi lại hồ sơ là sao"). A digest sent on a refusal or a
question is worse than a resend missed. So the request is read as a closed shape rather than found among other
words: every clause of the message must be made only of

* the complaint (``[request] resend_missed``: "chưa nhận được", "không thấy" …), in a clause that names the digest,
* the resend (``resend_verb``: "gửi lại", "gởi bù" …), and
* the digest's names (``resend_digest``) and words that ask nothing else (``resend_words``: the asker, the channel,
  "cho", "giúp", "nhé", "tuần này" …),

with both the complaint and the resend said, and no "?" anywhere. A refusal ("đừng", "khỏi", "không cần"), a
question word ("không", "hả", "có cần", "ai"), another object ("hồ sơ", "mã OTP") or a reason ("cũng được", "chắc em
chưa đăng ký") is none of these, and the message stays the knowledge base's, as before. Read only where the message
says a resend verb (a few substring tests); then one pass over each clause's words.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from bot.nlp.intents import Exclusion, request_phrases
from bot.nlp.normalize import command_form, command_words
from bot.nlp.send_refused import clauses


class _Lists(NamedTuple):
    missed: tuple[Exclusion, ...]
    verb: tuple[Exclusion, ...]
    words: tuple[Exclusion, ...]
    digest: tuple[Exclusion, ...]


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    def longest_first(phrases: tuple[Exclusion, ...]) -> tuple[Exclusion, ...]:
        return tuple(sorted(phrases, key=lambda p: -len(p.words)))

    return _Lists(*(longest_first(request_phrases(key))
                    for key in ("resend_missed", "resend_verb", "resend_words", "resend_digest")))


def _covered(words: tuple, lists: _Lists) -> tuple[bool, bool, bool] | None:
    """(complaint said, resend said, digest named) when every word of the clause belongs to one of the four lists,
    read left to right, the longest phrase first at each word (one pass); None when a word belongs to none."""
    missed = resend = named = False
    i = 0
    while i < len(words):
        for kind, phrases in enumerate((lists.missed, lists.verb, lists.digest, lists.words)):
            p = next((p for p in phrases if p.said_at(words, i)), None)
            if p is not None:
                missed, resend, named = missed or kind == 0, resend or kind == 1, named or kind == 2
                i += len(p.words)
                break
        else:
            return None
    return missed, resend, named


def asks_resend(text: str) -> bool:
    """Whether ``text`` says only that the digest was not received and asks it sent again (see the module's doc)."""
    if "?" in text:
        return False
    lists = _lists()
    whole = f" {command_form(text)} "
    if not any(p.folded in whole for p in lists.verb):
        return False  # the cheap trigger: no resend said
    complaint = resend = False
    for part in clauses(text):
        said = _covered(tuple(command_words(part)), lists)
        if said is None:
            return False
        missed, again, named = said
        complaint = complaint or (missed and named)
        resend = resend or again
    return complaint and resend
