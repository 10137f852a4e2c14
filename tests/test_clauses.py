"""Where a message is cut into questions (bot/nlp/clauses.py): a second question after "còn" is cut off, a
"còn … không?" that asks whether something is *still* so is not (it is the same question)."""

from __future__ import annotations

import pytest

from bot.nlp.clauses import asks_by_itself, clauses, is_question


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
    # round 30: "còn" before a verb and the end point asked is "still" (until when is it still so?): the subject
    # before it stays with the question; a longer piece after "còn" fronts a subject of its own and is cut off
    ("Bản đồ số của huyện làm từ năm 2020, vậy bản đồ giấy của xã còn dùng tới bao giờ?",
     ["Bản đồ số của huyện làm từ năm 2020, vậy bản đồ giấy của xã còn dùng tới bao giờ?"]),
    ("Thẻ bảo hiểm bản giấy của mẹ tôi còn xài đến khi nào vậy?",
     ["Thẻ bảo hiểm bản giấy của mẹ tôi còn xài đến khi nào vậy?"]),
    ("Mẹ tôi đổi căn cước rồi, thẻ cũ còn dùng được không cô?",
     ["Mẹ tôi đổi căn cước rồi, thẻ cũ còn dùng được không cô?"]),
    ("VNeID cài ở đâu, còn tài khoản cổng cũ dùng tới bao giờ?",
     ["VNeID cài ở đâu", "còn tài khoản cổng cũ dùng tới bao giờ?"]),
])
def test_a_second_question_is_cut_off_but_still_so_is_not(text: str, parts: list[str]) -> None:
    assert clauses(text) == parts


@pytest.mark.parametrize(("text", "parts"), [
    # the sentence's own "?" does not make the words after "và" a question: a ministry's name is one question
    ("nghị định nào quy định chức năng nhiệm vụ của bộ khoa học và công nghệ sau hợp nhất?",
     ["nghị định nào quy định chức năng nhiệm vụ của bộ khoa học và công nghệ sau hợp nhất?"]),
    # a tail that asks on its own is still cut
    ("VNeID là gì và cài đặt ở đâu thì được?", ["VNeID là gì", "và cài đặt ở đâu thì được?"]),
])
def test_and_cuts_only_before_a_tail_that_asks_by_itself(text: str, parts: list[str]) -> None:
    assert clauses(text) == parts


@pytest.mark.parametrize(("text", "asks"), [
    ("con cháu đi làm xa nên không hỏi được ai", False),  # "không" negates, "ai" is anyone
    ("ở nhà không ai rành điện thoại", False),
    ("ai cũng cài app đi chợ online", False),
    ("Bộ Thông tin và Truyền thông không còn nữa", False),
    ("tài khoản cũ còn dùng được không ạ", True),  # "không" ending the clause asks
    ("không biết ai ký quyết định 505", True),  # "không biết" opens a question
    ("ai ký quyết định 505", True),
    ("co dung duoc ko", True),
])
def test_negation_inside_a_clause_asks_nothing(text: str, asks: bool) -> None:
    assert is_question(text) is asks


@pytest.mark.parametrize(("text", "parts"), [
    # a request phrase before the comma announces the question after it: one question, not two
    ("Tôi đang cần thông tin về việc này, năm 2023 được chọn là năm gì về chuyển đổi số?",
     ["Tôi đang cần thông tin về việc này, năm 2023 được chọn là năm gì về chuyển đổi số?"]),
    # a question word before the comma still asks by itself
    ("Định danh mức 1 là gì, mức 2 thì đăng ký ở đâu?", ["Định danh mức 1 là gì", "mức 2 thì đăng ký ở đâu?"]),
])
def test_a_request_before_a_comma_announces_the_question(text: str, parts: list[str]) -> None:
    assert clauses(text) == parts


@pytest.mark.parametrize(("clause", "by_itself", "question"), [
    ("Sếp giao tìm hiểu kỹ", False, True),  # a request phrase only: context or a request, by its neighbours
    ("Thầy hướng dẫn bảo em phải có số liệu", False, True),
    ("Ngày chuyển đổi số quốc gia là ngày nào", True, True),
    ("VNeID cài ở đâu", True, True),
    ("Mình là cán bộ văn hóa xã", False, False),
])
def test_a_request_phrase_alone_does_not_ask_by_itself(clause: str, by_itself: bool, question: bool) -> None:
    assert (asks_by_itself(clause), is_question(clause)) == (by_itself, question)


def test_remaining_is_not_a_second_question() -> None:
    """"còn lại" (the one left) opens no second question; after a comma "còn" still does."""
    assert clauses("Ngoài phát triển chính phủ số thì mục tiêu còn lại là gì vậy?") == [
        "Ngoài phát triển chính phủ số thì mục tiêu còn lại là gì vậy?"]
    assert clauses("VNeID mức 1 làm ở đâu, còn lại mức 2 thì sao?") == [
        "VNeID mức 1 làm ở đâu", "còn lại mức 2 thì sao?"]


@pytest.mark.parametrize(("text", "parts"), [
    # a request that names nothing before a colon announces the question after it
    ("Tôi đang cần thông tin về việc này: ngày cđs 2025.", ["Tôi đang cần thông tin về việc này", "ngày cđs 2025"]),
    # one that names its subject keeps its colon: the questions after it are about that subject
    ("Cần thông tin về tổ công nghệ số cộng đồng: ai lập, gồm những ai.",
     ["Cần thông tin về tổ công nghệ số cộng đồng: ai lập", "gồm những ai"]),
    ("Lưu ý: VNeID là gì?", ["Lưu ý: VNeID là gì?"]),  # no request before the colon
])
def test_a_colon_ends_a_request_that_names_nothing(text: str, parts: list[str]) -> None:
    assert clauses(text) == parts


@pytest.mark.parametrize(("clause", "asks"), [
    ("e que Ha Tinh vo Binh Duong lam cong ty giay 4 nam roi", False),  # "Ha" opens a name, not "hả"
    ("nha em o Ha Noi, con di lam xa", False),
    ("Cho Hoi Ai La Bo Truong", True),  # title case: the question words stay
    ("VNeID Ai phat trien", True),
    ("ban o Ha Noi ha", True),
])
def test_an_unmarked_name_is_no_question_word(clause: str, asks: bool) -> None:
    """Round 11: a capitalised unmarked word after a lower-case one and before a capitalised one opens a name."""
    assert asks_by_itself(clause) is asks


@pytest.mark.parametrize(("text", "parts"), [
    # a run of marks ends one sentence: "???" is no question of its own
    ("Mục tiêu EGDI 2025 là top mấy??? Năm 2030 là top mấy???",
     ["Mục tiêu EGDI 2025 là top mấy???", "Năm 2030 là top mấy???"]),
    ("VNeID là gì?! Chữ ký số là gì?", ["VNeID là gì?", "Chữ ký số là gì?"]),
    # marks or emoji typed alone between questions ask nothing
    ("VNeID là gì? ?? Chữ ký số là gì? 😀", ["VNeID là gì?", "Chữ ký số là gì?"]),
    # a message of marks alone is still read
    ("??", ["??"]),
])
def test_marks_alone_are_no_question(text: str, parts: list[str]) -> None:
    assert clauses(text) == parts


@pytest.mark.parametrize(("text", "parts"), [
    # round 31b: "mấy + time noun + rồi" is "for several … now" (the quantifier): the "rồi" stays with it, so the
    # story's clause asks no "how many years" and is not cut off as a question of its own
    ("Nhà tôi xài cái app đó mấy tháng rồi mà vẫn chưa rõ ai làm ra nó",
     ["Nhà tôi xài cái app đó mấy tháng rồi mà vẫn chưa rõ ai làm ra nó"]),
    ("bác tôi nộp hồ sơ trên đó mấy chục năm rồi mà không biết nó có từ hồi nào",
     ["bác tôi nộp hồ sơ trên đó mấy chục năm rồi mà không biết nó có từ hồi nào"]),
    # a question ending before "rồi" still asks, and the cut stays
    ("Cổng dịch vụ công khai trương khi nào rồi mà giờ mới bắt buộc dùng, cổng tỉnh dùng đến khi nào",
     ["Cổng dịch vụ công khai trương khi nào", "rồi mà giờ mới bắt buộc dùng", "cổng tỉnh dùng đến khi nào"]),
])
def test_several_then_keeps_its_then(text: str, parts: list[str]) -> None:
    assert clauses(text) == parts
