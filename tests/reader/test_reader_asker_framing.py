"""How the asker frames a question that names its subject: what they will write the answer into, the authority they
want it from, a request opening that names nothing, and lending a hand ("góp sức").

- "để ghi / viết / điền vào …" after the question is the asker's purpose (``bot.nlp.clauses.tells_purpose``), also
  with no comma before it.
- "theo tài liệu chính thức" is framing (``bot.kb.lexicon.STOP_PHRASES``).
- "Cho em hỏi răng chớ, …" announces the clause after it (``bot.nlp.clauses.announces``).
- "góp sức" reads as the KB's "góp phần" (``bot.nlp.dialect``).
"""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.nlp.clauses import announces, clauses, tells_purpose

pytestmark = pytest.mark.unit


# --- the purpose of writing the answer down ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "để ghi vào tài liệu sinh hoạt chi bộ",
    "để viết vào bài thu hoạch cho cơ quan",
    "de dien vao bao cao thang cua thon",
    "để em chép vào sổ tay tuyên truyền",
])
def test_a_purpose_of_writing_the_answer_down(text: str) -> None:
    assert tells_purpose(text)


@pytest.mark.parametrize("text", [
    "để ghi vào đâu",  # asks by itself
    "đề án 06 ghi vào cơ sở dữ liệu những gì",
])
def test_no_purpose_of_writing_without_its_shape(text: str) -> None:
    assert not tells_purpose(text)


def test_a_purpose_with_no_comma_is_cut_off_the_question() -> None:
    parts = clauses("Tôi đang cần biết Cổng Dịch vụ công quốc gia chính thức khai trương vào ngày tháng năm nào để ghi "
                    "vào tài liệu sinh hoạt chi bộ.")
    assert len(parts) == 2 and tells_purpose(parts[1])


def test_a_topic_after_de_is_not_cut() -> None:
    # "để góp phần …" is what the question asks about, and "đề án" folds like "để": neither is cut
    assert len(clauses("Người dân cần làm gì để góp phần chuyển đổi số ở địa phương mình?")) == 1
    assert len(clauses("Cho hỏi năm nào đề án 06 báo cáo kết quả với Chính phủ")) == 1


@pytest.mark.parametrize("question, entry", [
    ("Tôi đang cần biết Cổng Dịch vụ công quốc gia chính thức khai trương vào ngày tháng năm nào để ghi vào tài liệu "
     "sinh hoạt chi bộ.", "dvcqg-ra-doi"),
    ("Mình muốn biết định nghĩa chuẩn của chuyển đổi số theo tài liệu chính thức, để viết vào bài thu hoạch cho cơ "
     "quan.", "cds-la-gi"),
])
def test_a_question_with_the_purpose_of_writing_it_down_is_answered(real_kb: KnowledgeBase, question: str,
                                                                     entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry


def test_the_authority_asked_for_is_framing(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("dinh nghia chuan cua chuyen doi so theo tai lieu chinh thuc la gi")
    assert answer.confident and answer.entry == "cds-la-gi"


# --- a request opening that names nothing ----------------------------------------------------------------------------

@pytest.mark.parametrize("head", ["Cho em hỏi răng chớ", "Xin hỏi chút nha", "cho mình hỏi chút xíu"])
def test_a_bare_request_announces_what_follows(head: str) -> None:
    assert announces(head)


@pytest.mark.parametrize("head", ["Cho em hỏi VNeID là gì", "Cho em hỏi răng chớ tổ công nghệ số lập ra",
                                  # review of round 16, H1: "cai" folded is also "cài" (install)
                                  "Cho em hỏi cài sao vậy", "Xin hỏi cai sao z"])
def test_a_request_that_names_its_subject_announces_nothing(head: str) -> None:
    assert not announces(head)


def test_the_question_after_a_bare_request_is_answered(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Cho em hỏi răng chớ, chỉ số an toàn an ninh mạng toàn cầu GCI thì tới 2025 mình phải lọt "
                            "top mấy, rồi tới 2030 top mấy rứa? Em đọc mô cũng không thấy hỉ.")
    assert answer.confident and answer.entry == "muc-tieu-an-toan-an-ninh-mang"


# --- lending a hand ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["mik mún góp sức cho kênh cđs thì lm j dc ạ, ko bik code j đâu",
                                      "nguoi dan gop suc cds the nao"])
def test_lending_a_hand_is_contributing(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "cds-nguoi-dan-gop-phan"


# --- a question that points back at the story -----------------------------------------------------------------------

def test_a_story_that_names_the_subject_still_holds(real_kb: KnowledgeBase) -> None:
    # guard: a question that points back at the story is not read alone
    answer = real_kb.answer("Tôi nghe nói có Quyết định 749 về chương trình chuyển đổi số. Rốt cuộc ai ký vậy?")
    assert answer.entry != "ngay-cds-quyet-dinh-505"


def test_which_document_is_still_asked(real_kb: KnowledgeBase) -> None:
    # review of round 16, M1: "theo tài liệu" alone is not framing — "theo tài liệu nào" asks the source
    answer = real_kb.answer("Theo tài liệu nào thì xã phải hoàn thành chuyển đổi số?")
    assert answer.kind != "unknown"
