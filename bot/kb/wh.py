"""What a question asks for — a count, a person or body, a time, a place, a reason, a way, a task, a definition —
and how often an entry's phrasings ask the same.

Why: the words that say *what kind* of answer is wanted ("bao nhiêu", "ai", "khi nào", "làm gì") are
scaffolding for the topic ranking (every entry has questions with them), so neighbours about one topic tie on
the topic words and the ranking's fine print picks one: "có bao nhiêu tổ công nghệ số" went to the entry that
says what the teams are, "tổ công nghệ số làm gì" to the same, "ai là bộ trưởng…" to the ministry. With many
phrasings per entry (content/phrasings/), the share of an entry's phrasings that ask the same kind is a
learned profile of the answers it gives: the count entry's phrasings ask "bao nhiêu", the tasks entry's
"làm gì". Read on the analysed text (folded, Telex/VNI decoded, abbreviations and regional words
standardized), so every typing style counts alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(rx)) for kind, rx in (
    ("count", r"\bbao nhi\w*\b|\bso luong\b|\bmay (?:nguoi|to|tinh|don vi|co quan|tai khoan|lan|nuoc|cau|thanh)"
              r"\b|\b(?:co|duoc) may\b|\bmay\W*$"
              # a bare keyword query that opens with "số" + what is counted ("số tổ công nghệ số", round 7; not
              # "số tài khoản", "số hồ sơ": also an account's or a file's number)
              r"|^so (?:to|nguoi|tinh|don vi|thanh vien|cau chuyen|bai toan|co quan)\b"
              # a need for figures ("cần số liệu …", round 7) asks a count
              r"|\b(?:can|xin) so lieu\b"),
    ("who", r"\bai\b|\b(?:co quan|don vi|bo|nguoi|to chuc|ong|ba) nao\b"),
    # "hôm nào", and "bữa nào" with the Southern and Nghệ "bữa" (hôm: bot.nlp.dialect), ask which day (round 28)
    ("when", r"\bkhi nao\b|\bbao gio\b|\b(?:nam|ngay|thang|hoi|luc|tu|dip|hom|bua) nao\b|\btu bao gio\b"
             r"|\bbao lau\b|\bthoi gian nao\b|\bmay gio\b|\bngay may\b"),
    ("where", r"\b(?:o|di|den|tim|tai|lam|dang ky) (?:o )?dau\b|\bcho nao\b|\bnoi nao\b|\btrang nao\b"),
    ("why", r"\b(?:vi sao|tai sao|ly do|li do|nguyen nhan|vi dau|de lam gi|muc dich)\b"),
    ("how", r"\blam sao\b|\bthe nao\b|\bnhu nao\b|\bra sao\b|\bcach\b|\bcac buoc\b|\bthu tuc\b"),
    ("task", r"\blam gi\b|\bnhiem vu\b|\bgiup (?:duoc )?(?:gi|nhung gi|viec gi)\b|\bviec gi\b|\bcong viec\b"
             r"|\bho tro (?:gi|nhung gi)\b|\blam nhung gi\b"),
    ("what", r"\bla gi\b|\bnghia la\b|\bla sao\b|\bkhai niem\b|\bdinh nghia\b|\bhieu the nao\b"),
))


def kinds(normalized: str) -> frozenset[str]:
    """The kinds of answer a question (its analysed, folded text) asks for; empty when it says none."""
    return frozenset(kind for kind, rx in _KINDS if rx.search(normalized))


def profile(phrasings: Sequence[str]) -> Mapping[str, float]:
    """Share of an entry's phrasings (analysed texts) that ask each kind."""
    if not phrasings:
        return {}
    counts: dict[str, int] = {}
    for text in phrasings:
        for kind in kinds(text):
            counts[kind] = counts.get(kind, 0) + 1
    return {kind: n / len(phrasings) for kind, n in counts.items()}


def agreement(asked: frozenset[str], entry_profile: Mapping[str, float]) -> float:
    """How much the entry's phrasings ask what the question asks, 0..1 (0 when the question asks no kind)."""
    if not asked:
        return 0.0
    return sum(entry_profile.get(kind, 0.0) for kind in sorted(asked)) / len(asked)  # a set: summed in a fixed order
