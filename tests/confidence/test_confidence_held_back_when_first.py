"""Round 15 (`qa15conf`): right answers held back although the right entry ranked first.

- A story sentence of the asker's own, ended with a full stop when another sentence ends on "?", is context, not a
  question (``bot.kb.message.marked`` now also picks the questions, not only the places).
- The asker's purpose told after the request ("…, để giải thích cho phụ huynh …") is context
  (``bot.nlp.clauses.tells_purpose``).
- A doubt ("có thiệt không hay nói cho vui") closing a fact asked ("… tiết kiệm được bao nhiêu tiền") asks no opinion
  (``bot.kb.asks_round14``); alone over a target it still does.
- A phone word that is a predicate or an alternative ("tên đăng nhập là số điện thoại hay là số gì") asks no phone
  number (``bot.kb.asks._PHONE``).
"""

from __future__ import annotations

import pytest

from bot.kb.asks import asked
from bot.kb.engine import KnowledgeBase
from bot.nlp.clauses import clauses, tells_purpose

pytestmark = pytest.mark.unit


# --- a story sentence ended by a full stop ------------------------------------------------------------------------

def test_a_story_sentence_with_a_question_word_is_no_first_question(real_kb: KnowledgeBase) -> None:
    # "tôi hỏi đổi khi nào thì anh ấy cũng không rõ." tells what the asker asked someone else
    answer = real_kb.answer(
        "Hồi trước tôi có tạo tài khoản trên Cổng dịch vụ công quốc gia để nộp hồ sơ cho con, nhớ mật khẩu hẳn hoi. "
        "Tuần rồi vào lại thì không đăng nhập được nữa, cán bộ xã bảo là đổi quy định rồi, tôi hỏi đổi khi nào thì "
        "anh ấy cũng không rõ. Vậy tài khoản cũ dùng được đến ngày nào, giờ phải đăng nhập bằng cái gì?")
    assert answer.confident and answer.entry == "vneid-dang-nhap-dich-vu-cong"


def test_a_story_sentence_that_says_what_the_asker_does_not_know_still_asks(real_kb: KnowledgeBase) -> None:
    # "chưa biết ai làm ra …" asks who, though the asker ended it with a full stop (guard of the rule above)
    answer = real_kb.answer("Năm nay tôi 60 tuổi, con cháu cứ bảo cài VNeID. Tôi cài rồi nhưng chưa biết ai làm ra "
                            "cái ứng dụng này. Có phải của bên công an không?")
    assert answer.confident and answer.entry == "vneid-la-gi"


def test_a_full_stopped_question_without_a_speaker_still_asks(real_kb: KnowledgeBase) -> None:
    # review 14c's guard: a question written without its mark, no story of the asker in it
    answer = real_kb.answer("Nghệ An có bao nhiêu tổ công nghệ số cộng đồng. Bao nhiêu thành viên?")
    assert not answer.confident


# --- the asker's purpose told after the request -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "để giải thích cho phụ huynh trong buổi họp lớp tuần sau",
    "để em nói lại cho bà con",
    "de ve noi lai cho chi em trong hoi phu nu",
    "để viết báo cáo cho chi bộ",
])
def test_a_purpose_of_passing_the_answer_on(text: str) -> None:
    assert tells_purpose(text)


@pytest.mark.parametrize("text", [
    "để góp phần chuyển đổi số",  # what the question asks about
    "để nói lại cho bà con hiểu tổ này giúp được những việc gì",  # asks by itself
    "để giải thích?",
    "đề án 06 giải thích thế nào",
])
def test_no_purpose_without_its_shape(text: str) -> None:
    assert not tells_purpose(text)


def test_the_purpose_is_cut_off_the_request() -> None:
    parts = clauses("Mình muốn biết định nghĩa chuyển đổi số theo tài liệu chính thức, để giải thích cho phụ huynh "
                    "trong buổi họp lớp tuần sau.")
    assert len(parts) == 2 and tells_purpose(parts[1])


def test_a_request_with_its_purpose_is_answered(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Mình muốn biết định nghĩa chuyển đổi số theo tài liệu chính thức, để giải thích cho phụ "
                            "huynh trong buổi họp lớp tuần sau.")
    assert answer.confident and answer.entry == "cds-la-gi"


# --- a doubt closing a fact asked ---------------------------------------------------------------------------------

def test_a_doubt_after_a_figure_asked_asks_no_opinion() -> None:
    kinds = asked("cong dich vu cong quoc gia moi nam tiet kiem duoc bao nhieu tien vay co thiet khong hay noi cho vui")
    assert "opinion" not in kinds


def test_a_doubt_over_a_target_still_asks_an_opinion() -> None:
    kinds = asked("theo may nguoi thi toi nam 2030 kinh te so co chiem duoc 30 gdp thiet khong hay noi cho vui")
    assert "opinion" in kinds


def test_the_figure_doubted_is_answered(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Cổng dịch vụ công quốc gia mỗi năm tiết kiệm được bao nhiêu tiền rứa, có thiệt không hay "
                            "nói cho vui?")
    assert answer.confident and answer.entry == "dvcqg-ra-doi"


# --- a phone word that is what something is -------------------------------------------------------------------------

def test_a_phone_word_as_a_predicate_asks_no_phone_number() -> None:
    assert "phone" not in asked("ten dang nhap vneid la so dien thoai hay la so gi vay")
    assert "phone" not in asked("dang nhap bang so dien thoai nao")


def test_a_phone_number_asked_is_still_asked() -> None:
    assert "phone" in asked("so dien thoai tong dai vneid la bao nhieu")
    assert "phone" in asked("hotline cua cuc chuyen doi so so may")


def test_the_login_asked_as_phone_or_what_is_answered(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Tên đăng nhập VNeID là số điện thoại hay là số gì vậy? Mấy chữ số?")
    assert answer.confident and answer.entry == "vneid-ten-dang-nhap"


def test_the_old_accounts_answer_names_the_decree_that_ended_them(real_kb: KnowledgeBase) -> None:
    # "… dùng được đến ngày nào, theo nghị định nào …": the entry now says the decree its source quotes (69/2024)
    from bot.kb.asks import provided

    assert "which:nghi dinh" in provided(real_kb.by_id["vneid-dang-nhap-dich-vu-cong"])
    answer = real_kb.answer("Năm ngoái tôi tạo tài khoản trên cổng dịch vụ công bằng số điện thoại. Giờ vào lại "
                            "không được, cứ bắt sang VNeID, tôi loay hoay mãi. Tài khoản cũ dùng được đến ngày nào, "
                            "theo nghị định nào?")
    assert answer.confident and answer.entry == "vneid-dang-nhap-dich-vu-cong"
