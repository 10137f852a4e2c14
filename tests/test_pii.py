"""The personal-data masker on the Vietnamese formats citizens actually paste."""

from __future__ import annotations

import pytest

from bot.infra.texts import render
from bot.stories.pii import mask

PHONE, CCCD, EMAIL, BANK, NUMBER = (render(f"pii_{k}") for k in ("phone", "citizen_id", "email", "bank_account",
                                                                   "number"))


@pytest.mark.parametrize(("text", "expected"), [
    # mobile numbers: 0 / 84 / +84, with and without spaces, dots, dashes, brackets
    ("Gọi 0912345678 nhé", f"Gọi {PHONE} nhé"),
    ("Gọi 0912 345 678 nhé", f"Gọi {PHONE} nhé"),
    ("SĐT: 0912.345.678.", f"SĐT: {PHONE}."),
    ("0912-345-678", PHONE),
    ("+84912345678", PHONE),
    ("+84 912 345 678", PHONE),
    ("(+84) 912.345.678", PHONE),
    ("+84-91-234-5678", PHONE),
    ("84912345678", PHONE),
    ("84 987 654 321", PHONE),
    ("liên hệ 0387654321 hoặc 0701234567", f"liên hệ {PHONE} hoặc {PHONE}"),
    ("số 0 9 1 2 3 4 5 6 7 8", f"số {PHONE}"),
    # landlines (area code 2x)
    ("(028) 3823 4567", PHONE),
    ("024.3823.4567", PHONE),
    ("+84 24 3823 4567", PHONE),
    # 12-digit citizen ID numbers, grouped or not
    ("CCCD 001203001234 của tôi", f"CCCD {CCCD} của tôi"),
    ("CCCD: 0792 0300 1234", f"CCCD: {CCCD}"),
    ("căn cước 079.203.001.234", f"căn cước {CCCD}"),
    # e-mail addresses
    ("email: nguyen.van-a+dx@gmail.com.vn.", f"email: {EMAIL}."),
    ("Gửi về ubnd_xa@tuyenquang.gov.vn nhé", f"Gửi về {EMAIL} nhé"),
    # bank account numbers, recognised by what announces them
    ("STK 1903 5678 9012 Techcombank", f"STK {BANK} Techcombank"),
    ("Vietcombank: 0071000123456", f"Vietcombank: {BANK}"),
    ("số tài khoản: 123-456-789-00 tại BIDV", f"số tài khoản: {BANK} tại BIDV"),
    ("ủng hộ qua tài khoản Agribank số 3300205123456", f"ủng hộ qua tài khoản Agribank số {BANK}"),
    # any other long digit run is an identifier of some kind
    ("mã BHXH 7912345678901", f"mã BHXH {NUMBER}"),
    # what must stay: amounts, years, dates, short numbers, URLs without digits runs
    ("Doanh thu tăng 15.000.000 đồng năm 2025", "Doanh thu tăng 15.000.000 đồng năm 2025"),
    ("Ngày 10/10/2025, 34 tỉnh thành", "Ngày 10/10/2025, 34 tỉnh thành"),
    ("Hơn 1.200 hộ dùng mã QR, 85% người dân", "Hơn 1.200 hộ dùng mã QR, 85% người dân"),
    ("Xem https://dichvucong.gov.vn", "Xem https://dichvucong.gov.vn"),
])
def test_mask(text: str, expected: str) -> None:
    assert mask(text).text == expected


def test_mask_reports_what_it_found_and_handles_decomposed_text() -> None:
    import unicodedata

    result = mask(unicodedata.normalize("NFD", "Số tài khoản 0071000123456, gọi 0912345678, a@b.vn"))
    assert result.found == {"bank_account": 1, "phone": 1, "email": 1}
    assert "0071000123456" not in result.text and result.any
    assert not mask("Không có gì riêng tư ở đây").any
