"""Vietnamese syllables: what a possible syllable is, its tone, its diacritic-free fold.

Why its own module: the Telex/VNI decoders (:mod:`bot.nlp.typing_decoders`) accept a decoding only if it
spells a valid syllable, and the normalizer (:mod:`bot.nlp.normalize`) needs both; with the rules here,
the three import one way (syllables ← decoders ← normalize) instead of in a circle.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "LOOKALIKES", "SEPARATORS", "VOWELS", "fold", "fold_token", "is_syllable", "split_tone", "strip_marks",
    "syllable_key", "y_to_i",
]

# Icelandic eth and African D look exactly like Vietnamese Đ/đ on screen and arrive by copy-paste.
LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ", "Ɖ": "Đ", "ɖ": "đ"})
# Combining tone marks → tone digit (1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng). Quality marks (circumflex,
# breve, horn) are part of the base letter, not of the tone.
_TONES = {"\u0301": 1, "\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
SEPARATORS = re.compile(r"[\W_]+")

_ONSET = r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])"
# Vowel clusters ending in a glide take no final consonant; the others may.
_OPEN = [
    "ieu", "oai", "oay", "oeo", "uay", "uoi", "uou", "uya", "uyu", "yeu", "ai", "ao", "au", "ay",
    "eo", "eu", "ia", "iu", "oi", "ui", "uu",
]
_CLOSABLE = [
    "uye", "oa", "oe", "ua", "ue", "uo", "uy", "ie", "ye", "a", "e", "i", "o", "u", "y",
]
_SYLLABLE = re.compile(
    rf"(?P<on>{_ONSET})?(?:(?P<open>{'|'.join(_OPEN)})|(?P<nuc>{'|'.join(_CLOSABLE)})(?:ch|nh|ng|[cmnpt])?)"
)
VOWELS = set("aeiouy")


class _WithoutMarks(dict):  # type: ignore[type-arg]
    """``str.translate`` table deleting every combining mark (``unicodedata.combining`` non-zero) and keeping every
    other character, filled as characters are met (latency: one translate in C instead of a Python generator and a
    ``combining`` call per character). Only code points below ``_KEPT_BELOW`` (Latin, Vietnamese, the combining
    diacritics, Greek, Cyrillic…) are remembered, so exotic input cannot grow it without bound."""

    def __missing__(self, code: int) -> int | None:
        mapped = None if unicodedata.combining(chr(code)) else code
        if code < _KEPT_BELOW:
            self[code] = mapped
        return mapped


_KEPT_BELOW = 0x2000
_WITHOUT_MARKS = _WithoutMarks()


def strip_marks(text: str) -> str:
    """Remove every combining mark and map đ→d (đ has no decomposition, a classic bug)."""
    if text.isascii():
        return text  # no mark, no đ (latency: most messages are typed without marks)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = decomposed.translate(_WITHOUT_MARKS)
    return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))


def _fold_once(text: str) -> str:
    s = unicodedata.normalize("NFC", text).translate(LOOKALIKES).lower()
    s = strip_marks(s)
    return " ".join(SEPARATORS.sub(" ", s).split())


def fold(text: str) -> str:
    """Cheap diacritic-free, lowercase, punctuation-free form: ``"Chuyển  đổi số!"`` → ``"chuyen doi so"``.

    Exotic scripts can change once more under a second pass (case mappings that compose), so non-ASCII
    results are iterated to a fixed point; Vietnamese text is ASCII after one pass.
    """
    result = _fold_once(text)
    for _ in range(3):
        if result.isascii():
            break
        again = _fold_once(result)
        if again == result:
            break
        result = again
    return result


@lru_cache(maxsize=16384)
def fold_token(token: str) -> str:
    """:func:`fold` of one word or character, cached: the words of chat messages repeat, and the clause
    splitter folds character by character."""
    return fold(token)


def is_syllable(token: str) -> bool:
    """Whether a folded ASCII token is orthographically a possible Vietnamese syllable.

    Used as the trigger for decoding: Telex/VNI leftovers (``f j w z``, ``dd aa ee oo``, final ``s r x``,
    digits) never pass, so real words are never "decoded".
    """
    if not token.isascii() or not token.isalpha():
        return False
    match = _SYLLABLE.fullmatch(token)
    if match is None:
        return False
    onset = match.group("on") or ""
    nucleus = match.group("open") or match.group("nuc") or ""
    front = nucleus[0] in "eiy"
    if onset == "k" and not front:
        return False
    if onset == "c" and front:
        return False
    return not (onset in ("gh", "ngh") and not front)


def split_tone(syllable: str) -> tuple[str, int]:
    """Split an accented syllable into (base with quality marks, tone digit): ``"hoà"`` → ``("hoa", 2)``."""
    tone = 0
    kept = []
    for c in unicodedata.normalize("NFD", syllable):
        if c in _TONES:
            if tone == 0:
                tone = _TONES[c]
        else:
            kept.append(c)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def y_to_i(base: str) -> str:
    """``ký``/``kí``, ``lý``/``lí``: y after a consonant in an open syllable is spelled either way."""
    if len(base) >= 2 and base[-1] == "y" and strip_marks(base[-2]) not in VOWELS:
        return base[:-1] + "i"
    return base


def syllable_key(base: str, tone: int) -> str:
    """Tone key: base with quality marks (y→i applied) + tone digit; stable however the mark was placed."""
    return f"{y_to_i(base)}{tone}"
