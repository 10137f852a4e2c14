"""Help asked of the bot called "bạn này", and a story's how asked after the story is told.

* "ban nay lam duoc nhung gi vay, chi tui cach xai voi" went to the knowledge base: "bạn" alone folds onto "bán",
  "bàn", so the unaccented "what can you do" read nothing; "bạn này / bạn ni" (two words) is the bot called
  (``[vocabulary] bot``), so it counts typed without marks too.
* A long letter that tells the story first ("Xóm tôi có bà cụ … bán cam qua Zalo, ….") and asks how to send it last
  ("Tôi muốn kể chuyện này gửi lên kênh … thì làm thế nào?") was a question: the last clauses, read alone, hold the how
  and not the story in hand. The letter's wish is read whole (``intents._how_of_wish``), only when nothing before its
  end asks with a question mark.

The messages are the engineer's own (not from an evaluation set).
"""

from __future__ import annotations

import pytest

from bot.nlp.intents import plain_command

pytestmark = pytest.mark.unit

HELP = [
    "ban nay lam duoc nhung gi vay, chi tui cach xai voi",
    "bạn này làm được những gì vậy, chỉ tui cách xài với",
    "ban ni lam duoc chi",
    "bạn này làm được gì",
]

NOT_HELP = [
    "cái bàn này làm được những gì",
    "bạn này làm được những gì ở tổ công nghệ số",
    "cong dvc qg lam duoc nhung gi",
]

STORY = [
    "Xóm tôi có bà cụ gần 70 tuổi tự học bán rau qua Zalo, mỗi tuần bán được mấy tạ. Tôi muốn kể chuyện này gửi lên "
    "kênh để mọi người học hỏi thì làm thế nào?",
    "Xom toi co ong chu 60 tuoi tu hoc ban ca qua Zalo, moi thang ban duoc may tan. Toi muon ke chuyen nay gui len "
    "kenh de moi nguoi hoc hoi thi lam the nao?",
    "Ở ấp tui có anh thanh niên mở lớp dạy bà con xài điện thoại thông minh miễn phí, tối nào cũng đông. Tui muốn kể "
    "chuyện này cho kênh, làm sao vậy?",
]

STILL_QUESTIONS = [
    # something else asked first, with a question mark
    "Xóm tôi có bà cụ gần 70 tuổi tự học bán rau qua Zalo, bà bán được mấy tạ? Tôi muốn kể chuyện này gửi lên kênh "
    "để mọi người học hỏi thì làm thế nào?",
    # a condition: asked about
    "Xóm tôi có bà cụ gần 70 tuổi tự học bán rau qua Zalo, mỗi tuần bán được mấy tạ, hay lắm. Nếu tôi muốn kể chuyện "
    "này gửi lên kênh để mọi người học hỏi thì làm thế nào?",
    # no story in hand
    "Tôi muốn kể chuyện gửi lên kênh để mọi người học hỏi thì làm thế nào?",
]


@pytest.mark.parametrize("text", HELP)
def test_what_the_bot_called_ban_nay_can_do_is_help(text: str) -> None:
    assert plain_command(text) == "help"


@pytest.mark.parametrize("text", NOT_HELP)
def test_a_table_or_another_service_is_not_help(text: str) -> None:
    assert plain_command(text) != "help"


@pytest.mark.parametrize("text", STORY)
def test_the_how_of_a_story_told_first_starts_the_story(text: str) -> None:
    assert plain_command(text) == "story"


@pytest.mark.parametrize("text", STILL_QUESTIONS)
def test_a_how_without_the_story_in_hand_or_after_a_question_stays_a_question(text: str) -> None:
    assert plain_command(text) is None
