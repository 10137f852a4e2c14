"""Round 30 (`cmdkb30`): a request for a piece of information is what a letter asks.

"Cho bà xin cái địa chỉ trang dịch vụ công quốc gia với" asks with no question word and no question mark: it is said
to the channel in the imperative, a request for a listed piece of information (``bot.nlp.information_asked``). The
message reader (``bot.kb.message.questions``) counts it as asking by itself, as a question is, so a story's question
words ("giấy tờ gì cũng …", "không biết vào trang nào") do not leave it out. Requests for an action the channel has a
command for ("cho tôi xin hủy đăng ký") name no piece and stay no question.
"""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.message import asks_by_itself, questions, sentences_of
from bot.nlp.clauses import clauses


def _questions(text: str) -> list[str]:
    parts = clauses(text)
    sentences = dict(zip(parts, sentences_of(parts, text), strict=True))
    return questions(parts, parts, text, sentences, lambda _: True)


@pytest.mark.parametrize("clause", [
    "Cho ông xin cái đường dẫn trang nộp hồ sơ trực tuyến với",
    "cho tui xin số tổng đài hỗ trợ của cổng dịch vụ công nha",
    "cho chau xin dia chi trang dang ky tai khoan dinh danh",  # typed without marks
])
def test_a_request_for_a_piece_of_information_asks_by_itself(clause: str) -> None:
    assert asks_by_itself(clause)


@pytest.mark.parametrize("clause", [
    "cho tôi xin hủy đăng ký",  # the stop: no piece of information
    "cho xin đăng ký nhận bản tin",  # the subscription
    "Bà ghi hết vào sổ rồi",  # a story
])
def test_a_request_for_an_action_or_a_story_does_not(clause: str) -> None:
    assert not asks_by_itself(clause)


def test_the_request_ending_a_story_is_among_its_questions() -> None:
    text = ("Ông ở quê, mắt kém, làm giấy tờ gì cũng phải nhờ người. Con ông dặn lên mạng mà nộp cho nhanh. "
            "Cho ông xin cái đường dẫn trang nộp hồ sơ trực tuyến với, ông chép lại.")
    assert any(q.startswith("Cho ông xin cái đường dẫn") for q in _questions(text))


def test_a_story_without_a_request_keeps_its_own_questions() -> None:
    text = "Ông ở quê, mắt kém, làm giấy tờ gì cũng phải nhờ người. Con ông dặn lên mạng mà nộp cho nhanh."
    assert not any("xin" in q for q in _questions(text))


def test_an_elders_letter_asking_for_the_portals_address_is_answered(real_kb: KnowledgeBase) -> None:
    text = ("Chú làm ruộng cả đời, tháng nào cũng lên xã làm giấy tờ gì đó. Hôm qua anh cán bộ bảo giờ thủ tục gì cũng "
            "làm trên mạng cho nhanh. Thằng út nhà chú mở máy mà nó cũng không biết vô trang nào. Cho chú xin cái địa "
            "chỉ trang dịch vụ công quốc gia với, chú ghi vô sổ.")
    answer = real_kb.answer(text)
    assert answer.confident and "dichvucong.gov.vn" in answer.text
