"""Chat commands said in plain words ("thôi khỏi nhắn bản tin cho tôi" → unsubscribe), from content/intents.toml.

Why patterns and not the KB ranker: a command changes something for the citizen, so it must be recognised
only when the message says the action *and* its object ("bỏ" + "dữ liệu"), never because it resembles a
question about the command ("nếu muốn xóa dữ liệu thì nhắn gì?" is a question; the KB explains). The phrase
lists live in content/ so editors can extend them from the unanswered log without touching code.

Tone-aware like the KB analyzer: a message typed with diacritics is compared with its marks ("bỏ" ≠ "bộ",
"tin" ≠ "tín"), one typed without is compared folded (Telex/VNI decoded by ``command_form``). The "unless"
phrases are compared folded too, but a word whose marks are known on both sides must also have the same marks:
"dừng" blocks "dung" typed without marks, never "dùng" or the "dụng" of "app" (= "ứng dụng").
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.nlp.dialect import standardize
from bot.nlp.normalize import command_form, command_words

DEFAULT_INTENTS = Path(__file__).resolve().parents[2] / "content" / "intents.toml"
MAX_WORDS = 25  # a long message is a question or a story, not a command


def _marked_words(text: str) -> str:
    """Lowercase NFC words without punctuation, padded with spaces for whole-word search."""
    clean = "".join(c if c.isalnum() else " " for c in unicodedata.normalize("NFC", text).lower())
    return f" {' '.join(clean.split())} "


@dataclass(frozen=True, slots=True)
class Phrase:
    marked: str  # " bỏ " (with marks, padded)
    folded: str  # " bo " (command_form, padded); "" when the folded form is too ambiguous to use

    @classmethod
    def of(cls, text: str, unmarked_words: frozenset[str]) -> Phrase:
        folded = command_form(text)
        usable = len(folded.split()) > 1 or folded in unmarked_words
        return cls(_marked_words(text), f" {folded} " if usable else "")

    def found(self, marked: str, folded: str, accented: bool) -> bool:
        if accented:
            return self.marked in marked
        return bool(self.folded) and self.folded in folded


Word = tuple[str, str, bool]  # (folded, tone key, marks known): see command_words


@dataclass(frozen=True, slots=True)
class Exclusion:
    """An "unless" phrase: a folded substring test first (cheap, almost always false), then word by word."""

    folded: str  # " dung " (padded)
    words: tuple[tuple[str, str], ...]  # (folded, tone key) per word

    @classmethod
    def of(cls, text: str) -> Exclusion:
        words = command_words(text)
        return cls(f" {' '.join(w for w, _, _ in words)} ", tuple((w, k) for w, k, _ in words))

    def found(self, folded: str, message: tuple[Word, ...]) -> bool:
        """Whether the phrase is in the message. A message word's marks count only where they are known
        (``sure``): a word typed without marks may be any word of its folded form ("dung" may be "dừng"), and
        an exclusion only ever sends the message to the knowledge base."""
        if self.folded not in folded:
            return False
        n = len(self.words)
        return any(all(f == w and not (sure and k and key and k != key)
                       for (w, k), (f, key, sure) in zip(self.words, message[i : i + n], strict=True))
                   for i in range(len(message) - n + 1))


@dataclass(frozen=True, slots=True)
class Intent:
    name: str
    patterns: tuple[tuple[tuple[Phrase, ...], ...], ...]
    unless: tuple[Exclusion, ...]

    def matches(self, marked: str, folded: str, accented: bool, words: tuple[Word, ...]) -> bool:
        # the patterns first: most messages say no command, and then no exclusion needs a look (latency)
        return any(all(any(p.found(marked, folded, accented) for p in group) for group in pattern)
                   for pattern in self.patterns) and not any(
            p.folded in folded and p.found(folded, words) for p in self.unless)


def load_intents(path: Path = DEFAULT_INTENTS) -> tuple[Intent, ...]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    plain = frozenset(data.pop("unmarked_words", ()))
    return tuple(
        Intent(name,
               tuple(tuple(tuple(Phrase.of(p, plain) for p in group) for group in pattern)
                     for pattern in spec["patterns"]),
               tuple(Exclusion.of(p) for p in spec.get("unless", ())))
        for name, spec in data.items()
    )


@lru_cache(maxsize=1)
def _intents() -> tuple[Intent, ...]:
    return load_intents()


def plain_command(text: str, intents: tuple[Intent, ...] | None = None) -> str | None:
    """The command a plain-words message asks for (``"unsubscribe"``, ``"erase"``, ...), or None."""
    if not text or len(text.split()) > MAX_WORDS:
        return None
    words = _marked_words(text).split()
    accented = bool(words) and sum(not w.isascii() for w in words) * 3 >= len(words)
    # regional and English words read as the standard ones first, as the KB reads them ("Mần răng để dùng
    # cái kênh ni?" = "làm sao để dùng cái kênh này?", "stop gửi newsletter" = "stop gửi bản tin")
    text = standardize(text, marks=True)
    marked = _marked_words(text)
    message = command_words(text)
    folded = f" {' '.join(w for w, _, _ in message)} "  # = command_form(text), one pass (latency)
    for intent in intents if intents is not None else _intents():
        if intent.matches(marked, folded, accented, message):
            return intent.name
    return None
