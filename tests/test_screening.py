"""Screening checks on their own: links, spam, abuse, topics, near-duplicates, story codes."""

from __future__ import annotations

import pytest

from bot.stories import model as stories
from bot.stories import screening
from tests.story_support import STORY_TEXT

ALLOW = ("gov.vn", "chinhphu.vn")


@pytest.mark.parametrize(("text", "flagged"), [
    ("https://dichvucong.gov.vn/p/home", []),
    ("vneid.gov.vn.", []),
    ("https://baochinhphu.vn/abc", ["baochinhphu.vn"]),  # not on this allow-list
    ("http://dichvucong-gov.vn.xyz/login", ["dichvucong-gov.vn.xyz"]),
    ("https://gov.vn.example.com/x", ["gov.vn.example.com"]),
    ("bit.ly/nhan-qua", ["bit.ly"]),
    ("www.chinhphu.vn và www.facebook.com/trang", ["www.facebook.com"]),
    ("không có đường link nào, chỉ có TP.HCM và v.v.", []),
])
def test_links_outside_the_allow_list_are_flagged(text: str, flagged: list[str]) -> None:
    flags = screening.link_flags(screening.urls_in(text), ALLOW)
    assert [f.detail for f in flags] == flagged


def test_spam_and_abuse() -> None:
    assert [f.kind for f in screening.spam_abuse_flags("Vay tiền nhanh, lãi suất thấp, liên hệ ngay", 0)] == ["spam"]
    assert [f.kind for f in screening.spam_abuse_flags("ok " * 30, 0)] == ["spam"]
    assert [f.kind for f in screening.spam_abuse_flags(STORY_TEXT, 5)] == ["spam"]
    assert [f.kind for f in screening.spam_abuse_flags("đm cái app này lỗi hoài", 0)] == ["abuse"]
    assert screening.spam_abuse_flags("Con chó nhà tôi ngủ ngoan; thầy giáo dạy học sinh dùng máy tính", 0) == []
    assert screening.spam_abuse_flags(STORY_TEXT, 0) == []


@pytest.mark.parametrize(("text", "topic"), [
    (STORY_TEXT, "dich-vu-cong"),
    ("Hợp tác xã cà phê bán nông sản có mã truy xuất nguồn gốc", "nong-nghiep"),
    ("Trạm y tế xã khám bệnh bằng hồ sơ sức khỏe điện tử, bác sĩ khám từ xa", "y-te"),
    ("Học sinh trường làng học trực tuyến với thầy cô", "giao-duc"),
    ("Tiểu thương ở chợ bán hàng qua livestream cho khách hàng", "kinh-doanh"),
    ("Một ngày đẹp trời", "khac"),
])
def test_topic(text: str, topic: str) -> None:
    assert screening.topic_of(text).id == topic


def test_near_duplicates_and_distinct_stories() -> None:
    original = screening.signature(STORY_TEXT)
    edited = screening.signature(STORY_TEXT.replace("Chị Lan", "Anh Minh") + " Cảm ơn các bạn.")
    unaccented = screening.signature("Nho to cong nghe so cong dong, ba con trong xom da biet dung VNeID de lam thu "
                                     "tuc khai sinh cho con ma khong phai len xa nhieu lan.")
    other = screening.signature("Hợp tác xã cà phê của chúng tôi bán nông sản qua sàn thương mại điện tử và dùng "
                                "mã QR truy xuất nguồn gốc cho từng lô hàng xuất khẩu.")
    assert original and edited and unaccented and other
    assert screening.nearest(edited, {"AAAA": original, "BBBB": other}) == ("AAAA", pytest.approx(0.7, abs=0.15))
    assert screening.nearest(unaccented, {"AAAA": original})[0] == "AAAA"
    assert screening.nearest(other, {"AAAA": original}) is None
    assert screening.signature("quá ngắn") is None


def test_story_codes_are_unique_short_and_typeable() -> None:
    codes = [stories.code_for(n) for n in range(50_000)]
    assert len(set(codes)) == len(codes)
    assert all(len(c) == 4 and stories.parse_code(c) == c for c in codes)
    assert len(stories.code_for(32 ** 4)) == 5 and stories.code_for(32 ** 4) not in codes
    assert stories.parse_code("#7kq2") == "7KQ2"
    assert stories.parse_code("O0I1") is None and stories.parse_code("") is None
