"""A stop of the digest read only where it is said of the digest, in its own clause (review of cmd21, H3/H7).

Why a reader of its own: the stop's patterns find a stop word and the digest anywhere in the message, so a refusal of
one issue ("bản tin tuần này thì thôi nha", "thôi, chưa cần bản tin tuần này") and a request that says what it spares
the asker ("đăng ký cho tôi nhận bản tin để khỏi phải xem web", "… để khỏi bỏ lỡ bản tin") unsubscribed the asker. A
subscription lost on a request for it is worse than a stop missed: a stop missed reaches the knowledge base, whose
answer on stopping offers the stop as a button. Read only for a message the commands read as the stop (a few per
thousand), with the clauses of :func:`bot.nlp.send_refused.clauses`, one pass over each clause's words:

* **what the request spares the asker**: a word of purpose before a negation, or a miss (``[request] stop_purpose``:
  "để khỏi", "để không", "bỏ lỡ"), to its clause's end, is set aside and the message read again without it — "đăng ký
  cho tôi nhận bản tin" subscribes, "khỏi gửi nữa" stays the stop;
* **one issue refused**: the issue named (``issue_named``: "tuần này", "mới nhất") in a clause that refuses
  (``issue_refusal``: "không cần", "thôi", "không đọc"), or beside a clause that is a refusal alone ("bản tin tuần này,
  thôi khỏi nha"), and no stop that lasts in any clause (``stop_lasting``: "nữa", every week, from now on, the
  subscription, a stop's own verb) nor "for good" in a clause that refuses (``stop_lasting_said``: "luôn", "hẳn",
  "hết"; round 23: "bản tin tuần này tui coi luôn rồi, khỏi gửi lại nghen"): nothing is stopped and nothing sent.
  "số này" after where a thing is sent (``number_named``: "qua số này") is the asker's number, no issue (round 23).
  Round 24: "nên" after a reason done starts a clause of its own ("… coi luôn rồi nên khỏi gửi lại nghen"); the digest
  named bare as the topic ("bản tin thì thôi nha") may stand in a refusal alone; a lasting phrase inside one that does
  not last is none (``not_lasting``: "bỏ qua", "dung gui" typed without marks); a clause that keeps the subscription or
  asks for it (``kept_later``: "…, nhưng từ tuần sau vẫn gửi nha") says no lasting stop.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from bot.nlp.intents import Exclusion, Word, any_said, intents_file, request_phrases
from bot.nlp.normalize import command_form, command_words
from bot.nlp.send_refused import clauses

_PUNCTUATED = re.compile(r"([,.;!?…\n]+)")  # the parts and their punctuation, kept to rebuild the message


class _Lists(NamedTuple):
    purpose: tuple[Exclusion, ...]  # what a request spares the asker
    ends: tuple[Exclusion, ...]  # a connective that ends it ("thì", "nên")
    stop: tuple[Exclusion, ...]  # a stop's own verb, which the purpose must not hold
    issue: tuple[Exclusion, ...]  # one issue named
    refusal: tuple[Exclusion, ...]  # a refusal, with or without its verb
    lasting: tuple[Exclusion, ...]  # a stop that lasts, wherever it is said
    lasting_said: tuple[Exclusion, ...]  # "for good" ("luôn", "hẳn"), counted only in a clause that refuses
    number: tuple[Exclusion, ...]  # "số này" said as a phone number ("qua số này"): no issue
    soft: tuple[Exclusion, ...]  # "luôn", "hẳn": emphasis where a one-off reason is given
    reason: tuple[Exclusion, ...]  # a one-off reason ("đi vắng", "đọc trên web rồi")
    lasting_alone: frozenset[str]  # the words of a clause that is "for good" alone ("mãi mãi luôn", "vĩnh viễn nha")
    alone: frozenset[str]  # the words of a clause that is a refusal alone (the refusals', the verb, closing words)
    topic: tuple[Exclusion, ...]  # the digest named bare as the topic ("bản tin thì"), allowed in a refusal alone
    not_lasting: tuple[Exclusion, ...]  # holds a lasting phrase but does not last ("bỏ qua", unmarked "dung gui")
    kept: tuple[Exclusion, ...]  # the subscription kept or asked for ("vẫn gửi", "đăng ký cho tôi"): no lasting stop
    kept_veto: tuple[Exclusion, ...]  # a stop word, with which no clause keeps the subscription
    reason_break: re.Pattern[str] | None  # where a clause is split: before "nên" right after "rồi / xong"


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    phrases = request_phrases
    bare = phrases("issue_refusal")
    tail = intents_file()[0].get("refused_tail", [])
    alone = frozenset(w for t in tail for w in command_form(t).split()) | frozenset(
        w for p in (*bare, *phrases("refusal_alone")) for w, _ in p.words)
    return _Lists(phrases("stop_purpose"), phrases("purpose_ends"), phrases("purpose_stop"), phrases("issue_named"),
                  bare + phrases("issue_refused_verb"),
                  phrases("stop_lasting"), phrases("stop_lasting_said"), phrases("number_named"),
                  phrases("stop_lasting_soft"), phrases("one_off_reason"),
                  frozenset(w for p in (*phrases("stop_lasting_said"), *phrases("lasting_alone")) for w, _ in p.words),
                  alone, phrases("refusal_topic"), phrases("not_lasting"), phrases("kept_later"),
                  phrases("kept_later_veto"),
                  _reason_break(intents_file()[0].get("reason_done", []), intents_file()[0].get("reason_then", [])))


def _reason_break(done: list[str], then: list[str]) -> re.Pattern[str] | None:
    """Where a reason done ends and its consequence starts ("… coi rồi | nên khỏi gửi lại"; review of tidy23, M5): the
    reason's last word, then the space before the consequence's word, typed with marks or without. "nên" alone is not
    split ("không nên", "làm nên"). Fixed alternatives, no nesting: one pass, linear."""
    if not done or not then:
        return None

    def forms(words: list[str]) -> str:
        said = {unicodedata.normalize("NFC", w.lower()) for w in words} | {command_form(w) for w in words}
        return "|".join(re.escape(w) for w in sorted(said, key=len, reverse=True))

    return re.compile(rf"(?<!\w)({forms(done)})\s+(?=(?:{forms(then)})(?!\w))", re.IGNORECASE)


def stop_reread(text: str) -> str | None:
    """For a message the commands read as the stop: ``None`` when the stop stands, else the text to read instead —
    the message without what its request spares the asker, or without the clauses that refuse one issue ("" when
    nothing else is said). Each text returned is shorter than ``text``, so reading it again ends."""
    lists = _lists()
    spared = _without_purpose(text, lists)
    if spared is not None:
        return spared
    return _without_issue_refused(text, lists)


def _without_purpose(text: str, lists: _Lists) -> str | None:
    """``text`` with each purpose cut, from where its phrase starts to the next connective or its part's end, or None
    when none is said; "" when what was cut holds a stop's own verb (review of cmd22, H2: "… sợ bỏ lỡ nhưng giờ bận
    quá, hủy giùm" — a stop is never turned into a subscription, it is left to the knowledge base)."""
    whole = f" {command_form(text)} "
    if not any(p.folded in whole for p in lists.purpose):
        return None  # the cheap trigger: most stops say no purpose
    pieces = _PUNCTUATED.split(text)
    cut = False
    for k in range(0, len(pieces), 2):  # the parts (the odd pieces are their punctuation)
        words = tuple(command_words(pieces[k]))
        folded = f" {' '.join(w for w, _, _ in words)} "
        starts = {i for p in lists.purpose if p.folded in folded for i in p.at(words)}
        if not starts:
            continue
        ends = {i for p in lists.ends if p.folded in folded for i in p.at(words)}
        dropped = [False] * len(words)
        inside = False
        for i in range(len(words)):  # one pass: a purpose runs from its start to the next connective
            inside = (inside or i in starts) and i not in ends
            dropped[i] = inside
        cut_words = tuple(w for w, d in zip(words, dropped, strict=True) if d)
        cut_folded = f" {' '.join(w for w, _, _ in cut_words)} "
        if any_said(lists.stop, cut_folded, cut_words):
            return ""
        pieces[k] = _kept_words(pieces[k], dropped)
        cut = True
    return "".join(pieces).strip(" ,") if cut else None


def _kept_words(part: str, dropped: list[bool]) -> str:
    """The raw tokens of ``part`` whose command words are not all dropped (one pass over the tokens)."""
    kept: list[str] = []
    at = 0
    for token in part.split():
        n = len(command_words(token))
        if n == 0 or not all(dropped[at:at + n]):
            kept.append(token)
        at += n
    return " ".join(kept)


def _without_issue_refused(text: str, lists: _Lists) -> str | None:
    """``text`` without its clauses that refuse one issue (the issue named in a refusing clause, and a clause beside it
    that is a refusal alone: "bản tin tuần này, thôi khỏi nha"), or None when none does or a stop that lasts is said."""
    whole = f" {command_form(text)} "
    if not any(p.folded in whole for p in lists.issue):
        return None
    if lists.reason_break is not None:
        text = lists.reason_break.sub(r"\1, ", unicodedata.normalize("NFC", text))
    parts = list(clauses(text))
    kept: list[tuple[int, bool]] = []  # the clauses kept so far: (index, the clause is a refusal alone)
    issues: set[int] = set()  # the kept clauses that name an issue without refusing it
    dropped = False
    after_issue = False  # the clause before was an issue refused, set aside: a refusal alone after it goes too
    refused_before = False  # a clause before refuses: "for good" in a clause of its own after it is the refusal's
    # "luôn", "hẳn" are emphasis where a one-off reason is given (review of tidy23, M6: "tuần này khỏi gửi bản tin luôn,
    # tui đi vắng"); only the other "for good" words count then
    said_lasting = lists.lasting_said
    if any(p.folded in whole for p in lists.reason):
        soft = {p.folded for p in lists.soft}
        said_lasting = tuple(p for p in lists.lasting_said if p.folded not in soft)
    for i, part in enumerate(parts):
        words = tuple(command_words(part))
        folded = f" {' '.join(w for w, _, _ in words)} "
        refused = any_said(lists.refusal, folded, words)
        # a stop that lasts, said in a clause (never across a comma: "… coi luôn rồi, khỏi gửi" is no "rời khỏi"), and
        # "luôn", "hẳn" only where the clause refuses ("bản tin tuần này thôi, khỏi gửi luôn"; round 23)
        # "for good" alone in its own clause after a refusal is the refusal's ("thôi, khỏi gửi bản tin tuần này, mãi mãi
        # luôn"; review of tidy23, M3)
        # a clause that keeps the subscription or asks for it says no lasting stop ("…, nhưng từ tuần sau vẫn gửi nha";
        # round 24), nor does a lasting word inside a phrase that does not last ("bỏ qua", unmarked "dung gui")
        keeps = (not refused and any_said(lists.kept, folded, words)
                 and not any_said(lists.kept_veto, folded, words))
        said = any_said(said_lasting, folded, words)
        if not keeps and (_said_outside(lists.lasting, lists.not_lasting, folded, words) or (said and (refused or (
                refused_before and all(w in lists.lasting_alone for w, _, _ in words))))):
            return None
        refused_before = refused_before or refused
        alone = refused and _all_alone(words, folded, lists)
        issue = _names_issue(folded, words, lists)
        # one pass to the fixed point (review of cmd22, H1: a re-read per pair set aside was quadratic): a clause set
        # aside makes its neighbours meet, so the kept clauses are a stack whose top meets the next clause
        if issue and (refused or (kept and kept[-1][1])):
            if kept and kept[-1][1]:
                kept.pop()
            dropped, after_issue = True, True
        elif alone and (after_issue or (kept and kept[-1][0] in issues)):
            if not after_issue:
                kept.pop()
            dropped, after_issue = True, False
        else:
            kept.append((i, alone))
            if issue:
                issues.add(i)
            after_issue = False
    if not dropped:
        return None
    return ", ".join(parts[i].strip() for i, _ in kept)


def _names_issue(folded: str, words: tuple[Word, ...], lists: _Lists) -> bool:
    """Whether the clause names one issue: an ``issue_named`` phrase said where no ``number_named`` phrase covers it
    ("khỏi gửi bản tin qua số này nha": "số này" is the asker's phone number there, not this issue)."""
    return _said_outside(lists.issue, lists.number, folded, words)


def _said_outside(phrases: tuple[Exclusion, ...], covers: tuple[Exclusion, ...], folded: str,
                  words: tuple[Word, ...]) -> bool:
    """Whether one of ``phrases`` is said with a word no ``covers`` phrase covers (one pass over the hits)."""
    hits = [(i, len(p.words)) for p in phrases if p.folded in folded for i in p.at(words)]
    if not hits:
        return False
    covered = _covered(covers, folded, words)
    return any(any(i + k not in covered for k in range(n)) for i, n in hits)


def _covered(covers: tuple[Exclusion, ...], folded: str, words: tuple[Word, ...]) -> set[int]:
    """The word positions some ``covers`` phrase is said over."""
    return {i + k for q in covers if q.folded in folded for i in q.at(words) for k in range(len(q.words))}


def _all_alone(words: tuple[Word, ...], folded: str, lists: _Lists) -> bool:
    """Whether every word of a refusing clause is a refusal's, its verb's, a closing word, or the digest named bare as
    the topic ("bản tin thì thôi nha"; round 24)."""
    if all(w in lists.alone for w, _, _ in words):
        return True
    topic = _covered(lists.topic, folded, words)
    return bool(topic) and all(w in lists.alone or i in topic for i, (w, _, _) in enumerate(words))
