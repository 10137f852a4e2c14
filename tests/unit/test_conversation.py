"""Small talk, off-topic questions and answers shaped for a phone (issue 15 items 2, 6 and 8)."""

from __future__ import annotations

import re

import pytest

from bot.core.events import Attachment, AttachmentMessage
from bot.core.routing import Router
from bot.infra.texts import payload, render
from bot.kb.unanswered import count_unanswered
from tests.unit.handler_support import CITIZEN, NOW_MS, MakeCtx, replies

YOU = {"you": "bạn", "You": "Bạn", "me": "kênh"}


@pytest.mark.parametrize(("text", "kind"), [
    ("cảm ơn nhé", "thanks"), ("Cam on ad nhieu", "thanks"), ("chào ad", "greeting"), ("xin chào", "greeting"),
    ("tạm biệt nhé", "bye"), ("ok", "ack"), ("vâng ạ", "ack"), ("👍", "sticker"), ("😊😊", "sticker"),
])
def test_small_talk_gets_a_short_friendly_reply_and_is_not_counted(router: Router, make_ctx: MakeCtx, text: str,
                                                                    kind: str) -> None:
    before = count_unanswered(make_ctx("x").redis)
    ctx = make_ctx(text)
    assert router.dispatch(ctx.event, ctx) == "reply"
    assert replies(ctx) == [render(f"smalltalk_{kind}", **YOU)]
    assert len(replies(ctx)[0]) <= 200
    assert count_unanswered(ctx.redis) == before


def test_a_sticker_is_small_talk(router: Router, make_ctx: MakeCtx) -> None:
    event = AttachmentMessage(name="user_send_sticker", app_id="", timestamp_ms=NOW_MS, user_id=CITIZEN,
                              msg_id="s1", attachments=(Attachment(type="sticker", url="https://x/s.png"),))
    ctx = make_ctx(event)
    assert router.dispatch(ctx.event, ctx) == "reply"
    assert replies(ctx) == [render("smalltalk_sticker", **YOU)]


@pytest.mark.parametrize("text", ["chào ad, cho hỏi VNeID mức 2 là gì", "cảm ơn, thế dịch vụ công là gì",
                                  "cho hỏi"])
def test_a_question_behind_a_greeting_is_still_a_question(router: Router, make_ctx: MakeCtx, text: str) -> None:
    ctx = make_ctx(text)
    assert router.dispatch(ctx.event, ctx) == "answer_question"


def test_an_elder_is_answered_in_their_own_register(router: Router, make_ctx: MakeCtx) -> None:
    ctx = make_ctx("bác cảm ơn cháu nhiều")
    router.dispatch(ctx.event, ctx)
    assert replies(ctx) == [render("smalltalk_thanks", you="bác", You="Bác", me="cháu")]
    ctx = make_ctx("chào", state=ctx.state)
    router.dispatch(ctx.event, ctx)
    assert replies(ctx)[0].startswith("Chào bác!"), "the register is kept"


@pytest.mark.parametrize("text", ["giá vàng hôm nay bao nhiêu", "cách trồng lúa nước", "kết quả bóng đá tối qua"])
def test_an_off_topic_question_is_told_the_channels_topics_and_not_sent_to_editors(
        router: Router, make_ctx: MakeCtx, text: str) -> None:
    before = count_unanswered(make_ctx("x").redis)
    ctx = make_ctx(text)
    router.dispatch(ctx.event, ctx)
    assert replies(ctx) == [render("out_of_scope", **YOU)]
    assert "ban biên tập" not in replies(ctx)[0]
    assert count_unanswered(ctx.redis) == before


def test_an_in_scope_question_without_an_answer_still_goes_to_editors(router: Router, make_ctx: MakeCtx) -> None:
    before = count_unanswered(make_ctx("x").redis)
    ctx = make_ctx("ứng dụng VNeID báo lỗi mã 0193 khi quét chip thì làm sao")
    router.dispatch(ctx.event, ctx)
    assert count_unanswered(ctx.redis) == before  # counted with the event's commit, not before it
    with ctx.redis.pipeline() as pipe:
        for write in ctx.writes:
            write(pipe)
        pipe.execute()
    assert count_unanswered(ctx.redis) == before + 1


@pytest.mark.parametrize("question", ["Ngày chuyển đổi số quốc gia là ngày nào", "dịch vụ công trực tuyến là gì",
                                      "VNeID mức 2 là gì", "giá vàng hôm nay"])
def test_answers_fit_a_phone(router: Router, make_ctx: MakeCtx, question: str) -> None:
    ctx = make_ctx(question)
    router.dispatch(ctx.event, ctx)
    text = replies(ctx)[-1]
    assert len(text) <= 560, f"{len(text)} characters"
    assert not re.search(r"https?://", text), "no raw URLs in an answer"
    buttons = [t for m in ctx.outbox for t, _ in m.buttons]
    for title in buttons:
        assert f"• {title}" not in text, "choices are shown once, as buttons"


def test_more_shows_the_rest_and_the_sources_with_links(router: Router, make_ctx: MakeCtx) -> None:
    ctx = make_ctx("Ngày chuyển đổi số quốc gia là ngày nào")
    router.dispatch(ctx.event, ctx)
    assert [t for t, _ in ctx.outbox[-1].buttons] == [render("answer_button_more")]
    assert ctx.state["qa_more"]
    ctx = make_ctx(payload("qa_more"), state=ctx.state)
    assert router.dispatch(ctx.event, ctx) == "show_more"
    assert "https://" in replies(ctx)[0] and render("answer_more_sources_head") in replies(ctx)[0]



def test_more_lists_a_page_cited_twice_once(router: Router, make_ctx: MakeCtx) -> None:
    """ngay-cds-2025-ngay-to-chuc quotes two passages of one VietNamNet page: "Xem thêm" links it once."""
    ctx = make_ctx("Ngày Chuyển đổi số năm 2025 diễn ra khi nào?")
    router.dispatch(ctx.event, ctx)
    assert ctx.state["qa_more"]
    ctx = make_ctx(payload("qa_more"), state=ctx.state)
    router.dispatch(ctx.event, ctx)
    text = replies(ctx)[0]
    assert text.count("https://vietnamnet.vn/") == 1 and text.count("https://") >= 2

def test_more_without_an_answer_before_it_says_how_to_use_it(router: Router, make_ctx: MakeCtx) -> None:
    ctx = make_ctx("xem thêm")
    router.dispatch(ctx.event, ctx)
    assert replies(ctx) == [render("answer_more_none")]


def test_a_long_answer_is_cut_at_a_sentence() -> None:
    from handlers.answer_view import cut
    text = " ".join(f"Câu số {i} nói một điều có ích cho người dân." for i in range(30))
    head, rest = cut(text)
    assert len(head) <= 500 and head.endswith(".") and rest and (head + " " + rest) == text


def test_every_message_uses_one_quotation_style() -> None:
    from bot.infra.texts import MESSAGES_DIR, catalogue
    sandbox_keys = set(__import__("tomllib").loads((MESSAGES_DIR / "sandbox.toml").read_text()))
    straight = [k for k, v in catalogue().items() if k not in sandbox_keys and ('"' in v or "«" in v or "»" in v)]
    assert straight == [], "quotations are written “…”"


def test_a_reason_ending_in_a_full_stop_is_not_followed_by_another(router: Router, make_ctx: MakeCtx) -> None:
    from bot.infra import keys
    from tests.unit.handler_support import MODERATOR
    client = make_ctx("x").redis
    client.hset(keys.story("2223"), mapping={"code": "2223", "status": "screened", "user": CITIZEN, "title": "Chợ",
                                              "body": "Chợ số", "submitted_at": NOW_MS, "screened_at": NOW_MS})
    client.zadd(keys.STORY_QUEUE, {"2223": NOW_MS})
    ctx = make_ctx("/tuchoi 2223 Chưa nói rõ thay đổi ở địa phương.", user=MODERATOR)
    router.dispatch(ctx.event, ctx)
    assert replies(ctx)[0].startswith(render("mod_rejected", code="2223", reason="Chưa nói rõ thay đổi ở địa phương"))
    assert all(".." not in r for r in replies(ctx))


def test_an_answer_follows_the_elders_register(router: Router, make_ctx: MakeCtx) -> None:
    ctx = make_ctx("bác hỏi cháu cổng dịch vụ công quốc gia là gì")
    router.dispatch(ctx.event, ctx)
    text = replies(ctx)[-1]
    assert ctx.state["address"] == "elder:bác"
    assert "bác" in text.lower() and not re.search(r"\bbạn\b(?!\s+bè)", text, re.IGNORECASE), text


@pytest.mark.parametrize(("text", "address"), [
    ("cho bác hỏi VNeID mức 2 là gì", "elder:bác"), ("chào cháu, bác muốn hỏi", "elder:bác"),
    ("Nhờ tổ công nghệ số, bà con trong xóm đã biết dùng VNeID", None), ("ông bà tôi dùng Zalo", None),
    ("cháu cảm ơn bác", None), ("anh ơi cho hỏi", None), ("Đăng ký định danh điện tử mức 2", None),
])
def test_the_register_follows_only_how_the_writer_names_themself(make_ctx: MakeCtx, text: str,
                                                                   address: str | None) -> None:
    from handlers.address import note
    ctx = make_ctx(text)
    note(text, ctx)
    assert ctx.state.get("address") == address
