"""Predicates of another domain asked of the channel's subjects: a person's tastes, a programme's effect on one's
body, the weather or one's luck, a day off, a sale (round 25, issue 12).

The look-alikes name a subject of the KB whole — the minister, Đề án 06, the Digital Transformation Day — and ask
something no entry is about: "Bộ trưởng Bộ KH&CN thích nghe nhạc gì?", "Đề án 06 có giúp tôi giảm cân không?",
"Ngày Chuyển đổi số quốc gia có được nghỉ làm không?". The subject's words are most of the question, so the ranker
answers its entry with confidence; the predicate is what the entry never says (``bot.kb.asks``). Kinds (read on the
folded question, each in a frame that asks it, not in the citizen's own story told around a question of the
channel: "tôi bị tiểu đường, có làm thẻ căn cước tại nhà được không" asks no cure):

* ``taste`` — a person's tastes and pastimes (music, food, books, sport, fishing, pets, travel, clothes, height), of a
  person the question names ("bộ trưởng", "thủ tướng", "ông Nguyễn Mạnh Hùng") before the predicate;
* ``pastime`` — a pastime asked of a service or an app, "được không" after it ("… có hát karaoke được không",
  "VNeID có xem phim được không");
* ``effect:<domain>`` — an effect on health or the body (``health``), the weather (``weather``), luck (``luck``)
  or love (``love``), after a verb that asks it ("giúp tôi giảm cân", "chữa được bệnh", "làm trời hết mưa",
  "mang lại may mắn", "dự báo thời tiết");
* ``dayoff`` — whether a day is a holiday or a day off ("có được nghỉ làm không", "nghỉ lễ", "ngày nghỉ"); not
  "thay cho nghị định 59" (folded, "nghỉ" is "nghị": only a day off's own continuations);
* ``convert`` — a conversion between units of measure or currencies ("2 cup bột chuyển đổi ra gram là bao nhiêu",
  "1 sào chuyển đổi ra bao nhiêu mét vuông", "100 đô đổi sang tiền Việt"): "chuyển đổi" is the channel's word only
  in "chuyển đổi số"; with a unit as its goal it is arithmetic of kitchens, fields and money changers (round 34);
* ``sale`` — whether a day or a product has a sale ("có giảm giá không", "có khuyến mãi gì không", "có sale ko"),
  not a sale told in a citizen's story ("tháng 10 mua đồ online được giảm giá quá trời"); not "giảm phí", the fee
  cut the KB speaks of, nor "thông báo khuyến mại", a procedure of the national portal.

An entry gives a kind only if its answer says that domain (none does). Such kinds are asked of the channel's
subjects only by look-alikes: the decision gives them the out-of-scope apology with the closest topics where the
model was sure (``ELSEWHERE``, ``bot.kb.decision``), as for the other look-alikes, rather than "Ý bạn là…?".
Every title, question, keyword and phrasing of the KB is checked to ask none of them (tests/kb_asks).
"""

from __future__ import annotations

import re
from collections.abc import Set

from bot.kb.asks import patterns
from bot.kb.asks.patterns import Either
from bot.kb.asks.registry import Said, register

# The kinds of this family: a question asking one of the channel's subjects for them is a look-alike.
ELSEWHERE = ("taste", "pastime", "effect:", "dayoff", "sale", "convert")

# A person the question names: an office, the minister's name, "ông / bà ấy".
_PERSON = re.compile(r"\b(?:bo truong|thu truong|thu tuong|chu tich|tong bi thu|cuc truong|nguyen manh hung"
                     r"|(?:ong|ba) (?:ay|ta|hung|bo truong))\b")
# A taste or pastime asked of that person, after it on the same line.
_TASTE = re.compile(r"\bthich (?:nghe|an|uong|doc|xem|choi|mac|mau|mon|di|nuoi|hat|doi|ca si|bai|phim|sach"
                    r"|the thao|bong)\b|\bso thich\b|\bnuoi (?:cho|meo|chim|ca)\b"
                    r"|\b(?:choi|biet) (?:golf|tennis|bong|da bong|game|co tuong|cau long|bong ban|pickleball)\b"
                    r"|\bda bong\b|\bdoi bong\b|\btap (?:gym|the duc|yoga)\b|\bdi du lich\b|\bcuoi tuan\b"
                    r"|\bsize\b|\bcao bao nhieu\b|\bnang bao nhieu (?:kg|can|ky)\b"
                    r"|\buong (?:ca phe|tra|bia|ruou)\b|\bhat karaoke\b|\bmon an\b|\bmau (?:gi|nao)\b"
                    r"|\b(?:cau ca|leo nui|chay bo|boi loi|danh co|choi co|trong cay canh|hut thuoc)\b")
_TASTE_ASKED = Either(((_PERSON, _TASTE),))
_TASTE_HINTS = ("cau ca", "leo nui", "chay bo", "boi loi", "danh co", "choi co", "cay canh", "hut thuoc",
                "thich", "nuoi", "golf", "tennis", "bong", "game", "co tuong", "cau long", "pickleball", "gym",
                "the duc", "yoga", "du lich", "cuoi tuan", "size", "cao bao nhieu", "nang bao nhieu", "uong ",
                "karaoke", "mon an", "mau ")

# A pastime asked of a service or an app, "được không" after it ("VNeID có xem phim được không", "dịch vụ công
# trực tuyến toàn trình có hát karaoke được không").
_PASTIME = re.compile(r"\b(?:hat karaoke|karaoke|cau ca|choi game|xem phim|nghe nhac|nau an|nau com|choi bong|da bong)"
                      r"\b(?: \w+){0,2}? duoc (?:khong|ko|k|hong|hok|chua)\b")
_PASTIME_HINTS = ("karaoke", "cau ca", "game", "phim", "nhac", "nau ", "bong")

# An effect asked whether: "có" and a verb of bringing about, then (within three words: "giúp tôi", "làm cho trời")
# the effect; or a cure or a forecast asked whether ("có chữa bệnh không", "có dự báo thời tiết không"), not "khám
# chữa bệnh" (the health insurance card that Đề án 06 puts on the citizen card). Without "có" the effect is told, not
# asked ("thông báo ban đêm làm tôi mất ngủ": a citizen's story).
_CAUSE = r"\bco (?:the )?(?:giup|lam|chua|khien|mang lai|dem lai|tac dung)\b(?: \w+){0,3}? "
_DOMAINS = {
    "health": r"(?:giam can|tang can|giam beo|giam mo|mo bung|beo (?:len|ra|hon)|gay (?:di|bot|hon)|ngu ngon"
              r"|mat ngu|het (?:benh|sot|om|cum|ho\b(?! so))|khoi benh|tieu duong|huyet ap|ung thu"
              r"|benh (?:tim|gut|gout|da day|gan|than|tri|xuong khop)|dau (?:lung|dau|bung|da day|rang|khop)|cam cum"
              r"|viem (?:hong|gan|phoi|da day|xoang|khop|mui)"
              r"|dep da|da dep|toc moc|rung toc|(?<!nang )cao (?:them|len)|song lau|tre ra|khoe ra)",
    "weather": r"(?:troi (?:het |bot |do )?(?:mua|nang|nong|lanh|ret)|het mua|bot nong|thoi tiet)",
    "luck": r"(?:trung (?:so|ve so|xo so|lo|de|vietlott|jackpot)|xo so|ve so|may man|gap may|hen xui|giau to)",
    "love": r"(?:lay (?:vo|chong)|nguoi yeu|tim (?:vo|chong|ban gai|ban trai))",
}
_OUTRIGHT = {"health": r"|\bco (?:the )?chua (?:duoc |khoi )?benh\b(?! (?:bang|khi|o|tai|va)\b)",
             "weather": r"|\bco (?:the )?du bao thoi tiet\b"}
_EFFECT = {domain: re.compile(_CAUSE + words + r"\b" + _OUTRIGHT.get(domain, ""))
           for domain, words in _DOMAINS.items()}
_EFFECT_SAID = {domain: re.compile(r"\b" + words + r"\b") for domain, words in _DOMAINS.items()}
_EFFECT_HINTS = ("viem", "can", "beo", "mo ", "gay", "ngu", "benh", "sot", "om", "cum", "het ho", "dau", "duong",
                 "huyet", "ung thu", "dep", "toc", "cao", "song lau", "tre ra", "khoe", "troi", "mua", "nong",
                 "thoi tiet",
                 "so", "lo", "de", "vietlott", "jackpot", "may man", "gap may", "hen xui", "giau", "vo", "chong",
                 "nguoi yeu", "ban gai", "ban trai")

# A day off or a holiday asked (folded: "nghỉ" is "nghị" too, so never "nghị định / quyết / luận / sĩ").
_DAYOFF = re.compile(r"\b(?:duoc|cho) nghi(?: (?:lam|hoc|le|bu|phep|tet|co luong|may ngay|bao nhieu ngay|ngay nao"
                     r"|khong|ko|k|hong|hok|ha|chua|a|nua|ca ngay|vao)\b| ?$)"
                     r"|\bnghi (?:le|bu|phep|tet|co luong|lam|hoc)\b(?= (?:khong|ko|k|hong|hok|ha|chua|a)\b| ?$)"
                     r"|\bngay nghi\b|\bnghi le\b|\bngay le\b(?! (?:ky niem|phat dong|khai mac|ra mat)\b)")
_DAYOFF_SAID = re.compile(r"\b(?:ngày nghỉ|nghỉ lễ|ngày lễ|được nghỉ|nghỉ làm|nghỉ học)\b")
# A sale asked; a business's notice of a promotion is a procedure the national portal serves.
_SALE = re.compile(r"\b(?:co|duoc|con)(?: \w+){0,3}? (?<!thong bao )(?<!dang ky )"
                   r"(?:giam gia|khuyen mai|sale|san sale|voucher|ma giam gia|flash sale)\b"
                   r"(?: \w+){0,3}? (?:khong|ko|k|hong|hok|chua|o dau)\b")
_SALE_SAID = re.compile(r"\b(?:giảm giá|khuyến mãi|khuyến mại|ưu đãi|voucher)\b")

# A unit of measure or a currency (folded), as the goal of a conversion. Not the folded words that are other words
# too: "sào" folds to "sao" (how), "lạng" to "lang" (village), "độ" to "do", "cân" to "can" (need), "công" to
# "cong", "mẫu" to "mau", "thước" to "thuoc" (medicine), "tệ" to "te"; "ha" is a particle.
_UNIT = (r"(?:gram|gam|gr|kg|ki ?lo(?:gam)?|lit|mililit|ml|met vuong|met|m2|m3|cm|mm|km|cup|coc|thia|muong"
         r"|ounce|oz|pound|inch|feet|foot|hec ?ta|hecta|usd|do la|do my|euro|yen|won|nhan dan te|bang anh"
         r"|tien viet|vnd)")
# "chuyển đổi / quy đổi / đổi" towards a unit ("ra", "sang", "thành", "qua"), "bao nhiêu" or "mấy" between.
_CONVERT = re.compile(r"\b(?:chuyen doi|quy doi|doi) (?:ra|sang|thanh|qua) (?:(?:duoc )?(?:bao nhieu|may) )?"
                      + _UNIT + r"\b")
_CONVERT_SAID = re.compile(r"\d (?:" + _UNIT[3:-1] + r")\b")


def _asked(normalized: str, _raw: str, _found: Set[str]) -> set[str]:
    kinds: set[str] = set()
    if patterns.hinted(normalized, _TASTE_HINTS) and _TASTE_ASKED.search(normalized):
        kinds.add("taste")
    if patterns.hinted(normalized, _PASTIME_HINTS) and _PASTIME.search(normalized):
        kinds.add("pastime")
    if patterns.hinted(normalized, _EFFECT_HINTS):
        kinds.update(f"effect:{domain}" for domain, rx in _EFFECT.items() if rx.search(normalized))
    if ("nghi" in normalized or "ngay le" in normalized) and _DAYOFF.search(normalized):
        kinds.add("dayoff")
    if _SALE.search(normalized):
        kinds.add("sale")
    if "doi" in normalized and _CONVERT.search(normalized):
        kinds.add("convert")
    return kinds


def _provided(said: Said) -> set[str]:
    kinds = {f"effect:{domain}" for domain, rx in _EFFECT_SAID.items() if rx.search(said.folded)}
    if _DAYOFF_SAID.search(said.written):
        kinds.add("dayoff")
    if _SALE_SAID.search(said.written):
        kinds.add("sale")
    if _CONVERT_SAID.search(said.folded):
        kinds.add("convert")
    return kinds


register(_asked, _provided)
