"""The asker saying that what follows is asked ("Tôi hỏi: …?") makes the message a question (round 16, ``qa16cmd``).

A command's words in it are asked about, as with "cho hỏi", "xin hỏi" (``[vocabulary] asking``): "Tôi hỏi: kể chuyện
lên kênh được không?" started a story. The messages are the engineer's own.
"""

from __future__ import annotations

import pytest

from bot.nlp.intents import plain_command

pytestmark = pytest.mark.unit

ASKED = [
    "Tôi hỏi: kể chuyện lên kênh được không?",
    "Em hỏi: gửi câu chuyện cho kênh nhé?",
    "Tui hỏi: chia sẻ câu chuyện ở xóm lên kênh được không?",
    "Tôi hỏi: đăng ký nhận bản tin mỗi tuần được không?",
    "toi hoi: ke chuyen len kenh duoc khong?",
]

STILL_COMMANDS = [
    ("tôi muốn kể chuyện ở xóm tôi cho kênh", "story"),
    ("cho tôi gửi câu chuyện", "story"),
    ("đăng ký nhận bản tin cho tôi với", "subscribe"),
]


@pytest.mark.parametrize("text", ASKED)
def test_a_question_the_asker_says_is_asked_is_no_command(text: str) -> None:
    assert plain_command(text) is None


@pytest.mark.parametrize(("text", "command"), STILL_COMMANDS)
def test_requests_stay_commands(text: str, command: str) -> None:
    assert plain_command(text) == command
