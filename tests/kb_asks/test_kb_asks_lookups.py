"""One's own record looked up (bot.kb.asks.lookups): a tax code, insurance, fines, exam results, a pension … are each
agency's own service; no portal entry says how to look them up. Look-alikes written for these tests."""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked
from bot.kb.asks.lookups import asked_lookups, provided_lookups
from bot.nlp.normalize import analyze, fold

pytestmark = pytest.mark.unit


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize(("question", "record"), [
    ("Điểm thi của con tôi có tra trên cổng dịch vụ công được không?", "exam"),
    ("Có xem được thông tin bảo hiểm y tế của mình trên cổng dịch vụ công không?", "health"),
    ("Tôi muốn tra giấy phép lái xe của mình trên cổng dịch vụ công thì làm sao?", "licence"),
    ("Tôi muốn xem tiền điện nhà tôi tháng này trên cổng dịch vụ công", "bill"),
    ("ma so thue ca nhan cua toi tra tren cong dvc dc ko", "tax"),
    ("Sổ bảo hiểm xã hội của tui coi trên cổng được hông?", "insurance"),
    ("tra cuu phat nguoi xe may o dau vay ad", "fines"),
    ("Lương hưu tháng này của má tui xem ở đâu?", "pension"),
    ("Tình trạng sổ đỏ của nhà tôi có kiểm tra trên cổng được không?", "land"),
])
def test_ones_own_record_looked_up_is_not_answered_by_a_portal_entry(real_kb: KnowledgeBase, question: str,
                                                                     record: str) -> None:
    assert f"lookup:{record}" in kinds(question)
    answer = real_kb.answer(question)
    assert not answer.confident or answer.out_of_scope, answer.entry


@pytest.mark.parametrize("question", [
    "Thanh toán tiền phạt giao thông trên cổng dịch vụ công được không?",
    "trả tiền điện trên cổng dịch vụ công được không",
    "Cấp lại thẻ bảo hiểm y tế trực tuyến được không?",
    "Có thể nộp thuế thu nhập cá nhân trên cổng dịch vụ công không?",
    "Xem tiền điện trên cổng được không",  # whose bill is not said: the portal's electricity service
])
def test_paying_or_the_portals_own_service_is_no_lookup(question: str) -> None:
    assert not any(k.startswith("lookup:") for k in kinds(question))


def test_a_record_told_in_a_sentence_that_does_not_ask_is_context() -> None:
    question = "Tôi vừa tra mã số thuế của mình xong. Cổng dịch vụ công quốc gia là gì vậy?"
    assert not any(k.startswith("lookup:") for k in kinds(question))


def test_what_an_answer_gives() -> None:
    assert provided_lookups(fold("Bạn có thể tra cứu mã số thuế tại trang của ngành thuế.")) == {"lookup:tax"}
    refused = provided_lookups(fold("Kênh không tra cứu được hồ sơ của từng người."))
    assert {"lookup:tax", "lookup:exam", "lookup:land"} <= refused
    assert provided_lookups(fold("Thanh toán trực tuyến là một thành phần của Cổng.")) == frozenset()


def test_no_phrasing_of_the_kb_asks_a_lookup(real_kb: KnowledgeBase) -> None:
    found = [(e.id, t) for e in real_kb.entries if e.topic != "ngoai-pham-vi"
             for t in (e.title, *e.questions, *e.keywords, *real_kb.phrasings.get(e.id, ()))
             if asked_lookups(analyze(t).text, t)]
    assert found == []


@pytest.mark.parametrize("question", [
    "Sổ đỏ nhà tôi làm xong chưa, xem trên cổng dịch vụ công được không?",
    "Làm sao biết mình có bị phạt nguội không, tra trên cổng dịch vụ công được không?",
    "Hồ sơ cấp sổ đỏ của tui đang tới đâu rồi, coi trên cổng được hông?",
])
def test_a_clause_that_looks_up_what_the_message_names_is_not_answered_alone(real_kb: KnowledgeBase,
                                                                             question: str) -> None:
    answer = real_kb.answer(question)
    assert not answer.confident or answer.out_of_scope, answer.entry


def test_carried_only_to_a_clause_that_looks_up_without_naming() -> None:
    from bot.kb.asks.lookups import carried
    message = frozenset({"lookup:land", "procedure:dat dai"})
    assert carried(fold("xem trên cổng dịch vụ công được không"), message) == {"lookup:land"}
    assert carried(fold("cổng dịch vụ công là gì"), message) == frozenset()
    assert carried(fold("xem điểm thi ở đâu"), message) == frozenset()  # names its own record
    assert carried(fold("xem trên cổng được không"), frozenset({"procedure:dat dai"})) == frozenset()


@pytest.mark.parametrize("question", [
    "Nhà tôi muốn thanh toán tiền điện trên cổng, xem hướng dẫn ở đâu?",
    "nop phat nguoi cua xe toi tren cong dvc, xem o dau",
])
def test_a_record_paid_is_no_lookup(question: str) -> None:
    assert not any(k.startswith("lookup:") for k in kinds(question))


# Review of round 18 (M1): the records go only to a clause that names nothing of its own; an in-scope second question
# keeps its answer
@pytest.mark.parametrize(("question", "entry"), [
    ("Mã số thuế của tôi tra ở đâu, và tìm tổ công nghệ số ở xã tôi thế nào?", "tcns-tim-o-dau"),
    ("Điểm thi của con tôi xem ở đâu, còn bản tin mới nhất của kênh xem ở đâu?", "kenh-doc-ban-tin-moi-nhat"),
])
def test_a_second_question_naming_its_subject_keeps_its_answer(real_kb: KnowledgeBase, question: str,
                                                               entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry


def test_records_are_not_carried_to_a_clause_naming_its_own_subject() -> None:
    from bot.kb.asks.lookups import carried
    message = frozenset({"lookup:tax"})
    assert carried(fold("tìm tổ công nghệ số ở đâu"), message) == frozenset()
    assert carried(fold("còn bản tin mới nhất của kênh xem ở đâu"), message) == frozenset()
    assert carried(fold("tra ở đâu"), message) == {"lookup:tax"}
    assert carried(fold("coi trên app được hông"), message) == {"lookup:tax"}


# Review of round 18 (M2, L1): paying ("trả tiền", "nộp phạt", "đóng tiền") a few words before the record is no lookup,
# whoever's record it is, and the portal's payments answer it
@pytest.mark.parametrize("question", [
    "Cho mình biết trả tiền điện nhà mình qua cổng dịch vụ công được không?",
    "cho minh biet tra tien dien nha minh qua dvc dc ko",
    "Nhà tôi muốn trả tiền điện trên cổng dịch vụ công, xem hướng dẫn ở đâu?",
    "Tôi muốn biết có nộp phạt vi phạm giao thông qua cổng dịch vụ công được không?",
    "Cho tôi biết đóng tiền phạt nguội qua cổng dịch vụ công được không?",
    "Tôi muốn biết trả tiền nước của nhà tôi trên cổng được không?",
])
def test_paying_a_few_words_before_the_record_is_no_lookup(question: str) -> None:
    assert not any(k.startswith("lookup:") for k in kinds(question))


@pytest.mark.parametrize("question", [
    "Cho mình biết trả tiền điện nhà mình qua cổng dịch vụ công được không?",
    "cho minh biet tra tien dien nha minh qua dvc dc ko",
])
def test_paying_ones_own_bill_is_answered_by_the_portals_payments(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "dvc-thanh-toan-truc-tuyen"


# Review of round 18 (M3): words that only look like a record or an owner
@pytest.mark.parametrize("question", [
    "Con tôi muốn biết điểm thì xem chỗ nào",  # "thì", not "thi"
    "Tôi muốn biết kết quả thi đua của tổ công nghệ số xã mình",
    "Cho tôi biết địa điểm thi sát hạch của con tôi ở đâu",
    "Tôi muốn biết tiền thuê nhà của tôi có được giảm không",  # rent, not tax
    "Chữ ký số cá nhân có dùng ký hóa đơn điện tử không, cho tôi biết với",  # "cá nhân" names no owner here
    "Tôi hỏi về mã số thuế mà kênh không trả lời được thì sao?",  # "trả lời" looks nothing up
    "Kênh có trả lời câu hỏi về phạt nguội không?",
])
def test_look_alike_words_are_no_lookup(question: str) -> None:
    assert not any(k.startswith("lookup:") for k in kinds(question))


@pytest.mark.parametrize(("question", "record"), [
    ("Tôi muốn xem hóa đơn tiền điện cá nhân ở đâu?", "bill"),  # "cá nhân" right after the record
    ("diem thi cua con toi xem o dau", "exam"),
])
def test_the_record_and_owner_still_read(question: str, record: str) -> None:
    assert f"lookup:{record}" in kinds(question)


@pytest.mark.parametrize("question", [
    "Tôi nhận tin nhắn bảo vào link kiểm tra vi phạm giao thông của tôi, có phải lừa đảo không?",
    "Có người gọi điện xưng công an nói tôi bị phạt nguội, bảo cài ứng dụng để xem, có phải lừa đảo không?",
])
def test_a_scam_asked_about_is_no_lookup(question: str) -> None:
    # review of round 18 (L3): the scam entries answer these, the record is the bait
    assert not any(k.startswith("lookup:") for k in kinds(question))
