"""Citizen-written text made safe to show in a Zalo message (to moderators, in digests, to readers).

Zalo shows text as typed: no HTML or Markdown is interpreted, so markup is harmless and is left as is
(escaping it would only garble a story about "<b>"). What can hurt is what a reader cannot see or cannot
trust. "Safe" here means:

- invisible and direction-changing characters are removed: C0/C1 controls (except the line break),
  bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069, LRM/RLM/ALM), zero-width spaces and
  joiners, word joiner, BOM, soft hyphen, Unicode tag characters, invisible "blank" letters (Hangul
  fillers, braille blank) — a zero-width joiner survives only inside an emoji sequence (👨‍👩‍👧);
- lone surrogates (invalid UTF-16 that JSON can carry) become U+FFFD, so Redis and Zalo can store them;
- piles of combining marks ("Zalgo", 10,000 marks on one letter) are cut to a few per letter
  (Vietnamese needs at most two, and after NFC usually none);
- a character repeated more than `MAX_REPEAT` times in a row (emoji bombs, "!!!!!…") is cut with "…";
- whitespace is collapsed: one-line fields (titles, places, reasons, codes) never contain a line break,
  so a title cannot fake a second line of the alert ("/xem …", "Cảnh báo: không có"); a story body
  keeps its paragraphs but at most one blank line between them;
- length is capped (with "…") so that the rendered message stays within Zalo's 2,000 characters, or is
  split into a bounded number of parts by the outbox.
"""

from __future__ import annotations

import re
import unicodedata

MAX_MARKS = 3  # combining marks kept after one base character
MAX_REPEAT = 10  # identical characters kept in a row
ELLIPSIS = "…"

_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ZERO_WIDTH = set("\u200b\u200c\u2060\ufeff\u00ad\u180e")
_ZWJ = "\u200d"
_BLANK_LETTERS = set("\u115f\u1160\u3164\uffa0\u2800")  # render as empty space; used to fake blank names
_REPEAT = re.compile(rf"([^\s\d][\ufe0f\U0001f3fb-\U0001f3ff]?)\1{{{MAX_REPEAT},}}")
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")


def _is_emojiish(ch: str) -> bool:
    return unicodedata.category(ch) == "So" or "\U0001f3fb" <= ch <= "\U0001f3ff" or ch == "\ufe0f"


def clean(text: str) -> str:
    """Remove what a reader cannot see or trust; keep line breaks and everything visible."""
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")  # lone surrogates → U+FFFD
    text = unicodedata.normalize("NFC", _LINE_BREAKS.sub("\n", text))
    out: list[str] = []
    marks = 0
    for i, ch in enumerate(text):
        category = unicodedata.category(ch)
        if ch == "\n":
            out.append(ch)
            marks = 0
            continue
        if ch == _ZWJ:
            if out and _is_emojiish(out[-1]) and i + 1 < len(text) and _is_emojiish(text[i + 1]):
                out.append(ch)
            continue
        if ch in _BIDI or ch in _ZERO_WIDTH or category in ("Cf", "Cc", "Cs") or "\U000e0000" <= ch <= "\U000e007f":
            if ch == "\t":
                out.append(" ")
            continue
        if ch in _BLANK_LETTERS or category in ("Zs", "Zl", "Zp"):
            out.append(" ")
            marks = 0
            continue
        if category in ("Mn", "Me"):
            marks += 1
            if marks > MAX_MARKS or not out or out[-1] in " \n":
                continue
        else:
            marks = 0
        out.append(ch)
    return _cut_repeats("".join(out))


def _cut_repeats(text: str) -> str:
    """Digits are never cut (a number must not change); anything else repeated is an "emoji bomb"."""
    return _REPEAT.sub(lambda m: m.group(1) * MAX_REPEAT + ELLIPSIS, text)


def cap(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word when one is near, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    window = text[: limit - 1]
    space = max(window.rfind(" "), window.rfind("\n"))
    if space > limit * 2 // 3:
        window = window[:space]
    return window.rstrip() + ELLIPSIS


def one_line(text: str, limit: int = 200) -> str:
    """A title, place, reason or code: cleaned, on one line, at most `limit` characters."""
    return cap(" ".join(clean(text).split()), limit)


def block(text: str, limit: int = 4000) -> str:
    """A story body: cleaned, paragraphs kept (at most one blank line between them), at most `limit`."""
    lines = [" ".join(line.split()) for line in clean(text).split("\n")]
    joined = "\n".join(lines).strip("\n")
    return cap(re.sub(r"\n{3,}", "\n\n", joined), limit)


def is_clean(text: str) -> bool:
    """True when `text` holds nothing `clean` would remove (tests and checks use it)."""
    return clean(text) == unicodedata.normalize("NFC", text)


_SLASH_LOOKALIKES = str.maketrans({"\uff0f": "/", "\u2044": "/", "\u2215": "/", "\u29f8": "/", "\u2571": "/"})


def command_text(text: str) -> str:
    """What a command looks like on screen: invisible characters gone, full-width and look-alike forms
    folded (NFKC; "／ｄｕｙｅｔ" → "/duyet"), so that what looks like a moderator command is treated as one —
    run for a moderator, refused and recorded for anyone else — and never slips past as a question."""
    return unicodedata.normalize("NFKC", clean(text)).translate(_SLASH_LOOKALIKES)
