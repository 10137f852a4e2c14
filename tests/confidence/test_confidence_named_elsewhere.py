"""A ministry, another country, another day: a closed-class name the question asks about that the top entry does not
say gets no confident answer from that entry (``bot.kb.named_elsewhere``, ``content/named_bodies.toml``).

On main these were answered confidently with the neighbouring entry: "Bộ Tài chính có tham gia chuyển đổi số
không" with what a citizen can do, "Bộ Nội vụ sáp nhập vào bộ nào" with the information ministry's merger, "kinh
tế số ở Mỹ …" with Vietnam's share, "ngày chuyển đổi số thế giới" with the national day, "Cổng dịch vụ công Bộ Công
an …" with the national portal. Entries that name the body (the ministry merger, the minister, VNeID built by the
police) still answer; a body where the speaker works is context.
"""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.named_elsewhere import named
from bot.nlp.normalize import analyze

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question, neighbour", [
    ("Bộ Tài chính có tham gia chuyển đổi số không", "cds-nguoi-dan-gop-phan"),
    ("Bộ Nội vụ sáp nhập vào bộ nào", "bo-tttt-nay-la-bo-nao"),
    ("kinh tế số ở Mỹ chiếm bao nhiêu % GDP", "kinh-te-so-ty-trong-hien-nay"),
    ("ở Mỹ kinh tế số chiếm mấy phần trăm", "kinh-te-so-ty-trong-hien-nay"),
    ("ngày chuyển đổi số thế giới là ngày nào", "ngay-cds-la-ngay-nao"),
    ("ngay chuyen doi so quoc te la ngay may", "ngay-cds-la-ngay-nao"),
    ("Cổng dịch vụ công Bộ Công an khai trương ngày nào", "dvcqg-ra-doi"),
    ("cho hỏi bộ GD&ĐT chuyển đổi số ra sao", "kenh-nen-gui-cau-chuyen-gi"),
    ("Ngân hàng Nhà nước có tham gia chuyển đổi số không", "cds-nguoi-dan-gop-phan"),
    ("Cổng dịch vụ công của Bộ Tài chính địa chỉ là gì", "dvcqg-la-gi"),
])
def test_a_body_the_entry_does_not_say_is_offered_not_answered(real_kb: KnowledgeBase, question: str,
                                                                neighbour: str) -> None:
    answer = real_kb.answer(question)
    assert not answer.confident
    assert answer.entry is None


@pytest.mark.parametrize("question", [
    "bo tai chinh co chuyen doi so ko",
    "Bộ Y tế có ứng dụng gì cho người dân không ạ",
    "bộ y tế làm chuyển đổi số tới đâu rồi",
    "Bộ Giáo dục và Đào tạo có chương trình chuyển đổi số không vậy",
    "Bộ Quốc phòng chuyển đổi số thế nào",
    "Bộ Tư pháp có cổng dịch vụ công riêng không",
    "Bộ Xây dựng có tham gia đề án 06 không",
    "Bộ Công Thương có sàn thương mại điện tử không",
    "BCA có app gì ngoài VNeID ko",
    "Bộ Ngoại giao chuyển đổi số thế nào",
    "Bộ Nông nghiệp và Môi trường thành lập năm nào",
    "Bộ Kế hoạch và Đầu tư giờ còn không",
    "bo ke hoach dau tu sap nhap vo dau",
    "Bộ Giao thông vận tải nhập vô bộ nào rồi",
    "Bộ Tài nguyên và Môi trường giờ tên gì",
    "Bộ Lao động Thương binh Xã hội sáp nhập vào đâu",
    "bộ LĐTBXH còn ko hay nhập rồi",
    "Ủy ban Dân tộc giờ thành bộ gì",
    "Bộ Dân tộc và Tôn giáo làm gì",
    "bên Mỹ có ngày chuyển đổi số không",
    "nước Mỹ có định danh điện tử như VNeID không",
    "ngày internet thế giới là ngày nào vậy",
    "có ngày chuyển đổi số toàn cầu không",
    "Trung Quốc có ngày chuyển đổi số không",
    "Hàn Quốc xếp hạng chính phủ điện tử thứ mấy",
    "kinh tế số của Mỹ bao nhiêu tỷ đô",
    "Bộ Y tế có sổ sức khỏe điện tử từ năm nào",
    "tổng đài Bộ Công an là số mấy",
    "Bộ Nội vụ có bao nhiêu người",
    "mấy anh ơi Bộ Tư pháp có làm lý lịch tư pháp online ko",
    "Bộ Giáo dục dùng phần mềm gì quản lý học sinh",
    "dạ cho em hỏi Bộ Quốc phòng có tổ công nghệ số không ạ",
])
def test_other_bodies_and_countries_get_no_confident_answer(real_kb: KnowledgeBase, question: str) -> None:
    assert not real_kb.answer(question).confident


@pytest.mark.parametrize("question, entry", [
    ("Bộ Thông tin và Truyền thông sáp nhập vào bộ nào", "bo-tttt-nay-la-bo-nao"),
    ("Bộ TT&TT giờ còn không", "bo-tttt-nay-la-bo-nao"),
    ("bộ tttt nhập vô bộ nào rồi", "bo-tttt-nay-la-bo-nao"),
    ("Bộ Thông tin và Truyền thông hợp nhất với bộ nào", "bo-tttt-nay-la-bo-nao"),
    ("bộ thông tin truyền thông còn hông hay nhập rồi", "bo-tttt-nay-la-bo-nao"),
    ("Bộ TT&TT với Bộ KH&CN hợp nhất ngày nào", "bo-tttt-nay-la-bo-nao"),
    ("Bộ trưởng Bộ Khoa học và Công nghệ là ai", "bo-truong-khcn"),
    ("Bộ KH&CN bộ trưởng là ai vậy", "bo-truong-khcn"),
    ("Bộ trưởng Bộ Khoa học và Công nghệ sau khi hợp nhất với Bộ Thông tin và Truyền thông là ai?",
     "bo-truong-khcn"),
    ("Bộ Khoa học và Công nghệ quản lý chuyển đổi số từ khi nào", "co-quan-phu-trach-cds"),
    ("bo khcn quan ly chuyen doi so ha", "co-quan-phu-trach-cds"),
    ("cơ quan nào phụ trách chuyển đổi số, có phải Bộ Khoa học và Công nghệ không", "co-quan-phu-trach-cds"),
    ("Bộ Văn hóa Thể thao và Du lịch nhận lĩnh vực báo chí từ bộ nào", "bao-chi-xuat-ban-thuoc-bo-nao"),
    ("Bộ Văn hóa nhận mảng báo chí từ khi nào", "bao-chi-xuat-ban-thuoc-bo-nao"),
    ("VNeID do Bộ Công an phát triển phải không", "vneid-la-gi"),
    ("tài khoản VNeID do Bộ Công an quản lý đúng không", "vneid-la-gi"),
    ("ứng dụng VNeID của Bộ Công an dùng để làm gì", "vneid-la-gi"),
    ("em làm ở Bộ Y tế, ngày chuyển đổi số quốc gia là ngày nào", "ngay-cds-la-ngay-nao"),
    ("Việt Nam xếp hạng EGDI thứ mấy thế giới", "ct-xep-hang-egdi-2024"),
    ("Việt Nam đứng thứ mấy thế giới về chính phủ điện tử", "ct-xep-hang-egdi-2024"),
    ("Ngày chuyển đổi số quốc gia là ngày nào", "ngay-cds-la-ngay-nao"),
    ("kinh tế số Việt Nam chiếm bao nhiêu phần trăm GDP", "kinh-te-so-ty-trong-hien-nay"),
    ("Cổng dịch vụ công quốc gia khai trương ngày nào", "dvcqg-ra-doi"),
])
def test_an_entry_that_says_the_body_still_answers(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry


@pytest.mark.parametrize("question, bodies", [
    ("Bộ Tài chính có tham gia chuyển đổi số không", ("Bộ Tài chính",)),
    ("cho hỏi bộ GD&ĐT chuyển đổi số ra sao", ("Bộ Giáo dục và Đào tạo",)),
    ("BCA có app gì", ("Bộ Công an",)),
    ("kinh tế số ở Mỹ", ("Hoa Kỳ",)),
    ("ngày chuyển đổi số thế giới", ("thế giới",)),
    # where the speaker works, and words that fold like a short form, name no body
    ("tôi làm ở Bộ Tài chính, VNeID là gì vậy", ()),
    ("em làm ở Bộ Y tế, ngày chuyển đổi số quốc gia là ngày nào", ()),
    ("mất nguyên buổi sáng, bỏ cả bán hàng", ()),
    ("thẩm mỹ viện có chuyển đổi số không", ()),
    ("Việt Nam xếp hạng EGDI thứ mấy thế giới", ()),
])
def test_the_bodies_a_question_names(question: str, bodies: tuple[str, ...]) -> None:
    assert named(analyze(question).tokens) == bodies
