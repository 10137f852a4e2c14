"""Telex and VNI leftovers: words typed with the input method switched off (``chuyeenr``, ``chuye63n``).

Why its own module: a decoding is accepted only when it spells a valid syllable (:mod:`bot.nlp.syllables`),
so real words are never "decoded"; the normalizer tries these decoders after the abbreviation tables.
"""

from __future__ import annotations

import re

from bot.nlp.syllables import VOWELS, is_syllable, strip_marks

__all__ = ["decode_telex", "decode_vni"]

# Telex tone keys; ``z`` removes the tone.
_TELEX_TONES = {"s": 1, "f": 2, "r": 3, "x": 4, "j": 5, "z": 0}
_CIRCUMFLEX = {"a": "â", "e": "ê", "o": "ô"}
_HORN_BREVE = {"a": "ă", "o": "ơ", "u": "ư"}
# Round 33 (mixed33): a ``w`` typed after a doubled vowel ("traawm", "thoowi") is the mark key pressed again to
# change the circumflex the doubled vowel made into the breve or horn it should have been ("trâ" + w → "tră"): UniKey's
# Telex lets a later mark key replace an earlier one on the same vowel, so the keystrokes of a corrected mark are
# "a a w", and with the input method switched off they stay in the word: the circumflex is undone and the ``w`` marks
# the plain vowel as it would have. ``ê`` has no horn or breve: left.
_SWITCHED = {"â": "a", "ô": "o"}


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


# A syllable closed by p, t, c or ch takes only the sắc or nặng tone (or none, when the user left it out).
_CHECKED = re.compile(r"(?:p|t|c|ch)$")


def _finish(out: list[str], tone: int) -> tuple[str, int] | None:
    base = "".join(out)
    # Unikey turns ưo into ươ before a final consonant; people type "dduwocj" and mean "được".
    base = re.sub(r"ưo(?=[a-z])", "ươ", base)
    base = re.sub(r"uơ(?=[a-z])", "ươ", base)
    if not is_syllable(strip_marks(base)) or (tone in (2, 3, 4) and _CHECKED.search(base)):
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
            if out and out[-1] in _SWITCHED:
                out[-1] = _SWITCHED[out[-1]]  # "dduoowcj" then reads as "dduowcj": the "ươ" of "được"
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
    """Decode a VNI leftover (``chuye63n``, ``d9o63i``, ``so61``) into (base, tone), or None.

    A word with two tone digits is a word and a number ("top50", "top10"): one syllable has one tone.
    """
    if not token.isascii() or not token.isalnum() or token[0].isdigit() or token.isalpha():
        return None
    if sum(c in "012345" for c in token) > 1:
        return None
    out: list[str] = []
    tone = 0
    for c in token:
        if c.isalpha():
            out.append(c)
            continue
        if c in "12345":
            if not any(ch in VOWELS or ch in "âêôăơư" for ch in out):
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
