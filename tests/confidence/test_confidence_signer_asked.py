"""Who signed or approved a document, asked beside its number, is answered by that document's own entry, and that
entry's answer names the signer (or, where the sources name only the office, the office): a citizen who asks "ai ký
Quyết định 06" must not get the 749 programme's answer because both are the Prime Minister's decisions (round 23).
Also the two wording families of round 22's rambling failures: the name of October 2024's promotions month and the
shortcomings the channel's 2022 article lists, asked after a story. Every question is written here, not copied from
an evaluation set, and none is a phrasing typed exactly (a phrasing is always answered by its entry)."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("question", "entry", "signer"), [
    ("qd 06/qd-ttg do ai phe duyet vay", "de-an-06-la-gi", "Thủ tướng"),
    ("Quyết định số 06 năm 2022 là ai ký vậy ạ?", "de-an-06-la-gi", "Thủ tướng"),
    ("quyết định 749 là ông nào ký thế", "ct-749-la-gi", "Nguyễn Xuân Phúc"),
    ("thủ tướng nào đã ký chương trình chuyển đổi số quốc gia vậy", "ct-749-la-gi", "Nguyễn Xuân Phúc"),
    ("quyết định 505 là ai ký rứa", "ngay-cds-quyet-dinh-505", "Vũ Đức Đam"),
    ("quyết định 411 ai ký ban hành", "ct-chien-luoc-411", "Thủ tướng"),
    ("quyết định 942 do ai ký vậy", "ct-chien-luoc-942", "Thủ tướng"),
    ("nghị quyết 52 của bộ chính trị ai ký", "ct-nghi-quyet-52", "Nguyễn Phú Trọng"),
])
def test_the_signer_is_answered_by_the_documents_entry(
        real_kb: KnowledgeBase, question: str, entry: str, signer: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry
    assert signer in real_kb.by_id[entry].answer


@pytest.mark.parametrize(("question", "entry"), [
    ("Hồi tháng 10/2024 con tui mua đồ trên mạng được giảm giá, nói là nhà nước tổ chức cả tháng. "
     "Tháng đó năm 2024 gọi là tháng gì?", "ngay-cds-chu-de-2024"),
    ("Năm 2024, tháng 10 có tên gọi là tháng gì vậy ad?", "ngay-cds-chu-de-2024"),
    ("Xã tui năm nào cũng họp tuyên truyền chuyển đổi số, toàn hội nghị với khẩu hiệu. "
     "Bài viết năm 2022 của kênh nêu những hạn chế nào vậy?", "cds-han-che-2022"),
])
def test_a_fact_named_the_citizens_way_reaches_its_entry(
        real_kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry
