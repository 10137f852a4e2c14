"""Generator of the PII masking corpus: 200 Vietnamese reader stories with labelled spans.

`python -m tests.pii_corpus` rewrites tests/fixtures/pii_corpus.jsonl (deterministic: fixed seed). Each
line: {"id", "text", "spans": [{"start", "end", "kind"}]} where kind is a personal-data kind that must be
masked ("phone", "citizen_id", "email", "bank_account") or "keep": a number a reader needs and the masker
must leave alone (dates, amounts in đồng, years, percentages, house numbers, hotlines, legal document
numbers, counts, times, postcodes, versions).

The texts read like what citizens send: several sentences in varied order from pools written by hand,
names and places from across the country, personal data embedded the way people actually write it
("gọi chị Lan 0912.345.678", "CCCD của bố tôi là 0012 0300 1234", "STK Vietcombank 0071000123456").
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

CORPUS = Path(__file__).parent / "fixtures" / "pii_corpus.jsonl"
PII_KINDS = ("phone", "citizen_id", "email", "bank_account")

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh",
            "Lò", "Sùng", "Hà", "Triệu", "Mai", "Cao"]
MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Thu", "Quốc", "Ngọc", "Thanh", "Hữu", "Kim", "A", "Xuân"]
GIVEN = ["Hùng", "Lan", "Tuấn", "Hà", "Nam", "Mai", "Bảo", "Hạnh", "Long", "Ngọc", "Anh", "Thảo", "Phúc", "Páo",
         "Pấng", "Dung", "Sơn", "Hương", "Khoa", "Tâm", "Yến", "Cường", "Nhung", "Hiếu"]
KIN = ["chị", "anh", "cô", "chú", "bác", "ông", "bà", "em"]
COMMUNES = ["xã Tân Lập", "xã Ea Kao", "phường Bến Nghé", "xã Mường Khương", "xã Phong Điền", "phường Hòa Khánh",
            "xã Tam Nông", "thị trấn Sa Pa", "xã Đồng Văn", "phường Vĩnh Ninh", "xã Cát Hải", "xã Bình Minh",
            "xã Hương Sơn", "phường Tân Định", "xã Nậm Pồ", "xã Long Hựu"]
PROVINCES = ["Tuyên Quang", "Đắk Lắk", "TP. Hồ Chí Minh", "Lào Cai", "Cần Thơ", "Đà Nẵng", "Đồng Tháp", "Hà Nội",
             "Huế", "Hải Phòng", "Nghệ An", "Điện Biên", "Tây Ninh", "Quảng Trị", "An Giang", "Gia Lai"]
MAIL_HOSTS = ["gmail.com", "yahoo.com.vn", "outlook.com", "vnpt.vn", "hanoi.gov.vn", "tuyenquang.gov.vn", "fpt.edu.vn",
              "icloud.com"]
BANKS = ["Vietcombank", "BIDV", "Agribank", "Techcombank", "VietinBank", "MB", "ACB", "Sacombank", "VPBank", "TPBank"]


class Writer:
    """Builds one text piece by piece and records the spans of labelled pieces."""

    def __init__(self) -> None:
        self.text = ""
        self.spans: list[dict[str, object]] = []

    def add(self, piece: str, kind: str | None = None) -> None:
        if kind is not None:
            self.spans.append({"start": len(self.text), "end": len(self.text) + len(piece), "kind": kind})
        self.text += piece


# --- fillers: each returns (text, kind) ------------------------------------------------------------

def name(r: random.Random) -> str:
    return f"{r.choice(SURNAMES)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"


def digits(r: random.Random, n: int) -> str:
    return "".join(r.choice("0123456789") for _ in range(n))


def phone(r: random.Random) -> str:
    mobile = r.choice(["9", "8", "3", "7", "5"]) + r.choice("0123456789") + digits(r, 7)
    style = r.randrange(14)
    if style == 0:
        return "0" + mobile
    if style == 1:
        return f"0{mobile[:3]} {mobile[3:6]} {mobile[6:]}"
    if style == 2:
        return f"0{mobile[:3]}.{mobile[3:6]}.{mobile[6:]}"
    if style == 3:
        return f"0{mobile[:3]}-{mobile[3:6]}-{mobile[6:]}"
    if style == 4:
        return "+84" + mobile
    if style == 5:
        return f"+84 {mobile[:2]} {mobile[2:5]} {mobile[5:]}"
    if style == 6:
        return "84" + mobile
    if style == 7:
        return f"(+84) {mobile[:3]} {mobile[3:6]} {mobile[6:]}"
    if style == 8:
        return f"0{mobile[:2]} {mobile[2:5]} {mobile[5:]}"
    if style == 9:
        return f"0{mobile[:3]} {mobile[3:5]} {mobile[5:7]} {mobile[7:]}"
    if style == 10:  # landline: 02x area code + 8 digits
        area = r.choice(["24", "28", "236", "207", "262", "292", "234"])
        rest = digits(r, 10 - len(area))
        return r.choice([f"0{area} {rest[:4]} {rest[4:]}", f"(0{area}) {rest[:4]} {rest[4:]}", f"0{area}.{rest}"])
    if style == 11:
        return f"0{mobile[:4]}.{mobile[4:]}"
    if style == 12:
        return f"0{mobile[:3]}  {mobile[3:6]}  {mobile[6:]}"
    return f"0{mobile[:3]}{mobile[3:6]} {mobile[6:]}"


def citizen_id(r: random.Random) -> str:
    number = f"0{r.randint(1, 96):02d}{r.choice('0123')}{r.randint(0, 99):02d}{digits(r, 6)}"
    style = r.randrange(5)
    if style == 0:
        return f"{number[:4]} {number[4:8]} {number[8:]}"
    if style == 1:
        return f"{number[:3]}.{number[3:6]}.{number[6:9]}.{number[9:]}"
    if style == 2:
        return f"{number[:3]} {number[3:6]} {number[6:9]} {number[9:]}"
    return number


def email(r: random.Random, who: str) -> str:
    plain = who.lower()
    for a, b in (("đ", "d"), ("ă", "a"), ("â", "a"), ("ê", "e"), ("ô", "o"), ("ơ", "o"), ("ư", "u")):
        plain = plain.replace(a, b)
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFD", plain) if not unicodedata.combining(c))
    parts = plain.split()
    local = r.choice([".".join(parts), parts[-1] + parts[0] + digits(r, 2), "".join(p[0] for p in parts[:-1]) +
                      parts[-1], parts[-1] + "_" + digits(r, 4), parts[-1] + "+dx"])
    address = f"{local}@{r.choice(MAIL_HOSTS)}"
    return address.upper() if r.random() < 0.05 else address


def bank_account(r: random.Random) -> str:
    n = digits(r, r.choice([10, 12, 13, 14]))
    return r.choice([n, f"{n[:4]} {n[4:8]} {n[8:]}", n])


def date(r: random.Random) -> str:
    d, m, y = r.randint(1, 28), r.randint(1, 12), r.randint(2019, 2026)
    return r.choice([f"{d}/{m}/{y}", f"{d:02d}/{m:02d}/{y}", f"ngày {d} tháng {m} năm {y}", f"{d:02d}-{m:02d}-{y}",
                     f"tháng {m:02d}/{y}", f"{d}.{m}.{y}"])


def amount(r: random.Random) -> str:
    value = r.choice([150_000, 300_000, 1_250_000, 15_000_000, 50_000_000, 200_000_000, 1_500_000_000,
                      12_500_000_000, 2_000_000, 45_000, 500_000_000])
    grouped = f"{value:,}".replace(",", ".")
    return r.choice([f"{grouped} đồng", f"{grouped}đ", f"{grouped} VNĐ", f"{value // 1_000_000} triệu đồng"
                     if value >= 1_000_000 else f"{value // 1000} nghìn đồng", f"{grouped} đ"])


def percent(r: random.Random) -> str:
    return r.choice([f"{r.randint(5, 99)}%", f"{r.randint(1, 99)},{r.randint(1, 9)}%",
                     f"{r.randint(10, 100)} phần trăm"])


def house(r: random.Random) -> str:
    return r.choice([f"số {r.randint(1, 300)} đường Lê Lợi", f"{r.randint(1, 200)}/{r.randint(1, 80)} Nguyễn Trãi",
                     f"số nhà {r.randint(1, 99)}, ngõ {r.randint(1, 400)}", f"tổ {r.randint(1, 30)}",
                     f"thôn {r.randint(1, 12)}", f"lô B{r.randint(1, 40)}", f"km {r.randint(1, 120)}"])


def hotline(r: random.Random) -> str:
    return r.choice(["1022", "113", "114", "115", "111", "1900 1234", "1800 6868", "19009095", "1900.0368", "18001091"])


def decree(r: random.Random) -> str:
    return r.choice(["13/2023/NĐ-CP", "Quyết định 06/QĐ-TTg", "Nghị định 59/2022/NĐ-CP", "Thông tư 01/2023/TT-BTTTT",
                     "Quyết định 749/QĐ-TTg", "Nghị quyết 57-NQ/TW", "Luật số 20/2023/QH15", "Công văn 1552/BTTTT-THH"])


def count(r: random.Random) -> str:
    unit = r.choice(["hộ", "người", "hồ sơ", "tài khoản", "cửa hàng", "học sinh", "lượt truy cập", "tiểu thương"])
    value = r.choice([12, 45, 120, 350, 1200, 3200, 12500, 250_000, 1_200_000])
    return f"{value:,}".replace(",", ".") + f" {unit}"


def clock(r: random.Random) -> str:
    return r.choice([f"{r.randint(6, 21)}h{r.choice(['', '30', '15'])}", f"{r.randint(7, 17)}:{r.choice(['00', '30'])}",
                     f"{r.randint(7, 11)} giờ sáng"])


def misc_number(r: random.Random) -> str:
    return r.choice([f"mã bưu chính {r.randint(10, 96)}0000", f"phiên bản {r.randint(1, 3)}.{r.randint(0, 9)}",
                     "chợ 4.0", "sóng 5G", "Đề án 06", f"{r.randint(2, 30)} km", f"{r.randint(10, 500)} m2",
                     f"{r.randint(3, 15)} thôn"])


# --- sentence pools: "{...}" slots; PII slots: PHONE CCCD EMAIL BANK; keep slots: the rest -------------------

OPENINGS = [
    "Tôi là {NAME}, sống ở {PLACE}.",
    "Gia đình tôi ở {PLACE}, làm nông đã {YEARS}.",
    "Tôi xin kể câu chuyện ở {PLACE} từ {DATE}.",
    "Mình là giáo viên ở {PLACE}, năm {YEAR} mình mới bắt đầu dùng điện thoại thông minh.",
    "Chợ {PLACE} trước đây chỉ dùng tiền mặt.",
    "Nhà tôi ở {HOUSE}, {PLACE}.",
    "Bố mẹ tôi đã ngoài 70 tuổi, sống ở {PLACE}.",
    "Từ {DATE}, tổ công nghệ số cộng đồng ở {PLACE} đi từng nhà hướng dẫn bà con.",
]
MIDDLES = [
    "{KIN} {NAME} ở tổ công nghệ số hướng dẫn tôi cài VNeID, ai cần thì cứ gọi theo số {PHONE} nhé.",
    "Số điện thoại của tôi là {PHONE}, mọi người cần hỏi cách làm thì cứ nhắn.",
    "Hôm đó tôi làm căn cước cho con, CCCD của tôi là {CCCD} nên chỉ cần đọc số là cán bộ tra được ngay.",
    "Cán bộ xã nhập số CCCD {CCCD} của mẹ tôi vào máy và chỉ mất {DURATION} là xong.",
    "Ai muốn học cách nộp hồ sơ trực tuyến có thể gửi thư cho tôi qua {EMAIL}.",
    "Tôi đã gửi đơn qua email {EMAIL} và được trả lời sau hai ngày.",
    "Bà con ủng hộ quỹ khuyến học xin chuyển khoản vào STK {BANK} {BANKNAME}, chủ tài khoản {NAME}.",
    "Số tài khoản {BANKNAME} của hợp tác xã là {BANK}, khách mua hàng chuyển khoản rất tiện.",
    "Tôi bán rau trên mạng, nhận tiền qua tài khoản {BANKNAME} {BANK}.",
    "Nhờ thanh toán bằng mã QR mà doanh thu tháng này tăng {PERCENT}, đạt khoảng {AMOUNT}.",
    "Cả xã có {PEOPLE} đã kích hoạt tài khoản định danh điện tử mức {LEVEL}.",
    "Theo {DECREE}, từ {DATE} người dân có thể làm thủ tục này hoàn toàn trực tuyến.",
    "Học phí {AMOUNT} được nộp qua ứng dụng ngân hàng, không phải lên trường.",
    "Vay vốn ngân hàng {AMOUNT} để mở rộng vườn, tôi làm hồ sơ online chỉ trong một buổi.",
    "Khi gặp lừa đảo qua mạng, hãy gọi ngay {HOTLINE} hoặc báo công an xã.",
    "Tổng đài {HOTLINE} hướng dẫn rất tận tình, chỉ khoảng {DURATION} là tôi làm xong.",
    "Năm {YEAR}, xã đã số hóa {COUNT}, đạt {PERCENT} kế hoạch.",
    "Điểm hỗ trợ đặt ở {HOUSE}, mở cửa từ {CLOCK} các ngày trong tuần.",
    "Con tôi học {GRADE}, tối nào cũng hướng dẫn ông bà xem tin tức trên điện thoại.",
    "Tháng trước tôi nhận tiền trợ cấp {AMOUNT} vào tài khoản ngân hàng, không phải xếp hàng như trước.",
    "Nếu cần hỗ trợ, liên hệ {KIN} {NAME}: {PHONE} hoặc {EMAIL}.",
    "Liên hệ hợp tác xã: {PHONE} (gặp {KIN} {NAME}), email {EMAIL}.",
    "Ngày {DATE}, UBND xã tổ chức buổi tập huấn cho {PEOPLE} tại nhà văn hóa {HOUSE}.",
    "Tôi quét mã QR trên hóa đơn {AMOUNT}, tiền điện được trừ ngay vào tài khoản.",
    "Ông {NAME} năm nay {AGE} tuổi mà đã biết gọi video cho con cháu ở xa.",
    "Số CCCD {CCCD} và số điện thoại {PHONE} của bố tôi đã được gắn với tài khoản VNeID mức {LEVEL}.",
    "Nhờ {DECREE}, hồ sơ đất đai của gia đình tôi được giải quyết trong {DURATION} thay vì cả tháng.",
    "Trạm y tế xã nhắn lịch tiêm qua Zalo, hotline trực {HOTLINE} luôn có người nghe máy.",
    "Thu nhập của hộ tăng từ {INCOME} lên {INCOME2} mỗi tháng, tức là tăng {PERCENT}.",
    "Dự án {MISC} được triển khai ở xã, mỗi thôn có một tổ công nghệ số.",
    "Nhà tôi có hai số: {PHONE} - {PHONE}, gọi số nào cũng được.",
    "Tôi đã gọi {PHONE} {TIMES} mà chưa ai nghe máy, sau đó mới biết số ấy đã đổi.",
    "Tài khoản ngân hàng của mẹ tôi nhận {AMOUNT} tiền lương hưu ngày {DATE}.",
    "Khi quên mật khẩu, tôi gọi tổng đài {HOTLINE} của ngân hàng {BANKNAME} và được hỗ trợ ngay.",
    "Gian hàng của tôi ở lô {STALL} chợ {PLACE} giờ ai cũng trả tiền bằng chuyển khoản.",
]
CLOSINGS = [
    "Tôi rất cảm ơn cán bộ xã đã tận tình giúp đỡ.",
    "Mong kênh chia sẻ để nhiều người biết hơn.",
    "Chuyển đổi số thật sự đã thay đổi cuộc sống của gia đình tôi.",
    "Ai cần thì liên hệ số {PHONE}, tôi sẵn lòng chỉ cách.",
    "Bây giờ cả xóm đều dùng, không ai phải đi lại vất vả nữa.",
    "Cảm ơn chương trình đã mang công nghệ về với bà con vùng cao.",
    "Mọi góp ý xin gửi về {EMAIL}.",
    "Năm {YEAR} chúng tôi đặt mục tiêu {PERCENT} hộ dân dùng thanh toán không tiền mặt.",
]


def fill(template: str, r: random.Random, writer: Writer, person: str) -> None:
    fillers: dict[str, Callable[[], tuple[str, str | None]]] = {
        "NAME": lambda: (name(r), None), "KIN": lambda: (r.choice(KIN), None),
        "PLACE": lambda: (f"{r.choice(COMMUNES)}, {r.choice(PROVINCES)}", None),
        "BANKNAME": lambda: (r.choice(BANKS), None),
        "PHONE": lambda: (phone(r), "phone"), "CCCD": lambda: (citizen_id(r), "citizen_id"),
        "EMAIL": lambda: (email(r, person), "email"), "BANK": lambda: (bank_account(r), "bank_account"),
        "DATE": lambda: (date(r), "keep"), "AMOUNT": lambda: (amount(r), "keep"),
        "YEAR": lambda: (str(r.randint(2018, 2026)), "keep"),
        "PERCENT": lambda: (percent(r), "keep"), "HOUSE": lambda: (house(r), "keep"),
        "HOTLINE": lambda: (hotline(r), "keep"),
        "DECREE": lambda: (decree(r), "keep"), "COUNT": lambda: (count(r), "keep"), "CLOCK": lambda: (clock(r), "keep"),
        "MISC": lambda: (misc_number(r), "keep"), "AGE": lambda: (str(r.randint(60, 95)), "keep"),
        "STALL": lambda: (f"A{r.randint(1, 99)}", "keep"),
        "TIMES": lambda: (f"{r.randint(2, 9)} lần", "keep"),
        "YEARS": lambda: (f"{r.randint(5, 40)} năm", "keep"),
        "DURATION": lambda: (r.choice([f"{r.randint(5, 45)} phút", f"{r.randint(2, 5)} ngày", "nửa buổi", "1 tiếng"]),
                             "keep"),
        "PEOPLE": lambda: (f"{r.choice([45, 120, 350, 1200, 3200, 12500]):,}".replace(",", ".") + " người", "keep"),
        "GRADE": lambda: (f"lớp {r.randint(3, 12)}", "keep"),
        "LEVEL": lambda: (str(r.randint(1, 2)), "keep"),
        "INCOME": lambda: (f"{r.choice([3, 4, 5]) * 1_000_000:,}".replace(",", ".") + " đồng", "keep"),
        "INCOME2": lambda: (f"{r.choice([6, 7, 8, 9]) * 1_000_000:,}".replace(",", ".") + " đồng", "keep"),
    }
    rest = template
    while "{" in rest:
        before, _, after = rest.partition("{")
        slot, _, rest = after.partition("}")
        writer.add(before)
        value, kind = fillers[slot]()
        writer.add(value, kind)
    writer.add(rest)


def build(n: int = 200, seed: int = 7) -> list[dict[str, object]]:
    r = random.Random(seed)
    out = []
    for i in range(n):
        person = name(r)
        sentences = [r.choice(OPENINGS), *r.sample(MIDDLES, r.randint(2, 4)), r.choice(CLOSINGS)]
        if not any(s in sentences for s in MIDDLES if any(k in s for k in ("{PHONE}", "{CCCD}", "{EMAIL}", "{BANK}"))):
            sentences.insert(2, r.choice([s for s in MIDDLES if "{PHONE}" in s or "{EMAIL}" in s or "{CCCD}" in s]))
        writer = Writer()
        for j, sentence in enumerate(sentences):
            if j:
                writer.add("\n\n" if r.random() < 0.2 else " ")
            fill(sentence, r, writer, person)
        out.append({"id": i + 1, "text": writer.text, "spans": writer.spans})
    return out


def write(path: Path = CORPUS) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for item in build():
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")


def load(path: Path = CORPUS) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


if __name__ == "__main__":
    write()
    print(f"wrote {CORPUS}")
