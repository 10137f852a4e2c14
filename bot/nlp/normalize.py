"""One normalizer for Vietnamese as people type it on a phone: used for KB matching, commands and keywords.

Why one module: chat commands, keyword triggers and the knowledge-base ranker must agree on what "the same
words" means, otherwise ``huy dang ky`` unsubscribes but ``huyr ddangw kys`` falls through to the FAQ.

Pipeline (see /work/shared/vietnamese-text.md §6): NFC + look-alike map → lowercase → tokens → for each
token: a valid syllable stays; else an abbreviation/teencode is expanded; else Telex/VNI leftovers are
decoded (accepted only if the result is a valid syllable); else the folded token is kept as is. Each
syllable yields a diacritic-free ``fold`` (``y→i`` after a consonant, so ``ký`` = ``kí``) and a tone ``key``
(base with quality marks + tone digit), which makes old/new tone placement irrelevant (``hoà`` = ``hòa``).

The syllable rules live in :mod:`bot.nlp.syllables` and the Telex/VNI decoders in
:mod:`bot.nlp.typing_decoders`; this module puts them together and re-exports what callers use.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

from bot.nlp.abbreviations import COMMAND, COMMON, DOMAIN
from bot.nlp.syllables import (
    LOOKALIKES,
    SEPARATORS,
    fold,
    fold_token,
    is_syllable,
    split_tone,
    strip_marks,
    syllable_key,
    y_to_i,
)
from bot.nlp.typing_decoders import decode_telex, decode_vni

__all__ = [
    "Analysis", "Unit", "analyze", "command_form", "command_words", "decode_telex", "decode_vni", "fold", "fold_token",
    "is_syllable", "split_tone", "syllable_key",
]


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
    # every reading's syllables in order, computed once (latency: the ranker reads them a hundred times per
    # message); derived from ``alts``, so not compared and a one-reading unit shares its tuple
    tokens: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        alts = self.alts
        object.__setattr__(self, "tokens", alts[0] if len(alts) == 1 else tuple(t for alt in alts for t in alt))
        object.__setattr__(self, "_hash", hash((alts, self.keys, self.kind, self.marked)))

    def __hash__(self) -> int:
        """The generated hash of the compared fields, computed once: units key the per-word caches of
        ``bot.kb.lexicon``, looked up for every word of every reading (latency)."""
        return self._hash


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
        tokens = tuple(chain.from_iterable(u.tokens for u in units))
        if all(len(u.alts) == 1 and u.alts[0] for u in units):
            # one reading per unit (most messages): the pairs below are just the neighbouring tokens (in C)
            bigrams = tuple(dict.fromkeys(map("_".join, zip(tokens, tokens[1:], strict=False))))
        else:
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


# Two initials joined by "&" ("TT&TT", "KH&CN") are one abbreviation: read "tttt", "khcn" where the tables
# know the joined form, else left to split at the "&" (round 10: "Bộ TT&TT" read as "tt tt", each "thông tin |
# thủ tục | thanh toán").
_AMPERSAND = re.compile(r"\b([^\W\d_]{1,3})\s*&\s*([^\W\d_]{1,3})\b")  # letters only, "Đ" too


def _joined(m: re.Match[str]) -> str:
    joined = fold(m[1] + m[2])
    return joined if joined in DOMAIN or joined in COMMON else m[0]


def continues_name(previous: str, word: str) -> bool:
    """Whether ``word``, typed with marks and capitalised right after a capitalised ``previous``, is part of a
    name ("Cái Răng"), not a dialect or question word (round 10); an unmarked one may be a title-cased question
    ("VNeID Ai phát triển")."""
    return not word.isascii() and word[:1].isupper() and previous[:1].isupper()


def _raw_tokens(text: str) -> list[str]:
    s = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).translate(LOOKALIKES).lower())
    if "&" in s:
        s = _AMPERSAND.sub(_joined, s)
    return [t for t in SEPARATORS.split(s) if t]


def _expansion(phrase: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    folded: list[str] = []
    keys: list[str] = []
    for word in phrase.split():
        base, tone = split_tone(word)
        folded.append(y_to_i(strip_marks(base)))
        keys.append(syllable_key(base, tone))
    return tuple(folded), tuple(keys)


_GLUED = re.compile(r"([a-z]{2,})([0-9]+)")


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
        base = y_to_i(base)
        return (Unit(((y_to_i(f),),), (syllable_key(base, tone),), "syllable", raw != f),)
    expansion = (COMMAND.get(f) if command else None) or COMMON.get(f) or DOMAIN.get(f)
    if expansion:
        readings = expansion.split("|")[:1] if command else expansion.split("|")
        parts = [_expansion(r) for r in readings]
        keys = tuple(k for _, ks in parts for k in ks)
        return (Unit(tuple(p for p, _ in parts), keys, "abbrev", False),)
    # For the KB, Telex/VNI leftovers are read only in a word typed without marks (as bot.nlp.dialect reads them): a
    # word the input method marked was typed with it on, so a tone key after it is a slipped final letter ("điệj",
    # "phầj", "quốf" for "điện", "phần", "quốc"), left to the typo repair, not a second tone ("diẹ", "phậ", "quồ").
    # The command form decodes as before: it is read again as typed text and must not change ("ù0" → "u").
    decoded = (decode_vni(f) or decode_telex(f)) if command or raw.isascii() else None
    if decoded:
        base, tone = decoded
        return (Unit(((y_to_i(strip_marks(base)),),), (syllable_key(base, tone),), "decoded", True),)
    if not command and not raw.isascii() and len(f) > 2 and f[-1] in _TELEX_TONE_KEYS and not split_tone(raw)[1]:
        return _tone_key_left(raw, f[-1])
    if not command and not raw.isascii() and len(f) > 2 and f[-1] in _VNI_TONE_KEYS and f[:-1].isalpha():
        vni = _vni_key_left(raw)
        if vni is not None:
            return vni
    shortcut = _spelled_short(raw, f)
    if shortcut is not None:
        return _units(shortcut, command)
    # An abbreviation typed with the IME's đ (Telex "qdd", VNI "qd9" for "qđ").
    plain = f.replace("dd", "d").replace("d9", "d")
    if plain != f and plain and not plain.isdigit():
        return _units(plain, command)
    # A word glued to its number ("top50", "muc2", "nam2025"); codes like "c06", "h5n1" stay whole.
    glued = _GLUED.fullmatch(f)
    if glued and is_syllable(glued[1]):
        return (*_units(glued[1], command), *_units(glued[2], command))
    slipped = _abbreviation_slipped(raw, f)
    if slipped is not None:
        return _units(slipped, command)
    single = None if command else _letter_doubled(raw, f) or _shorthand_stretched(f)
    if single is not None:
        return _units(single, command)
    return (Unit(((f,),), (), "other", False),)


# The longest Vietnamese syllable is seven letters ("nghiêng"); a word longer than this by more than its stretched
# letters could hold is no syllable typed with one letter held down.
_LONGEST_STRETCHED = 16


def _letter_doubled(raw: str, f: str) -> str | None:
    """``raw`` with a letter typed twice or held down read once, where that spells a syllable and no other letter so
    read does ("dinhh", "khongg", "naoo", "diinh", "tuiiii" for "dinh", "khong", "nao", "dinh", "tui"; round 25,
    mixed25: the writers' mixed and typo styles typed a letter twice in some forty tuned messages). Read in the
    normaliser, not left to the ranker's one-edit repair (``bot.kb.typos``): a slip that only one spelling explains
    is no guess, so the word keeps its full weight, and the readers of what a message asks ("quyết dinhh số mấy"
    asks a document number) see the word too. The teencode corrector the abbreviation tables cite reads a letter
    repeated as one before anything else (github.com/duytran-vio/correct_teencode, ``correct_teencode.py``,
    ``preprocess``), and ViLexNorm (github.com/ngxtnhi/ViLexNorm, ``dev.csv``) normalises "xúccc", "chưaaa",
    "tuiiiii" to "xúc", "chưa", "tui"; here only where one run's letters, or every run's, read once, and nothing
    else, leave a syllable.

    Only for the KB (a command's form is read as typed), only after the abbreviation tables and the Telex/VNI
    decoders had their turn ("dd", "aa", "ee", "oo" are Telex there), and only in a short word: linear in the
    message (each word is read once, and at most a few copies of a short word are made)."""
    if len(f) > _LONGEST_STRETCHED or not f.isalpha() or len(raw) != len(f) or _ROMAN.issuperset(f):
        return None
    runs = [m.span() for m in _REPEATED.finditer(raw)]
    if not runs:
        return None
    found = {raw[:a + 1] + raw[b:] for a, b in runs}
    found.add(_REPEATED.sub(r"\1", raw))
    found = {w for w in found if is_syllable(fold(w))}
    return found.pop() if len(found) == 1 else None


_REPEATED = re.compile(r"(\w)\1+")


def _shorthand_stretched(f: str) -> str | None:
    """The chat shorthand ``f`` is with its last letter held down ("kooo", "bnnnn", "bikkk", "cdsss" for "ko", "bn",
    "bik", "cds"; round 34, mixed34: the retype probe's held-down last letter lost "bnnnn", and the writers stretch
    the end of a message as they type it), or ``None``. ``_letter_doubled`` reads a stretched syllable; a
    shorthand is no syllable, so it is read here where the final run read once is a key of the abbreviation tables,
    as the teencode corrector reads a repeated letter once before its table (correct_teencode.py, ``preprocess``).
    Three copies at least (two may be a Telex key: "ee" is "ê"), not a word of one letter held down ("kkk" is a
    laugh, "zzz" a snore), and only after every other reading
    failed (a key itself, "tttt", is found before this). One pass back over the word's final run: linear."""
    last, start = f[-1:], len(f) - 1
    if not (last.isascii() and last.isalpha()):
        return None
    while start > 0 and f[start - 1] == last:  # one pass back over the final run
        start -= 1
    if start == 0 or len(f) - start < 3:
        return None
    once = f[: start + 1]
    return once if once in COMMON or once in DOMAIN else None
# A Roman numeral repeats its letters on purpose ("quý III", "khóa XIII", "thế kỷ XXI"): never a stretched "i" or "xi".
_ROMAN = frozenset("ivxlcdm")


def _abbreviation_slipped(raw: str, f: str) -> str | None:
    """The domain abbreviation ``f`` is with one letter slipped after it ("cdss", "cdso" for "cds"; round 23,
    mixed23: the writers' mixed style typed "cđs" so in seven messages), or ``None``. Only an initialism of the
    domain of three letters or more (each letter the first of a word of its reading: "cds", "ubnd", "cntt"; not
    "onl", whose "only" is English), only the last letter, only in a word typed without other marks than its "đ":
    a longer initialism is distinctive enough that a letter after it is a slip, where a shorter one ("tk" + "s",
    "dc" + "h") could be another abbreviation or an English word. Returns a table key, which ``_units`` reads at
    once."""
    head = f[:-1]
    if len(head) >= 3 and head in _INITIALISMS and raw.translate(_D_STROKE).isascii():
        return head
    return None


_D_STROKE = {0x0111: "d"}  # "đ" read as "d" (a code point, not a phrase: tests/test_content_phrases.py)

# The domain abbreviations whose letters are the first letters of a reading's words ("cds": chuyển đổi số).
_INITIALISMS = frozenset(key for key, value in DOMAIN.items() if key.isalpha() and any(
    "".join(fold(word)[:1] for word in reading.split()) == key for reading in value.split("|")))


def _spelled_short(raw: str, f: str) -> str | None:
    """``raw`` with the letter that chat spelling leaves out put back, where that spells a syllable: a "q"
    without its "u" ("qá", "qan" for "quá", "quán") and, in a word typed with marks, an "f" for "ph" ("fủ", round
    34), a final "ng" typed "g" ("nhữg", "dùg", "thág" for "những", "dùng", "tháng") or, round 28, a final "nh"
    typed "h" ("mìh", "trìh" for "mình", "trình"). They are rules of the teencode table the readers' abbreviations
    cite (github.com/duytran-vio/correct_teencode: ``teencode_regex.json`` "^q" → "qu", "f" → "ph";
    ``short_word.json`` "nhưg", "khôg", "càg", "phòg", "bằg", "xog" for "nhưng", "không", "càng", "phòng", "bằng",
    "xong", and "mìh", "tíh" for "mình", "tính"). Round 23 (mixed23): the writers' mixed style types them beside
    their marks and teencode.

    The final "g" and "h" are read only in a word typed with marks: without them the word may be English ("tag", "bag",
    "log" would read "tăng", "băng", "long"), and the ranker's typo repair already reads an unmarked slip toward
    the KB's own words ("nhug", "thag"). Returns ``None`` where neither applies or the result is no syllable; a
    returned word is a syllable, so reading it again does not come back here (no recursion past one step)."""
    if f[:1] == "q" and f[1:2] != "u" and len(f) > 1 and is_syllable("qu" + f[1:]):
        return raw[0] + "u" + raw[1:]
    # round 34 (mixed34): an "f" for the onset "ph" ("chính fủ", "fần", "fát" for "phủ", "phần", "phát"), the same
    # table's "f" → "ph" (teencode_regex.json); only in a word typed with marks: an unmarked one may be English ("fan"
    # would read "phan"), and the tables already read the unmarked "fai"
    if f[:1] == "f" and not raw.isascii() and is_syllable("ph" + f[1:]):
        return ("Ph" if raw[0] == "F" else "ph") + raw[1:]
    if not raw.isascii() and f.endswith("g") and not f.endswith("ng") and is_syllable(f[:-1] + "ng"):
        return raw[:-1] + "ng"
    # round 28 (mixed28): a final "nh" typed "h" the same way ("mìh", "tíh" in short_word.json: "mình", "tính"):
    # "trìh", "địh", "hàh" for "trình", "định", "hành". Only after an onset: "àh", "ạh" are "à", "ạ" there
    if not raw.isascii() and f.endswith("h") and not f.endswith(("ch", "nh")) and f[0] not in _VOWEL_LETTERS \
            and is_syllable(f[:-1] + "nh"):
        return raw[:-1] + "nh"
    return None


_VOWEL_LETTERS = frozenset("aeiouy")  # folded: a word that opens with one has no onset


# Telex tone keys (sắc, huyền, hỏi, ngã, nặng): no Vietnamese syllable ends in one of these letters.
_TELEX_TONE_KEYS = {"s": 1, "f": 2, "r": 3, "x": 4, "j": 5}


# VNI tone keys (sắc, huyền, hỏi, ngã, nặng), the same order as Telex's
_VNI_TONE_KEYS = {"1": 1, "2": 2, "3": 3, "4": 4, "5": 5}


def _vni_key_left(raw: str) -> tuple[Unit, ...] | None:
    """A word whose letters the input method marked but whose VNI tone key it did not take ("đinh5", "quyêt1": the
    đ or the circumflex typed, then the tone's digit left; round 28, mixed28: "la2 qyết đinh5 so61 ma61y", where
    read as a word and a number, "quyết định 5" asked a decree numbered 5), as Telex's ``_tone_key_left`` reads
    "đingj". Only a word with no tone of its own whose letters spell a syllable; a word typed with its tone keeps its
    number ("mức2" is "mức 2", ``_GLUED``), and an unmarked word is the VNI decoder's. A toneless word glued to its
    number ("thôn5") is read so too, as the decoder reads an unmarked one ("khu5" is "khụ" there): a number is typed
    apart from its word far more often than a tone key is left. ``None`` where that does not apply."""
    rest = raw[:-1]
    base, tone = split_tone(rest)
    folded = fold(rest)
    if tone or not is_syllable(folded):
        return None
    return (Unit(((y_to_i(folded),),), (syllable_key(y_to_i(base), _VNI_TONE_KEYS[raw[-1]]),), "syllable", True),)


def _tone_key_left(raw: str, key: str) -> tuple[Unit, ...]:
    """A word whose letters the input method marked but whose Telex tone key it did not take ("đingj", "đươcj",
    "quyêts": the đ, the horn or the circumflex typed, then the tone key left as a letter; round 14, the typo
    writers). A word already carrying a tone is left alone: its last letter is a slipped final consonant ("điệj"
    for "điện"), which the typo repair reads. The word without the key takes its tone where it spells a syllable;
    otherwise it is left to the typo repair without it ("đing" → "định", one slip away instead of two).

    At most one key is stripped, and the rest is never read again by ``_units``: a run of keys ("đsss…s") would
    otherwise recurse once per letter, quadratic and past Python's recursion limit inside the chat cap (review
    of round 14, H1), and a rest that only an abbreviation spells ("đc" of "ĐCS") is not that abbreviation. A
    "j" after a vowel that "i" completes ("tôj", "chơj", "đôj") is teencode for that "i" (tôi, chơi, đôi), not
    the nặng tone ("tộ", "chợ"): the whole word is left to the typo repair, as before round 14 (review, L1)."""
    rest = raw[:-1]
    folded = fold(rest)
    if key == "j" and is_syllable(folded + "i"):
        return (Unit(((fold(raw),),), (), "other", False),)
    if is_syllable(folded):
        base = y_to_i(split_tone(rest)[0])
        return (Unit(((y_to_i(folded),),), (syllable_key(base, _TELEX_TONE_KEYS[key]),), "syllable", True),)
    return (Unit(((folded,),), (), "other", False),)


def analyze(text: str) -> Analysis:
    """Full analysis for the knowledge-base ranker (ambiguous abbreviations keep every reading)."""
    return Analysis.from_units(tuple(u for raw in _raw_tokens(text) for u in _units(raw, False)))


@lru_cache(maxsize=256)  # the route table and the handlers ask for one message's form a dozen times
def command_form(text: str) -> str:
    """Canonical form for comparing chat commands: ``"HUỶ ĐĂNG KÝ"``, ``"huyr ddangw kys"`` → ``"huy dang ki"``.

    Compare ``command_form(expected) == command_form(user_text)``. Leading ``/`` and other punctuation are
    dropped, so moderator commands should be recognised from the first token.
    """
    return " ".join(t for raw in _raw_tokens(text) for u in _units(raw, True) for t in u.tokens)


@lru_cache(maxsize=256)
def command_words(text: str) -> tuple[tuple[str, str, bool], ...]:
    """The words of :func:`command_form`, each as ``(folded, tone key, sure)``.

    Why: a folded comparison alone confuses words that differ only in their marks ("dừng", "dùng", and the
    "dụng" of "app" = "ứng dụng"). ``sure`` says the marks are known — typed, decoded from Telex/VNI, or the
    reading of an abbreviation — so the key can be compared; the key is ``""`` for numbers and non-words.
    """
    return tuple(w for raw in _raw_tokens(text) for w in _command_words_of(raw))


def tokens_said_at(tokens: tuple[tuple[str, str], ...], words: tuple[tuple[str, str, bool], ...], i: int) -> bool:
    """Whether ``tokens`` (a phrase's ``(folded, tone key)`` words) are said at word ``i`` of ``words``
    (:func:`command_words`): the same folded words, and the same tone where both the phrase and the message say it (a
    message's word whose marks are not known matches any tone). Shared by the command readers and the reader of
    requests for information."""
    n = len(tokens)
    return i + n <= len(words) and all(f == w and not (sure and k and key and k != key)
                                       for (w, k), (f, key, sure) in zip(tokens, words[i : i + n], strict=True))


@lru_cache(maxsize=65536)
def _command_words_of(raw: str) -> tuple[tuple[str, str, bool], ...]:
    words: list[tuple[str, str, bool]] = []
    for unit in _units(raw, True):
        tokens = unit.tokens
        sure = unit.marked or unit.kind == "abbrev"
        keys = unit.keys if len(unit.keys) == len(tokens) else ("",) * len(tokens)
        words.extend((t, k, sure) for t, k in zip(tokens, keys, strict=True))
    return tuple(words)
