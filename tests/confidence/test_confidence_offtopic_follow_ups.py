"""Off-topic questions asked the way citizens ask them, kept refused (round 34, lane off34).

Two readings hold them:

* a question without a subject of its own after one the channel does not handle ("thủ tục chuyển đổi đất lúa …
  làm ở đâu, có tốn tiền không?"): the follow-up asks the fee of that procedure, not of the online portal
  (``bot.kb.refused_first``);
* a conversion between units or currencies ("2 cup bột chuyển đổi ra gram"): "chuyển đổi" is the channel's word only
  as "chuyển đổi số" (``bot.kb.asks.elsewhere``, kind ``convert``).

The probes are our own (long letters, no marks, teencode, Central and Southern words, emoji), written for this
test; an in-scope twin of each shape must stay answered.
"""

from __future__ import annotations

import pytest

from bot.kb.asks import asked
from bot.kb.engine import KnowledgeBase
from bot.kb.refused_first import names_nothing
from bot.nlp.normalize import analyze

pytestmark = pytest.mark.unit


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize("piece", [
    "có tốn tiền không?", "co mat tien ko", "mất mấy ngày vậy ạ", "làm ở đâu", "nộp ở mô",
    "cần giấy tờ gì", "phí bao nhiêu", "có mất phí hông ad",
])
def test_a_follow_up_naming_nothing_is_read_so(piece: str) -> None:
    assert names_nothing(analyze(piece).text)


@pytest.mark.parametrize("piece", [
    "còn VNeID mức 2 thì sao", "chữ ký số có mất phí không", "cổng dịch vụ công có mất tiền không",
    "ngày chuyển đổi số là ngày nào", "",
])
def test_a_question_with_a_subject_of_its_own_is_not(piece: str) -> None:
    assert not names_nothing(analyze(piece).text)


@pytest.mark.parametrize("question", [
    "2 cup bột chuyển đổi ra gram là bao nhiêu", "1 sao dat doi ra bao nhieu met vuong",
    "100 đô đổi sang tiền Việt", "1 inch quy đổi ra cm", "đổi ra ml là mấy",
])
def test_a_unit_conversion_is_another_domain(question: str) -> None:
    assert "convert" in kinds(question)


@pytest.mark.parametrize("question", [
    "chuyển đổi sang căn cước gắn chip thế nào", "chuyển đổi số ra sao rồi", "đổi sang số điện thoại mới trên VNeID",
    "chuyển đổi thành công dân số", "đổi qua tài khoản mức 2",
])
def test_the_channel_s_own_conversions_are_not(question: str) -> None:
    assert "convert" not in kinds(question)


PROBES = [
    # the follow-up in the sentence after the question
    'Thủ tục chuyển đổi đất lúa sang trồng cây lâu năm làm ở đâu? Có tốn tiền không?',
    'Thủ tục làm hộ chiếu cho con nhỏ làm ở đâu, có mất tiền không?',
    'Thủ tục chuyển đổi đất trồng lúa sang đất nuôi tôm làm ở đâu, có mất tiền không?',
    'Nhà tui có 4 công ruộng ở Châu Thành, lúa thất hoài. Tui muốn đào ao nuôi cá. Xin hỏi thủ tục chuyển'
     ' mục đích sử dụng đất lúa qua nuôi trồng thủy sản làm ở đâu, có tốn tiền hông?',
    'thu tuc chuyen dat lua sang trong cay an trai lam o dau, co mat tien ko',
    'tủ tục chuyển đất lúa qua trồng sầu riêng lm ở đâu, có tốn tiền k ad 😭',
    'Xin phép chuyển đất ruộng sang trồng cây lâu năm nộp ở mô, có mất tiền không rứa?',
    'Làm sổ đỏ lần đầu cho mảnh đất vườn của ba má để lại thì làm ở đâu, mất bao lâu?',
    'Cho hỏi thủ tục tách thửa đất nông nghiệp làm ở đâu, có tốn tiền không?',
    'Thủ tục đăng ký kết hôn với người nước ngoài làm ở đâu, có mất phí không?',
    'Xin giấy phép xây dựng nhà ở nông thôn làm ở đâu, tốn bao nhiêu tiền?',
    'Gia hạn visa du lịch Thái Lan làm ở đâu, có mất tiền không? 🙏',
    'Đổi bằng lái xe máy quốc tế ở đâu, tốn bao nhiêu?',
    'Công thức làm bánh ghi 2 cup bột, chuyển đổi ra gram là bao nhiêu?',
    '1 sao dat o Nghe An doi ra bao nhieu met vuong',
    '100 đô Mỹ đổi sang tiền Việt được bao nhiêu hả ad 🤔',
    '3 muỗng canh đường quy đổi ra gam là mấy gam vậy mn',
    '1 inch chuyển đổi ra cm là bao nhiêu',
    'tui co 2 cong dat, quy doi ra met vuong la bao nhieu z',
    '5 dặm chuyển đổi ra km là bao nhiêu',
    'Má tui nhờ hỏi: công thức nấu chè ghi 1 cup nước cốt dừa, nhà hổng có cốc đong, đổi ra ml là bao nhiêu?',
    '1 hecta chuyển đổi ra mét vuông được bao nhiêu, đất nhà tui ở Đắk Lắk',
    'Nhà tôi có mấy sào ruộng ở Kiến Xương, cấy lúa không đủ ăn. Tôi định chuyển sang trồng cam. Xin hỏi '
     'thủ tục chuyển đổi đất lúa sang trồng cây ăn quả thì làm ở đâu, có mất tiền không?',
    'Ruộng nhà tui ở Hồng Ngự làm lúa lỗ hoài, tính lên liếp trồng xoài. Vậy thủ tục chuyển đổi cây trồng'
     ' trên đất lúa làm sao, có tốn tiền hông?',
    'tui co 2 cong ruong o Long My, lua lo hoai, tinh chuyen qua trong mit. Thu tuc chuyen doi dat lua '
     'sang trong cay lau nam lam o dau, co mat tien khong?',
    'Nhà tui 3 sào lúa ở Đức Phổ, nắng hạn hoài 😩 tính trồng keo. Rứa chuyển đổi đất lúa sang trồng rừng '
     'thì xin ở mô, có mất tiền không?',
    'Thủ tục xin phép chuyển đổi đất ruộng sang đào ao nuôi cá làm ở đâu, mất mấy ngày?',
    'Tui muốn chuyển đất lúa qua trồng dừa, xin phép xã làm sao, cần giấy tờ gì?',
    'Ông bà để lại cho tôi mảnh đất vườn, giờ muốn sang tên cho con. Thủ tục tặng cho đất làm ở đâu, có mất phí không?',
    'Con tôi học lớp 9, muốn thi vào trường chuyên. Hồ sơ thi tuyển lớp 10 nộp ở đâu, có mất tiền không?',
    'Tôi muốn đăng ký nghĩa vụ quân sự cho con trai sắp 18 tuổi, làm ở đâu, có tốn tiền không?',
    'Xe máy của tôi bị giam do vi phạm nồng độ cồn, lấy xe ra làm ở đâu, mất bao lâu?',
    'Em muốn đổi bằng lái xe ô tô hết hạn, làm ở đâu, mất mấy ngày vậy ạ?',
    'Con tôi 6 tuổi, muốn xin học trái tuyến trường tiểu học gần nhà, làm ở đâu, có tốn tiền không?',
    'Mẹ em mất rồi, thủ tục khai nhận di sản thừa kế làm ở đâu, tốn bao nhiêu tiền ạ?',
    'Tôi muốn kiểm định xe ô tô, đăng kiểm làm ở đâu, có mất tiền không?',
    'Nhà tôi nuôi 10 con bò, muốn tiêm phòng lở mồm long móng thì đăng ký ở đâu, có mất tiền không?',
    'bánh bông lan ghi 200ml sữa mà nhà ko có ca đong, chuyển đổi ra gram là bn vậy mn 🥲',
    'Chồng em đi Hàn gửi về 1000 won, đổi ra tiền Việt là bao nhiêu ạ?',
    'Em đang học nấu ăn trên youtube, người ta ghi 1 cup bơ, quy đổi ra gam là mấy gam?',
    '1 công đất Nam Bộ chuyển đổi ra mét vuông là bao nhiêu vậy ad',
    'Ba tui hỏi 1 mẫu ruộng ngoài Bắc quy đổi ra mét vuông là mấy, để ổng so với công trong Nam',
]


def test_there_are_forty_probes() -> None:
    assert len(PROBES) >= 40


@pytest.mark.parametrize("text", PROBES)
def test_an_off_topic_probe_gets_no_confident_answer(real_kb: KnowledgeBase, text: str) -> None:
    assert not real_kb.answer(text).confident


@pytest.mark.parametrize(("text", "entry"), [
    # a fee asked after a question the channel answers: the follow-up keeps the subject of the first
    ("Đăng ký chữ ký số cá nhân trên VNeID làm ở đâu, có mất phí không?", "chu-ky-so-dang-ky-tren-vneid"),
    ("Tài khoản định danh điện tử mức 2 đăng ký ở đâu, có tốn tiền không?", "vneid-kich-hoat-muc-2"),
    ("tui muon lam vneid muc 2 cho ba tui, lam o dau, co mat tien ko", "vneid-kich-hoat-muc-2"),
    ("Nộp hồ sơ trên Cổng dịch vụ công quốc gia thì làm ở đâu, có mất tiền không?", "dvcqg-la-gi"),
    ("Tài khoản định danh điện tử mức 2 đăng ký ở đâu? Có tốn tiền không?", "vneid-kich-hoat-muc-2"),
    ("Đăng ký chữ ký số cá nhân trên VNeID ở đâu vậy ad? Có mất phí hông?", "chu-ky-so-dang-ky-tren-vneid"),
    ("Cổng dịch vụ công quốc gia là gì? Có mất tiền không?", "dvcqg-la-gi"),
    # "chuyển đổi" as the channel says it
    ("Chuyển đổi số là gì, bắt đầu từ đâu?", "cds-la-gi"),
    ("Ngày Chuyển đổi số quốc gia là ngày nào, năm nay tổ chức ở đâu?", "ngay-cds-co-quan-to-chuc"),
])
def test_the_in_scope_twins_are_answered(real_kb: KnowledgeBase, text: str, entry: str) -> None:
    answer = real_kb.answer(text)
    assert answer.confident and answer.entry == entry, (answer.kind, answer.entry)
