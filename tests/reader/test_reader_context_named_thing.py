"""The thing a context sentence names, the entry answering the question after it must say (``bot.kb.context_named``).

"… đến năm 2025 hồ sơ công việc cấp xã phải xử lý trên mạng theo một tỉ lệ. Tỉ lệ đó là bao nhiêu?": read alone, the
question ("tỉ lệ … bao nhiêu") was answered with confidence by the share of dossiers handled online, a neighbouring
fact that says nothing of commune-level work records; the whole message ranks the targets that say them first.
Only a question pointing back ("tỉ lệ đó") is read so; an unaccented "do" is not read as pointing back (nor by
``bot.nlp.clauses.self_contained``), and a question naming its own subject keeps its own answer.
"""

from __future__ import annotations

import pytest

from bot.kb.context_named import context_left
from bot.kb.engine import KnowledgeBase
from bot.kb.texts import Texts

pytestmark = pytest.mark.unit

NEIGHBOUR = "dvc-ty-le-ho-so-truc-tuyen"  # the share of dossiers handled online: not the targets asked


@pytest.mark.parametrize(("text", "entry"), [
    ("Tôi đọc thấy chương trình chuyển đổi số quốc gia đặt mục tiêu hồ sơ công việc cấp xã xử lý trên mạng đến năm "
     "2030. Tỷ lệ ấy là mấy phần trăm?", "ct-muc-tieu-2030"),
    ("nghe nói đến năm 2025 hồ sơ công việc cấp xã phải xử lý trên môi trường mạng theo 1 tỉ lệ. tỉ lệ đó là bao "
     "nhiêu % vậy ad", "ct-2025-chinh-phu-so"),
])
def test_the_whole_message_answer_keeps_what_the_context_names(real_kb: KnowledgeBase, text: str,
                                                                 entry: str) -> None:
    answer = real_kb.answer(text)
    assert answer.confident and answer.entry == entry


@pytest.mark.parametrize("text", [
    "Anh trưởng phòng bảo năm 2025 hồ sơ công việc cấp huyện phải xử lý trên mạng một tỷ lệ nhất định. Tỷ lệ đó bao "
    "nhiêu phần trăm?",
    "Ông bí thư xã nói đến năm 2025 hồ sơ công việc cấp xã phải xử lý trên môi trường mạng theo một tỉ lệ. Con số đó "
    "là bao nhiêu?",
])
def test_an_unsure_whole_message_is_offered_not_answered_with_the_neighbour(real_kb: KnowledgeBase,
                                                                           text: str) -> None:
    answer = real_kb.answer(text)
    assert not (answer.confident and answer.entry == NEIGHBOUR)
    assert "ct-2025-chinh-phu-so" in ([answer.entry] if answer.confident else answer.choice_entries)


@pytest.mark.parametrize("text", [
    "Tỷ lệ hồ sơ thủ tục được giải quyết trực tuyến hiện nay là bao nhiêu?",
    # a context of the asker's life, the question naming its own subject: its own answer stands
    "Nhà tôi ở xã, ông bà lớn tuổi chưa rành điện thoại. Tỷ lệ hồ sơ thủ tục được giải quyết trực tuyến hiện nay là "
    "bao nhiêu?",
])
def test_a_question_naming_its_subject_is_still_answered(real_kb: KnowledgeBase, text: str) -> None:
    answer = real_kb.answer(text)
    assert answer.confident and answer.entry == NEIGHBOUR


def test_only_words_the_whole_message_entry_says_count(real_kb: KnowledgeBase) -> None:
    records = real_kb.records
    context = Texts(real_kb.index).query("đến năm 2025 hồ sơ công việc cấp xã phải xử lý trên môi trường mạng")
    assert context is not None
    targets, neighbour = records["ct-2025-chinh-phu-so"], records[NEIGHBOUR]
    assert context_left(context.view, neighbour, targets)  # "công việc", "cấp xã": said by the targets only
    assert not context_left(context.view, targets, neighbour)  # the targets say all the neighbour says of it
    assert not context_left(context.view, targets, targets)
