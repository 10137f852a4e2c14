"""A long letter that tells the story first and asks how to send it last with a bare "sao / răng" starts the story, as
with "làm sao"; writing asked of the bot for the asker ("viết hộ em bài luận") is no story (those first). The
engineer's own messages."""

from __future__ import annotations

import pytest

from bot.nlp.intents import plain_command

pytestmark = pytest.mark.unit

NOT_STORY = [
    "AI có viết hộ em bài luận 1000 chữ về quê hương được ko ạ, mai em nộp rồi",
    "viết giúp em bài văn tả mẹ được không",
    "viết bài thơ về quê hương giúp mình nha",
    "viết hộ em cái đơn xin nghỉ học với",
    "viết giúp tôi bài phát biểu cho lễ khai giảng",
    "Thôn tôi có anh Ba nuôi cá bán qua mạng, mỗi tháng lời mấy chục triệu, tôi muốn kể chuyện anh ấy cho kênh để "
    "mọi người học theo, kênh đăng không thì sao?",
]

STORY = [
    "Xóm tui có bà Tư bán mắm qua Zalo, khách đặt hàng tăng gấp ba, tui muốn kể chuyện của bà cho kênh "
    "để đăng lên cho bà con học hỏi, giờ gửi cho kênh răng?",
    "Thôn tôi có anh Ba nuôi cá bán qua mạng, mỗi tháng lời mấy chục triệu, tôi muốn kể chuyện anh ấy cho kênh để "
    "mọi người học theo, gửi kênh sao?",
    "tôi muốn viết bài về mô hình chợ 4.0 ở xã gửi cho kênh được không",
    # a story or a song for the channel, written with it or sent to it (review of cmd21, M2)
    "tôi muốn gửi bài hát về quê hương chuyển đổi số cho kênh đăng",
    "kênh viết giúp tôi câu chuyện được không, tôi kể kênh viết",
]


@pytest.mark.parametrize("text", NOT_STORY)
def test_writing_asked_or_a_what_if_is_no_story(text: str) -> None:
    assert plain_command(text) is None


@pytest.mark.parametrize("text", STORY)
def test_the_story_with_its_how_said_last(text: str) -> None:
    assert plain_command(text) == "story"
