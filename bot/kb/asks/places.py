"""Places asked: a province, city or country named, which province, a commune or district named.

"Tỉnh Hà Giang có bao nhiêu tổ công nghệ số?" ranks the entry with the national count first: the entry is about the
topic, not the place (``bot.kb.asks``). Kinds:

* ``place:<key>`` — a province, city or country the question names (``bot.kb.subjects``): the answer or the entry's
  phrasings name it. Laos counts typed with its mark ("Lào có ngày chuyển đổi số không?"): folded it is "lao" (lao
  động), so ``content/countries.toml`` lists it only as "nước Lào"; as typed, "Lào" is the country (not "Lào Cai").
  A caller that reads the places per clause leaves these out (``asked(..., with_places=False)``, ``named_places``);
* ``province`` — which province or city ("đổ bộ vào tỉnh nào", "thuộc thành phố gì", the Central "tỉnh mô" after a
  verb of going or being — "đổ bộ vô tỉnh mô", "ở tỉnh mô"): the answer names one. Not "có tỉnh nào … không", a yes
  or no that the answer may give without a name. The dialect reader makes "mô" "đâu" where the message is plainly
  Central, and "tỉnh đâu" folded is also "tinh dầu" ("tinh mô" also "tinh mơ"), so only after "vô / vào / ở / tại /
  thuộc";
* ``subplace:<unit name>`` — a commune, ward, district or hamlet the question names ("xã Tân Phú", "quận 7",
  ``bot.kb.subjects.subplaces``, read on the message as typed): the entry names it, like a province.

(place from round 6, province and subplace from round 7, Laos from round 12, "tỉnh mô" from round 13;
docs/question-answering.md)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set

from bot.kb.asks.registry import Said, register
from bot.kb.subjects import places, subplaces
from bot.nlp.normalize import fold

# Which province or city is asked; "có tỉnh nào … không" asks whether there is one.
_WHICH_PROVINCE = re.compile(r"(?<!\bco )\b(?:tinh|thanh pho|tinh thanh) (?:nao|gi)\b")
# "tỉnh mô" after a verb of going or being, folded ("tinh mo") or as the dialect reader leaves it ("tinh dau").
_PROVINCE_WHERE = re.compile(r"\b(?:vo|vao|o|tai|thuoc) (?:cai )?tinh (?:dau|mo)\b")
# Laos as typed, with its mark; not the province "Lào Cai" nor "lào xào".
_LAOS_TYPED = re.compile(r"(?<!xào )\blào\b(?! cai\b)")
LAOS = "nước Lào"


def named_places(normalized: str, raw: str = "") -> frozenset[str]:
    """The ``place:<key>`` kinds of a question: the provinces, cities and countries it names (``raw``, the question
    as typed: the countries only its marks tell)."""
    found = places(normalized, asked=True)
    if found and raw:
        # round 26: the speaker's span counted in the words as typed, where an abbreviation is one word ("tui lam cty
        # giay o Di An Binh Duong", "toi ban hang onl o can tho": expanded, "công ty", "trực tuyến" push the pronoun
        # out of the span)
        typed = fold(raw)
        found -= places(typed) - places(typed, asked=True)
    return frozenset(f"place:{p}" for p in found) | typed_countries(raw)


def typed_countries(raw: str) -> frozenset[str]:
    """The countries a question names that only its marks tell from common words (``place:<name>``): Laos
    ("Lào", folded "lao" as in "lao động"), unless it is where the speaker is ("tôi đi làm ở Lào về, …")."""
    if raw.isascii():
        return frozenset()
    typed = unicodedata.normalize("NFC", raw).lower()
    if "lào" not in typed or not _LAOS_TYPED.search(typed):
        return frozenset()
    return frozenset({f"place:{LAOS}"}) if LAOS in places(fold(_LAOS_TYPED.sub(LAOS, typed)), asked=True) \
        else frozenset()


def _asked(normalized: str, raw: str, _found: Set[str]) -> set[str]:
    kinds = {f"subplace:{p}" for p in subplaces(raw, asked=True)}
    if ("tinh" in normalized or "thanh pho" in normalized) and _WHICH_PROVINCE.search(normalized):
        kinds.add("province")
    if ("tinh dau" in normalized or "tinh mo" in normalized) and _PROVINCE_WHERE.search(normalized):
        kinds.add("province")
    return kinds


def _named(normalized: str, raw: str, _found: Set[str]) -> frozenset[str]:
    return named_places(normalized, raw)


def _provided(said: Said) -> set[str]:
    kinds = {f"place:{p}" for p in places(said.everything)}
    if places(said.folded):
        kinds.add("province")
    kinds.update(f"subplace:{p}" for p in subplaces(said.typed))
    return kinds


register(_asked, _provided)
register(_named, places=True)
