"""One-edit typo repair of query words against the KB's own vocabulary (symmetric-delete dictionary).

Only the query is repaired, and only toward words the KB uses, so a typo can reach an entry but an off-topic
word is not pulled into the domain (see :meth:`TypoRepair.fix`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from bot.kb.lexicon import STOP_FOLDS
from bot.kb.unmarked_stretch import unmarked_stretches
from bot.nlp.normalize import Analysis, Unit, fold

# Keys next to each other on a QWERTY phone keyboard: a real syllable is repaired by a substitution only when
# the two letters are neighbours ("phầm" → "phần"), never "bổng" → "cổng" or "Mỹ" → "gì".
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")  # each row sits half a key right of the one above


def _neighbours(r: int, c: int) -> frozenset[str]:
    row = _ROWS[r]
    near = {row[i] for i in (c - 1, c + 1) if 0 <= i < len(row)}
    if r > 0:
        near |= {_ROWS[r - 1][i] for i in (c, c + 1) if i < len(_ROWS[r - 1])}
    if r + 1 < len(_ROWS):
        near |= {_ROWS[r + 1][i] for i in (c - 1, c) if 0 <= i < len(_ROWS[r + 1])}
    return frozenset(near)


CANDIDATE_CACHE = 4096  # words whose repair candidates are remembered (see TypoRepair.candidates)
_NEAR = {ch: _neighbours(r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}


def _one_edit(a: str, b: str) -> bool:
    """Damerau distance exactly 1 (the delete dictionary also proposes some distance-2 words)."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def slip(typed: str, word: str) -> bool:
    """Whether a *real syllable* ``typed`` is a likely slip for ``word`` (one edit away, folded).

    A letter left out after the first ("nhiu" → "nhieu", "nge" → "nghe", "mụ" → "mục"), two letters swapped
    ("gai" → "gia"), a letter typed twice ("phuu") or a neighbouring key after the first ("ngàu" → "ngày"). A
    two-letter syllable ("Mỹ", "nữ") is otherwise a word of its own, as is the result of dropping a letter of a real
    word ("chống" → "công", "luận" → "lần"), of swapping in a far key ("hôm" → "hỏi") or of changing the
    first letter ("vùng" → "cùng", "xấu" → "đấu").
    """
    if len(typed) < 3:
        # a two-letter syllable is a word of its own ("nữ" is not "nữa"), unless it is a longer word cut short
        # before its final consonant ("mụ tiêu")
        return len(typed) == 2 and len(word) == 3 and word[:2] == typed and word[2] in "cmnpt"
    if len(word) == len(typed) + 1:
        return word[1:] != typed  # a first letter left out is rare: "âm" is not "lâm", "heo" not "theo"
    if len(word) + 1 == len(typed):
        return any(typed[i] == typed[i + 1] and typed[:i] + typed[i + 1 :] == word for i in range(len(word)))
    diff = [i for i in range(len(typed)) if typed[i] != word[i]]
    if len(diff) == 2:
        return True  # a swap (candidates are one edit away)
    return len(diff) == 1 and diff[0] > 0 and word[diff[0]] in _NEAR.get(typed[diff[0]], frozenset())


class TypoRepair:
    """The KB's words (with their document frequency) and two-syllable words, indexed for one-edit look-ups."""

    def __init__(self, token_df: Counter[str], pairs: Iterable[str], keys: Iterable[str] = (),
                 known: Iterable[str] = (), known_keys: Iterable[str] = ()) -> None:
        """``keys``: the KB's tone keys ("muc5"), once per entry that uses them, so that a syllable typed with
        marks keeps its tone, and one typed with a tone the KB never gives it gets the KB's most common one.
        ``known`` and ``known_keys``: words (and tone keys) the KB does not use but that are words of their own,
        never repaired: the out-of-scope class's ("thơ" is not a slip for "theo", ``bot.kb.outside``)."""
        self.token_df = token_df
        self.known = frozenset(known)
        self.known_keys = frozenset(known_keys)
        self.pairs = frozenset(pairs)
        key_df = Counter(keys)
        tones: dict[str, set[str]] = defaultdict(set)
        by_fold: dict[str, list[str]] = defaultdict(list)
        for key in sorted(key_df, key=lambda k: (-key_df[k], k)):
            tones[fold(key[:-1])].add(key[-1])
            by_fold[fold(key[:-1])].append(key)
        self.tones = {w: frozenset(t) for w, t in tones.items()}
        self.keys_by_fold = dict(by_fold)  # most used first
        deletes: dict[str, set[str]] = defaultdict(set)
        for word in token_df:
            if len(word) >= 2 and word.isalpha():
                deletes[word].add(word)
                for i in range(len(word)):
                    deletes[word[:i] + word[i + 1 :]].add(word)
        self.deletes = dict(deletes)
        # the longest word a look-up can find: a token longer by two or more is one edit from none (linear time: an
        # unbroken run of letters would otherwise build and hash one copy of itself per letter)
        self.longest = max((len(w) for w in token_df if len(w) >= 2 and w.isalpha()), default=0)
        self._cached = lru_cache(maxsize=CANDIDATE_CACHE)(self._lookup)  # thread-safe, bounded

    def candidates(self, token: str) -> frozenset[str]:
        """KB words one edit (insertion, deletion, substitution or swap) away from ``token``.

        Remembered for the last ``CANDIDATE_CACHE`` words asked (latency: a message's unknown words are looked
        up in each of its readings, and chat words repeat); bounded, and a pure function of the KB's words."""
        return self._cached(token)

    def _lookup(self, token: str) -> frozenset[str]:
        if len(token) > self.longest + 1:
            return frozenset()
        found = set(self.deletes.get(token, ()))
        for i in range(len(token)):
            found |= self.deletes.get(token[:i] + token[i + 1 :], set())
        found.discard(token)
        return frozenset(w for w in found if _one_edit(token, w))

    def fix(self, analysis: Analysis) -> Analysis:
        """Replace unknown tokens by a KB word one edit away (query side only).

        Chat words ("ơi", "nhé") are known words, never typos. A token that is not a syllable (``chuyn``) is
        fixed to the most frequent candidate; a token that is a real syllable (``dien tuu``) only when the fix
        forms a two-syllable word the KB knows with a neighbour, so that off-topic words are not pulled into
        the domain, and only by a likely slip (:func:`slip`) that keeps the tone the user typed ("mụ tiêu" →
        "mục tiêu", not "học bổng" → "học cổng" or "của Mỹ" → "của gì").
        """
        # a stretch typed without marks in a message typed with them is read as typed without marks (round 28)
        analysis = unmarked_stretches(analysis, self.pairs, self.keys_by_fold, self.known_keys)
        units = list(analysis.units)
        changed = False
        for i, unit in enumerate(units):
            if unit.kind not in ("other", "syllable") or len(unit.alts) != 1 or len(unit.alts[0]) != 1:
                continue
            token = unit.alts[0][0]
            known = token in self.token_df
            # a KB word typed without marks, or a word never repaired: settled before looking at its neighbours
            # (latency: most words of a long message)
            if known and not unit.marked:
                continue
            if not known and (token in STOP_FOLDS or len(token) < 2 or not token.isalpha() or token in self.known):
                continue
            prev = units[i - 1].tokens[-1] if i > 0 and units[i - 1].tokens else None
            nxt = units[i + 1].tokens[0] if i + 1 < len(units) and units[i + 1].tokens else None
            if token in self.token_df and unit.marked and unit.keys[0] not in self.known_keys \
                    and self._tone_slip(token, unit, prev, nxt):
                base = unit.keys[0][:-1]
                kb_keys = self.keys_by_fold[token]
                key = next((k for k in kb_keys if k[:-1] == base), kb_keys[0])
                units[i] = Unit(((token,),), (key,), "fixed", True)  # the KB's word with its most common tone
                changed = True
                continue
            if token in STOP_FOLDS or len(token) < 2 or not token.isalpha() or token in self.known:
                continue
            if token in self.token_df and not self._unknown_marked(token, unit, prev, nxt):
                continue
            found = self.candidates(token)
            if not found:
                continue
            in_context = [w for w in found if f"{prev}_{w}" in self.pairs or f"{w}_{nxt}" in self.pairs]
            if unit.kind == "syllable":
                tone = unit.keys[0][-1] if unit.marked and unit.keys else None
                # no tone typed and a letter left out: the tone may have sat on it ("đin tử" → "điện tử")
                in_context = [w for w in in_context if slip(token, w)
                              and (tone is None or tone in self.tones.get(w, ())
                                   or (tone == "0" and len(w) == len(token) + 1))]
            if in_context:
                pool = in_context
            elif unit.kind == "other" and len(token) >= 4:
                pool = list(found)
            else:
                continue
            # the word that forms the KB's two-syllable words on both sides ("định dnh mức" → "danh": "định danh"
            # and "danh mức"), then the most used ("dinh" is used more, but pairs only with "định")
            fixed = max(sorted(pool), key=lambda w: (
                (f"{prev}_{w}" in self.pairs) + (f"{w}_{nxt}" in self.pairs), self.token_df[w]))
            units[i] = Unit(((fixed,),), (), "fixed", False)
            changed = True
        return Analysis.from_units(tuple(units)) if changed else analysis

    def _unknown_marked(self, token: str, unit: Unit, prev: str | None, nxt: str | None) -> bool:
        """A word typed with marks the KB never writes, that forms none of the KB's two-syllable words with its
        neighbours: its letters are a KB word's ("tăm", "phơng" fold to words the KB uses as "tám", "phong"),
        but as typed it is a slip ("phần tăm" → "phần trăm", "địa phơng" → "địa phương")."""
        return (unit.marked and len(unit.keys) == 1 and len(token) >= 3
                and unit.keys[0] not in self.keys_by_fold.get(token, ())
                and f"{prev}_{token}" not in self.pairs and f"{token}_{nxt}" not in self.pairs)

    def _tone_slip(self, token: str, unit: Unit, prev: str | None, nxt: str | None) -> bool:
        """A word typed with a tone the KB never gives it, in a two-syllable word the KB knows: a tone left
        out or mistyped ("nghị đinh", "quy đinh" → "định"). Not a stop word, which the ranker reads by its
        tone ("mà" ≠ "mã")."""
        tones = self.tones.get(token)
        return (bool(tones) and len(unit.keys) == 1 and unit.keys[0][-1] not in tones and token not in STOP_FOLDS
                and (f"{prev}_{token}" in self.pairs or f"{token}_{nxt}" in self.pairs))
