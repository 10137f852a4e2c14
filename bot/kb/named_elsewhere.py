"""A body or place of a closed class the question names and the top entry does not: not ours to answer with it.

"Bộ Tài chính có tham gia chuyển đổi số không" ranked what a citizen can do first, "Bộ Nội vụ sáp nhập vào bộ nào"
the merger of the information ministry, "kinh tế số ở Mỹ chiếm bao nhiêu % GDP" Vietnam's share, "ngày chuyển đổi
số thế giới là ngày nào" the national day: each entry answers its neighbour's question, confidently. A general "a
word the entry does not say" rule cost hundreds of right answers (docs/qa-history/round-19-context-named.md); this
is its closed-class form. The classes are listed in ``content/named_bodies.toml``: the ministries and ministry-level
bodies of Việt Nam (today's and the former ones, with the abbreviations people type) and places outside Việt Nam
that ``countries.toml`` cannot list because, folded, they are common words ("Mỹ" only after "ở / bên / nước …",
"thế giới" only in a question about a day).

:func:`named_elsewhere` returns the first such name the question says (as whole words of the analysed text the
decision measures, "và" left out) that the top entry — its title, questions, phrasings, keywords and answer, as
the index's words and word pairs — says in none of its spellings, when the entry says none of the bodies the
question names (a second body is the first's context: "Bộ trưởng Bộ Khoa học và Công nghệ sau khi hợp nhất với Bộ
Thông tin và Truyền thông"). A name where the speaker is ("tôi làm ở Bộ Tài
chính, …") is context, not the subject asked. The decision (``bot.kb.decision``) treats it as a name the entry does
not explain (``bot.kb.explained.gap``): offered, never answered with confidence.

Latency: the question's words are tested against the set of the names' first words (one set intersection) before
anything else; a message naming none costs that test alone.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from bot.kb.explained import Unexplained
from bot.kb.records import EntryRecord
from bot.nlp.normalize import analyze

NAMES_FILE = Path(__file__).resolve().parents[2] / "content" / "named_bodies.toml"
JOIN = "va"  # "và" is left out of names and questions alike ("Bộ KH&CN" reads without it)
# where the speaker works or lives: "tôi làm ở Bộ Tài chính", "em ở Bộ Y tế" (folded, as in bot.kb.subjects)
_SPEAKER = frozenset({"toi", "tui", "minh", "em", "to", "tao", "e", "chau", "con"})
_AT = frozenset({"o", "tai"})
SPEAKER_SPAN = 4


class Name(NamedTuple):
    """One spelling of a closed-class name."""

    words: tuple[str, ...]  # analysed, "và" left out
    key: str  # the body's name: spellings of one body share it
    after: frozenset[str]  # the spelling counts only right after one of these words (empty: anywhere)
    with_: frozenset[str]  # ... and only in a question saying one of these (empty: any question)


def _words(text: str) -> tuple[str, ...]:
    return tuple(t for t in analyze(text).tokens if t != JOIN)


@lru_cache(maxsize=1)
def _table(path: Path = NAMES_FILE) -> tuple[dict[str, tuple[Name, ...]], dict[str, tuple[Name, ...]]]:
    """The spellings by their first word (longest first), and every spelling of each body."""
    with path.open("rb") as fh:
        bodies = tomllib.load(fh)["body"]
    by_first: dict[str, list[Name]] = {}
    by_key: dict[str, list[Name]] = {}
    for body in bodies:
        after = frozenset(w for a in body.get("after", ()) for w in _words(a))
        with_ = frozenset(w for a in body.get("with", ()) for w in _words(a))
        for spelling in (body["name"], *body.get("aliases", ())):
            words = _words(spelling)
            if not words:
                continue
            name = Name(words, body["name"], after, with_)
            by_first.setdefault(words[0], []).append(name)
            by_key.setdefault(body["name"], []).append(name)
    return ({k: tuple(sorted(v, key=lambda n: -len(n.words))) for k, v in by_first.items()},
            {k: tuple(v) for k, v in by_key.items()})


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """The first words of every spelling (the cheap trigger)."""
    return frozenset(_table()[0])


def named(tokens: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The bodies (keys) the question of ``tokens`` (analysed words) names as what it asks about, in order."""
    by_first, _ = _table()
    if first_words().isdisjoint(tokens):
        return ()
    words = [t for t in tokens if t != JOIN]
    said = frozenset(words)
    found: list[str] = []
    for i, word in enumerate(words):
        for name in by_first.get(word, ()):
            n = len(name.words)
            if tuple(words[i:i + n]) != name.words:
                continue
            if name.after and (i == 0 or words[i - 1] not in name.after):
                continue
            if name.with_ and name.with_.isdisjoint(said):
                continue
            if _speaker_at(words, i):
                break
            if name.key not in found:
                found.append(name.key)
            break
    return tuple(found)


def _speaker_at(words: list[str], i: int) -> bool:
    """Whether the name at ``words[i]`` is where the speaker is: after "ở / tại" with "tôi / em …" shortly before."""
    if i == 0:
        return False
    at = i - 1 if words[i - 1] in _AT else (i - 2 if i > 1 and words[i - 2] in _AT else -1)
    return at >= 0 and not _SPEAKER.isdisjoint(words[max(0, at - SPEAKER_SPAN):at])


def says(record: EntryRecord, key: str) -> bool:
    """Whether the entry says the body ``key`` in one of its spellings (its words and word pairs, "và" between two
    words of a name allowed)."""
    vocab = record.q_vocab | record.a_vocab
    pairs = record.q_pairs | record.a_pairs
    for name in _table()[1].get(key, ()):
        if len(name.words) == 1:
            if name.words[0] in vocab:
                return True
            continue
        if all(f"{a}_{b}" in pairs or (f"{a}_{JOIN}" in pairs and f"{JOIN}_{b}" in pairs)
               for a, b in zip(name.words, name.words[1:], strict=False)):
            return True
    return False


def named_elsewhere(normalized: str, record: EntryRecord | None) -> Unexplained | None:
    """The first body the question (``normalized``: the analysed text the decision measures) names that the entry of
    ``record`` does not say, as the words of its name, or None."""
    if record is None or not normalized:
        return None
    tokens = normalized.split()
    if first_words().isdisjoint(tokens):
        return None
    keys = named(tokens)
    if not keys or any(says(record, key) for key in keys):
        return None  # "Bộ trưởng Bộ KH&CN sau khi hợp nhất với Bộ TT&TT": the entry says one body, the other is context
    return Unexplained(_table()[1][keys[0]][0].words)
