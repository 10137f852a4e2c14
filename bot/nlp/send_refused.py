"""A send of the digest, or a subscription, refused in the clause that asks for it: "không cần gửi bản tóm tắt tuần
này", "cấm gửi bản tin tuần này", "bản tin mới nhất thì chưa cần đâu", "gửi bản tin tuần này cho mình thì không cần
đâu", "gửi tóm tắt tin này cho mình, thôi khỏi nha", "chưa cần đăng ký nhận bản tin đâu".

Why a reader of its own: the commands' patterns find the verb and the digest anywhere in the message, and their
``unless`` lists find a refusal anywhere too, so a refusal said of something else ("Gửi bản tin tuần này cho tôi, nhưng
đừng hủy đăng ký nhé", "…, khỏi đợi") would drop a request, and one said after the object ("… thì khỏi") was not read
at all: a digest sent on a refusal is worse than a request missed. Here a refusal is bound to its verb's clause:

* said right before a send verb (``[request] refused_send``: "không cần / chưa cần / khỏi / đừng / cấm" + "gửi / xem /
  nhận / đăng ký …"), or
* said as a plain "no" before the verb with "nữa" (any more) after it (``refused_more``: "ko gui tom tat tin nay
  nua"), or
* closing the clause, only words of no request after it (``[vocabulary] refuse_closing``, ``[request]
  refused_tail``: "… thì khỏi nha", "… thì không cần đâu con"; ``[request] refused_closing``: "… tôi không đọc đâu");
  a clause that is such a refusal alone refuses the clause before it ("…, thôi khỏi nha"), or
* said right before the digest's name, no verb said (``[vocabulary] refuse_object``, round 22: "chưa cần bản tóm tắt
  tuần này đâu", review of cmd21 H3).

The message is refused when a clause is and every clause that says a send verb is refused: "không cần gửi mỗi tuần,
chỉ gửi bản tin tuần này cho tôi" still asks for this week's digest. A clause telling a one-off reason ("tui đọc trên
web rồi", ``[request] one_off_reason``) asks nothing, nor, for the digest, one naming a later issue ("…, nhưng từ tuần
sau vẫn gửi nha", ``later_issue``; round 24). Read only for a message the commands read as the
digest or a subscription (a few per thousand), one pass over each clause's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from bot.nlp.intents import Exclusion, any_said, intents_file, intents_table, phrases_of
from bot.nlp.normalize import command_form, command_words

# punctuation, and a dash with a space on each side (review of tidy23, M5: "bản tin tuần này tui coi luôn rồi - khỏi gửi
# lại nghen" is two clauses; "Wi-Fi", "2-3" keep theirs). No nesting: one pass, linear
_PARTS = re.compile(r"[,.;!?…\n]+|\s[-–—]\s")


class _Lists(NamedTuple):
    send: tuple[Exclusion, ...]  # said anywhere in the clause: a refusal before the verb or the digest's name
    refusals: tuple[Exclusion, ...]  # said closing the clause
    verbs: tuple[Exclusion, ...]  # the send verbs
    tail: frozenset[str]  # the words that may close a clause after a refusal
    no_more: tuple[Exclusion, ...]  # a plain "no" + a verb, with "nữa" after it
    more: frozenset[str]  # "nữa"
    purpose: frozenset[str]  # a word of purpose, after which no refusal counts
    later: tuple[Exclusion, ...]  # a later issue named ("từ tuần sau vẫn gửi"): no request of this one
    reason: tuple[Exclusion, ...]  # a one-off reason told ("tui đọc trên web rồi"): its verb asks nothing
    story: tuple[Exclusion, ...]  # a story named as what is sent ("tui muốn gửi câu chuyện"): no digest asked
    issue: tuple[Exclusion, ...]  # what a clause sending the issue names (the digest, an issue, news): else no digest


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    request, vocabulary = intents_file()
    tail = frozenset(w for t in request.get("refused_tail", []) for w in command_form(t).split())
    more = frozenset(command_form(t) for t in request.get("more", []))
    purpose = frozenset(command_form(t) for t in request.get("refused_purpose", []))
    return _Lists(phrases_of(request.get("refused_send", [])),
                  phrases_of([*vocabulary.get("refuse_closing", []), *request.get("refused_closing", [])]),
                  phrases_of(vocabulary.get("refused_verb", [])), tail, phrases_of(request.get("refused_more", [])),
                  more, purpose, phrases_of(request.get("later_issue", [])),
                  phrases_of(request.get("one_off_reason", [])), phrases_of(request.get("story_sent", [])),
                  phrases_of(request.get("digest_sent_object", [])))


def clauses(text: str) -> Iterator[str]:
    """The message's clauses as the command readers bind a word to one: split at punctuation and at "nhưng" (``[request]
    contrast``), empty ones left out (shared with bot/nlp/stop_bound.py)."""
    contrast = intents_table().contrast
    for part in _PARTS.split(text):
        for q in contrast.split(part) if contrast else [part]:
            if q.strip():
                yield q


def _said(phrases: tuple[Exclusion, ...], folded: str, words: tuple, purpose: frozenset[str]) -> Iterator[int]:
    """Where (the word after) each phrase is said, unless right after a word of purpose ("để khỏi xem trên web")."""
    for p in phrases:
        if p.folded in folded:
            yield from (i + len(p.words) for i in p.at(words) if not (i and words[i - 1][0] in purpose))


def _closes(refusals: tuple[Exclusion, ...], tail: frozenset[str], folded: str, words: tuple,
            purpose: frozenset[str]) -> bool:
    """Whether a refusal is said with only words of no request after it, to the clause's end."""
    first_tail = len(words)  # where the clause's closing run of words of no request begins (one pass from the end)
    while first_tail and words[first_tail - 1][0] in tail:
        first_tail -= 1
    return any(end >= first_tail for end in _said(refusals, folded, words, purpose))


def _not_any_more(no_more: tuple[Exclusion, ...], more: frozenset[str], folded: str, words: tuple) -> bool:
    """Whether a plain "no" before a send verb is said with "nữa" after it ("ko gui tom tat tin nay nua")."""
    last = next((i for i in range(len(words) - 1, -1, -1) if words[i][0] in more), -1)  # the last "nữa", one pass
    return any(end <= last for end in _said(no_more, folded, words, frozenset()))


def send_refused(text: str, *, now: bool = False) -> bool:
    """Whether ``text`` refuses, in the clause that says it, the send or subscription it asks for. ``now``: the request
    is for an issue now (the digest), so a clause naming a later issue asks nothing of it (round 24: "bản tin tuần này
    thì khỏi, nhưng từ tuần sau vẫn gửi nha" is refused; for a subscription that clause is the request)."""
    send, refusals, verbs, tail, no_more, more, purpose, later, reason, story, issue = _lists()
    whole = f" {command_form(text)} "
    if not any(p.folded in whole for p in (*refusals, *send)) and not any(f" {m} " in whole for m in more):
        return False  # the cheap trigger: no refusal's words at all
    said: list[tuple[bool, bool]] = []  # (a send verb said, refused) per clause
    parts = list(clauses(text))
    for part in parts:
        folded, words = f" {command_form(part)} ", tuple(command_words(part))
        refused = (any(_said(send, folded, words, purpose)) or _closes(refusals, tail, folded, words, purpose)
                   or _not_any_more(no_more, more, folded, words))
        # a clause naming a later issue asks nothing now; one telling a one-off reason ("tui đọc trên web rồi") asks
        # nothing at all (round 24: "bản tin mới nhất bỏ qua giùm tui nghen, tui đọc trên web rồi")
        # round 27: nor, for the issue, one that sends something else, naming no issue ("khỏi gửi bản tin tuần này, gửi
        # mã otp lại cho tui" sent the digest; the refusal is honoured and the rest read)
        asks_not = not refused and (any_said(reason, folded, words) or (now and any_said(later, folded, words))
                                    or _sends_a_story(story, folded, words, part)
                                    or (now and not any_said(issue, folded, words)))
        said.append((any_said(verbs, folded, words) and not asks_not, refused))
    # a clause that is a refusal alone refuses the request said in the clause before it ("…, thôi khỏi nha"); not one
    # that names an issue of its own (review of cmd22, M6: "gửi bản tin tuần này, chưa cần bản tin tuần trước đâu")
    for i in range(len(said) - 1):
        if said[i] == (True, False) and said[i + 1] == (False, True) and not _names_the_digest(parts[i + 1]):
            said[i] = (True, True)
    return any(refused for _, refused in said) and all(refused for verb, refused in said if verb)


def after_refusal(text: str) -> str:
    """What the message says besides its clauses that refuse the digest and name it ("bản tin tuần này thì thôi, kể
    chuyện này cho kênh nè: …" → "kể chuyện này cho kênh nè: …"; "tui gửi câu chuyện về ông nội, bản tin tuần này thì
    thôi" → "tui gửi câu chuyện về ông nội"); "" when no such clause is said, or nothing else is. Round 25: a message
    refused as the digest may ask something else after the refusal (a story to tell, the menu), which the router reads
    in this rest alone; round 26 (review of cmd25, H5): or before it. Each kept clause keeps the punctuation that ends
    it (the router reads a "?" in it). One pass over the clauses, each read once (as :func:`send_refused`)."""
    send, refusals, _, tail, no_more, more, purpose, _, _, _, _ = _lists()
    kept: list[str] = []
    refused_any = False
    start = 0
    for m in [*_PARTS.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        after = m.end() if m is not None else len(text)
        part = text[start:end]
        folded, words = f" {command_form(part)} ", tuple(command_words(part))
        if words and _names_the_digest(part) and (
                any(_said(send, folded, words, purpose)) or _closes(refusals, tail, folded, words, purpose)
                or _not_any_more(no_more, more, folded, words)):
            refused_any = True
        else:
            kept.append(text[start:after])
        start = after
    rest = "".join(kept).strip(" ,;\n-–—") if refused_any else ""
    return rest.lstrip(".!?…").strip()


def _sends_a_story(story: tuple[Exclusion, ...], folded: str, words: tuple, part: str) -> bool:
    """Whether a clause's send verb has a story for its object and the clause names no digest ("tui muốn gửi kênh một
    câu chuyện"): it asks to tell the story, not for the digest (review of cmd25, H5: "bản tin tuần này thì thôi nha,
    tui muốn gửi kênh một câu chuyện" sent the digest, the story's "gửi" taken for an unrefused request of it)."""
    return any_said(story, folded, words) and not _names_the_digest(part)


@lru_cache(maxsize=1)
def _digest_names() -> tuple[Exclusion, ...]:
    return phrases_of(["@digest_name"])


def _names_the_digest(part: str) -> bool:
    """Whether a clause names the digest (an issue of its own, refused apart from the one asked for)."""
    words = tuple(command_words(part))
    return any_said(_digest_names(), f" {' '.join(w for w, _, _ in words)} ", words)
