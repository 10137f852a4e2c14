"""Where a message is cut into questions (bot/nlp/clauses.py): a second question after "còn" is cut off, a
"còn … không?" that asks whether something is *still* so is not (it is the same question)."""

from __future__ import annotations

import pytest

from bot.nlp.clauses import clauses


@pytest.mark.parametrize(("text", "parts"), [
    ("Định danh mức 1 đăng ký ở đâu, còn mức 2 thì phải làm ở đâu?",
     ["Định danh mức 1 đăng ký ở đâu", "còn mức 2 thì phải làm ở đâu?"]),
    ("Chủ đề năm 2024 là gì còn năm 2025 thì sao?", ["Chủ đề năm 2024 là gì", "còn năm 2025 thì sao?"]),
    ("Bây giờ trồng sầu riêng còn lời không?", ["Bây giờ trồng sầu riêng còn lời không?"]),
    ("tai khoan dich vu cong cu bay gio con dung duoc ko", ["tai khoan dich vu cong cu bay gio con dung duoc ko"]),
    # "còn" as the adverb "still / more" after "hiện", "thì"... opens no second question
    ("Truyền thông chuyển đổi số hiện còn thiếu điều gì?", ["Truyền thông chuyển đổi số hiện còn thiếu điều gì?"]),
    ("Cho em hỏi tổ này ngoài trưởng thôn ra thì còn thêm mấy người?",
     ["Cho em hỏi tổ này ngoài trưởng thôn ra thì còn thêm mấy người?"]),
    # a full stop inside a web address or a number ends no sentence
    ("Trang c63.mic.gov.vn có bao nhiêu bài toán, còn t63.mic.gov.vn có bao nhiêu câu chuyện?",
     ["Trang c63.mic.gov.vn có bao nhiêu bài toán", "còn t63.mic.gov.vn có bao nhiêu câu chuyện?"]),
    ("Tôi ở quê. Cho hỏi VNeID cài ở đâu?", ["Tôi ở quê", "Cho hỏi VNeID cài ở đâu?"]),
])
def test_a_second_question_is_cut_off_but_still_so_is_not(text: str, parts: list[str]) -> None:
    assert clauses(text) == parts
