"""The practical side of a service (bot.kb.asks.services): look-alikes written for these tests, not copied from a dev
set.

Each kind is a thing the citizen asks that no entry — or only some — says: how much a fee is, a bank's own
service, opening hours, every item of a large set, a count of staff, blocking calls, changing an account's details,
a certificate. The entry the ranker finds shares the question's other words; the floor offers it instead of
answering with it. Each test also checks that the channel's own questions near the look-alike keep their answers.
"""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked, provided, unanswered
from bot.nlp.normalize import analyze


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


def test_the_amount_of_a_fee_needs_an_entry_that_names_a_sum_or_says_free(real_kb: KnowledgeBase) -> None:
    """Saying that fees can be paid on the portal does not tell how much a passport costs; "miễn phí" does answer
    how much."""
    assert {"fee", "amount"} <= kinds("Đăng ký xe máy trên dịch vụ công lệ phí bao nhiêu?")
    assert {"fee", "amount"} <= kinds("lam ho chieu tren dich vu cong phi bao nhieu")
    assert {"fee", "amount"} <= kinds("Định danh mức 2 làm chỗ nào rẻ nhất?")
    assert "amount" not in kinds("Dịch vụ công trực tuyến có mất phí không?")  # whether, not how much
    assert "amount" not in kinds("Cán bộ xã được trả lương bao nhiêu tiền một tháng?")  # pay has its own kind
    paying = real_kb.by_id["dvc-thanh-toan-truc-tuyen"]  # "Có thể nộp phí, lệ phí trên Cổng DVC quốc gia không?"
    assert "fee" in provided(paying) and "amount" not in provided(paying)
    assert "amount" in provided(real_kb.by_id["chu-ky-so-dang-ky-tren-vneid"])  # it says "miễn phí"
    assert "amount" in provided(real_kb.by_id["dvcqg-ra-doi"])  # it names a sum in đồng
    assert not real_kb.answer("Đăng ký xe máy trên dịch vụ công lệ phí bao nhiêu?").confident
    kept = real_kb.answer("Nộp lệ phí trên dịch vụ công bằng thẻ ATM được không?")
    assert kept.confident and kept.entry == "dvc-thanh-toan-truc-tuyen"


@pytest.mark.parametrize("question", [
    "Có tài khoản VNeID mức 2 thì được vay tín chấp bao nhiêu?",
    "Nộp tiền trên dịch vụ công bằng app ngân hàng có bị tính phí giao dịch không?",
    "lai suat ngan hang thang nay bao nhieu vay ad",
    "Mở tài khoản ngân hàng bằng VNeID có được không?",
])
def test_a_banks_own_service_is_a_kind_no_entry_gives(real_kb: KnowledgeBase, question: str) -> None:
    assert "bank" in kinds(question)
    assert not real_kb.answer(question).confident


def test_bank_words_that_are_context_or_ours_ask_no_bank_service(real_kb: KnowledgeBase) -> None:
    """Unmarked "vay" is "vậy"; a scam by bank transfer is the police's redirect; paying by card is the portal's."""
    assert "bank" not in kinds("lam sao vay ad")
    assert "bank" not in kinds("Bị lừa chuyển khoản thì báo ở đâu?")
    assert "bank" not in kinds("Nộp lệ phí bằng thẻ ATM trên dịch vụ công được không?")
    assert "bank" not in provided(real_kb.by_id["dvc-thanh-toan-truc-tuyen"])
    scam = real_kb.answer("Bị lừa chuyển khoản thì báo ở đâu?")
    assert scam.confident and scam.entry == "npv-bi-lua-dao"


def test_a_banks_account_or_app_is_a_banks_service_not_the_vneid_redirect(real_kb: KnowledgeBase) -> None:
    """The redirect for a forgotten VNeID password sends the citizen to the police: apt for VNeID, not for a bank's
    own account or app (round 11's ``bank`` kind, grown)."""
    assert "bank" in kinds("Quên mật khẩu tài khoản ngân hàng trên app thì làm sao?")
    assert "bank" in kinds("App ngân hàng bắt xác thực khuôn mặt, làm thế nào?")
    assert not real_kb.answer("Quên mật khẩu tài khoản ngân hàng trên app thì làm sao?").confident
    kept = real_kb.answer("Quên mật khẩu VNeID lấy lại thế nào?")
    assert kept.confident and kept.entry == "npv-lay-lai-tai-khoan"


@pytest.mark.parametrize("question", [
    "Chữ ký số của ngân hàng mình đăng ký chỗ nào vậy?",
    "chu ky so ngan hang lam o dau",
    "Chuyển đổi số ngân hàng là gì thế ạ?",
])
def test_a_banks_own_signature_or_transformation_is_a_banks_service(real_kb: KnowledgeBase, question: str) -> None:
    """A bank's own digital signature or digital transformation is the bank's matter: the channel's entries on a
    citizen's signature (VNeID) and on what digital transformation is say nothing of a bank's (round 22). The
    channel's own questions of the same words keep their answers."""
    assert "bank" in kinds(question)
    assert not real_kb.answer(question).confident
    assert "bank" not in kinds("Chữ ký số đăng ký ở đâu?")
    assert "bank" not in kinds("Chuyển đổi số là gì?")
    signature = real_kb.answer("Đăng ký chữ ký số cá nhân ở đâu?")
    assert signature.confident and signature.entry == "chu-ky-so-dang-ky-tren-vneid"
    definition = real_kb.answer("Chuyển đổi số là gì?")
    assert definition.confident and definition.entry == "cds-la-gi"


def test_opening_hours_need_an_entry_that_gives_a_time(real_kb: KnowledgeBase) -> None:
    assert "hours" in kinds("Công an phường làm căn cước giờ làm việc từ mấy giờ?")
    assert "hours" in kinds("Bộ phận một cửa ở xã làm việc thứ bảy không?")
    assert "hours" in kinds("Cục Chuyển đổi số quốc gia mở cửa tới mấy giờ?")
    assert "hours" not in kinds("Bây giờ cổng dịch vụ công có gì mới?")  # "bây giờ" is now, not a time asked
    # no entry gives an office's hours; the channel's redirect that says it has no hotline answers a hotline's
    # (bot.kb.asks.hours_by_day)
    assert [e.id for e in real_kb.entries if "hours" in provided(e)] == ["npv-so-dien-thoai-tong-dai"]
    assert not real_kb.answer("Cục Chuyển đổi số quốc gia mở cửa tới mấy giờ?").confident


def test_every_item_of_a_large_set_needs_an_entry_that_lists_them(real_kb: KnowledgeBase) -> None:
    """The KB says where the 55 problems and the 21 stories are published; it lists none of them. A small set an
    entry does list ("ba trụ cột") asks no such kind: no size of five or more is named."""
    assert "list:21" in kinds("Kể từng câu chuyện trong 21 câu chuyện chuyển đổi số cho tôi nghe")
    assert "list:34" in kinds("Liệt kê hết 34 tỉnh thành sau sáp nhập")
    assert not any(k.startswith("list:") for k in kinds("Ba trụ cột chuyển đổi số là gì, kể hết ra"))
    assert not any(k.startswith("list:") for k in kinds("55 bài toán chuyển đổi số là gì?"))  # no listing asked
    assert unanswered(kinds("Liệt kê đầy đủ 55 bài toán chuyển đổi số"), real_kb.by_id["55-bai-toan-cds"])
    assert "list:6" in provided(real_kb.by_id["dvcqg-thanh-phan"])  # its six components, one a line
    assert not real_kb.answer("Kể từng câu chuyện trong 21 câu chuyện chuyển đổi số cho tôi nghe").confident
    pillars = real_kb.answer("Ba trụ cột chuyển đổi số là gì, kể hết ra")
    assert pillars.confident and pillars.entry == "ba-tru-cot-cds"


def test_a_count_of_staff_or_units_needs_an_entry_that_names_them(real_kb: KnowledgeBase) -> None:
    assert "count:can bo" in kinds("Cục Chuyển đổi số quốc gia có bao nhiêu cán bộ?")
    assert not real_kb.answer("Cục Chuyển đổi số quốc gia có bao nhiêu cán bộ?").confident
    # the police units that answer on Zalo: the entry names "đơn vị", so the count is its own
    units = "Có bao nhiêu đơn vị công an dùng chatbot trên Zalo?"
    assert "count:don vi" in kinds(units)
    assert real_kb.answer(units).confident


@pytest.mark.parametrize(("question", "kind"), [
    ("Làm sao chặn tin nhắn lừa đảo trên Zalo?", "block"),
    ("Chặn cuộc gọi làm phiền thế nào ad?", "block"),
    ("Cách cập nhật số điện thoại mới cho tài khoản VNeID?", "change"),
    ("Đổi email trên tài khoản dịch vụ công thế nào?", "change"),
    ("Thi chứng chỉ ứng dụng công nghệ thông tin cơ bản ở đâu?", "certificate"),
])
def test_a_phones_settings_an_accounts_details_and_a_certificate_are_kinds_no_entry_gives(
        real_kb: KnowledgeBase, question: str, kind: str) -> None:
    assert kind in kinds(question)
    assert not any(kind in provided(e) for e in real_kb.entries)
    assert not real_kb.answer(question).confident


def test_the_words_of_a_change_or_a_block_in_the_channels_own_questions_ask_neither() -> None:
    """Folded, "đổi" is "đòi" (demand) and "chặn" is "chán": the verbs are read with their marks, never unmarked."""
    assert "change" not in kinds("Chuyển đổi số điện thoại thông minh giúp gì cho nông dân?")  # "chuyển đổi số"
    assert "change" not in kinds("Người lạ đòi mật khẩu VNeID để kích hoạt hộ thì sao?")  # a KB phrasing's kin
    assert "change" not in kinds("doi mat khau vneid sao")  # unmarked: "đòi" or "đổi"
    assert "change" in kinds("Đổi mật khẩu VNeID thế nào?")
    assert "block" not in kinds("Chán tin nhắn quảng cáo quá, kênh có gửi nhiều không?")
    assert "block" not in kinds("chan cuoc goi lam phien sao ad")  # unmarked: "chặn" or "chán"
    assert "block" not in kinds("Chân dung tổ công nghệ số cộng đồng là gì?")
    assert "certificate" not in kinds("Chứng thư số và chữ ký số khác nhau thế nào?")
