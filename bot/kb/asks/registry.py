"""Where the kinds of fact plug in: each family module registers what reads its kinds in a question and what finds
them said by an entry; :func:`bot.kb.asks.asked` and :func:`bot.kb.asks.provided` run what is registered.

The readers run in the order they were registered. The kinds are a set, so the order changes nothing — except where
a reader looks at the kinds read before it (``found``): the practical kinds of a service (``bot.kb.asks.services``)
read whether a fee or pay was asked (``bot.kb.asks.amounts``), so ``services`` imports ``amounts`` to register after
it. A new family that reads ``found`` imports the families it reads the same way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Set
from functools import cached_property

from bot.kb.loader import Entry
from bot.nlp.normalize import fold

# A question's reader: its analysed, folded text, the message as typed, and the kinds the readers registered before
# it found (read-only) → the kinds it reads.
AskedReader = Callable[[str, str, Set[str]], Iterable[str]]


class Said:
    """An entry's texts in the forms the tests of what it says read, each made once (on first use)."""

    def __init__(self, entry: Entry) -> None:
        self.entry = entry
        self.answer = entry.answer  # as written

    @cached_property
    def folded(self) -> str:
        """The answer folded."""
        return fold(self.answer)

    @cached_property
    def written(self) -> str:
        """The answer as written, composed and lower case (what the expressions with marks read)."""
        return unicodedata.normalize("NFC", self.answer).lower()

    @cached_property
    def written_all(self) -> str:
        """The answer, title and questions as written, composed and lower case."""
        e = self.entry
        return unicodedata.normalize("NFC", " ".join((e.answer, e.title, *e.questions))).lower()

    @cached_property
    def phrasings(self) -> str:
        """The title, questions and keywords, folded together."""
        e = self.entry
        return fold(" ".join((e.title, *e.questions, *e.keywords)))

    @cached_property
    def asked_as(self) -> tuple[str, ...]:
        """The title and the questions, each folded."""
        return tuple(fold(t) for t in (self.entry.title, *self.entry.questions))

    @cached_property
    def everything(self) -> str:
        """The answer and the phrasings, folded."""
        return f"{self.folded} {self.phrasings}"

    @cached_property
    def typed(self) -> str:
        """The answer, title, questions and keywords as written."""
        e = self.entry
        return " ".join((e.answer, e.title, *e.questions, *e.keywords))


ProvidedTest = Callable[[Said], Iterable[str]]

ASKED: list[AskedReader] = []  # in order of registration: see the module's docstring
PLACES: list[AskedReader] = []  # the places a question names, left out by a caller that reads them per clause
PROVIDED: list[ProvidedTest] = []


def register(asked: AskedReader, provided: ProvidedTest | None = None, *, places: bool = False) -> None:
    """Plug in a family of kinds: ``asked`` reads them in a question (``places``: it reads the places named, which
    ``asked(..., with_places=False)`` leaves out), ``provided`` finds them said by an entry."""
    (PLACES if places else ASKED).append(asked)
    if provided is not None:
        PROVIDED.append(provided)
