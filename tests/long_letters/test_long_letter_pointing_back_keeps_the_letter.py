"""Round 34: a letter answered with confidence as a whole, whose one question points back into the story ("Tỉ lệ đó
là bao nhiêu phần trăm?"), keeps the whole letter's answer (bot.kb.reading, ``_read_questions``).

Read with the story's last words by ``bot.kb.message.resolved_parts`` ("tỉ lệ nhất định"), the question alone names
only "tỉ lệ": a neighbouring entry about another rate answered it, over the letter's own entry, which the story's
words (the programme, the year, the commune's files) name. A question that names its own subject is still read
alone over the whole letter, as before.
"""

from __future__ import annotations

from bot.kb import KnowledgeBase
from tests.support import BotHarness
from tests.test_qa_chat import ask, entry_answer

POINTING_BACK = ("Anh làm ở bưu điện văn hóa xã, ngày nào cũng chỉ bà con nộp hồ sơ. Trưởng phòng nói theo chương "
                 "trình chuyển đổi số quốc gia thì tới năm 2025 hồ sơ công việc cấp xã phải được xử lý trên môi "
                 "trường mạng theo một tỉ lệ nhất định. Tỉ lệ đó là bao nhiêu phần trăm?")


def test_the_question_pointing_back_is_answered_with_the_letters_entry(real_kb: KnowledgeBase) -> None:
    result = real_kb.answer(POINTING_BACK)
    assert result.confident and result.entry == "ct-2025-chinh-phu-so"


def test_a_question_naming_its_subject_is_still_read_alone(real_kb: KnowledgeBase) -> None:
    """The same story, its question naming the rate it asks: the question's own entry."""
    result = real_kb.answer(POINTING_BACK.replace("Tỉ lệ đó là bao nhiêu phần trăm?",
                                                  "Vậy tỷ lệ hồ sơ dịch vụ công giải quyết trực tuyến toàn trình cả "
                                                  "nước hiện nay là bao nhiêu?"))
    assert result.confident and result.entry == "dvc-ty-le-ho-so-truc-tuyen"


def test_the_citizen_gets_the_letters_answer(bot: BotHarness) -> None:
    message = ask(bot, POINTING_BACK)
    assert message["text"].startswith(entry_answer("ct-2025-chinh-phu-so")), message["text"]
