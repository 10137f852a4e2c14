"""The texts of one message, each read once (latency; docs/question-answering.md).

The engine reads a message several ways — the whole, its question gated, each question alone, a question with the
sentence before it — up to three searches (``bot.kb.reading``). Each text's analysis, the kinds of fact it asks, what
the intent reader makes of it and the ranker's query are made once per message here and shared by every reading,
with what the whole message's question clauses hold for all of them (the places and unknown names they name).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from bot.kb.asks import asked
from bot.kb.asks.dates import years_asked
from bot.kb.asks.lookups import carried
from bot.kb.index import Hit, Index, Query
from bot.kb.intent_model import NOTHING, IntentModel, Reading
from bot.kb.story_years import story_years
from bot.nlp.normalize import Analysis, analyze

YEAR = "year:"  # the prefix of a year asked among the kinds (``bot.kb.asks``)
_T = TypeVar("_T")


class Texts:
    """The texts of one message (the whole, its question, each clause), each analysed and prepared for the ranker
    once however many readings use it (latency: up to three searches of one message share this work)."""

    def __init__(self, index: Index, intent: IntentModel | None = None, whole: str = "") -> None:
        self.index = index
        self.model = intent
        self.whole = whole  # the whole message (regional words standardized): what the intent reader reads
        self._intents: dict[str, Reading] = {}
        # the sentences of a long whole message that ask, read again beside it by the intent reader (round 33,
        # ``IntentModel.read``'s ``asking``; set by ``bot.kb.reading`` once it has found the questions)
        self.asking = ""
        self._alone = ""  # a question read as though sent alone (``read_alone``)
        self._lent = ""  # a question read with the whole message's intent reading (``lend``)
        self._analyses: dict[str, Analysis] = {}
        self._queries: dict[str, Query | None] = {}
        self._asked: dict[str, frozenset[str]] = {}
        self._told: dict[str, frozenset[str]] = {}  # the years each text names only in the asker's story
        self._readings: dict[str, tuple[Analysis, Query | None]] = {}  # by analysed text (see ``query``)
        # The places the message's question clauses name (bot.kb.subjects), held by every reading, so a clause read
        # alone ("…, là ngày nào?") keeps them and a context sentence ("tôi ở Hà Nội, …") adds none.
        self.places: frozenset[str] = frozenset()
        # The same for the names typed capitalised that the KB does not know (bot.kb.explained.names).
        self.names: frozenset[str] = frozenset()
        # the message's one question clause, and the message: the years the question names hold over those of its
        # context when the whole message is read (``kinds``); a clause read alone keeps its own
        self.question = ""
        self.message = ""
        # each text's ranked hits, as the decision first ranked it (``bot.kb.engine.KnowledgeBase.decide``): what an
        # unanswered message shows is drawn from every reading's ranking, not searched again (``bot.kb.shown``)
        self.ranked: dict[str, list[Hit]] = {}

    def analysis(self, text: str) -> Analysis:
        found = self._analyses.get(text)
        if found is None:
            found = self._analyses[text] = analyze(text)
        return found

    def asked(self, text: str) -> frozenset[str]:
        """The kinds of fact ``text`` asks for, places left out (``bot.kb.asks.asked``): once per text, though the
        whole message is decided twice when its question is gated (latency: round 7's kinds read a dozen
        expressions)."""
        found = self._asked.get(text)
        if found is None:
            found = self._asked[text] = asked(self.analysis(text).text, text, with_places=False)
        return found

    def kinds(self, text: str) -> frozenset[str]:
        """The kinds of fact a reading of ``text`` is held to: those ``text`` asks, but where ``text`` is the whole
        message and its one question names a year of its own, that year and not a year told around it (round 15:
        "Tôi có nghe … chủ đề năm 2023 là gì đó. Chủ đề năm 2026 là gì?" asks 2026; the 2023 told before made any
        2023 entry enough). A question naming no year keeps the years of its context ("Năm 2025 lễ đó tổ chức rồi.
        Vào ngày nào?" borrows 2025); a clause read alone keeps its own."""
        found = self._unstoried(text, self.asked(text))
        if self.message and text != self.message:  # a clause looking up what the message names (bot.kb.asks.lookups)
            found |= carried(self.analysis(text).text, self.asked(self.message))
        if not self.question or text != self.message:
            return found
        years = frozenset(k for k in self.asked(self.question) if k.startswith(YEAR))
        if not years:
            return found
        return frozenset(k for k in found if not k.startswith(YEAR)) | years

    def years(self, text: str) -> frozenset[str]:
        """The years among :meth:`kinds` of ``text``, read without the other kinds' readers (latency, round 23: the
        decision needs only the years of a reading it will not answer, to drop the runners-up that name none,
        ``bot.kb.year_rivals``). Only the dates family reads years, and what a clause carries from the message is a
        lookup, never a year."""
        own = self._unstoried(text, years_asked(self.analysis(text).text))
        if not self.question or text != self.message:
            return own
        return years_asked(self.analysis(self.question).text) or own

    def _unstoried(self, text: str, kinds: frozenset[str]) -> frozenset[str]:
        """``kinds`` without the years ``text`` names only in the asker's own story (round 26,
        ``bot.kb.story_years``): read only where a year is among them and ``text`` has a comma or sentence mark."""
        if not any(k.startswith(YEAR) for k in kinds) or not any(c in text for c in ",.;!?"):
            return kinds
        told = self._told.get(text)
        if told is None:  # once per text: both the kinds and the years of a text read it
            told = self._told[text] = story_years(text, lambda piece: self.analysis(piece).text)
        return kinds - told if told else kinds

    def intent(self, text: str) -> Reading:
        """What the intent reader makes of ``text`` (nothing without a model), once per text.

        Only the whole message is read: the reader learned whole messages, context and all, and a context
        sentence read alone as a question ("…muốn lập nhóm hướng dẫn bà con làm dịch vụ công.") is no question it
        knows — held out, agreeing on one answered it instead of the question after it (round 8)."""
        if text == self._lent and text != self._alone:
            text = self.whole
        if self.model is None or (text != self.whole and text != self._alone):
            return NOTHING
        found = self._intents.get(text)
        if found is None:
            asking = self.analysis(self.asking).text if text == self.whole and self.asking else ""
            found = self._intents[text] = self.model.read(self.analysis(text).text, asking=asking)
        return found

    def read_alone(self, text: str, reading: Callable[[], _T]) -> _T:
        """``reading()`` with the intent reader reading ``text`` as though it were the whole message
        (``bot.kb.first_alone``)."""
        self._alone = text
        try:
            return reading()
        finally:
            self._alone = ""

    def lend(self, text: str, reading: Callable[[], _T]) -> _T:
        """``reading()`` with the intent reader's reading of the whole message standing for ``text``'s
        (``bot.kb.agreed``: the question clause of a message whose whole the reader names)."""
        self._lent = text
        try:
            return reading()
        finally:
            self._lent = ""

    def query(self, text: str) -> Query | None:
        """``text`` as the ranker reads it. Two texts that analyse alike — the whole message and its one question
        told apart by punctuation only — share one ``Query`` (latency: it is prepared once, and
        ``Index.search_gated`` then measures the gate on the ranking's own view instead of again)."""
        if text not in self._queries:
            analysis = self.analysis(text)
            same = self._readings.get(analysis.text)
            if same is not None and same[0] == analysis:  # an analysis is its units: equal units, equal query
                query = same[1]
            else:
                query = self.index.query(analysis)
                self._readings[analysis.text] = (analysis, query)
            self._queries[text] = query
        return self._queries[text]
