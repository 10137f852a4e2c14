"""Reading facts as tokens: whether an answer *states* a fact, and which facts a fact sheet holds.

A fact is checked by its distinctive tokens — a figure, a date, a document number, a name, a theme — found in
the answer text. Figures are written many ways (17.273, 17,273 and 17273 are one count; 99,3 and 99.3 one
share; "80 %" and "80%" one target; 03/06/2020 and 3/6/2020 one day), so both sides are normalised first:
NFC, case-folded, straight quotes, one space per whitespace run, thousands separators dropped, the decimal
comma written as a point. A token matches only as a whole (``74`` is not found in ``174`` or ``2074``).

The fact sheet side (``sheet_tokens``) finds in a Markdown bullet or a plain-text paragraph what an editor
must map to an answer: dates (also "3 June 2020"), document numbers (749/QĐ-TTg, 52-NQ/TW, 55/2025/NĐ-CP),
percentages, counts of two or more digits that are not bare years, month/year pairs, quoted names or themes,
and Vietnamese personal names (three capitalised words, one with a diacritic). URLs and the sheet's
``[confirmed]``-style markers are ignored.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"', "\u00a0": " "})
_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})((?:[.,]\d{3})+)(?![\d]|[.,]\d)")
_DECIMAL = re.compile(r"(?<=\d),(?=\d)")
_PERCENT = re.compile(r"(?<=\d)\s+%")
_LEADING_ZERO = re.compile(r"(?<![\d.,])0+(?=\d)")
_VI_DATE = re.compile(r"(?<![\d/])(\d{1,2}) tháng (\d{1,2})(?: năm (\d{4}))?(?![\d/])")
_DASHES = str.maketrans({"–": "-", "—": "-"})

_URL = re.compile(r"https?://\S+|\b[\w.-]+\.(?:vn|com|net|org|online)(?:/\S*)?")
_MARKER = re.compile(r"\[(?:confirmed|single|uncertain)[^\]]*\]", re.IGNORECASE)
_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"), 1)}
_EN_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(_MONTHS) + r")(?: (\d{4}))?\b", re.IGNORECASE)
_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{4}(?![\d/])")
_DOC = re.compile(r"(?<![\w/])\d+(?:/\d{4})?[/-](?:QĐ|NQ|NĐ|BTTTT|TT)[-/A-Za-zĐđ]*[A-Za-zĐđ]")
_PCT = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?\s?%")
_MONTH_YEAR = re.compile(r"(?<![\d/])\d{1,2}/\d{4}(?![\d/])")
_NUMBER = re.compile(r"(?<![\w.,/])\d{1,3}(?:[.,]\d{3})+(?![\d])|(?<![\w.,/])\d+(?:[.,]\d+)?(?![\w/])")
_QUOTED = re.compile(r"[\"“](.+?)[\"”]")
_NAME = re.compile(r"\b(?:[A-ZĐ][^\W\d_]*\s)+[A-ZĐ][^\W\d_]*\b")
_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _has_diacritic(text: str) -> bool:
    return any(not ch.isascii() and ch.isalpha() for ch in text)


def normalise(text: str) -> str:
    """The form both an answer and a fact token are compared in (see the module docstring)."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).translate(_DASHES)
    text = " ".join(text.split()).casefold()
    text = _THOUSANDS.sub(lambda m: m.group(1) + re.sub(r"[.,]", "", m.group(2)), text)
    text = _DECIMAL.sub(".", text)
    text = _PERCENT.sub("%", text)
    text = _VI_DATE.sub(lambda m: "/".join(g for g in m.groups() if g), text)
    return _LEADING_ZERO.sub("", text)


def states(text: str, token: str) -> bool:
    """Whether ``text`` contains ``token`` as a whole (no letter or digit glued to either end)."""
    needle = normalise(token)
    if not needle:
        return False
    # A figure must not continue another number (1/74, 174, 74.5); a word may follow "https://" or precede "/".
    start = r"(?<![\w.,/])" if needle[0].isdigit() else r"(?<!\w)" if needle[0].isalnum() else ""
    end = r"(?![\w/]|[.,]\d)" if needle[-1].isdigit() else r"(?!\w)" if needle[-1].isalnum() else ""
    pattern = start + re.escape(needle) + end
    return re.search(pattern, normalise(text)) is not None


def strip_noise(text: str) -> str:
    """A sheet line without URLs, Markdown emphasis and confidence markers."""
    text = _MARKER.sub(" ", _URL.sub(" ", text))
    return text.replace("**", "").replace("`", "")


def sheet_tokens(text: str) -> list[str]:
    """The distinctive tokens of one fact-sheet line or paragraph, in order, each once."""
    text = strip_noise(unicodedata.normalize("NFC", text))
    found: list[str] = []

    def take(token: str) -> None:
        token = " ".join(token.split())
        if token and token not in found:
            found.append(token)

    for match in _QUOTED.finditer(text):
        if _has_diacritic(match.group(1)):  # a Vietnamese name or theme; English glosses keep their numbers
            take(match.group(1))
    text = _QUOTED.sub(lambda m: " " if _has_diacritic(m.group(1)) else m.group(1), text)
    for match in _VI_DATE.finditer(text):
        take("/".join(g for g in match.groups() if g))
    text = _ORDINAL.sub(r"\1", _VI_DATE.sub(" ", text))
    for match in _EN_DATE.finditer(text):
        day_month = f"{int(match.group(1))}/{_MONTHS[match.group(2).lower()]}"
        take(f"{day_month}/{match.group(3)}" if match.group(3) else day_month)
    text = _EN_DATE.sub(" ", text)
    for pattern in (_DOC, _DATE, _PCT, _MONTH_YEAR):
        for match in pattern.finditer(text):
            take(match.group(0))
        text = pattern.sub(" ", text)
    for match in _NUMBER.finditer(text):
        number = match.group(0)
        if len(re.sub(r"\D", "", number)) >= 2 and not _YEAR.fullmatch(number):
            take(number)
    for match in _NAME.finditer(text):
        words = match.group(0).split()
        while words and words[0].isascii():  # "PM", "Deputy PM", "Minister" before the name
            words.pop(0)
        if len(words) >= 3:
            take(" ".join(words))
    return found


def sheet_sections(markdown: str) -> dict[str, list[str]]:
    """The bullet lines of each ``## `` section of a Markdown fact sheet (text before the first: none)."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in markdown.splitlines():
        if line.startswith("## ") and line[3:].strip():
            current = sections.setdefault(line[3:].strip(), [])
        elif line.startswith("#"):
            current = None
        elif current is not None and line.strip().startswith(("-", "*")) and not line.strip().startswith("**"):
            current.append(line.strip()[1:].strip())
    return sections
