"""The citizen's story draft as conversations: every step's answers and what the draft keeps, through the
real route table and the drain's commit, without HTTP or RQ (the whole journey, end to end, is
tests/test_story_submission.py)."""

from __future__ import annotations

import json

import pytest

from bot.infra import keys
from bot.infra.texts import render
from tests.story_support import CITIZEN, STORY_TEXT
from tests.unit.handler_support import Chat

STEPS = ["gửi câu chuyện", "Chợ quê dùng mã QR", "Cần Thơ", STORY_TEXT, "xong"]
UPTO = {"title": 1, "locality": 2, "body": 3, "body-with-text": 4, "consent": 5}


def draft_to(chat: Chat, step: str) -> None:
    for text in STEPS[:UPTO[step]]:
        chat.say(text)


def submit(chat: Chat) -> list[str]:
    for text in ("gửi câu chuyện", "Làm giấy khai sinh trên điện thoại", "Hà Giang", STORY_TEXT, "xong"):
        chat.say(text)
    return chat.say("đồng ý")


@pytest.mark.parametrize(("step", "word"), [("title", "hủy"), ("locality", "Huỷ"), ("body", "huy"),
                                            ("body-with-text", "HỦY"), ("consent", "hủy")])
def test_cancel_at_each_step(chat: Chat, step: str, word: str) -> None:
    draft_to(chat, step)
    assert chat.say(word)[-1] == render("story_cancelled")
    assert not chat.redis.exists(keys.state(CITIZEN))
    assert chat.redis.zcard(keys.STORY_QUEUE) == 0
    assert chat.say("xong")[-1] != render("story_empty")  # no draft any more: not a story command


def test_draft_expires_and_the_user_is_told_at_the_next_message(chat: Chat) -> None:
    chat.reconfigure(STORY_DRAFT_TTL_SECONDS="3600")
    draft_to(chat, "locality")
    chat.advance(1800)
    chat.say("Cần Thơ")  # within the hour: the draft goes on
    assert chat.state()["step"] == "story:body"
    chat.advance(3700)
    expired, answer = chat.say("Ngày Chuyển đổi số quốc gia là ngày nào?")[-2:]
    assert expired == render("story_expired", title="Chợ quê dùng mã QR", hours=1)
    assert "10/10" in answer  # the message itself is then answered as a question
    assert "step" not in chat.state()


def test_question_in_the_middle_of_a_draft_is_answered_with_a_reminder(chat: Chat) -> None:
    draft_to(chat, "title")
    answer, reminder = chat.say("Ngày Chuyển đổi số quốc gia là ngày nào?")[-2:]
    assert "10/10" in answer
    assert reminder == render("story_reminder_title")
    chat.say("Vì sao làng tôi bỏ tiền mặt?")  # reads like a question, but the KB has no answer: a title
    assert chat.state()["story_title"] == "Vì sao làng tôi bỏ tiền mặt?"
    chat.say("Vĩnh Long")
    chat.say(STORY_TEXT)
    answer, reminder = chat.say("? VNeID là gì")[-2:]
    assert "VNeID" in answer
    assert reminder == render("story_reminder_body", title="Vì sao làng tôi bỏ tiền mặt?", chars=len(STORY_TEXT),
                              photos=0)
    assert chat.say("Ngày Chuyển đổi số quốc gia là ngày nào?")[-1].startswith("Đã nhận (")  # story text here
    parts = json.loads(chat.state()["story_parts"])
    assert [p["text"] for p in parts] == [STORY_TEXT, "Ngày Chuyển đổi số quốc gia là ngày nào?"]


def test_unknown_locality_is_asked_again(chat: Chat) -> None:
    draft_to(chat, "locality")
    assert chat.say("xóm Bãi Dài")[-1] == render("story_locality_unknown", text="xóm Bãi Dài")
    assert "thành phố Hồ Chí Minh" in chat.say("tp.hcm")[-1]


def test_empty_one_word_and_over_long_stories_get_clear_answers(chat: Chat) -> None:
    chat.reconfigure(STORY_MAX_CHARS="250")
    draft_to(chat, "body")
    assert chat.say("xong")[-1] == render("story_empty")
    chat.say("Tốt")
    assert chat.say("xong")[-1] == render("story_too_short", words=1, min_words=5)
    assert chat.say("x " * 200)[-1] == render("story_too_long", limit=250, chars=3)
    assert chat.state()["step"] == "story:body"  # still drafting, nothing lost


def test_daily_submission_limit(chat: Chat) -> None:
    chat.reconfigure(STORY_MAX_PER_DAY="1")
    assert "#" in submit(chat)[-1]
    assert chat.say("gửi câu chuyện")[-1] == render("story_daily_limit", count=1, limit=1)
    assert "step" not in chat.state()
    chat.advance(24 * 3600 + 60)
    assert chat.say("gửi câu chuyện")[-1] == render("story_ask_title")


def test_help_offers_the_story_button(chat: Chat) -> None:
    chat.say("menu")
    [message] = chat.messages()
    assert "gửi câu chuyện" in json.dumps(message.buttons, ensure_ascii=False)
