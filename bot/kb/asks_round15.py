"""Round 15's kind of fact asked that no entry gives (``bot.kb.asks`` reads it).

* ``origin`` — which country, place or person started, proposed or invented something ("cách mạng công nghiệp 4.0 là
  nước nào khởi xướng đầu tiên", "chính phủ điện tử bắt nguồn từ nước nào", "nước nào làm chuyển đổi số đầu tiên";
  since the review of round 15 also where it came from — "chuyển đổi số bắt nguồn từ đâu", "chính phủ điện tử có đầu
  tiên ở đâu", "internet ra đời ở đâu" —, whose it is — "cách mạng 4.0 là của nước nào" — and who thought of it —
  "cách mạng 4.0 ai nghĩ ra", "khái niệm chuyển đổi số do ai đưa ra đầu tiên"): the entry the ranker finds names the
  thing (Resolution 52 on the Fourth Industrial Revolution, the e-government index) and says what Viet Nam decided
  about it, never who or where began it. Not this kind: "bộ / cơ quan nào khởi xướng chuyển đổi số" and "ai khởi
  xướng" are the channel's own questions (the ministry that initiated it, the Prime Minister), "tỉnh / nơi nào đầu
  tiên" may ask where a pilot was, "chuyển đổi số bắt đầu từ đâu" asks where to start (with awareness). Given by an
  answer that names a country first or an origin ("nước đầu tiên", "quốc gia khởi xướng", "bắt nguồn từ"; none does).

Read folded, within one clause (review of round 15, M1: "…ở nước nào thì làm VNeID được, lần đầu tiên làm sao" asks
no country that began anything), so the patterns hold no Vietnamese letter; each runs behind a substring every match
holds. "lần đầu tiên" (the first time) and "đầu tiên cần làm" (the first step) are no beginning; "(trở) thành quốc gia
gì" asks what a country becomes (review of round 15, M2), not which one.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache

from bot.kb.subjects import COUNTRIES_FILE
from bot.nlp.normalize import analyze

# What a beginning is said with (folded): initiating, proposing, inventing, founding; first; arising from — not "lần
# đầu tiên" (the first time) nor "đầu tiên cần / phải làm" (the first step)
_FIRST = r"(?:(?<!lan )(?:dau tien|truoc tien)(?! (?:can |phai |nen )?lam\b)|truoc nhat)"
_BEGAN = (rf"(?:khoi xuong|de xuong|phat minh|phat kien|nghi ra|sang lap|khai sinh|tien phong|{_FIRST}"
          r"|bat nguon|khoi nguon|xuat phat|ra doi|nguon goc|xuat xu)")
# which country; not the group Viet Nam joins ("vào nhóm nước nào đầu tiên": round 14's ``leader`` reads it), nor
# what a country becomes ("trở thành quốc gia gì", "xây dựng nước gì")
_COUNTRY = (r"(?:(?<!nhom )(?:nuoc|quoc gia) nao"
            r"|(?<!nhom )(?<!thanh )(?<!xay dung )(?<!huong toi )(?:nuoc|quoc gia) gi)")
# The country asked before the beginning ("nước nào khởi xướng", "nước nào làm chính phủ điện tử đầu tiên") or after
# it ("khởi xướng đầu tiên là nước nào", "bắt nguồn từ nước nào"), at most six words apart (the thing named between);
# whose it is ("là của nước nào")
_ORIGIN = re.compile(rf"\b{_COUNTRY}\b(?: \w+){{0,6}} {_BEGAN}\b"
                     rf"|\b{_BEGAN}\b(?: \w+){{0,6}} (?:la |tu |o |tai |thuoc |cua )?{_COUNTRY}\b"
                     rf"|\bcua {_COUNTRY}\b")
# Where it came from (review of round 15, M3): arising from, born or first had where ("bắt nguồn từ đâu", "ra đời ở
# đâu", "có đầu tiên ở đâu", "ở đâu đầu tiên"); not "bắt đầu từ đâu" (where to start)
_WHERE = r"(?:dau|noi nao|cho nao)\b(?! (?:cung|ca)\b)"  # not "ở đâu cũng" (everywhere), "ở đâu cả" (nowhere)
_WHERE_FROM = re.compile(rf"\b(?:bat nguon|khoi nguon|xuat phat|nguon goc|xuat xu|ra doi)(?: {_FIRST})?"
                         rf" (?:tu |o |tai )?{_WHERE}"
                         rf"|\b(?:co|xuat hien) {_FIRST} (?:o |tai )?{_WHERE}|\bo (?:dau|noi nao) {_FIRST}")
# Who thought of it (review of round 15, M3): invented or first put forward by whom ("ai nghĩ ra", "do ai đưa ra đầu
# tiên"); "ai khởi xướng" is the channel's own question (the Prime Minister)
_WHO_FIRST = re.compile(r"\bai (?:nghi ra|phat minh|sang che)\b"
                        r"|\bai (?:dua ra|de xuat|dat ra|neu ra)(?: \w+){0,3} (?:dau tien|truoc tien|truoc nhat)\b")
# A country named as where it began, as typed with marks (review of round 15, M3: "cách mạng công nghiệp 4.0 bắt đầu
# từ Đức phải không"): folded, "Đức" is "dục", so only a marked message is read so
_BEGAN_TYPED = r"(?:bắt đầu|bắt nguồn|khởi nguồn|xuất phát|ra đời|khởi xướng|có đầu tiên|xuất hiện đầu tiên)"
_HINTS = ("nuoc", "quoc gia", " dau", "noi nao", "cho nao", " ai ")
_CLAUSE = re.compile(r"[,.;?!\n]+")
_ORIGIN_SAID = re.compile(r"\b(?:nuoc|quoc gia|nguoi) (?:dau tien|khoi xuong|de xuong|tien phong)\b"
                          r"|\b(?:bat nguon|khoi nguon|nguon goc) (?:tu|o|tai)\b")


def _origin(folded: str) -> bool:
    return bool(_ORIGIN.search(folded) or _WHERE_FROM.search(folded) or _WHO_FIRST.search(folded))


@lru_cache(maxsize=1)
def _country_typed() -> re.Pattern[str]:
    """A beginning said "from / in" a country of ``content/countries.toml`` typed with its marks ("từ Đức", "ở nước
    Mỹ", "từ Nhật Bản"), "nước" optional."""
    with COUNTRIES_FILE.open("rb") as fh:
        nations = tomllib.load(fh)["country"]
    names = {unicodedata.normalize("NFC", n).lower().removeprefix("nước ")
             for nation in nations for n in (nation["name"], *nation.get("aliases", ()))}
    listed = "|".join(sorted((re.escape(n) for n in names if len(n) > 2 or not n.isascii()), key=len, reverse=True))
    return re.compile(rf"\b{_BEGAN_TYPED} (?:từ|ở|tại|bên) (?:nước )?(?:{listed})\b")


def _from_country_typed(raw: str) -> bool:
    if raw.isascii():
        return False
    typed = unicodedata.normalize("NFC", raw).lower()
    return any(w in typed for w in (" từ ", " ở ", " tại ", " bên ")) and _country_typed().search(typed) is not None


def asked_round15(normalized: str, raw: str = "") -> frozenset[str]:
    """Round 15's kinds asked by a question (``normalized``: its analysed, folded text; ``raw`` as typed): an origin
    read within one clause of ``raw`` (each clause analysed only when the whole text reads one: rare)."""
    padded = f" {normalized} "
    if not any(h in padded for h in _HINTS) or not _origin(normalized):
        return frozenset({"origin"}) if raw and _from_country_typed(raw) else frozenset()
    clauses = [c for c in _CLAUSE.split(raw) if c.strip()] if raw else []
    if len(clauses) > 1 and not any(_origin(analyze(c).text) for c in clauses):
        return frozenset()
    return frozenset({"origin"})


def provided_round15(folded_answer: str) -> frozenset[str]:
    """Round 15's kinds an entry gives (``folded_answer``: its answer folded): who or where began something."""
    return frozenset({"origin"}) if _ORIGIN_SAID.search(folded_answer) else frozenset()
