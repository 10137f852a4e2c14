"""Words typed without marks inside a message typed with them, read as an unmarked message's words (round 28).

A message typed mostly with diacritics has its plain syllables read by their tone: "mang" in "cần mang gì" is the
level-tone "mang" (carry), not "mạng" (``bot.kb.lexicon.accented``, ``keyed``). Chat writers mix both ways of typing
in one message, though — "nghe noi bang rong co dinh phu toi 99% thôn rồi hả, con số cụ thể bao nhiu ad", "chừ đăng
nhập nó bắt nhâp ten dang nhap" — and there the plain stretch is typed without marks, not in the level tone: read by
its tone, "ten dang nhap" is three words the knowledge base never writes, so the message's subject ("tên đăng nhập")
counts against it, with the highest weight a word can have.

What tells such a stretch from words really in the level tone ("cho con tham gia", "do ai ký"): two neighbouring
plain syllables that, folded, are a two-syllable word the KB says ("ten dang", "dang nhap", "bang rong"), at least
one of which the KB never writes in the level tone (as typed it is no word the KB has) and the out-of-scope class
does not either (a word of its own: ``bot.kb.outside``). Both are then read by their folded form, as every word of a
message typed without marks is; the tone key of a word the KB writes level ("gia", "do", "ai") never makes a pair
qualify on its own. Query side only, like the typo repair (``bot.kb.typos``) whose vocabulary it reads: a word is
read toward the KB's own two-syllable words, so an off-topic word is not pulled into the domain. One pass over the
message's units: linear in its length.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from bot.kb.lexicon import accented
from bot.nlp.normalize import Analysis, Unit


def _plain(unit: Unit) -> bool:
    """A syllable typed without marks, read by its tone key in a message typed with marks."""
    return unit.kind == "syllable" and not unit.marked and len(unit.tokens) == 1 and len(unit.keys) == 1


def unmarked_stretches(analysis: Analysis, pairs: Collection[str], keys_by_fold: Mapping[str, Sequence[str]],
                       known_keys: Collection[str]) -> Analysis:
    """``analysis`` with the plain syllables of a stretch typed without marks (the module docstring) read by their
    folded form only: their tone keys dropped, as in a message typed without any marks. ``pairs``: the KB's folded
    two-syllable words; ``keys_by_fold``: the tone keys the KB writes each folded word with; ``known_keys``: the
    out-of-scope class's tone keys (words of their own)."""
    units = analysis.units
    if len(units) < 2 or not analysis.marked or not accented(analysis):
        return analysis

    def not_the_kb_word(unit: Unit) -> bool:
        key = unit.keys[0]
        written = keys_by_fold.get(unit.tokens[0])
        return written is not None and key not in written and key not in known_keys

    unmarked: set[int] = set()
    for i in range(len(units) - 1):
        first, second = units[i], units[i + 1]
        if _plain(first) and _plain(second) and f"{first.tokens[0]}_{second.tokens[0]}" in pairs \
                and (not_the_kb_word(first) or not_the_kb_word(second)):
            unmarked.update((i, i + 1))
    if not unmarked:
        return analysis
    return Analysis.from_units(tuple(
        Unit(unit.alts, (), unit.kind, False) if i in unmarked else unit for i, unit in enumerate(units)))
