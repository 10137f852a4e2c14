"""One normalizer for Vietnamese as people type it on a phone: used for KB matching, commands and keywords.

Why one module: chat commands, keyword triggers and the knowledge-base ranker must agree on what "the same
words" means, otherwise ``huy dang ky`` unsubscribes but ``huyr ddangw kys`` falls through to the FAQ.

Pipeline (see /work/shared/vietnamese-text.md §6): NFC + look-alike map → lowercase → tokens → for each
token: a valid syllable stays; else an abbreviation/teencode is expanded; else Telex/VNI leftovers are
decoded (accepted only if the result is a valid syllable); else the folded token is kept as is. Each
syllable yields a diacritic-free ``fold`` (``y→i`` after a consonant, so ``ký`` = ``kí``) and a tone ``key``
(base with quality marks + tone digit), which makes old/new tone placement irrelevant (``hoà`` = ``hòa``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bot.nlp.abbreviations import COMMAND, COMMON, DOMAIN

__all__ = [
    "Analysis", "Unit", "analyze", "command_form", "fold", "is_syllable", "split_tone", "syllable_key",
]

# Icelandic eth and African D look exactly like Vietnamese Đ/đ on screen and arrive by copy-paste.
_LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ", "Ɖ": "Đ", "ɖ": "đ"})
# Combining tone marks → tone digit (1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng). Quality marks (circumflex,
# breve, horn) are part of the base letter, not of the tone.
_TONES = {"\u0301": 1, "\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_SEPARATORS = re.compile(r"[\W_]+")

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
_VOWELS = set("aeiouy")

# Telex tone keys; ``z`` removes the tone.
_TELEX_TONES = {"s": 1, "f": 2, "r": 3, "x": 4, "j": 5, "z": 0}
_CIRCUMFLEX = {"a": "â", "e": "ê", "o": "ô"}
_HORN_BREVE = {"a": "ă", "o": "ơ", "u": "ư"}


def _strip_marks(text: str) -> str:
    """Remove every combining mark and map đ→d (đ has no decomposition, a classic bug)."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))


def _fold_once(text: str) -> str:
    s = unicodedata.normalize("NFC", text).translate(_LOOKALIKES).lower()
    s = _strip_marks(s)
    return " ".join(_SEPARATORS.sub(" ", s).split())


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


def _y_to_i(base: str) -> str:
    """``ký``/``kí``, ``lý``/``lí``: y after a consonant in an open syllable is spelled either way."""
    if len(base) >= 2 and base[-1] == "y" and _strip_marks(base[-2]) not in _VOWELS:
        return base[:-1] + "i"
    return base


def syllable_key(base: str, tone: int) -> str:
    """Tone key: base with quality marks (y→i applied) + tone digit; stable however the mark was placed."""
    return f"{_y_to_i(base)}{tone}"


def _apply_horn(out: list[str]) -> bool:
    """Telex ``w`` typed after the consonants (``dangw``): put horn/breve where an IME would."""
    text = "".join(out)
    pos = text.find("uo")
    if pos >= 0:
        out[pos], out[pos + 1] = "ư", "ơ"
        return True
    pos = text.find("oa")
    if pos >= 0:
        out[pos + 1] = "ă"
        return True
    for i, c in enumerate(out):
        if c in _HORN_BREVE:
            out[i] = _HORN_BREVE[c]
            return True
    return False


def _finish(out: list[str], tone: int) -> tuple[str, int] | None:
    base = "".join(out)
    # Unikey turns ưo into ươ before a final consonant; people type "dduwocj" and mean "được".
    base = re.sub(r"ưo(?=[a-z])", "ươ", base)
    base = re.sub(r"uơ(?=[a-z])", "ươ", base)
    if not is_syllable(_strip_marks(base)):
        return None
    return base, tone


def decode_telex(token: str) -> tuple[str, int] | None:
    """Decode a Telex leftover (``chuyeenr``, ``ddooir``, ``dduwowngf``) into (base, tone), or None."""
    if not token.isascii() or not token.isalpha():
        return None
    s = token
    out: list[str] = []
    if s.startswith("dd"):
        out.append("đ")
        s = s[2:]
    first_vowel = next((i for i, c in enumerate(s) if c in "aeiouyw"), None)
    if first_vowel is None:
        return None
    tone = 0
    body: list[str] = list(s[:first_vowel])
    for c in s[first_vowel:]:
        if c in _TELEX_TONES:
            tone = _TELEX_TONES[c]
        else:
            body.append(c)
    for c in body:
        if c == "w":
            if out and out[-1] in _HORN_BREVE:
                if out[-1] == "o" and len(out) >= 2 and out[-2] in ("u", "ư"):
                    out[-2] = "ư"
                out[-1] = _HORN_BREVE[out[-1]]
            elif not _apply_horn(out):
                out.append("ư")
        elif c in _CIRCUMFLEX and out and out[-1] == c:
            out[-1] = _CIRCUMFLEX[c]
        else:
            out.append(c)
    if "".join(out) == token:
        return None
    return _finish(out, tone)


def decode_vni(token: str) -> tuple[str, int] | None:
    """Decode a VNI leftover (``chuye63n``, ``d9o63i``, ``so61``) into (base, tone), or None."""
    if not token.isascii() or not token.isalnum() or token[0].isdigit() or token.isalpha():
        return None
    out: list[str] = []
    tone = 0
    for c in token:
        if c.isalpha():
            out.append(c)
            continue
        if c in "12345":
            if not any(ch in _VOWELS or ch in "âêôăơư" for ch in out):
                return None
            tone = int(c)
        elif c == "0":
            tone = 0
        elif c == "6":
            idx = max((i for i, ch in enumerate(out) if ch in _CIRCUMFLEX), default=-1)
            if idx < 0:
                return None
            out[idx] = _CIRCUMFLEX[out[idx]]
        elif c == "7":
            text = "".join(out)
            pos = text.find("uo")
            if pos >= 0:
                out[pos], out[pos + 1] = "ư", "ơ"
            else:
                idx = max((i for i, ch in enumerate(out) if ch in "ou"), default=-1)
                if idx < 0:
                    return None
                out[idx] = _HORN_BREVE[out[idx]]
        elif c == "8":
            idx = max((i for i, ch in enumerate(out) if ch == "a"), default=-1)
            if idx < 0:
                return None
            out[idx] = "ă"
        elif c == "9":
            if "d" not in out:
                return None
            out[out.index("d")] = "đ"
        else:
            return None
    return _finish(out, tone)


@dataclass(frozen=True, slots=True)
class Unit:
    """What one typed token became.

    ``alts`` holds one folded syllable sequence, or several when an abbreviation is ambiguous
    (``dk`` → được | đăng ký); ``keys`` are the tone keys; ``kind`` is ``syllable``, ``abbrev``,
    ``decoded``, ``number`` or ``other``; ``marked`` says the user typed diacritics (or Telex/VNI) here.
    """

    alts: tuple[tuple[str, ...], ...]
    keys: tuple[str, ...]
    kind: str
    marked: bool

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(t for alt in self.alts for t in alt)


@dataclass(frozen=True, slots=True)
class Analysis:
    """Token forms the ranker needs. ``keys`` is empty unless the user typed diacritics somewhere."""

    units: tuple[Unit, ...]
    tokens: tuple[str, ...]
    bigrams: tuple[str, ...]
    keys: tuple[str, ...]
    marked: bool

    @classmethod
    def from_units(cls, units: tuple[Unit, ...]) -> Analysis:
        tokens = tuple(t for u in units for t in u.tokens)
        # Pairs inside each reading, and across units between every reading of the neighbours, so that an
        # ambiguous abbreviation does not invent pairs between its own alternative readings.
        pairs: list[tuple[str, str]] = []
        for i, unit in enumerate(units):
            for alt in unit.alts:
                pairs.extend(zip(alt, alt[1:], strict=False))
            if i + 1 < len(units):
                pairs.extend((a[-1], b[0]) for a in unit.alts for b in units[i + 1].alts if a and b)
        bigrams = tuple(dict.fromkeys(f"{a}_{b}" for a, b in pairs))
        marked = any(u.marked for u in units)
        keys = tuple(k for u in units for k in u.keys) if marked else ()
        return cls(units, tokens, bigrams, keys, marked)

    @property
    def text(self) -> str:
        """The normalized query as one string (for logs and character n-grams)."""
        return " ".join(self.tokens)


def _raw_tokens(text: str) -> list[str]:
    s = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).translate(_LOOKALIKES).lower())
    return [t for t in _SEPARATORS.split(s) if t]


def _expansion(phrase: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    folded: list[str] = []
    keys: list[str] = []
    for word in phrase.split():
        base, tone = split_tone(word)
        folded.append(_y_to_i(_strip_marks(base)))
        keys.append(syllable_key(base, tone))
    return tuple(folded), tuple(keys)


@lru_cache(maxsize=65536)
def _units(raw: str, command: bool) -> tuple[Unit, ...]:
    pieces = fold(raw).split()
    if len(pieces) != 1:
        return tuple(u for p in pieces for u in _units(p, command))
    f = pieces[0]
    if f.isascii() and f.isdigit():
        return (Unit(((f.lstrip("0") or "0",),), (), "number", False),)
    if is_syllable(f):
        base, tone = split_tone(raw) if raw != f else (f, 0)
        base = _y_to_i(base)
        return (Unit(((_y_to_i(f),),), (syllable_key(base, tone),), "syllable", raw != f),)
    expansion = (COMMAND.get(f) if command else None) or COMMON.get(f) or DOMAIN.get(f)
    if expansion:
        readings = expansion.split("|")[:1] if command else expansion.split("|")
        parts = [_expansion(r) for r in readings]
        keys = tuple(k for _, ks in parts for k in ks)
        return (Unit(tuple(p for p, _ in parts), keys, "abbrev", False),)
    decoded = decode_vni(f) or decode_telex(f)
    if decoded:
        base, tone = decoded
        return (Unit(((_y_to_i(_strip_marks(base)),),), (syllable_key(base, tone),), "decoded", True),)
    # An abbreviation typed with the IME's đ (Telex "qdd", VNI "qd9" for "qđ").
    plain = f.replace("dd", "d").replace("d9", "d")
    if plain != f and plain and not plain.isdigit():
        return _units(plain, command)
    return (Unit(((f,),), (), "other", False),)


def analyze(text: str) -> Analysis:
    """Full analysis for the knowledge-base ranker (ambiguous abbreviations keep every reading)."""
    return Analysis.from_units(tuple(u for raw in _raw_tokens(text) for u in _units(raw, False)))


def command_form(text: str) -> str:
    """Canonical form for comparing chat commands: ``"HUỶ ĐĂNG KÝ"``, ``"huyr ddangw kys"`` → ``"huy dang ki"``.

    Compare ``command_form(expected) == command_form(user_text)``. Leading ``/`` and other punctuation are
    dropped, so moderator commands should be recognised from the first token.
    """
    return " ".join(t for raw in _raw_tokens(text) for u in _units(raw, True) for t in u.tokens)
