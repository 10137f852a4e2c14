"""Whether a question cut off the asker's introduction names the entry its reading found.

``bot.nlp.clauses`` cuts "Tôi làm ruộng, xã hội số là gì?" at the comma when the words before it only introduce the
asker (``bot.nlp.introductions``), so the question alone is gated. Read alone, a short look-alike ("xã hội học là
gì", "kinh tế vĩ mô là gì", "lợi ích của nông nghiệp") reaches its nearest entry's floors; in the whole sentence the
introduction's words kept it under them. The cut question's reading is taken only where every content word of the
question the knowledge base knows is one the entry is asked by (review of round 18, H2); otherwise the whole
sentence's reading stands, as before the cut. One pass over the question's units.
"""

from __future__ import annotations

from collections.abc import Collection, Container, Mapping, Sequence
from typing import Protocol

from bot.kb.lexicon import CONTENT, View
from bot.nlp.introductions import only_introduces


class _Sentence(Protocol):
    text: str


def cut_introduction(parts: Sequence[str], asks: Sequence[str], sentences: Mapping[str, _Sentence | None]) -> bool:
    """Whether the message's first clause is an introduction cut off the question's own sentence at a comma (a
    full-stopped introduction is its own sentence, read as context as it always was)."""
    if not parts or parts[0] in asks or not only_introduces(parts[0]):
        return False
    found = sentences.get(parts[0])
    if found is None:
        return False
    told, first = found.text.strip(), parts[0].strip()
    return told.startswith(first) and told[len(first):].lstrip().startswith(",")


def names_entry(question: View, asked: Collection[str] | None, known: Container[str]) -> bool:
    """Whether every content word of ``question`` the knowledge base knows (``known``: a word no entry has, a chat
    abbreviation like "cdso", tells nothing) is one the entry is asked by (``asked``: its question vocabulary, from
    its title, keywords and phrasings)."""
    if asked is None:
        return False
    units = [uv for uv in question.units if uv.role == CONTENT and uv.alts
             and any(all(t in known for t in alt) for alt in uv.alts)]
    return bool(units) and all(any(all(t in asked for t in alt) for alt in uv.alts) for uv in units)
