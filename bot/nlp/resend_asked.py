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

with both the complaint and the resend said, and no "?" anywhere. Round 28: the resend may be asked politely, "được
không" closing it ("…, gửi lại cho em được không?", ``resend_polite``): after the resend, in the message's last clause,
with only the words above after it and no "thì" or "có" in its clause (a condition, or whether it may be: "… thì kênh
có gửi lại được không"), and then a "?" may end the message (its only one). A refusal ("đừng", "khỏi", "không cần"), a
question word ("không", "hả", "có cần", "ai"), another object ("hồ sơ", "mã OTP") or a reason ("cũng được", "chắc em
chưa đăng ký") is none of these, and the message stays the knowledge base's, as before. Read only where the message
says a resend verb (a few substring tests); then one pass over each clause's words.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from bot.nlp.intents import Exclusion, request_phrases
from bot.nlp.normalize import command_form, command_words
from bot.nlp.phrase_cover import longest_first, phrase_kinds
from bot.nlp.send_refused import clauses


class _Lists(NamedTuple):
    missed: tuple[Exclusion, ...]
    verb: tuple[Exclusion, ...]
    words: tuple[Exclusion, ...]
    digest: tuple[Exclusion, ...]
    polite: tuple[Exclusion, ...]
    polite_not: tuple[Exclusion, ...]


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    return _Lists(*(longest_first(request_phrases(key))
                    for key in ("resend_missed", "resend_verb", "resend_words", "resend_digest",
                                "resend_polite", "resend_polite_not")))


class _Said(NamedTuple):
    """What a clause said, when all its words belong to the lists."""

    missed: bool  # the complaint
    resend: bool  # the resend
    named: bool  # the digest
    polite: bool  # "được không" after the resend


_MISSED, _VERB, _DIGEST, _POLITE, _WORDS = range(5)


def _covered(words: tuple, lists: _Lists) -> _Said | None:
    """What the clause says when every word of it belongs to one of the lists, read left to right, the longest phrase
    first at each word (:func:`bot.nlp.phrase_cover.phrase_kinds`, one pass); None when a word belongs to none, when
    "được không" comes before the resend (whether it may be, not a request) or a clause asked politely says "thì" or
    "có" (a condition, or whether it may be: "… thì kênh có gửi lại được không")."""
    kinds = phrase_kinds(words, (lists.missed, lists.verb, lists.digest, lists.polite, lists.words))
    if kinds is None:
        return None
    polite = _POLITE in kinds
    if polite and (_VERB not in kinds or kinds.index(_POLITE) < kinds.index(_VERB)):
        return None
    if polite and any(p.said_at(words, k) for k in range(len(words)) for p in lists.polite_not):
        return None
    return _Said(_MISSED in kinds, _VERB in kinds, _DIGEST in kinds, polite)


def _asked_at_end(text: str) -> bool:
    """Whether the message's only "?" (or a run of them) ends it."""
    body = text.rstrip().rstrip("?")
    return "?" not in body


def asks_resend(text: str) -> bool:
    """Whether ``text`` says only that the digest was not received and asks it sent again (see the module's doc)."""
    if not _asked_at_end(text):
        return False
    lists = _lists()
    whole = f" {command_form(text)} "
    if not any(p.folded in whole for p in lists.verb):
        return False  # the cheap trigger: no resend said
    complaint = resend = polite = False
    for part in clauses(text):
        said = _covered(tuple(command_words(part)), lists)
        if said is None or polite:
            return False  # a word of none of the lists, or a clause after "được không"
        complaint = complaint or (said.missed and said.named)
        resend = resend or said.resend
        polite = said.polite
    return complaint and resend and (polite or "?" not in text)
