"""Measure question answering on a labelled set, the way a citizen would experience it.

Two file shapes are read (both ``[[case]]`` tables; ``[[question]]`` / ``[[cases]]`` also accepted):

* the old set (``tests/eval/questions.toml``): ``question``, ``expected`` (an entry id, a list of ids, or
  ""/absent for off-topic), ``category`` and, for a message the plain-word command routes take, ``command``
  beside ``expected``: reaching that command is right (the command does what the entry explains), reaching
  the KB the entry is — the case stays in scope;
* the blind sets (``tests/eval/blind/*.toml``), written by people who never saw ``content/kb``: ``id``,
  ``style``, ``in_scope``, ``question``, ``keywords`` (facts a right answer must contain; ``a|b`` are
  alternatives, matched ignoring case and diacritics), ``second_keywords`` (the second question of a
  two-question message) and ``command`` (a message that must reach a chat command, not the KB).

"Right" for a blind case is the keyword rule — the entry's answer contains every keyword group — a proxy
that can fail on a good answer phrased otherwise; :attr:`EvalReport.failures` lists each miss so a human can
tell a bad keyword from a bad answer. Reported, by style and overall: answered confidently and right; right
answer among what the bot shows (the answer or any offered choice); confident but wrong; off-topic answered
confidently; command messages routed to the right command; questions a command took instead (``cmd took``, the
plain-word routes' false positives: must be 0); and, last, answered confidently and right *in the first view*
(``first view``): the keyword rule applied to the head a phone shows before "Xem thêm" (``bot.kb.first_view``),
since a fact only after the cut is one most citizens never read. Old-set cases judged by entry id (no keywords)
and questions the right command took count as right in the first view whenever they are right. Which route
takes a message is asked of a ``route`` callable (``None`` = question answering), so this module needs no handler.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.kb.engine import KnowledgeBase
from bot.kb.first_view import first_view
from bot.kb.loader import Entry
from bot.nlp.normalize import fold

OFF_TOPIC_MARKERS = {"", "none", "null", "off-topic", "offtopic", "off_topic", "-"}
# The KB's own out-of-scope entries ("the channel cannot recover accounts: ask the police"): an off-topic case
# they answer still counts as answered; the "redirect" column tells how many of those were such a redirect.
REDIRECT_TOPIC = "ngoai-pham-vi"
Route = Callable[[str], "str | None"]


@dataclass(frozen=True, slots=True)
class Case:
    question: str
    expected: tuple[str, ...] = ()  # old set: acceptable entry ids (empty with no keywords: off-topic)
    category: str = "general"
    keywords: tuple[tuple[str, ...], ...] = ()  # blind sets: folded alternatives per fact
    second: tuple[tuple[str, ...], ...] = ()  # the second question's facts (two-questions style)
    command: str = ""  # the command this message must reach
    in_scope: bool = True
    id: str = ""

    @property
    def off_topic(self) -> bool:
        return not self.command and (not self.in_scope or (not self.expected and not self.keywords))

    @property
    def command_only(self) -> bool:
        """A message that must reach ``command``; with ``expected`` too it is a question the command answers."""
        return bool(self.command) and not self.expected and not self.keywords


@dataclass
class Stats:
    """Counts for one style (or overall)."""

    in_scope: int = 0
    confident_right: int = 0
    shown_right: int = 0
    confident_wrong: int = 0
    top1: int = 0  # the ranker's first hit is right (whatever the decision)
    top3: int = 0
    off_topic: int = 0
    off_topic_confident: int = 0
    off_topic_redirect: int = 0  # ... of which by one of the KB's out-of-scope entries (REDIRECT_TOPIC)
    commands: int = 0
    commands_right: int = 0
    # questions (in scope or off-topic) a command took instead of the KB: every one is a false positive of the
    # plain-word routes, listed in the table because an off-topic one moves no other figure
    taken: int = 0
    second: int = 0  # two-question messages whose second question is answered or offered
    second_right: int = 0
    first_view_right: int = 0  # confident+right with every keyword in the head a phone shows first

    def add(self, other: Stats) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} {part / whole:6.1%}" if whole else "-"


@dataclass
class EvalReport:
    total: Stats = field(default_factory=Stats)
    by_category: dict[str, Stats] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    # Ratios the tests assert on.
    @property
    def in_domain(self) -> int:
        return self.total.in_scope

    @property
    def confident_accuracy(self) -> float:
        return self.total.confident_right / self.total.in_scope if self.total.in_scope else 1.0

    @property
    def first_view_accuracy(self) -> float:
        return self.total.first_view_right / self.total.in_scope if self.total.in_scope else 1.0

    @property
    def shown_accuracy(self) -> float:
        return self.total.shown_right / self.total.in_scope if self.total.in_scope else 1.0

    @property
    def top1_accuracy(self) -> float:
        return self.total.top1 / self.total.in_scope if self.total.in_scope else 1.0

    @property
    def confident_wrong_rate(self) -> float:
        return self.total.confident_wrong / self.total.in_scope if self.total.in_scope else 0.0

    @property
    def off_topic(self) -> int:
        return self.total.off_topic

    @property
    def confident_wrong(self) -> int:
        return self.total.confident_wrong

    @property
    def off_topic_confident(self) -> int:
        return self.total.off_topic_confident

    @property
    def off_topic_rate(self) -> float:
        return self.total.off_topic_confident / self.total.off_topic if self.total.off_topic else 0.0

    @property
    def commands_taken(self) -> int:
        return self.total.taken

    @property
    def command_accuracy(self) -> float:
        return self.total.commands_right / self.total.commands if self.total.commands else 1.0

    def format(self) -> str:
        head = (f"{'style':<14} {'in':>4} {'confident+right':>16} {'shown right':>16} {'conf.wrong':>10} "
                f"{'top-1':>6} {'top-3':>6} {'off-topic conf.':>15} {'commands ok':>14} {'2nd offered':>12} "
                f"{'redirect':>8} {'cmd took':>8} {'first view':>16}")
        lines = [head]
        rows = [*sorted(self.by_category.items()), ("OVERALL", self.total)]
        for name, s in rows:
            lines.append(
                f"{name:<14} {s.in_scope:>4} {_pct(s.confident_right, s.in_scope):>16} "
                f"{_pct(s.shown_right, s.in_scope):>16} {s.confident_wrong:>10} {s.top1:>6} {s.top3:>6} "
                f"{_pct(s.off_topic_confident, s.off_topic):>15} {_pct(s.commands_right, s.commands):>14} "
                f"{_pct(s.second_right, s.second):>12} {s.off_topic_redirect if s.off_topic else '-':>8} "
                f"{s.taken:>8} {_pct(s.first_view_right, s.in_scope):>16}"
            )
        return "\n".join(lines)


def _expected(raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    values = raw if isinstance(raw, list) else [raw]
    return tuple(str(v).strip() for v in values if str(v).strip().lower() not in OFF_TOPIC_MARKERS)


def _groups(raw: Any) -> tuple[tuple[str, ...], ...]:
    """``["10/10", "a|b"]`` → folded alternatives per group (empty alternatives dropped)."""
    values = raw if isinstance(raw, list) else [raw] if isinstance(raw, str) else []
    groups = (tuple(f for f in (fold(a) for a in str(v).split("|")) if f) for v in values)
    return tuple(g for g in groups if g)


def load_cases(path: Path) -> list[Case]:
    """Read a TOML case file (either shape in the module docstring)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rows = next((data[k] for k in ("case", "cases", "question", "questions") if isinstance(data.get(k), list)),
                [])
    cases = []
    for row in rows:
        question = next((row[k] for k in ("question", "q", "text") if isinstance(row.get(k), str)), None)
        if question is None:
            continue
        expected = _expected(next((row[k] for k in ("expected", "expect", "entry", "answer") if k in row), None))
        keywords = _groups(row.get("keywords"))
        category = str(row.get("style") or row.get("category") or row.get("kind")
                       or ("off-topic" if not expected and not keywords else "general"))
        command = str(row.get("command") or "").strip().lower()
        in_scope = bool(row.get("in_scope", bool(expected or keywords)))
        if category.lower().replace("_", "-") in ("off-topic", "offtopic"):
            expected, keywords, in_scope = (), (), False
        cases.append(Case(question, expected, category, keywords, _groups(row.get("second_keywords")), command,
                          in_scope, str(row.get("id", ""))))
    return cases


def contains_all(text: str, groups: tuple[tuple[str, ...], ...]) -> bool:
    """Every group has an alternative inside ``text`` (both folded: case and diacritics ignored)."""
    folded = f" {fold(text)} "
    return all(any(f" {alt} " in folded for alt in group) for group in groups)


def is_right_first(entry: Entry, case: Case) -> bool:
    """Whether the head a phone shows first of ``entry``'s answer holds every keyword group (``is_right`` on it).

    A case judged by entry id has no fact to look for: right is right in the first view too."""
    if not case.keywords:
        return is_right(entry, case)
    return contains_all(first_view(entry.answer), case.keywords)


def is_right(entry: Entry | None, case: Case, groups: tuple[tuple[str, ...], ...] | None = None) -> bool:
    """Whether ``entry`` answers ``case`` (its id is expected, or its answer holds every keyword group)."""
    if entry is None:
        return False
    groups = case.keywords if groups is None else groups
    if groups:
        return contains_all(entry.answer, groups)
    return entry.id in case.expected


def evaluate(kb: KnowledgeBase, cases: Iterable[Case], route: Route | None = None) -> EvalReport:
    """Run every case through the route (when given), the ranker and the decision; see :class:`EvalReport`."""
    report = EvalReport()
    for case in cases:
        s = Stats()
        _score(kb, case, route, s, report.failures)
        report.by_category.setdefault(case.category, Stats()).add(s)
        report.total.add(s)
    return report


def _score(kb: KnowledgeBase, case: Case, route: Route | None, s: Stats, failures: list[str]) -> None:
    routed = route(case.question) if route is not None else None
    tag = f"[{case.category}{' ' + case.id if case.id else ''}] {case.question!r}"
    if case.command_only:
        s.commands += 1
        if routed == case.command:
            s.commands_right += 1
        else:
            failures.append(f"{tag}: command {case.command} routed to {routed or 'qa'}")
        return
    if routed is not None:  # a command took the message: nothing from the KB was shown
        if case.off_topic:
            s.off_topic += 1
            s.taken += 1
            # not answered, so no figure moves: listed, or a command taking look-alikes goes unseen
            failures.append(f"{tag}: off-topic taken by command {routed}")
        else:
            s.in_scope += 1
            if routed == case.command:  # the command the expected entry explains: the citizen got it done
                s.confident_right += 1
                s.shown_right += 1
                s.first_view_right += 1
            else:
                s.taken += 1
                failures.append(f"{tag}: taken by command {routed}")
        return
    result = kb.answer(case.question)
    if case.off_topic:
        s.off_topic += 1
        if result.confident:
            s.off_topic_confident += 1
            entry = kb.by_id.get(result.entry or "")
            redirect = entry is not None and entry.topic == REDIRECT_TOPIC
            s.off_topic_redirect += redirect
            failures.append(f"{tag}: off-topic answered with {result.entry}{' (a redirect)' if redirect else ''}")
        return
    s.in_scope += 1
    answered = kb.by_id.get(result.entry) if result.confident and result.entry else None
    shown = [e for e in (answered, *(kb.by_id.get(i) for i in result.choice_entries)) if e is not None]
    hits = kb.search(case.question, k=3)
    right_rank = next((i for i, h in enumerate(hits) if is_right(h.entry, case)), None)
    s.top1 += right_rank == 0
    s.top3 += right_rank is not None
    if answered is not None and is_right(answered, case):
        s.confident_right += 1
        if is_right_first(answered, case):
            s.first_view_right += 1
        else:
            failures.append(f"{tag}: right but only after the first view: {answered.id}")
    elif answered is not None:
        s.confident_wrong += 1
    if any(is_right(e, case) for e in shown):
        s.shown_right += 1
    if case.second:
        s.second += 1
        s.second_right += any(is_right(e, case, case.second) for e in shown)
    if answered is None or not is_right(answered, case):
        right = next((h.entry.id for h in hits if is_right(h.entry, case)), None)
        failures.append(f"{tag}: {result.kind} {result.entry or ''} shown={[e.id for e in shown]} "
                        f"top={[h.entry.id for h in hits]} right-in-top3={right}")
