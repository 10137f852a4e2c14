"""Another domain's predicate asked of the channel's subjects (``bot.kb.asks.elsewhere``, round 25): a person's
tastes, a cure, the weather, luck, a day off, a sale. The look-alike names the subject whole, so the ranker was sure
of its entry; the citizen gets the out-of-scope apology with that entry first among the buttons, while the
channel's own questions about the same subjects — and a citizen's story told around one — are answered as before.
"""

from __future__ import annotations

import time

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked
from bot.nlp.normalize import analyze

pytestmark = pytest.mark.unit


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize(("question", "kind"), [
    ("Bộ trưởng Bộ KH&CN thích nghe nhạc gì?", "taste"),
    ("Bo truong KHCN co biet da bong khong", "taste"),
    ("Ông Nguyễn Mạnh Hùng có nuôi chó mèo không?", "taste"),
    ("Bộ trưởng Bộ Khoa học và Công nghệ có hay câu cá không?", "taste"),
    ("Đề án 06 có giúp tôi giảm cân không?", "effect:health"),
    ("vneid co chua duoc benh huyet ap cao khong", "effect:health"),
    ("Tổ công nghệ số cộng đồng có chữa bệnh cho bà con không?", "effect:health"),
    ("de an 06 co lam troi bot nong khong", "effect:weather"),
    ("Cổng dịch vụ công quốc gia có dự báo thời tiết không", "effect:weather"),
    ("Chữ ký số có mang lại may mắn không?", "effect:luck"),
    ("kinh te so co giup tim nguoi yeu khong", "effect:love"),
    ("Ngày Chuyển đổi số quốc gia có được nghỉ làm không?", "dayoff"),
    ("ngay chuyen doi so quoc gia co duoc nghi khong", "dayoff"),
    ("Ngày 10/10 có phải ngày nghỉ lễ không ad?", "dayoff"),
    ("ngay cds quoc gia co sale khong", "sale"),
    ("Ngày CĐS quốc gia các siêu thị có giảm giá không?", "sale"),
])
def test_another_domains_predicate_is_read(question: str, kind: str) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize("question", [
    "Bộ trưởng Bộ KH&CN là ai?",
    "Đề án 06 giúp người dân được gì?",
    "Dùng thẻ căn cước gắn chip khám chữa bệnh thay thẻ bảo hiểm y tế được không?",  # Đề án 06's own utility
    "Tôi bị tiểu đường, đi lại khó, có làm dịch vụ công trực tuyến tại nhà được không?",  # the asker's story
    "Chuyển đổi số giúp nâng cao thêm kỹ năng cho người dân thế nào?",
    "Nghị định mới về định danh thay cho nghị định 59 là nghị định số mấy?",  # "nghị", folded "nghi"
    "Ngày CĐS quốc gia là ngày nào?",
    "Doanh nghiệp gửi thông báo khuyến mại trên Cổng Dịch vụ công quốc gia được không?",  # a procedure
    "Ông bà tôi không biết dùng điện thoại thì nhờ ai hướng dẫn?",
])
def test_the_channels_own_questions_ask_none_of_it(question: str) -> None:
    assert not {k for k in kinds(question) if k.startswith(("taste", "effect:", "dayoff", "sale"))}


@pytest.mark.parametrize(("question", "closest"), [
    ("Bộ trưởng Bộ KH&CN thích nghe nhạc gì?", "bo-truong-khcn"),
    ("Đề án 06 có giúp tôi giảm cân không?", "de-an-06-khong-nop-lai-giay-to"),
    ("Ngày Chuyển đổi số quốc gia có được nghỉ làm không?", "ngay-cds-muc-dich"),
    ("chuyen doi so co giup da dep hon khong", "cds-loi-ich-nguoi-dan"),
    ("Bộ trưởng Bộ Khoa học và Công nghệ có trồng cây cảnh không?", "bo-truong-khcn"),
])
def test_the_look_alike_gets_the_apology_with_its_entry_first(real_kb: KnowledgeBase, question: str,
                                                             closest: str) -> None:
    answer = real_kb.answer(question)
    assert not answer.confident
    assert answer.out_of_scope
    assert closest in answer.choice_entries[:3]


@pytest.mark.parametrize(("question", "entry"), [
    ("Bộ trưởng Bộ KH&CN là ai?", "bo-truong-khcn"),
    ("Đề án 06 giúp người dân được gì?", "de-an-06-khong-nop-lai-giay-to"),
    ("Ngày CĐS quốc gia là ngày nào?", "ngay-cds-la-ngay-nao"),
    ("VNeID là ứng dụng gì?", "vneid-la-gi"),
])
def test_its_in_scope_twin_is_answered(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry


def test_a_long_message_is_read_in_linear_time() -> None:
    """Adversarial input: a person, the verbs of an effect and a day off repeated with no predicate after them."""
    def took(n: int) -> float:
        text = analyze(" ".join(["bộ trưởng giúp tôi làm cho được nghị định"] * n)).text
        start = time.perf_counter()
        for _ in range(5):
            asked(text, text)
        return time.perf_counter() - start

    took(50)
    assert took(400) < 40 * max(took(50), 1e-4)
