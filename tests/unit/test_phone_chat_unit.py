"""The erasure confirmation, small talk, off-topic questions and answers on a phone, as conversations
through the real route table and the drain's commit, without HTTP or RQ (issue 15 items 1, 2, 6, 8; the
digest after an erasure, end to end, is tests/test_phone_chat.py)."""

from __future__ import annotations

from bot.infra import keys
from bot.infra.texts import payload, render
from bot.kb.unanswered import count_unanswered
from bot.stories import model as stories
from tests.story_support import STORY_TEXT, code_in
from tests.unit.handler_support import CITIZEN, MODERATOR, Chat


def submit(chat: Chat, *, locality: str = "Hà Giang") -> str:
    for text in ("gửi câu chuyện", "Làm giấy khai sinh trên điện thoại", locality, STORY_TEXT, "xong"):
        chat.say(text)
    return code_in(chat.say("đồng ý")[-1])


def test_co_erases_after_the_question_and_is_answered_once(chat: Chat) -> None:
    code = submit(chat)
    chat.say("xóa dữ liệu của tôi")
    after = chat.say("có")
    assert len(after) == 1 and after[0].startswith("Đã xóa dữ liệu của bạn"), after
    assert not chat.redis.exists(keys.story(code))
    assert count_unanswered(chat.redis) == 0, "“có” never reached question answering"


def test_a_question_during_the_erasure_prompt_is_asked_again_not_answered(chat: Chat) -> None:
    chat.say("xóa dữ liệu của tôi")
    assert chat.say("giá vàng hôm nay") == [render("erase_reask")]
    assert [p for _, p in chat.messages()[-1].buttons] == [payload("erase_confirm"), payload("erase_cancel")]
    assert chat.say(payload("erase_cancel")) == [render("erase_kept")]  # the "Giữ nguyên" button


def test_small_talk_and_off_topic_do_not_reach_the_editors(chat: Chat) -> None:
    for text in ("chào ad", "cảm ơn nhé", "ok", "giá vàng hôm nay bao nhiêu", "tạm biệt"):
        chat.say(text)
    assert all("ban biên tập" not in r for r in chat.replies())
    assert count_unanswered(chat.redis) == 0
    chat.say("chào ad, cho hỏi ứng dụng VNeID báo lỗi mã 0193 khi quét chip thì làm sao")
    assert count_unanswered(chat.redis) == 1, "a real question behind a greeting still counts"


def test_an_answer_fits_a_phone_and_more_gives_the_rest(chat: Chat) -> None:
    chat.say("dịch vụ công trực tuyến là gì")
    [message] = chat.messages()[-1:]
    assert len(message.text) <= 560 and "http" not in message.text
    assert [t for t, _ in message.buttons] == [render("answer_button_more")]
    assert "https://" in chat.say(message.buttons[0][1])[-1]


def test_the_place_before_the_province_is_kept(chat: Chat) -> None:
    code = submit(chat, locality="Ea Kar, Đắk Lắk")
    story = stories.load(chat.redis, code)
    assert story is not None and story.locality == "Đắk Lắk" and story.place == "Ea Kar"
    assert "Địa phương: Ea Kar, Đắk Lắk" in chat.say(f"/xem {code}", MODERATOR)[-1]
    assert CITIZEN not in chat.replies(MODERATOR)[-1]
