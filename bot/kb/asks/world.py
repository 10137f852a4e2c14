"""Facts of the world outside the channel: a storm's or the weather's own facts, who or where began something.

The KB names the storm of 2025 only as the reason the Digital Transformation Day moved, and names Resolution 52 on
the Fourth Industrial Revolution without saying who began that revolution: the entry the ranker finds is about a
word of the question, not what it asks (``bot.kb.asks``). Kinds:

* ``disaster`` — the facts of a storm, flood, earthquake or the weather itself: where a storm makes landfall, its
  strength, the damage, the dead, whether it will rain ("Bão số 10 đổ bộ vô tỉnh mô, thiệt hại bao nhiêu?"). An
  entry gives the kind only if it states such a fact (none does). A storm named as a cause ("hoãn vì bão", "do bão
  số 10") asks none of it. "Bão" is read as typed, with its mark: folded it is "bao" (bao nhiêu, bao giờ);
* ``origin`` — which country, place or person started, proposed or invented something ("cách mạng công nghiệp 4.0 là
  nước nào khởi xướng đầu tiên", "chính phủ điện tử bắt nguồn từ nước nào", "nước nào làm chuyển đổi số đầu tiên"),
  where it came from ("chuyển đổi số bắt nguồn từ đâu", "chính phủ điện tử có đầu tiên ở đâu", "internet ra đời ở
  đâu"), whose it is ("cách mạng 4.0 là của nước nào"), who thought of it ("cách mạng 4.0 ai nghĩ ra", "khái niệm
  chuyển đổi số do ai đưa ra đầu tiên", "ai là người đầu tiên đưa ra khái niệm …", "người đặt ra cụm từ … là ai",
  "cha đẻ của … là ai"), the forum where it was first put forward ("… nêu ra lần đầu ở diễn đàn nào") and a country
  typed as where it began ("bắt đầu từ Đức"): the entry says what
  Viet Nam decided about the thing, never who or where began it. Not this kind: "bộ / cơ quan nào khởi xướng chuyển
  đổi số" and "ai khởi xướng" are the channel's own questions (the ministry that initiated it, the Prime Minister),
  "tỉnh / nơi nào đầu tiên" may ask where a pilot was, "chuyển đổi số bắt đầu từ đâu" asks where to start (with
  awareness). Given by an answer that names a country first or an origin ("nước đầu tiên", "quốc gia khởi xướng",
  "bắt nguồn từ"; none does). Read folded within one clause ("…ở nước nào thì làm VNeID được, lần đầu tiên làm sao"
  asks no country that began anything), so the patterns hold no Vietnamese letter; "lần đầu tiên" (the first time)
  and "đầu tiên cần làm" (the first step) are no beginning; "(trở) thành quốc gia gì" asks what a country becomes,
  not which one.

(disaster from round 13, origin from round 15 and its review, the coiner and the forum from round 17;
docs/question-answering.md)
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from bisect import bisect_right
from collections.abc import Set
from functools import lru_cache

from bot.kb.asks.patterns import any_substring
from bot.kb.asks.registry import Said, register
from bot.kb.subjects import COUNTRIES_FILE
from bot.nlp.normalize import analyze

# A weather event or a disaster, as typed (lower case, NFC): "bão" folded is "bao"; the rest are unambiguous folded
# too but read the same way for one rule.
_EVENT_TYPED = re.compile(r"\b(?:bão|lũ|lụt|lũ lụt|thiên tai|động đất|áp thấp|sạt lở|thời tiết|mưa|nắng nóng|"
                          r"rét|triều cường|hạn hán|xâm nhập mặn|sóng thần|lốc xoáy|giông)\b")
# A storm named as a cause or an aftermath told ("hoãn vì bão", "do bão số 10", "bị bão", "sau bão"): not asked. The
# cause covers a run of event words ("vì mưa bão", "do bão lũ"): a compound is one cause, not a cause and an event.
_EVENT_AS_CAUSE = re.compile(r"\b(?:vì|do|bởi|tại|bị|chịu|sau|mùa|đợt|nơi|những nơi|ảnh hưởng của|ủng hộ|giúp)"
                             r"(?: cơn| trận)? (?:bão|lũ|lụt|thiên tai|mưa)(?: (?:bão|lũ|lụt|mưa|to|lớn))*")
# The facts of the event asked (as typed): landfall, strength, path, damage, casualties, rain; each needs the event
# word in the same sentence.
_EVENT_FACT = re.compile(r"\b(?:đổ bộ|thiệt hại|sức gió|gió giật|cấp mấy|cấp bao nhiêu|mạnh cấp|tâm bão|hướng đi|"
                         r"di chuyển|người chết|chết|mất tích|bị thương|độ richter|richter|độ lớn|mực nước|"
                         r"lượng mưa|có mưa|mưa không|mưa hông|mưa ko|mưa to không|ngập|sập|tan chưa|"
                         r"đang ở đâu|vào đâu|vô đâu|vào tỉnh|vô tỉnh|vào miền|vô miền|mấy cơn|bao nhiêu cơn|"
                         r"nhiệt độ|bao nhiêu độ|mấy độ|có bão|có lũ|có lụt)")
_EVENT_HINTS = ("bão", "lũ", "lụt", "thiên tai", "động đất", "áp thấp", "sạt lở", "thời tiết", "mưa", "nắng nóng",
                "rét", "triều cường", "hạn hán", "xâm nhập mặn", "sóng thần", "lốc xoáy", "giông")
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")
# The fact said by an entry (folded): a landfall, damage or casualties, a wind force.
_EVENT_SAID = re.compile(r"\b(?:do bo|thiet hai|suc gio|gio giat|nguoi chet|mat tich|do richter|luong mua)\b")


def _asks_event(typed: str) -> bool:
    """Whether a sentence of ``typed`` names a weather event or disaster, not as a cause, and asks one of its facts.

    Linear in the sentence: the cheap fact test first, then the causes found once per sentence (one ``finditer``)
    and each event looked up among their sorted starts, never a rescan per event ("bão, " × 500 stays fast)."""
    for sentence in _SENTENCES.split(typed):
        if not _EVENT_FACT.search(sentence):
            continue
        causes = [(c.start(), c.end()) for c in _EVENT_AS_CAUSE.finditer(sentence)]
        starts = [start for start, _ in causes]
        for m in _EVENT_TYPED.finditer(sentence):
            i = bisect_right(starts, m.start()) - 1
            if i < 0 or m.start() >= causes[i][1]:
                return True
    return False


# What a beginning is said with (folded): initiating, proposing, inventing, founding; first; arising from — not "lần
# đầu tiên" (the first time) nor "đầu tiên cần / phải làm" (the first step)
_FIRST = r"(?:(?<!lan )(?:dau tien|truoc tien)(?! (?:can |phai |nen )?lam\b)|truoc nhat)"
_BEGAN = (rf"(?:khoi xuong|de xuong|phat minh|phat kien|nghi ra|sang lap|khai sinh|tien phong|{_FIRST}"
          r"|bat nguon|khoi nguon|xuat phat|ra doi|nguon goc|xuat xu)")
# which country; not the group Viet Nam joins ("vào nhóm nước nào đầu tiên": ``leader`` reads it,
# ``bot.kb.asks.ranks``), nor what a country becomes ("trở thành quốc gia gì", "xây dựng nước gì")
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
# The one who first put it forward named as a person ("ai là người đầu tiên đưa ra khái niệm …", "người đầu tiên
# nêu ra … là ai") and the coiner of a concept or term ("khái niệm … do ai đưa ra"): the KB says what Viet Nam decided,
# never who coined a word; "do ai ký / ban hành / thành lập" (a document's signer) are the channel's own questions
_COINED = r"(?:dua ra|de xuat|dat ra|neu ra|nghi ra|phat minh|sang che|khoi xuong|de xuong|tim ra)"
# A word, a term or a world-wide idea whose coiner is asked (review of round 17, H4, M3): "khái niệm / thuật ngữ /
# cụm từ", the Fourth Industrial Revolution, and the ideas the channel explains but never says who named
_TERM = r"(?:khai niem|thuat ngu|cum tu)"
_CONCEPT = (rf"(?:{_TERM}|cach mang(?: cong nghiep)?(?: 4 0| lan thu tu| thu tu)|cmcn(?: 4 0)?|chuyen doi so"
            r"|chinh phu (?:so|dien tu)|kinh te so|xa hoi so|cong dan so|tri tue nhan tao|du lieu lon|internet)")
# Who coined it, as a person: "ai", "ông / bà / người nào", its author ("tác giả")
_WHO = r"(?:ai|(?:ong|ba|nguoi) nao)"
_WHO_FIRST = re.compile(r"\bai (?:nghi ra|phat minh|sang che)\b"
                        r"|\bai (?:dua ra|de xuat|dat ra|neu ra)(?: \w+){0,3} (?:dau tien|truoc tien|truoc nhat)\b"
                        rf"|\bai la nguoi (?:dau tien|truoc tien|truoc nhat) {_COINED}\b"
                        rf"|\bnguoi (?:dau tien|truoc tien|truoc nhat) {_COINED}\b(?: \w+){{0,8}} (?:la )?ai\b"
                        rf"|\b{_TERM}\b(?: \w+){{0,8}} (?:do |la cua |cua )?{_WHO} {_COINED}\b"
                        rf"|\bnguoi {_COINED} {_TERM}\b(?: \w+){{0,8}} (?:la )?ai\b"
                        # a world-wide idea begun by whom, first ("cách mạng công nghiệp 4.0 do ai khởi xướng đầu
                        # tiên"); without "đầu tiên", "ai khởi xướng" stays the channel's question
                        rf"|\b{_CONCEPT}\b(?: \w+){{0,6}} (?:do |la )?{_WHO} {_COINED}(?: \w+){{0,3}}"
                        r" (?:dau tien|truoc tien|truoc nhat)\b"
                        # its author ("ai là tác giả của khái niệm …", "tác giả của thuật ngữ … là ai")
                        rf"|\btac gia (?:cua )?{_CONCEPT}\b"
                        # the "father" of an idea, not of an app, a portal, a project or a child ("cha đẻ của ứng
                        # dụng VNeID" is its maker, which its entry says; "cha đẻ … thì ai đăng ký" is a parent)
                        rf"|\bcha de cua {_CONCEPT}\b(?: (?!thi\b)\w+){{0,6}} (?:la )?ai\b"
                        rf"|\bai la cha de cua {_CONCEPT}\b")
# The forum where a concept was first put forward ("… được nêu ra lần đầu ở diễn đàn nào", "đưa ra tại hội nghị
# nào"): a putting-forward verb, then at which forum or conference; "công bố / tổ chức tại …" (where the channel's
# own stories or days were announced or held) is not read. First put forward where ("khái niệm … được nêu ra lần đầu ở
# đâu"), and a named forum doubted ("… được đưa ra tại Diễn đàn Kinh tế thế giới phải không") of an idea
_FORUM = re.compile(rf"\b{_COINED}\b(?: lan dau(?: tien)?)? (?:o|tai) (?:dien dan|hoi nghi|hoi thao) (?:nao|gi)\b"
                    rf"|\b{_COINED} lan dau(?: tien)? (?:o|tai) (?:dau|noi nao)\b")
_FORUM_NAMED = re.compile(rf"\b{_CONCEPT}\b(?: \w+){{0,6}} (?:duoc )?{_COINED}(?: lan dau(?: tien)?)? (?:o|tai)"
                          r" (?:dien dan|hoi nghi|hoi thao)\b(?: \w+){0,8} (?:phai|dung) (?:khong|ko|k|hong|hk)\b")
# A world-wide idea announced, introduced or first mentioned at which forum, where or when ("CMCN 4.0 được công bố
# tại hội nghị nào", "… được nhắc đến lần đầu ở đâu", "… được công bố năm nào", review 18, M5): where or when it was
# first made known, which the KB never says (Resolution 52's year is the country's, not the idea's). Only
# the ideas the country did not start itself (not "chuyển đổi số", "chính phủ số"…: the channel's own programmes are
# announced at the conferences its entries name)
_WORLD_IDEA = r"(?:cach mang(?: cong nghiep)?(?: 4 0| lan thu tu| thu tu)|cmcn(?: 4 0)?|tri tue nhan tao|du lieu lon)"
_FORUM_ANNOUNCED = re.compile(rf"\b{_WORLD_IDEA}\b(?: \w+){{0,6}} (?:duoc )?(?:cong bo|gioi thieu|khai sinh"
                              r"|nhac (?:den|toi)|de cap|xuat hien)(?: lan dau(?: tien)?)?"
                              r" (?:(?:o|tai) (?:dien dan|hoi nghi|hoi thao|su kien) (?:nao|gi)"
                              r"|(?:o|tai) (?:dau|noi nao)|(?:vao )?(?:nam nao|khi nao|bao gio|luc nao"
                              r"|thoi gian nao))\b")
# The channel's own documents: at which conference one was put forward asks about the document, whose entry says
# who issued it (review of round 17, M2: "Nghị quyết 52 / Đề án 06 được đưa ra tại hội nghị nào")
_OWN_DOCUMENT = re.compile(r"\b(?:de an|chuong trinh|nghi quyet|quyet dinh|chi thi|ke hoach|luat|nghi dinh|thong tu"
                           r"|cong van)\b")
_TERM_NAMED = re.compile(rf"\b{_TERM}\b")
# "AI" typed in capitals is artificial intelligence, not "ai" (who) (review of round 17, M4)
_AI_TYPED = re.compile(r"\bAI\b")
_WHO_TYPED = re.compile(r"\b(?:ai|Ai)\b")
_AI_FOLDED = re.compile(r"\bai\b")
# A country named as where it began, as typed with marks (review of round 15, M3: "cách mạng công nghiệp 4.0 bắt đầu
# từ Đức phải không"): folded, "Đức" is "dục", so only a marked message is read so
_BEGAN_TYPED = r"(?:bắt đầu|bắt nguồn|khởi nguồn|xuất phát|ra đời|khởi xướng|có đầu tiên|xuất hiện đầu tiên)"
# " ai ", " nao " or "tac gia" holds every reading of _WHO_FIRST; "dien dan", "hoi nghi", "hoi thao" or " dau" of
# _FORUM
_HINTS = ("nuoc", "quoc gia", " dau", "noi nao", "cho nao", " ai ", "dien dan", "hoi nghi", "hoi thao", " nao ",
          "tac gia", "bao gio")
# a clause ends at punctuation, not at a number's point or comma ("cách mạng công nghiệp 4.0")
_CLAUSE = re.compile(r"(?:[;?!\n]|[,.](?!\d))+")
_ORIGIN_SAID = re.compile(r"\b(?:nuoc|quoc gia|nguoi) (?:dau tien|khoi xuong|de xuong|tien phong)\b"
                          r"|\b(?:bat nguon|khoi nguon|nguon goc) (?:tu|o|tai)\b")


# Who coined a word, asked before it ("ai đặt ra khái niệm …", "ai nghĩ ra cụm từ …"), and who began a world-wide
# idea the country did not start ("cách mạng công nghiệp 4.0 do ai khởi xướng"; without "đầu tiên" too): the KB
# says what Viet Nam decided about it; the channel's own document named ("Nghị quyết 52 về … do ai đề xuất") asks
# about the document, whose entry says who issued it
_WHO_COINED_TERM = re.compile(rf"\b{_WHO} {_COINED} {_TERM}\b")
_WORLD_BY_WHOM = re.compile(rf"\b{_WORLD_IDEA}\b(?: \w+){{0,6}} (?:do |la )?(?:ai la nguoi|{_WHO}) {_COINED}\b")


# Begun in which country, "bắt đầu" before it ("… bắt đầu từ năm nào, ở nước nào"; not "ở nước nào … bắt đầu",
# where the asker may live), and a world-wide idea begun when ("cách mạng công nghiệp 4.0 có từ năm nào", "… bắt
# đầu từ khi nào"): the year the KB gives is Resolution 52's, the country's, not the idea's
_STARTED_IN_COUNTRY = re.compile(rf"\bbat dau\b(?: \w+){{0,4}} (?:o |tai |tu )?{_COUNTRY}\b")
_WORLD_BEGAN_WHEN = re.compile(rf"\b{_WORLD_IDEA}\b(?: \w+){{0,3}} (?:co|bat dau|ra doi|xuat hien|khoi dau|hinh thanh)"
                               r"(?: tu)? (?:nam nao|nam may|khi nao|bao gio|luc nao|thoi gian nao|thoi diem nao)\b")
_OUR_COUNTRY = re.compile(r"\b(?:viet nam|nuoc ta|nuoc minh|o ta)\b")


def _coined_by_whom(folded: str) -> bool:
    if _WHO_COINED_TERM.search(folded) or _STARTED_IN_COUNTRY.search(folded):
        return True
    own = _OWN_DOCUMENT.search(folded) is not None
    if _WORLD_BY_WHOM.search(folded) is not None and not own:
        return True
    return _WORLD_BEGAN_WHEN.search(folded) is not None and not own and _OUR_COUNTRY.search(folded) is None


def _forum(folded: str) -> bool:
    if _FORUM_NAMED.search(folded):
        return True
    # the channel's own document named asks about the document, whatever its name holds (review 18, M4: "Nghị quyết
    # 52 về cách mạng công nghiệp lần thứ tư được công bố ở hội nghị nào")
    announced = _FORUM_ANNOUNCED.search(folded) is not None and _OWN_DOCUMENT.search(folded) is None
    return announced or (_FORUM.search(folded) is not None and (_OWN_DOCUMENT.search(folded) is None
                                                                or _TERM_NAMED.search(folded) is not None))


def _origin(folded: str) -> bool:
    return bool(_ORIGIN.search(folded) or _WHERE_FROM.search(folded) or _WHO_FIRST.search(folded)
                or _forum(folded) or _coined_by_whom(folded))


def _without_tech_ai(folded: str, raw: str) -> str:
    """``folded`` with "ai" read as artificial intelligence when ``raw`` types it only as "AI" (not all in capitals)."""
    if raw and _AI_TYPED.search(raw) and not raw.isupper() and not _WHO_TYPED.search(raw):
        return _AI_FOLDED.sub("tri tue nhan tao", folded)
    return folded


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



def _asks_origin(normalized: str, raw: str) -> bool:
    """Whether the question asks who or where began something: an origin read within one clause of ``raw`` (each
    clause analysed only when the whole text reads one: rare)."""
    padded = f" {normalized} "
    if not any_substring(padded, _HINTS) or not _origin(_without_tech_ai(normalized, raw)):
        return bool(raw) and _from_country_typed(raw)
    clauses = [c for c in _CLAUSE.split(raw) if c.strip()] if raw else []
    return not (len(clauses) > 1 and not any(_origin(_without_tech_ai(analyze(c).text, c)) for c in clauses))


def _asked(normalized: str, raw: str, _found: Set[str]) -> set[str]:
    kinds: set[str] = set()
    if not raw.isascii():
        typed = unicodedata.normalize("NFC", raw).lower()
        if any_substring(typed, _EVENT_HINTS) and _asks_event(typed):
            kinds.add("disaster")
    if _asks_origin(normalized, raw):
        kinds.add("origin")
    return kinds


def origin_said(folded_answer: str) -> bool:
    """Whether an answer (folded) says who or where began something."""
    return _ORIGIN_SAID.search(folded_answer) is not None


def _provided(said: Said) -> set[str]:
    kinds = {"disaster"} if _EVENT_SAID.search(said.folded) else set()
    if origin_said(said.folded):
        kinds.add("origin")
    return kinds


register(_asked, _provided)
