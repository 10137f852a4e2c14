"""Masking personal data in story text: what moderators and readers see never carries it.

Covers what Vietnamese citizens actually paste: mobile and landline numbers (0…, 84…, +84…, grouped with
spaces, dots or dashes, area codes in brackets), 12-digit citizen ID numbers (CCCD, also grouped), e-mail
addresses and bank account numbers (after a word that announces one: "STK", "số tài khoản", a bank name…).
Any other run of 9+ digits is masked too: such runs are nearly always an identifier (tax code, social
insurance number, old ID card), rarely something a reader needs. Amounts such as "15.000.000 đồng" keep
their dots and are left alone.

The original is not kept here: the caller stores it apart (bot.stories) for the one explicit `/xem --goc`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.infra.texts import render

# One optional separator between digits, as people group numbers: a dot, a dash or spaces (phones pasted
# from contact cards or typed on a phone often carry two or three spaces, or " - "). Written so that a
# string of spaces matches it in exactly one way (possessive runs, the dash form tried apart): the former
# ` {0,3}[.-]? {0,3}` could split a run of spaces between its two halves, and eleven of them in a row
# backtracked exponentially on "0   0   0 …" (docs/security.md, T1). Same language: up to six spaces, or
# up to three spaces, a dot or dash, up to three spaces.
_SEP = r"(?: {0,3}+[.\-] {0,3}+| {0,6}+)"
_MORE_DIGITS = rf"(?!{_SEP}\d)"  # a match must not stop inside a longer number
# A phone may be followed by another number that is not its continuation: a second phone ("0912 345 678 -
# 0987 654 321") or a small count ("gọi 0912 345 678 3 lần"); never by another group of 3+ digits.
_PHONE_END = rf"(?!\d)(?!{_SEP}[1-9]\d\d)(?!{_SEP}[1-9]\d?{_SEP}\d)"

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", re.UNICODE)
# CCCD: 12 digits starting with 0 (the first three are the province code 001–096).
# Digit 4 is century and sex (0–3 for births 1900–2099), which tells an ID from a landline followed by a count.
_CITIZEN_ID = re.compile(rf"(?<![\d+])0{_SEP}\d{_SEP}\d{_SEP}[0-3](?:{_SEP}\d){{8}}{_MORE_DIGITS}")
# Phones: national prefix 0, 84 or +84 (optionally bracketed), then a mobile number (9 digits, 3/5/7/8/9…)
# or a landline (10 digits, 2…). The trailing guard stops a match from ending inside a longer number.
_PHONE = re.compile(
    rf"(?<![\d\w+])(?:\(?\+84\)?|\(?84\)?|\(?0)\)?{_SEP}(?:[35789](?:{_SEP}\d){{8}}|2(?:\)?{_SEP}\d){{9}})"
    rf"{_PHONE_END}"
)
_BANK_CONTEXT = re.compile(
    r"(?i)(?:\bstk\b|\bs[oố] t[aà]i kho[aả]n\b|\bt[aà]i kho[aả]n\b|\btk\b|\baccount\b|\bng[aâ]n h[aà]ng\b|"
    r"\bvietcombank\b|\bvcb\b|\bbidv\b|\bagribank\b|\bvietinbank\b|\btechcombank\b|\btcb\b|\bmbbank\b|\bmb\b|"
    r"\bacb\b|\bsacombank\b|\bvpbank\b|\btpbank\b|\bvib\b|\bshb\b|\bhdbank\b|\bocb\b|\bmsb\b|\bseabank\b)"
)
_BANK_NUMBER = re.compile(r"(?<![\d.,])\d(?:[ .\-]?\d){5,18}(?![ .\-]?\d)")
# Numbers that follow a bank word but are not account numbers: amounts ("vay ngân hàng 50.000.000 đồng",
# thousands grouped with dots, or followed by a unit), dates ("4.1.2019") and 1800/1900 hotlines.
_NOT_ACCOUNT = re.compile(r"\d{1,3}(?:\.\d{3})+|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|1[89]00[ .]?\d{3,6}")
_UNIT_AFTER = re.compile(r"(?i)\s?(?:đồng|đ|vnđ|vnd|triệu|tỷ|nghìn|ngàn|k|%)(?!\w)")
_LONG_DIGITS = re.compile(r"(?<![\d.,])\d{9,}(?![\d])")
BANK_WINDOW = 40  # characters after a bank word where an account number is expected

KINDS = ("email", "citizen_id", "phone", "bank_account", "number")


@dataclass(frozen=True)
class Masked:
    text: str
    found: dict[str, int]  # kind -> how many were masked

    @property
    def any(self) -> bool:
        return bool(self.found)


def _label(kind: str) -> str:
    return render(f"pii_{kind}")


def mask(text: str) -> Masked:
    """`text` with personal data replaced by labels such as "[SĐT đã ẩn]", and what was found."""
    found: dict[str, int] = {}

    def sub(pattern: re.Pattern[str], kind: str, value: str) -> str:
        label = _label(kind)

        def repl(match: re.Match[str]) -> str:
            found[kind] = found.get(kind, 0) + 1
            return label

        return pattern.sub(repl, value)

    out = sub(_EMAIL, "email", unicodedata.normalize("NFC", text))
    out = sub(_CITIZEN_ID, "citizen_id", out)
    out = sub(_PHONE, "phone", out)
    out = _mask_bank(out, found)
    out = sub(_LONG_DIGITS, "number", out)
    return Masked(out, found)


def _mask_bank(text: str, found: dict[str, int]) -> str:
    """Account numbers are only recognisable by context: mask a digit run shortly after a bank word."""
    label = _label("bank_account")
    pieces: list[str] = []
    pos = 0
    for context in _BANK_CONTEXT.finditer(text):
        if context.end() < pos:
            continue
        window_end = min(len(text), context.end() + BANK_WINDOW)
        number = next((m for m in _BANK_NUMBER.finditer(text, context.end(), window_end + 25)
                       if m.start() <= window_end and not _NOT_ACCOUNT.fullmatch(m.group(0))
                       and not _UNIT_AFTER.match(text, m.end())), None)
        if number is None:
            continue
        pieces.append(text[pos:number.start()])
        pieces.append(label)
        found["bank_account"] = found.get("bank_account", 0) + 1
        pos = number.end()
    pieces.append(text[pos:])
    return "".join(pieces)
