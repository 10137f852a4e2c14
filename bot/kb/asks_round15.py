"""Round 15's kind of fact asked that no entry gives (``bot.kb.asks`` reads it).

* ``origin`` — which country started, proposed or invented something, or where it began ("cách mạng công nghiệp 4.0
  là nước nào khởi xướng đầu tiên", "chính phủ điện tử bắt nguồn từ nước nào", "nước nào làm chuyển đổi số đầu
  tiên"): the entry the ranker finds names the thing (Resolution 52 on the Fourth Industrial Revolution, the
  e-government index) and says what Viet Nam decided about it, never which country began it. Only a country is
  asked: "bộ / cơ quan nào khởi xướng chuyển đổi số" and "ai khởi xướng" are the channel's own questions (the
  ministry that initiated it, the Prime Minister), and "tỉnh / nơi nào đầu tiên" may ask where a pilot was. Given by
  an answer that names a country first or an origin ("nước đầu tiên", "quốc gia khởi xướng", "bắt nguồn từ"; none
  does).

Read folded, so the patterns hold no Vietnamese letter; each runs behind a substring every match holds.
"""

from __future__ import annotations

import re

# What a beginning is said with (folded): initiating, proposing, inventing, founding; first; arising from.
_BEGAN = (r"(?:khoi xuong|de xuong|phat minh|phat kien|nghi ra|sang lap|khai sinh|tien phong|dau tien|truoc tien"
          r"|truoc nhat|bat nguon|khoi nguon|xuat phat|ra doi|nguon goc|xuat xu)")
# not the group Viet Nam joins ("vào nhóm nước nào đầu tiên"): round 14's ``leader`` reads it so too
_COUNTRY = r"(?<!nhom )(?:nuoc|quoc gia) (?:nao|gi)"
# The country asked before the beginning ("nước nào khởi xướng", "nước nào làm chính phủ điện tử đầu tiên") or after
# it ("khởi xướng đầu tiên là nước nào", "bắt nguồn từ nước nào"), at most six words apart (the thing named between).
_ORIGIN = re.compile(rf"\b{_COUNTRY}\b(?: \w+){{0,6}} {_BEGAN}\b"
                     rf"|\b{_BEGAN}\b(?: \w+){{0,6}} (?:la |tu |o |tai |thuoc |cua )?{_COUNTRY}\b")
_ORIGIN_SAID = re.compile(r"\b(?:nuoc|quoc gia) (?:dau tien|khoi xuong|de xuong|tien phong)\b"
                          r"|\b(?:bat nguon|khoi nguon|nguon goc) (?:tu|o|tai)\b")


def asked_round15(normalized: str) -> frozenset[str]:
    """Round 15's kinds asked by a question (``normalized``: its analysed, folded text)."""
    if ("nuoc" in normalized or "quoc gia" in normalized) and _ORIGIN.search(normalized):
        return frozenset({"origin"})
    return frozenset()


def provided_round15(folded_answer: str) -> frozenset[str]:
    """Round 15's kinds an entry gives (``folded_answer``: its answer folded): a country that began something."""
    return frozenset({"origin"}) if _ORIGIN_SAID.search(folded_answer) else frozenset()
