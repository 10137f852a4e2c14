"""The knowledge base as one object: entries + index + messages, answering questions.

It searches, decides on one text and answers; how a message is read — which of its clauses ask, which reading answers,
which of several questions is answered and which offered — is ``bot.kb.reading``'s job (``bot.kb.message``,
``bot.kb.texts``, ``bot.kb.several``; round 17).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Collection, Mapping, Sequence
from functools import partial
from pathlib import Path

from bot.kb.asks import provided
from bot.kb.both_years import answered_both
from bot.kb.decision import (
    NEAR_MISS,
    REDIRECT_TOPIC,
    SUGGESTIONS,
    Answer,
    confident,
    decide,
    may_be_answered,
    redirected,
    unknown,
    with_second,
)
from bot.kb.held import Holdings
from bot.kb.index import Hit, Index
from bot.kb.intent_model import IntentModel, load_intent_model
from bot.kb.loader import DEFAULT_KB_DIR, DEFAULT_MESSAGES, Entry, load_messages, parse_kb
from bot.kb.outside import Group, Outside, load_outside
from bot.kb.parted import leans_out
from bot.kb.phrasings import load_phrasings
from bot.kb.reading import Decided, read
from bot.kb.several import years_apart
from bot.kb.siblings import Families
from bot.kb.texts import Texts
from bot.nlp.keyboard_habits import as_typed_apart, ends_questions

log = logging.getLogger(__name__)


class KnowledgeBase:
    """Immutable after construction, so one instance is safely shared by every request of a process."""

    def __init__(self, entries: Sequence[Entry], messages: dict[str, str], problems: Sequence[str] = (),
                 path: Path | None = None, phrasings: Mapping[str, Sequence[str]] | None = None,
                 outside: Sequence[Group] = (), intent: IntentModel | None = None) -> None:
        started = time.perf_counter()
        self.entries = tuple(entries)
        self.by_id = {e.id: e for e in self.entries}
        self.messages = messages
        self.problems = list(problems)
        self.path = path
        self.phrasings = {k: tuple(v) for k, v in (phrasings or {}).items() if k in self.by_id}
        self.index = Index(self.entries, self.phrasings, Outside(outside) if outside else None)
        self.records = {e.id: r for e, r in zip(self.entries, self.index.records, strict=True)}
        self.intent = intent  # the trained intent reader (bot.kb.intent_model), evidence for the decision
        self.families = Families(self.entries)  # siblings the ranker cannot tell apart (bot.kb.siblings)
        self.holdings = Holdings(self.entries)  # what kinds of fact entries hold, for which subject (bot.kb.held)
        # Every reading ranked and measured, even one whose usable entries the floors could not answer (``decide``):
        # the off-topic model's tools record the readings the engine measures (``Outside.against``), and its
        # committed weights were fitted on those of the engine before round 24 spared them. Answers are the same.
        self.measure_all = False
        # What each entry can say (``bot.kb.asks.provided``: a dozen expressions over its answer, ~1 ms an entry),
        # read here once rather than inside the first questions that rank it (latency, round 22: a long letter
        # asking a year met up to three entries never read before, +1 ms each, in the 945 chat messages' p99)
        for entry in self.entries:
            provided(entry)
        self.index_seconds = time.perf_counter() - started
        self.load_seconds = self.index_seconds
        # One representative question per topic, in file order: the fallback suggestions.
        seen: dict[str, Entry] = {}
        for entry in self.entries:
            seen.setdefault(entry.topic, entry)
        self.topic_heads = list(seen.values())

    def search(self, question: str, k: int = 5) -> list[Hit]:
        """Ranked hits of the message's main reading, without any decision (evaluation and debugging)."""
        return self._read(question)[0][1][:k]

    def suggestions(self, hits: Sequence[Hit], n: int = SUGGESTIONS, without: str = "") -> list[Entry]:
        """Up to ``n`` entries: the closest near misses first (even from one topic), then other topics' heads;
        none of topic ``without`` (a redirect's reply offers the channel's own topics, not other redirects)."""
        chosen = [h.entry for h in hits if h.coverage > NEAR_MISS and h.entry.topic != without][:n]
        topics = {e.topic for e in chosen} | {without}
        for entry in self.topic_heads:
            if len(chosen) >= n:
                break
            if entry.topic not in topics:
                chosen.append(entry)
                topics.add(entry.topic)
        return chosen

    def decide(self, texts: Texts, text: str, hits: list[Hit] | None = None, exact: bool = True,
               among: Collection[str] | None = None) -> Decided:
        """The decision on ``text``, one text of the message ``texts`` holds (the whole, a question, a question with
        the sentence before it), and its ranked hits (``hits`` when the message's reading ranked them already).

        ``among``: the entries (ids) whose confident answer the caller can use, ``None`` for any. A confident
        answer is the top hit's entry or, for a phrasing typed word for word, that entry's hit: where neither can
        be one of them, nothing the decision says is used, so it is not made (latency, round 23: the question read
        with the sentence before it, ``bot.kb.reading``) and an apology with no hits stands for it."""
        analysis = texts.analysis(text)
        if not analysis.tokens:
            return unknown(self.topic_heads[:SUGGESTIONS], self.messages, "", head_key="empty"), []
        entry = self.index.exact_entry(analysis) if exact else None
        if hits is None:
            wanted = None if among is None or (entry is not None and entry.id in among) else \
                {self.index.doc_of[i] for i in among if i in self.index.doc_of}
            query = texts.query(text)
            if wanted is not None and query is not None and not self.measure_all and not any(
                    may_be_answered(*measured) for measured in self.index.measured(query, sorted(wanted))):
                # no entry of ``among`` could pass the floors, whatever the ranking says (latency, round 24: the
                # question read with the sentence before it, in a long letter nobody answers, is not ranked)
                return unknown(self.topic_heads[:SUGGESTIONS], self.messages, analysis.text), []
            hits = self.index.hits(query, k=5, among=wanted)
        if among is None:
            texts.ranked.setdefault(text, hits)  # a plain ranking of ``text`` (bot.kb.shown), the first one made
        if among is not None and (entry is None or entry.id not in among) \
                and (not hits or hits[0].entry.id not in among):
            return unknown(self.topic_heads[:SUGGESTIONS], self.messages, analysis.text), []
        if entry is not None:
            hit = next((h for h in hits if h.entry.id == entry.id), None)
            if hit is not None:
                return confident(hit, self.messages, analysis.text, 1.0), [hit, *(h for h in hits if h is not hit)]
        # the places of the message's question(s), whichever text is read: not those of a context sentence; read only
        # where the decision reads the kinds, its years alone otherwise (latency, round 23: a dozen families'
        # expressions over each text of a long letter, for readings most of which are not answered)
        asks = lambda: texts.kinds(text) | texts.places  # noqa: E731
        reader = partial(texts.intent, text)  # read only when the decision asks (bot.kb.intent_model.agrees)
        return decide(hits, self.messages, analysis.text, self.suggestions(hits), asks, texts.names, reader,
                      self.index.idf_of, partial(texts.years, text), self.index.known_pair), hits

    def _read(self, question: str) -> tuple[Decided, Entry | None]:
        """The best reading of a message, and the entry of its second question when it asks two
        (``bot.kb.reading``)."""
        return read(self, question)

    def answer(self, question: str) -> Answer:
        """Answer one citizen question (no side effects; the caller records unanswered ones).

        A message with two questions gets the first answered and the second offered as a choice.
        """
        typed = as_typed_apart(question)  # "mạng.Tôi", "mô,làm", "dzậyyyy": words apart before any reader
        parted = ends_questions(typed)  # "… là ngày nào z 🤔 e ở …": an emoji typed where a question ends
        result = self._answered(parted)
        if parted != typed and result.confident and result.entry and leans_out(self.index, typed, result.entry):
            # the question parted from its story answered what the story says is off-topic (bot.kb.parted): the
            # letter is read as typed, as before the emoji was read as the question's end
            return self._answered(typed)
        return result

    def _answered(self, question: str) -> Answer:
        """:meth:`answer` of ``question`` with its words apart."""
        (result, hits), second = self._read(question)
        if second is None and result.confident:
            result, second = years_apart(question, result, hits, self.by_id, self.messages)
        elif second is None:
            result = answered_both(question, result, hits, self.messages)  # two years asked (bot.kb.both_years)
        result = with_second(result, second) if second is not None else result
        entry = self.by_id.get(result.entry or "") if result.confident else None
        if entry is not None and entry.topic == REDIRECT_TOPIC:
            # one of the KB's redirect entries (round 14): the channel's own reply to a request it does not handle,
            # so it is out of scope, still confident (the contract), with the closest in-scope topics offered
            return redirected(result, self.suggestions(hits, without=REDIRECT_TOPIC))
        return result


def load_kb(path: Path | None = None, messages_path: Path | None = None,
            phrasings_path: Path | None = None, outside_path: Path | None = None,
            intent_path: Path | None = None) -> KnowledgeBase:
    """Load and index the KB (default ``content/kb/``); bad entries are skipped and logged, not fatal.

    Extra phrasings come from ``phrasings_path``, else from the ``phrasings/`` folder beside the KB directory;
    the out-of-scope class from ``outside_path``, else from ``out_of_scope.toml`` beside it — for the default
    KB, ``content/phrasings/`` and ``content/out_of_scope.toml``. An explicit ``content/kb`` (``dxbot kb eval
    --kb``, ``bench_qa``) thus answers exactly as the default KB does (session 6: it used to load neither), and
    a test's KB directory, with no such siblings, loads only its entries. The intent reader's weights likewise
    (``intent_path``, else ``intent_model.tsv`` beside the KB directory; round 8).
    """
    started = time.perf_counter()
    kb_path = path or DEFAULT_KB_DIR
    entries, problems = parse_kb(kb_path)
    phrasings: dict[str, tuple[str, ...]] = {}
    phrasings_path = phrasings_path or _beside(kb_path, "phrasings")
    if phrasings_path is not None:
        phrasings, phrasing_problems = load_phrasings(phrasings_path)
        problems = [*problems, *phrasing_problems]
        known = {e.id for e in entries}
        problems += [f"phrasings: no entry {k!r}" for k in phrasings if k not in known]
    outside: list[Group] = []
    outside_path = outside_path or _beside(kb_path, "out_of_scope.toml")
    if outside_path is not None:
        outside, outside_problems = load_outside(outside_path)
        problems = [*problems, *outside_problems]
    intent_path = intent_path or _beside(kb_path, "intent_model.tsv")
    intent = load_intent_model(intent_path) if intent_path is not None else None
    kb = KnowledgeBase(entries, load_messages(messages_path or DEFAULT_MESSAGES), problems, kb_path, phrasings,
                       outside, intent)
    kb.load_seconds = time.perf_counter() - started
    log.info("kb: %d entries from %s loaded in %.1f ms (index %.1f ms), %d problems", len(entries), kb_path,
             kb.load_seconds * 1000, kb.index_seconds * 1000, len(problems))
    return kb


def _beside(kb_path: Path, name: str) -> Path | None:
    """``name`` in the folder that holds the KB directory, when it exists (``content/kb`` → ``content/name``)."""
    found = kb_path.parent / name
    return found if found.exists() else None
