"""Round 34: two more offices a letter names that nobody asks about (bot.kb.asks.people, ``_own_offices``).

- the speaker's age told before the office ("Tôi năm nay sáu mươi, làm phó chủ tịch …"): the round-22
  self-introduction with its "làm" after the age;
- the teller of the story, the subject of a verb of saying, reading or bidding ("Giám đốc bảo …", "bí thư đọc tài
  liệu …", "anh chủ tịch xã dặn …") in a comma piece that asks nothing.

Both are context: an entry that does not name the office must not be held back by it. An office asked about —
what it said, its age, who holds it — stays asked.
"""

from __future__ import annotations

import pytest

from bot.kb.asks import asked
from bot.nlp.normalize import analyze
from tests.support import BotHarness
from tests.test_qa_chat import ask, entry_answer


def roles(message: str) -> set[str]:
    return {k for k in asked(analyze(message).text, message) if k.startswith("role:")}


@pytest.mark.parametrize("message", [
    # the age first, then the office
    "Tôi năm nay bảy mươi mốt, làm chủ tịch Hội Người cao tuổi phường. Ngày chuyển đổi số là ngày nào?",
    "Tui 52 tuổi, đang làm phó giám đốc hợp tác xã. Cho tui hỏi VNeID là gì?",
    # the teller of the story
    "Giám đốc dặn cả phòng phải đọc về chuyển đổi số. Chuyển đổi số là gì?",
    "Tối qua bác bí thư chi bộ đọc thông báo, nghe nhắc tới Đề án 06. Đề án 06 là gì vậy?",
    "Hôm họp, anh chủ tịch xã có nói tới tổ công nghệ số cộng đồng, tổ đó làm những việc gì?",
])
def test_the_tellers_and_the_speakers_office_are_no_office_asked(message: str) -> None:
    assert roles(message) == set()


@pytest.mark.parametrize(("message", "role"), [
    # what the office said is asked: the office stays
    ("Bộ trưởng nói gì về Ngày chuyển đổi số?", "role:bo truong"),
    ("chủ tịch xã nói ai phụ trách chuyển đổi số?", "role:chu tich"),
    # "bao" of "bao nhiêu" is no "bảo"
    ("Giám đốc sở bao nhiêu tuổi", "role:giam doc"),
    # a teller in one sentence, the office asked in another
    ("Anh chủ tịch xã dặn phải cài VNeID. Chủ tịch tỉnh là ai?", "role:chu tich"),
    # an age told with no office after it: the office asked stays
    ("Tôi năm nay sáu mươi. Thứ trưởng phụ trách chuyển đổi số là ai?", "role:thu truong"),
])
def test_an_office_asked_stays_asked(message: str, role: str) -> None:
    assert role in roles(message)


def test_a_letter_told_by_the_director_gets_the_answer(bot: BotHarness) -> None:
    """A letter whose story is what the director said, its question pointing back at the year named there: the
    director is the teller, and the year's entry is answered."""
    message = ask(bot, "Sáng nay giám đốc bảo có một năm nhà nước gọi là Năm dữ liệu số quốc gia, ai cũng phải lo "
                       "chuyện dữ liệu, mà tôi hỏi năm nào thì anh ấy chịu. Đó là năm nào vậy? Để tôi còn trả lời cả "
                       "phòng.")
    assert message["text"].startswith(entry_answer("nam-du-lieu-so-2023")), message["text"]
