"""What kind of fact a question asks for, and whether an entry's answer holds one.

The ranker finds the entry *about* the question's topic; it cannot tell whether that entry *says* the fact
asked. "Kế hoạch năm 2022 là quyết định số mấy?" ranks the 2022 entry first although its answer names no
document number; "cuối năm 2023 có bao nhiêu…" ranks the entry with the end-2024 count. Such an entry may be
offered ("Ý bạn là…?") but never answered with confidence (``bot.kb.decision``). Kinds (checked on the folded
text, so unmarked and telex/VNI questions count alike):

* ``percent`` — "bao nhiêu phần trăm", "%", "tỉ lệ … bao nhiêu": the answer has a percentage;
* ``docnumber`` — "quyết định / công văn / kế hoạch … số mấy", "số hiệu": the answer names a numbered document;
* ``reason`` — "vì sao", "tại sao", "lý do", "sao lại / sao bị": the answer gives a cause or a purpose;
* ``year:NNNN`` — a year the question names: the answer or the entry's phrasings name it;
* ``age`` — "bao nhiêu tuổi", "sinh năm bao nhiêu", "năm sinh": the answer gives an age or a birth date;
* ``hometown`` — "quê ở đâu", "quê quán": the answer says where a person comes from;
* ``pay`` — "trả lương", "mức lương", "thù lao", "phụ cấp", "bao nhiêu tiền một tháng": the answer speaks of
  pay, or names a sum of money ("… triệu đồng") — a yes/no "có được trả lương không" is answered by an entry
  that says "không hưởng lương" as well;
* ``place:<key>`` — a province, city or country the question names (``bot.kb.subjects``): the answer or the
  entry's phrasings name it (round 6, "Tỉnh Hà Giang có bao nhiêu tổ công nghệ số?" over the national count).

Round 7 (off-topic look-alikes that ask a fact the entry does not say):

* ``fee`` — "lệ phí", "bao nhiêu tiền", "giá bao nhiêu", "có mất phí không": the answer speaks of a fee or
  names a sum of money ("Chứng chỉ kỹ năng số thi ở đâu, lệ phí bao nhiêu?" over where to learn the skills);
* ``phone`` — "số điện thoại / hotline / tổng đài … là bao nhiêu / số mấy", "cho xin số điện thoại": the answer
  gives a number or speaks of a hotline (the channel's own redirect says it has none);
* ``role:<title>`` — an office the question names ("thứ trưởng", "giám đốc"): the entry names it ("Bộ Khoa
  học và Công nghệ có bao nhiêu thứ trưởng?" over the minister's entry);
* ``law:<name>`` — a law the question names ("Luật Đất đai", "Luật Dữ liệu"): the entry names it ("… có hiệu
  lực từ ngày nào?" over the decree on electronic identification);
* ``opinion`` — "theo bạn", "bạn nghĩ", "bạn thấy thế nào": the channel states facts; only an entry that
  speaks of opinions (the redirect: the channel gives none of its own) answers it;
* ``day:<name>`` — the date or kind of a named day ("Ngày Khoa học … là ngày mấy", "… là ngày quốc tế gì"): the
  entry names that day ("ngày <name>");
* ``quarter:<n>`` — a quarter of a year ("quý 3", "quý III"), like a year: the entry names it.

Round 7, second part:

* ``compute`` — a calculation asked ("giải giúp em bài toán", "17273 chia cho 7", "mỗi tổ 5 người thì tổng cộng
  bao nhiêu", "từ ngày … đến hôm nay là bao nhiêu ngày", "còn mấy ngày nữa", "kỷ niệm bao nhiêu năm"): the
  knowledge base states figures, it never computes, so no entry provides it — a count the KB states ("tổng
  cộng có bao nhiêu tổ") is no calculation: the question gives no figure to compute with;
* ``province`` — which province or city ("đổ bộ vào tỉnh nào", "thuộc thành phố gì"): the answer names one (not
  "có tỉnh nào … không", a yes or no that the answer may give without a name);
* ``which:<document>`` — which scheme, programme, decision, law … ("được dùng trong đề án nào", "theo quyết
  định nào"): the entry names a document of that sort ("văn bản nào": any sort);
* ``subplace:<unit name>`` — a commune, ward, district or hamlet the question names ("xã Tân Phú", "quận 7",
  ``bot.kb.subjects.subplaces``, read on the message as typed): the entry names it, like a province.

Round 9:

* ``currency`` — an amount in a foreign currency or an exchange rate ("bao nhiêu tỷ đô la", "USD", "euro",
  "tỷ giá", "ngoại tệ"): the answer names that kind of money (none does: the KB gives its sums in đồng and its
  shares in % of GDP). Read on the message as typed for "đô": folded, "đô la" is "đó là";
* ``personal`` — a person's private life: children, spouse, hobbies, schooling, home, birthday, wealth ("Bộ
  trưởng … có mấy người con?", "sở thích của …", "tốt nghiệp trường nào"): the entry speaks of it (none does: the
  KB names officials and their offices only). "Vợ / chồng" are read as typed (folded, "chồng" is "chống", "vợ" is
  "vô") and only where they are asked about, not the speaker's own ("Chồng tôi bảo …"); "bà con cái gì" is no
  "con cái", "ra đời từ" no "đời tư";
* ``pay`` also reads "lương" typed with its marks, wherever it stands ("Lương tổ trưởng … bao nhiêu?");
* ``opinion`` also reads "bạn / ad thấy … có tốt / hay / hiệu quả … không" (the bot asked to judge);
* ``document:<n>`` — a numbered document the question names ("Nghị định 13", "quyết định số 749"): the entry
  says that number ("Nghị định 13 có hiệu lực từ ngày nào?" was answered with the entry on Nghị định 69);
* ``compute`` also covers a conversion asked ("tính ra được bao nhiêu", "quy ra", "đổi ra / sang tiền …").

Round 11 (kinds of look-alike the fresh writers of dev5–dev11a and the engineer's own probes share):

* ``amount`` — how much a fee or a price is ("lệ phí bao nhiêu", "tốn bao nhiêu tiền", "giá bao nhiêu", "rẻ
  nhất"): the answer names a sum or says it is free; an entry that only says a fee exists ("Có thể nộp phí, lệ
  phí trên Cổng…") gives ``fee``, not the amount ("Làm hộ chiếu online trên dịch vụ công lệ phí bao nhiêu?");
* ``bank`` — a bank's own service: a loan, a credit card, an interest rate, a bank's fee for a transfer or a
  withdrawal, opening a bank account ("… bằng thẻ ATM có mất phí chuyển khoản không", "Kích hoạt VNeID mức 2
  xong có vay tiền ngân hàng online được không?"): the answer speaks of banks, loans or credit; round 12 adds a
  bank's own account or app ("quên mật khẩu tài khoản ngân hàng", "app ngân hàng bắt xác thực …"), which the
  redirect for a forgotten VNeID password (go to the police) answered;
* ``hours`` — a time of day or opening hours ("mở cửa mấy giờ", "giờ làm việc", "làm việc thứ bảy không"): the
  answer gives a clock time or the days of work;
* ``list:<n>`` — every one of the n items of a set the question names ("liệt kê đầy đủ 21 câu chuyện", "kể
  hết 55 bài toán", n ≥ 5): the answer enumerates at least n items (no entry lists more than six; the KB says
  where the lists are published);
* ``count:<noun>`` — how many staff, units or offices ("bao nhiêu nhân viên / cán bộ / chi nhánh"): the entry
  names them ("Sau sáp nhập Bộ … có bao nhiêu nhân viên?" was answered with what the ministry became);
* ``block`` — how to block calls, numbers or messages on a phone ("Cách chặn cuộc gọi lừa đảo …"): the answer
  speaks of blocking (none does: the KB tells scams apart, a phone's settings are the maker's);
* ``change`` — how to change an account's phone number, e-mail, password or name ("đổi số điện thoại đã đăng ký
  VNeID"): the answer speaks of changing or updating it (none does);
* ``certificate`` — a certificate or diploma and its exam ("Chứng chỉ kỹ năng số cơ bản thi ở đâu"): the answer
  speaks of certificates (none does: the KB says where to learn the skills, not where to sit an exam);
* ``compute`` also reads an operation between two figures with their units between ("27.218 tổ chia đều cho 34
  tỉnh"), and ``opinion`` "ý ad / ý bạn thế nào".

Round 12: a rank in an index no entry ranks, another agency's procedure, a procedure's duration, Laos typed with
its mark, a guess or a forecast (``bot.kb.asks_round12``). Round 13: a storm's or the weather's own facts, a
judgement asked by kinship address, a weekday, "tỉnh mô" (``bot.kb.asks_round13``). Round 14: a claim doubted as
talk, a phone number asked with "where", which country leads a ranking, fixed broadband (``bot.kb.asks_round14``).
Round 15: which country, place or person began something (``bot.kb.asks_round15``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.kb import wh
from bot.kb.asks_hours import asked_hours
from bot.kb.asks_minor import asked_minor, provided_minor
from bot.kb.asks_recruitment import asked_recruitment, provided_recruitment
from bot.kb.asks_round12 import asked_round12, provided_round12, typed_countries
from bot.kb.asks_round13 import asked_round13, provided_round13
from bot.kb.asks_round14 import asked_round14, provided_round14
from bot.kb.asks_round15 import asked_round15, provided_round15
from bot.kb.loader import Entry
from bot.kb.subjects import places, subplaces
from bot.nlp.normalize import fold


@dataclass(frozen=True, slots=True)
class _Either:
    """Alternatives, each a pattern or a pair said in this order on one line (what ``a.*b`` matches). The regex
    ``a.*b`` scans the rest of the text from every "a" and backtracks: ×4 per doubling of a long message of many
    "a" and no "b" (review of round 14, asks.py's "quyết định … số mấy"). The first "a" and one search for "b"
    after its end give the same answer in linear time (the "a" phrases here never overlap, so the first one also
    ends first)."""

    alternatives: tuple[re.Pattern[str] | tuple[re.Pattern[str], re.Pattern[str]], ...]

    def search(self, text: str) -> bool:
        """Whether one alternative is in ``text``."""
        for alternative in self.alternatives:
            if isinstance(alternative, re.Pattern):
                if alternative.search(text):
                    return True
                continue
            first, then = alternative
            for line in text.split("\n"):  # "." of ``a.*b`` stops at a line break
                found = first.search(line)
                if found and then.search(line, found.end()):
                    return True
        return False


_PERCENT = _Either((re.compile(r"\bpha[nm] tram\b|\bbao nhieu ?%"),
                    (re.compile(r"\bt[iy] le\b"), re.compile(r"\b(?:bao nhieu|may)\b"))))
_DOC = r"(?:quyet dinh|cong van|nghi dinh|ke hoach|thong tu|nghi quyet|chi thi|van ban)"
_DOC_NAMED = re.compile(rf"\b{_DOC}\b")
_DOCNUMBER = _Either(((_DOC_NAMED, re.compile(r"\bso (?:may|bao nhieu|hieu|gi)\b")), re.compile(r"\bso hieu\b"),
                      (re.compile(r"\bso bao nhieu\b"), _DOC_NAMED)))
# "sao … lại / bị …" (why … again / get …), but not "làm sao" (how).
_REASON = re.compile(r"\b(?:vi sao|tai sao|l[iy] do|nguyen nhan|vi dau|do dau)\b"
                     r"|(?<!lam )\bsao\b(?: \w+){0,8} (?:lai|bi)\b")
_COUNT = re.compile(r"\b(?:bao nhieu|may)\b")
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
# A cause or a purpose in the answer ("vì", "do", "bởi", "nhằm", "để"), except "thay vì" (instead of).
_CAUSE = re.compile(r"(?<!thay )\bvi\b|\bdo\b|\bboi\b|\bnham\b|\bde\b|\bnguyen nhan\b|\bl[iy] do\b")
# Round 6: facts about a person, and pay. "lương" folds to "luong" like "lượng" (chất lượng, số lượng, lực
# lượng): only the words that go with pay count; "phụ cấp" folds like "phủ cáp (quang)".
_AGE = re.compile(r"\b(?:bao nhieu|may) tuoi\b|\btuoi (?:bao nhieu|may)\b|\bsinh (?:nam|ngay) (?:bao nhieu|may|nao)\b"
                  r"|\bnam sinh\b|\bsinh nam\b")
_HOMETOWN = re.compile(r"\bque (?:o |quan )?(?:dau|nao)\b|\bque quan\b|\bnguoi (?:tinh|o) (?:dau|nao)\b")
_PAY = re.compile(r"\b(?:tra|tien|muc|huong|nhan|bang|quy) luong\b|\bluong (?:bao nhieu|may|thang|mot thang|co ban)\b"
                  r"|\bthu lao\b|\bphu cap\b(?! quang)|\bbao nhieu tien (?:mot|1|moi|hang) thang\b")
_PAY_TYPED = re.compile(r"\blương\b")  # as typed: folded it is "lượng" (số lượng, chất lượng, lực lượng)
_AGE_SAID = re.compile(r"\btuoi\b|\bsinh (?:nam|ngay)\b|\bnam sinh\b")
_HOMETOWN_SAID = re.compile(r"\bque\b|\bsinh ra (?:tai|o)\b")
_PAY_SAID = re.compile(r"\b(?:tra|tien|muc|huong|nhan|bang|quy|khong) luong\b|\bthu lao\b|\bphu cap\b"
                       r"|\d\s*(?:trieu|nghin|ngan|dong|vnd)\b")
# Round 7. A fee or price asked (folded question); "phi tiền mặt" is non-cash, not a fee.
_FEE = re.compile(r"\ble phi\b|\b(?:chi|kinh) phi\b|\bphi\b(?! tien mat)(?: \w+){0,3} (?:bao nhieu|may|the nao)\b"
                  r"|\b(?:mat|het|ton|dong|tra|nop) (?:bao nhieu|may) (?:tien|phi|dong)\b|\bbao nhieu tien\b"
                  r"|\bgia (?:bao nhieu|may|the nao|ca)\b|\b(?:mat|ton|thu) (?:phi|tien)\b"
                  r"|\bmien phi (?:khong|ko|k|hong)\b")
# A fee said (the answer as written, lower case): fee words or a sum; "tiền mặt" (cash), "tiền điện" are neither.
_FEE_SAID = re.compile(r"\b(?:lệ phí|phí|chi phí|miễn phí|kinh phí|mất tiền|trả tiền|tốn tiền)\b"
                       r"|\d\s*(?:nghìn |ngàn |triệu |tỷ |tỉ )?(?:đồng|usd|đô la)\b"
                       r"|\b(?:nghìn|ngàn|triệu|tỷ|tỉ) đồng\b")
_PHONE_WORD = r"(?:so dien thoai|so dt|sdt|hotline|so tong dai|tong dai|duong day nong)"
# Round 15: not a phone word that is a predicate or an alternative ("tên đăng nhập là số điện thoại hay là số gì": what
# the login is, as round 14's review read the "where" kind, ``bot.kb.asks_round14``)
# Fix15conf (review 15, M2): "bằng <phone word>" is the means only after a verb of logging in or registering
# ("đăng nhập VNeID bằng số điện thoại nào", ``_by_login``); "liên lạc / gọi bằng số nào" asks for a number.
_PHONE = re.compile(rf"(?<!\bla )(?<!\bhay )\b{_PHONE_WORD}\b(?: \w+){{0,8}} "
                    r"(?:bao nhieu|so may|so nao|so gi|la gi|nao)\b"
                    rf"|\b(?:xin|cho)\b(?: \w+){{0,3}} {_PHONE_WORD}\b|\bgoi (?:so|tong dai|hotline) nao\b")
_PHONE_SAID = re.compile(r"\b(?:so dien thoai|tong dai|hotline|duong day nong)\b|\b(?:11[345]|1900|1800)\b"
                         r"|\b0\d{2,3}[ .]?\d{3}[ .]?\d{3,4}\b")
# Offices a question may ask about; an entry that does not name the office does not speak of its holders. Not the
# issuer in a document's number: "Quyết định 942/QĐ-TTg" reads "quyet dinh thu tuong"; nor the speaker's own office
# ("tôi là bí thư chi đoàn, …": context, like the speaker's whereabouts in bot.kb.subjects).
_ROLE = re.compile(r"(?<!quyet dinh )(?<!chi thi )(?<!cong dien )(?<!toi la )(?<!em la )(?<!minh la )(?<!tui la )"
                   r"\b(?:pho )?"
                   r"(?:thu truong|bo truong|cuc truong|vu truong|giam doc|chu tich|thu tuong|tong bi thu"
                   r"|chanh van phong|truong phong|bi thu)\b")
# Round 11: the office that issued a numbered document ("quyết định 942 của thủ tướng là về chuyện gì") names the
# document, as "quyết định thủ tướng" does (the look-behinds of _ROLE): the question asks what the document says.
# Round 14b: so does the issuer of a document whose number is asked ("… là quyết định số mấy của Thủ tướng?": the
# number is asked, the Prime Minister names whose decision it is).
_ISSUER = re.compile(r"\b(?:quyet dinh|chi thi|cong dien|nghi quyet|van ban)\s+(?:so\s+)?"
                     r"(?:\d[\w/.-]*|may|bao nhieu|gi|nao)\s+(?:cua|do)\s+$")
_ISSUER_SPAN = 80  # "quyết định số 1234/QĐ-TTg của " fits: each role looks back this far, not to the start
# "Luật <name>": the name's first word, not a function word ("luật nào", "luật về …"), nor "pháp luật", "luật sư".
_LAW = re.compile(r"(?<!phap )(?<!quy )\bluat (?!(?:nao|gi|ve|moi|cua|la|nay|do|su|phap|le|choi|chung)\b)(\w+)")
# An opinion asked of the bot; not "văn bản nghị quyết / nghị định" ("ban nghi quyet" folded).
_OPINION = re.compile(r"\btheo (?:ban|bot|ad|admin|kenh)\b"
                      r"|\b(?:ban|bot|ad|admin|kenh) (?:nghi\b(?! (?:quyet|dinh|luan|si|le|hoi|phep|ngo)\b)"
                      r"|thay (?:sao|the nao|gi)\b)"
                      r"|\by kien (?:cua |rieng cua )?(?:ban|bot|ad|kenh)\b"
                      r"|\by (?:ban|bot|ad|admin|kenh) (?:the nao|sao|ra sao|nhu the nao)\b"
                      r"|\b(?:ban|bot|ad|admin|kenh) thay(?: \w+){1,8} (?:co )?(?:tot|hay|hieu qua|on|nen|dang)"
                      r" (?:khong|ko|k|hong|hok)\b")
_OPINION_SAID = re.compile(r"\by kien\b")
# A named day whose date or kind is asked ("Ngày <tên> là ngày nào", "… là ngày quốc tế gì"): its name's first word;
# not a date ("ngày 9/12", "vào ngày tháng năm nào"), nor "ngày nào / này / mai"; round 12: nor a day described by
# what follows it ("ngày dành cho chuyển đổi số", "ngày mà …", "ngày của …", "ngày để …"), which names no day.
_NOT_A_NAME = (r"(?!(?:nao|may|bao|gi|nay|do|mai|hom|kia|ay|thu|dau|cuoi|thang|nam|gio|tuan|sau|truoc|danh|cua|ma|de"
               r"|duoc|\d+)\b)")
_DAY = re.compile(rf"\bngay {_NOT_A_NAME}(\w+)(?: \w+){{0,7}} (?:la|vao|roi vao|dien ra vao|to chuc vao) (?:ngay|hom) "
                  r"(?:nao|may|bao nhieu|gi)\b"
                  rf"|\b(?:la|vao) ngay {_NOT_A_NAME}(\w+)(?: \w+){{0,3}} (?:gi|nao)\b")
_DAY_SAID = re.compile(r"\bngay (\w+)")
# A quarter of a year ("quý 3", "quý III"): like a year, the entry must name it.
_QUARTER = re.compile(r"\bquy (1|2|3|4|i|ii|iii|iv)\b")
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
# A calculation asked of the bot: "giải/tính giúp", an operation between two numbers the question gives, "each X
# has N … how many" (a product), the time from a date to today or until a day. Never a count the KB states: each
# reading needs a figure or a request to compute in the question itself.
_NUMBER_OPS = r"(?:nhan|nhan voi|chia|chia cho|cong|cong voi|cong them|tru|tru di|x)"
_COMPUTE = re.compile(r"\b(?:giai|tinh) (?:giup|ho|dum|gium|thu|xem)\b"
                      rf"|\b\d+ {_NUMBER_OPS} \d+"
                      r"|\b\d+(?: \w+){1,3} (?:chia deu cho|chia deu|chia cho|nhan voi|cong voi|tru di) \d+"
                      r"|\bmoi(?: \w+){1,2} (?:co |la |gom |duoc )?\d+\b(?: \w+){0,8} (?:bao nhieu|may)\b"
                      r"|\b(?:den|toi) (?:hom nay|nay|bay gio|gio|hien tai)(?: \w+){0,3} (?:bao nhieu|may) "
                      r"(?:ngay|tuan|thang|nam)\b"
                      r"|\bcon (?:bao nhieu|may) (?:ngay|tuan|thang|nam|gio)\b(?: \w+){0,6} nua\b"
                      r"|\bcach (?:day|nay) (?:bao nhieu|may) (?:ngay|tuan|thang|nam)\b"
                      r"|\bk[iy] niem (?:bao nhieu|may) nam\b"
                      r"|\btinh ra (?:duoc )?(?:bao nhieu|may|la)\b|\bquy (?:doi )?ra\b"
                      r"|\bdoi (?:ra|sang) (?:tien|do|usd|dong|euro)\b")
# Which document of a sort is asked ("… trong đề án nào", "theo quyết định gì"): the sort must be the entry's.
_SORTS = (r"de an|chuong trinh|quyet dinh|nghi dinh|nghi quyet|ke hoach|chien luoc|thong tu|chi thi|cong van"
          r"|van ban|luat|du an")
_WHICH_DOC = re.compile(rf"\b({_SORTS}) (?:nao|gi)\b")
_SORT_SAID = re.compile(rf"\b({_SORTS})\b")
# Which province or city is asked; "có tỉnh nào … không" asks whether there is one.
_WHICH_PROVINCE = re.compile(r"(?<!\bco )\b(?:tinh|thanh pho|tinh thanh) (?:nao|gi)\b")
_COMPUTE_HINTS = ("giai ", "tinh ", "moi ", "nay", "gio", "hien tai", "nua", "cach ", "nhan", "chia", "cong", "tru",
                  " x ", "niem", "quy ", "doi ra", "doi sang")
# Round 9: money other than the đồng, or its rate. As typed (lower case, NFC) for "đô": folded it is "đó" or "độ";
# folded for the rest, so an unmarked "ty gia usd" counts too.
_CURRENCY_TYPED = re.compile(r"\bđô[ -]?la\b|\b(?:tỷ|tỉ|triệu|nghìn|ngàn|trăm) đô\b|\bđô mỹ\b")
_CURRENCY = re.compile(r"\busd\b|\bdollar|\beuro\b|\byen nhat\b|\bnhan dan te\b|\bbang anh\b|\bngoai te\b"
                       r"|\bt[iy] gia\b|\bdo la my\b")
_CURRENCY_HINTS = ("usd", "dollar", "euro", "yen nhat", "dan te", "bang anh", "ngoai te", "y gia", "i gia", "do la my")
_PERSONAL = re.compile(r"\b(?:may|bao nhieu) (?:nguoi con|dua con|con trai|con gai)\b"
                       r"|\bco (?:may|bao nhieu) con\b(?! (?:so|nguoi|duong|chip|dau|tre|em)\b)"
                       r"|\bso thich\b|\btot nghiep (?:truong|dai hoc|nganh|o|nam)\b|\bhoc (?:o )?truong nao\b"
                       r"|\b(?:nha rieng|song|nha) o dau\b|\bsinh nhat\b|\btai san\b|\bbang cap\b"
                       r"|\bgia dinh (?:ong|ba|cua)\b")
_PERSONAL_TYPED = re.compile(r"\bcó vợ\b|\bvợ (?:của|ông|ổng|anh|bộ trưởng|thủ tướng|là ai|tên)\b|\bvợ con\b"
                             r"|\bcó chồng\b|\bchồng (?:của|bà|chị|là ai|tên)\b|\bđời tư\b")
_PERSONAL_HINTS = ("nguoi con", "dua con", "con trai", "con gai", "may con", "nhieu con", "thich", "nghiep",
                   "truong nao", "o dau", "sinh nhat", "tai san", "bang cap", "gia dinh")
_PERSONAL_SAID = re.compile(r"\b(?:vợ|chồng|người con|con cái|sở thích|tốt nghiệp|tiểu sử|gia đình ông|gia đình bà"
                            r"|tài sản|sinh nhật|đời tư)\b")
# A numbered document named ("Nghị định 13", "quyết định số 749"): the entry must name that number.
_DOCUMENT = re.compile(rf"\b{_DOC} (?:so )?0*(\d+)\b")
_CURRENCY_SAID = re.compile(r"\busd\b|\bđô[ -]?la\b|\beuro\b|\bngoại tệ\b|\btỷ giá\b|\$")
# An operation between two numbers as typed: "5 x 3", "12*4", "7 + 8" (not "/" or "-": dates and ranges).
# Round 10: a school's admission (its cut-off score, its enrolment): in the tuning sets five writers asked it, every
# time off-topic ("Điểm chuẩn ngành công nghệ thông tin năm nay bao nhiêu?"); the entry must speak of it.
_ADMISSION = re.compile(r"\bdiem (?:chuan|san|xet tuyen|trung tuyen)\b|\btuyen sinh\b|\bxet tuyen\b")
_ADMISSION_SAID = re.compile(r"\bđiểm chuẩn\b|\btuyển sinh\b|\bxét tuyển\b")
# Round 10: how to sign in to a site (the account or password asked: "đăng nhập bằng gì", "mật khẩu mặc định là
# gì"); the entry must speak of signing in ("Trang t63.mic.gov.vn đăng nhập bằng tài khoản gì …" was answered
# with what the site publishes).
_LOGIN = re.compile(r"\bdang nhap bang\b|\bmat khau (?:mac dinh|la gi|la bao nhieu)\b")
_LOGIN_SAID = re.compile(r"\bđăng nhập\b|\bmật khẩu\b")
_OPERATION = re.compile(r"\d\s*[+*×÷]\s*\d|\d\s+[x:]\s+\d")
# Round 11. How much a fee or a price is (folded; read only where ``fee`` is asked): the entry must name a sum or
# say the thing is free — saying that a fee exists does not tell how much it is.
_AMOUNT = re.compile(r"\b(?:le phi|phi|chi phi)\b(?: \w+){0,3} (?:bao nhieu|may)\b|\bbao nhieu tien\b"
                     r"|\b(?:mat|het|ton|dong|tra|nop) (?:bao nhieu|may)\b|\bgia (?:bao nhieu|may)\b"
                     r"|\b(?:re nhat|gia re)\b")
_CHEAPEST = re.compile(r"\b(?:re nhat|gia re|dat nhat)\b")  # not "rẻ hơn … không": whether, not how much
_AMOUNT_SAID = re.compile(r"\d\s*(?:nghìn |ngàn |triệu |tỷ |tỉ )?(?:đồng|usd|đô la)\b"
                          r"|\b(?:nghìn|ngàn|triệu|tỷ|tỉ) đồng\b"
                          r"|\bmiễn phí\b|\bkhông (?:mất|thu|tốn|phải trả|phải nộp) (?:phí|tiền|lệ phí)\b")
# A bank's own service (folded): a loan, a credit card, an interest rate, a bank's fee, opening a bank account.
# "vay" alone is not read: unmarked, it is "vậy".
_BANK = re.compile(r"\bvay (?:von|tien|tin chap|the chap)\b|\bcho vay\b|\bthe tin dung\b|\blai suat\b"
                   r"|\bphi (?:chuyen khoan|chuyen tien|giao dich|ngan hang|rut tien|duy tri|thuong nien)\b"
                   r"|\bmo (?:the|tai khoan) (?:ngan hang|atm|tin dung)\b|\bngan hang (?:co )?(?:thu|tru|tinh) phi\b"
                   r"|\bgui tiet kiem\b|\b(?:tai khoan|tk|app|ung dung) ngan hang\b")
_BANK_HINTS = ("vay von", "vay tien", "vay tin", "vay the", "cho vay", "tin dung", "lai suat", "phi chuyen", "phi giao",
               "phi ngan", "phi rut", "phi duy", "phi thuong", "ngan hang", "tiet kiem")
_BANK_SAID = re.compile(r"\b(?:ngân hàng|cho vay|khoản vay|vay vốn|tín dụng|lãi suất)\b")
# A time of day or opening hours (folded); "mấy giờ" is not "bây giờ".
_HOURS = re.compile(r"\b(?:may|bao nhieu) gio\b|\bgio (?:lam viec|mo cua|dong cua|hanh chinh)\b"
                    r"|\b(?:mo|dong) cua\b(?: \w+){0,3} (?:may gio|luc nao|khi nao|den may|tu may)\b"
                    r"|\b(?:lam viec|mo cua)(?: \w+){0,2} (?:thu bay|chu nhat|cuoi tuan)\b")
_HOURS_HINTS = ("may gio", "bao nhieu gio", "gio lam", "gio mo", "gio dong", "gio hanh", "mo cua", "dong cua",
                "thu bay", "chu nhat", "cuoi tuan")
_HOURS_SAID = re.compile(r"\b\d+ ?(?:gio|h)\b|\b\d+h\d+\b|\bgio (?:hanh chinh|lam viec)\b|\bthu bay\b|\bchu nhat\b")
# Every item of a set asked ("liệt kê đầy đủ", "kể hết / từng", "danh sách đầy đủ") with the set's size named.
_WHOLE_LIST = re.compile(r"\bliet ke\b|\bke (?:ten |ra )?(?:het|tung|day du|tat ca|toan bo)\b"
                         r"|\bdanh sach (?:day du|chi tiet|tat ca|toan bo|cu the|het)\b")
_LIST_HINTS = ("liet ke", "ke het", "ke tung", "ke ten", "ke ra", "ke day", "ke tat", "ke toan", "danh sach")
_LIST_SIZE = re.compile(r"\b(\d{1,3})\b")
LIST_MIN = 5  # a set of fewer items is listed by the entries that name it ("ba trụ cột")
_LIST_ITEM = re.compile(r"(?m)^\s*(?:[-•*]|\d+[.)])\s")
# How many staff, units or offices (folded): the noun counted must be the entry's.
_COUNTED = re.compile(r"\b(?:bao nhieu|may) (nhan vien|can bo|cong chuc|vien chuc|chien si|nguoi lao dong|phong ban"
                      r"|chi nhanh|don vi|van phong)\b")
# Blocking calls, numbers or messages; changing an account's details ("chuyển đổi số điện thoại" is no change of
# a number); a certificate or diploma.
_COUNT_NOUNS = ("nhan vien", "can bo", "cong chuc", "vien chuc", "chien si", "nguoi lao dong", "phong ban", "chi nhanh",
                "don vi", "van phong")
_BLOCK = re.compile(r"\bchan (?:cuoc goi|so|tin nhan|spam|quang cao|sdt|cac cuoc|nhung cuoc|nhung so|cac so)\b")
_BLOCK_SAID = re.compile(r"\bchặn\b")
_CHANGE = re.compile(r"(?<!chuyen )\b(?:thay doi|cap nhat|thay|sua|chinh sua) (?:lai )?"
                     r"(?:so dien thoai|sdt|so dt|email|thu dien tu|mat khau|ho ten|anh dai dien)\b")
_CHANGE_HINTS = ("so dien thoai", "sdt", "so dt", "email", "thu dien tu", "mat khau", "ho ten", "anh dai")
_CHANGE_SAID = re.compile(r"\b(?:đổi|thay đổi|cập nhật|chỉnh sửa) (?:lại )?(?:số điện thoại|email|thư điện tử|mật khẩu"
                          r"|họ tên|ảnh)\b")
# Folded, "đổi" (change) is "đòi" (demand: "người lạ đòi mật khẩu") and "chặn" (block) is "chán" (tired of): both
# verbs are read as typed, with their marks; unmarked, "doi" is not read as a change and "chan" not as a block.
_CHANGE_TYPED = re.compile(r"(?<!chuyển )\bđổi (?:lại )?"
                           r"(?:số điện thoại|sđt|sdt|số đt|email|thư điện tử|mật khẩu|họ tên|ảnh đại diện)\b")
_BLOCK_TYPED = re.compile(r"\bchặn\b")
_CERTIFICATE = re.compile(r"\bchung chi\b|\bvan bang\b|\bbang tot nghiep\b")
_CERTIFICATE_SAID = re.compile(r"\b(?:chứng chỉ|văn bằng|bằng tốt nghiệp)\b")
_CERTIFICATE_HINTS = ("chung chi", "van bang", "bang tot")
# The word pairs (and two words) without which none of round 11's kinds can match: a question holding none of them is
# passed over with one set test of its neighbouring words (latency: most questions ask none of these kinds).
_ROUND11_PAIRS = frozenset(tuple(pair.split()) for pair in (
    *(h for h in (*_BANK_HINTS, *_HOURS_HINTS, *_LIST_HINTS, *_COUNT_NOUNS, *_CHANGE_HINTS, *_CERTIFICATE_HINTS)
      if h.count(" ") == 1),
    "nhieu gio", "nguoi lao", "dien thoai", "thu dien", "chan cuoc", "chan so", "chan tin", "chan spam", "chan quang",
    "chan sdt", "chan cac", "chan nhung", "re nhat", "gia re", "dat nhat"))
_ROUND11_WORDS = frozenset(("sdt", "email"))
# Substrings every match of a round-7 expression holds (checked first: a substring test costs far less).
_PHONE_HINTS = ("dien thoai", "so dt", "sdt", "hotline", "tong dai", "duong day nong", "goi so")
_OPINION_HINTS = ("theo ", "nghi", "thay", "y kien", "y ban", "y bot", "y ad", "y kenh")
_FEE_HINTS = ("phi", "tien", "gia ")
_ROLE_HINTS = ("truong", "tuong", "giam doc", "chu tich", "bi thu")
_NUMBERED_DOC = re.compile(r"\d+[/-](?:\d{4}/)?[A-ZĐ]|\b(?:số|Số) \d+|(?:Quyết định|Nghị định|Nghị quyết|Công văn|"
                           r"Kế hoạch|Thông tư|Chỉ thị) (?:số )?\d+")


_LOGIN_BY = re.compile(r"\b(?:dang nhap|dang ky|dang ki|xac thuc|xac minh|tao tai khoan)\b(?: \w+){0,6} bang $")
_LOGIN_BY_REACH = 60  # characters looked back (linear)


def _by_login(normalized: str, start: int) -> bool:
    """Whether the phone word at ``start`` is the means of logging in or registering ("đăng nhập … bằng số điện
    thoại nào"), not a number asked (``_PHONE``)."""
    return _LOGIN_BY.search(normalized[max(0, start - _LOGIN_BY_REACH):start]) is not None


def asked(normalized: str, raw: str = "", with_places: bool = True) -> frozenset[str]:
    """The kinds of fact a question asks for: ``normalized`` is its analysed text (folded, telex and VNI
    decoded, abbreviations expanded), ``raw`` the message as typed (only its "%" signs are read);
    ``with_places=False`` leaves the places out, for a caller that reads them from the question's own clauses."""
    kinds = {kind for kind, rx in (("percent", _PERCENT), ("docnumber", _DOCNUMBER), ("reason", _REASON),
                                   ("age", _AGE), ("hometown", _HOMETOWN), ("pay", _PAY))
             if rx.search(normalized)}
    # Round 7's kinds, each behind the substring every match holds (latency: most questions ask none of them).
    if _hinted(normalized, _PHONE_HINTS) and any(not _by_login(normalized, m.start())
                                                 for m in _PHONE.finditer(normalized)):
        kinds.add("phone")
    if _hinted(normalized, _OPINION_HINTS) and _OPINION.search(normalized):
        kinds.add("opinion")
    if "pay" not in kinds and "luong" in normalized and not raw.isascii() \
            and _PAY_TYPED.search(unicodedata.normalize("NFC", raw).lower()):
        kinds.add("pay")  # round 9: "lương" typed with its marks is pay, whatever stands between it and "bao nhiêu"
    if "pay" not in kinds and _hinted(normalized, _FEE_HINTS) and _FEE.search(normalized):
        kinds.add("fee")  # "bao nhiêu tiền một tháng" is pay, not a fee
    if _hinted(normalized, _ROLE_HINTS):
        kinds.update(f"role:{m.group(0)}" for m in _ROLE.finditer(normalized)
                     if not _ISSUER.search(normalized, max(0, m.start() - _ISSUER_SPAN), m.start()))
    if "luat" in normalized:
        kinds.update(f"law:{m.group(1)}" for m in _LAW.finditer(normalized))
    if "ngay" in normalized:
        kinds.update(f"day:{m.group(1) or m.group(2)}" for m in _DAY.finditer(normalized))
    if "quy " in normalized:
        kinds.update(f"quarter:{_ROMAN.get(m.group(1), m.group(1))}" for m in _QUARTER.finditer(normalized))
    if (_hinted(normalized, _COMPUTE_HINTS) and _COMPUTE.search(normalized)) or _OPERATION.search(raw):
        kinds.add("compute")  # provided by no entry: offered, never answered with confidence
    kinds.update(f"subplace:{p}" for p in subplaces(raw, asked=True))
    kinds.update(_asks_document(normalized))
    if _asks_currency(normalized, raw):
        kinds.add("currency")
    if _asks_personal(normalized, raw):
        kinds.add("personal")
    if ("diem" in normalized or "tuyen" in normalized) and _ADMISSION.search(normalized):
        kinds.add("admission")
    if ("dang nhap" in normalized or "mat khau" in normalized) and _LOGIN.search(normalized):
        kinds.add("login")
    kinds.update(_asks_round11(normalized, raw, "fee" in kinds, "pay" in kinds))
    if ("nao" in normalized or "gi" in normalized):
        kinds.update(f"which:{m.group(1)}" for m in _WHICH_DOC.finditer(normalized))
    if ("tinh" in normalized or "thanh pho" in normalized) and _WHICH_PROVINCE.search(normalized):
        kinds.add("province")
    if "%" in raw and _COUNT.search(normalized):
        kinds.add("percent")
    kinds.update(f"year:{y}" for y in _YEAR.findall(normalized))
    kinds.update(asked_round12(normalized, raw))
    kinds.update(asked_round13(normalized, raw))
    kinds.update(asked_round14(normalized, raw))
    kinds.update(asked_round15(normalized, raw))
    kinds.update(asked_hours(normalized) | asked_minor(normalized, raw) | asked_recruitment(normalized, raw))
    return frozenset(kinds) | named_places(normalized, raw) if with_places else frozenset(kinds)


def _asks_round11(normalized: str, raw: str, fee: bool, pay: bool) -> frozenset[str]:
    """Round 11's kinds: ``amount`` (of a fee or price asked; "rẻ nhất" asks a price too), ``bank``, ``hours``,
    ``list:<n>``, ``count:<noun>``, ``block``, ``change`` and ``certificate`` (see the module's docstring);
    ``fee``/``pay``: whether the question asks a fee or pay already (pay has its own kind, never an amount here)."""
    kinds = set()
    if not fee:
        words = normalized.split()
        if _ROUND11_PAIRS.isdisjoint(zip(words, words[1:], strict=False)) and _ROUND11_WORDS.isdisjoint(words):
            return frozenset()  # latency: one set test for the many questions that hold none of the kinds' words
    if fee and _AMOUNT.search(normalized):
        kinds.add("amount")
    elif not pay and "re" in normalized and _CHEAPEST.search(normalized):
        kinds.update(("fee", "amount"))
    if _hinted(normalized, _BANK_HINTS) and _BANK.search(normalized):
        kinds.add("bank")
    if _hinted(normalized, _HOURS_HINTS) and _HOURS.search(normalized):
        kinds.add("hours")
    if _hinted(normalized, _LIST_HINTS) and _WHOLE_LIST.search(normalized):
        sizes = [int(n) for n in _LIST_SIZE.findall(normalized) if LIST_MIN <= int(n) < 1000]
        kinds.update(f"list:{n}" for n in sizes[:1])
    if _hinted(normalized, _COUNT_NOUNS):
        kinds.update(f"count:{m.group(1)}" for m in _COUNTED.finditer(normalized))
    typed = "" if raw.isascii() else unicodedata.normalize("NFC", raw).lower()
    if "chan " in normalized and _BLOCK.search(normalized) and _BLOCK_TYPED.search(typed):
        kinds.add("block")
    if _hinted(normalized, _CHANGE_HINTS) and (_CHANGE.search(normalized) or _CHANGE_TYPED.search(typed)):
        kinds.add("change")
    if _hinted(normalized, _CERTIFICATE_HINTS) and _CERTIFICATE.search(normalized):
        kinds.add("certificate")
    return frozenset(kinds)


def _hinted(text: str, hints: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of the substrings without which a kind's expression cannot match."""
    return any(h in text for h in hints)


def _asks_document(normalized: str) -> frozenset[str]:
    """The numbered documents a question names ("Nghị định 13", "quyết định số 749"): ``document:<n>``."""
    if not any(ch.isdigit() for ch in normalized):
        return frozenset()
    return frozenset(f"document:{m.group(1)}" for m in _DOCUMENT.finditer(normalized))


def _asks_currency(normalized: str, raw: str) -> bool:
    """Whether the question speaks of foreign money or an exchange rate (``currency``, round 9)."""
    if _hinted(normalized, _CURRENCY_HINTS) and _CURRENCY.search(normalized):
        return True
    if "$" in raw:
        return True
    if raw.isascii():
        return False
    typed = unicodedata.normalize("NFC", raw).lower()
    return "đô" in typed and _CURRENCY_TYPED.search(typed) is not None


def _asks_personal(normalized: str, raw: str) -> bool:
    """Whether the question asks about a person's private life (``personal``, round 9)."""
    if _hinted(normalized, _PERSONAL_HINTS) and _PERSONAL.search(normalized):
        return True
    if raw.isascii() or ("vo" not in normalized and "chong" not in normalized and "doi tu" not in normalized):
        return False
    return _PERSONAL_TYPED.search(unicodedata.normalize("NFC", raw).lower()) is not None


def named_places(normalized: str, raw: str = "") -> frozenset[str]:
    """The ``place:<key>`` kinds of a question: the provinces, cities and countries it names (``raw``, the question
    as typed: the countries only its marks tell, round 12)."""
    return frozenset(f"place:{p}" for p in places(normalized, asked=True)) | typed_countries(raw)


_PROVIDED: dict[int, tuple[Entry, frozenset[str]]] = {}  # by id(entry): entries are immutable and live long


def provided(entry: Entry) -> frozenset[str]:
    """The kinds of fact ``entry`` can give (years and places: any of its answer, title, questions or keywords)."""
    cached = _PROVIDED.get(id(entry))
    if cached is not None and cached[0] is entry:
        return cached[1]
    kinds = _provided(entry)
    if len(_PROVIDED) > 65536:
        _PROVIDED.clear()
    _PROVIDED[id(entry)] = (entry, kinds)
    return kinds


def _provided(entry: Entry) -> frozenset[str]:
    answer = fold(entry.answer)
    kinds = set()
    if "%" in entry.answer or "phan tram" in answer:
        kinds.add("percent")
    if _NUMBERED_DOC.search(entry.answer):
        kinds.add("docnumber")
    if _CAUSE.search(answer):
        kinds.add("reason")
    kinds.update(kind for kind, rx in (("age", _AGE_SAID), ("hometown", _HOMETOWN_SAID), ("pay", _PAY_SAID))
                 if rx.search(answer))
    written_answer = unicodedata.normalize("NFC", entry.answer).lower()
    if _FEE_SAID.search(written_answer):
        kinds.add("fee")
    if _AMOUNT_SAID.search(written_answer):
        kinds.add("amount")
    if _BANK_SAID.search(written_answer):
        kinds.add("bank")
    if _HOURS_SAID.search(answer):
        kinds.add("hours")
    kinds.update(f"list:{n}" for n in range(LIST_MIN, len(_LIST_ITEM.findall(entry.answer)) + 1))
    kinds.update(kind for kind, rx in (("block", _BLOCK_SAID), ("change", _CHANGE_SAID),
                                       ("certificate", _CERTIFICATE_SAID)) if rx.search(written_answer))
    if _CURRENCY_SAID.search(written_answer):
        kinds.add("currency")
    if _PERSONAL_SAID.search(written_answer):
        kinds.add("personal")
    written_all = unicodedata.normalize("NFC", " ".join((entry.answer, entry.title, *entry.questions))).lower()
    kinds.update(kind for kind, rx in (("admission", _ADMISSION_SAID), ("login", _LOGIN_SAID))
                 if rx.search(written_all))
    kinds.update(kind for kind, rx in (("phone", _PHONE_SAID), ("opinion", _OPINION_SAID)) if rx.search(answer))
    phrasings = fold(" ".join((entry.title, *entry.questions, *entry.keywords)))
    kinds.update(provided_round12(entry.answer, answer, tuple(fold(t) for t in (entry.title, *entry.questions))))
    kinds.update(provided_round13(entry.answer, answer))
    kinds.update(provided_round14(entry.answer))
    kinds.update(provided_round15(answer))
    kinds.update(provided_minor(answer) | provided_recruitment(answer))
    everything = f"{answer} {phrasings}"
    kinds.update(f"role:{m.group(0)}" for m in _ROLE.finditer(everything))
    kinds.update(f"count:{noun}" for noun in _COUNT_NOUNS if noun in everything)
    kinds.update(f"law:{m.group(1)}" for m in _LAW.finditer(everything))
    kinds.update(f"day:{m.group(1)}" for m in _DAY_SAID.finditer(everything))
    kinds.update(f"quarter:{_ROMAN.get(m.group(1), m.group(1))}" for m in _QUARTER.finditer(everything))
    said = f"{_without_lacking(entry.answer, answer)} {phrasings}"  # round 10: a year named only to say it is unknown
    kinds.update(f"year:{y}" for y in _YEAR.findall(said))
    kinds.update(f"document:{n.lstrip('0') or '0'}" for n in re.findall(r"\b(\d+)(?=\b|/)", everything))
    kinds.update(f"place:{p}" for p in places(everything))
    if places(answer):
        kinds.add("province")
    sorts = {m.group(1) for m in _SORT_SAID.finditer(everything)}
    kinds.update(f"which:{sort}" for sort in sorts)
    if sorts:
        kinds.add("which:van ban")  # a document of any sort answers "văn bản nào"
    if "van ban" in sorts:
        kinds.add("which:cong van")  # "Văn bản 793/BTTTT-THH" is the letter people call a "công văn"
    written = " ".join((entry.answer, entry.title, *entry.questions, *entry.keywords))
    kinds.update(f"subplace:{p}" for p in subplaces(written))
    return frozenset(kinds)


# Round 10: a sentence in which the channel says it lacks a fact ("kênh chưa tìm được nguồn chính thức nêu chủ đề
# năm 2026", "kênh chưa thấy con số này"): the years it names are what the entry cannot give, not what it gives.
_LACKING = re.compile(r"\b(?:kenh )?chua (?:tim duoc|tim thay|thay|co) (?:nguon|con so|so lieu|thong tin)\b"
                      r"|\bkenh chua (?:tim duoc|tim thay|thay|co)\b")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|\n+")


def _without_lacking(written: str, folded: str) -> str:
    """The folded answer (``folded``, of ``written``) without the sentences in which the channel says it lacks the
    fact they name (round 10). Sentences are cut on the written text: folding drops the punctuation."""
    if "chua" not in folded:
        return folded
    return " ".join(f for f in (fold(s) for s in _SENTENCE_END.split(written)) if not _LACKING.search(f))


def unanswered(asks: frozenset[str], entry: Entry) -> frozenset[str]:
    """What the question asks that ``entry`` does not say (empty: nothing missing). Of several years asked
    ("giai đoạn 2021–2025") one named by the entry is enough."""
    if not asks:
        return frozenset()
    missing = asks - provided(entry)
    years = {k for k in asks if k.startswith("year:")}
    return missing - years if years - missing else missing


# Round 7: a web address asked ("địa chỉ trang …", "link", "website"), and the web addresses an answer gives.
_ADDRESS = re.compile(r"\bdia chi\b|\blink\b|\bduong (?:dan|link)\b|\btrang web\b|\bwebsite\b|\bweb gi\b")
_WEB = re.compile(r"\b(?:[a-z0-9-]+\.)+(?:gov\.vn|com\.vn|vn|com|net|org)\b")


# What a question asks when it names a site but wants something else of it (round 9: "Cái web dichvucong.gov.vn ấy
# mở từ bao giờ nhỉ?" asks when it opened, not where it is)
_NOT_ADDRESS_KINDS = frozenset({"when", "who", "why", "count"})


def asks_address(normalized: str) -> bool:
    """Whether a question (its analysed, folded text) asks for an address or a link ("địa chỉ trang … là gì"),
    not a time, a person, a reason or a count of the site it names."""
    return _ADDRESS.search(normalized) is not None and not (wh.kinds(normalized) & _NOT_ADDRESS_KINDS)


# a question that is a web address and nothing else, as the analyser leaves it ("dichvucong.gov.vn" → "dichvucong
# gov viet nam": the dots gone, "vn" read as the country)
_BARE_ADDRESS = re.compile(
    r"^(?:www )?((?:[a-z0-9-]+ )+?)(gov viet nam|com viet nam|org viet nam|viet nam|com|net|org)$")
_SUFFIX = {"gov viet nam": "gov.vn", "com viet nam": "com.vn", "org viet nam": "org.vn", "viet nam": "vn"}


def typed_address(normalized: str) -> str | None:
    """The web address a question consists of, dotted ("dichvucong.gov.vn"), or None: the citizen typed only
    the site and asks what it is (round 9, dev9a's bare keyword query)."""
    found = _BARE_ADDRESS.match(normalized.strip())
    if found is None:
        return None
    return ".".join([*found.group(1).split(), _SUFFIX.get(found.group(2), found.group(2))])


def web_addresses(entry: Entry) -> frozenset[str]:
    """The web addresses ``entry``'s answer gives, without scheme or "www." ("dichvucong.gov.vn")."""
    return frozenset(a.removeprefix("www.") for a in _WEB.findall(entry.answer.lower()))
