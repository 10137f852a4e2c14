"""Handlers as tables: what each message does to the state and what the user is told (no HTTP, no RQ)."""

from __future__ import annotations

import pytest

from bot.core.routing import Router
from bot.infra.texts import render
from tests.unit.handler_support import CITIZEN, MODERATOR, NOW_MS, MakeCtx, photo_event, replies

DRAFT = {"story_touched": str(NOW_MS - 1000)}
HOUR_MS = 3600 * 1000


@pytest.mark.parametrize(("text", "user", "state", "route"), [
    ("trợ giúp", CITIZEN, {}, "show_help"),
    ("MENU", CITIZEN, {}, "show_help"),
    ("tro giup", CITIZEN, {}, "show_help"),
    ("gửi câu chuyện", CITIZEN, {}, "start"),
    ("hủy đăng ký", CITIZEN, {}, "unsubscribe"),
    ("đăng ký", CITIZEN, {}, "subscribe"),
    ("đăng ký Hà Nội", CITIZEN, {}, "subscribe"),
    ("bản tin", CITIZEN, {}, "show_latest_digest"),
    ("xóa dữ liệu của tôi", CITIZEN, {}, "ask"),
    ("/hangdoi", MODERATOR, {}, "show_queue"),
    ("/thongke", MODERATOR, {}, "stats"),
    ("/hangdoi", CITIZEN, {}, "forbidden:show_queue"),
    ("/duyet 7KQ2", CITIZEN, {}, "forbidden:approve"),
    ("xin duyệt giúp: /duyet 7KQ2", CITIZEN, {}, "embedded_moderator_command"),
    ("hủy", CITIZEN, {"step": "story:body", **DRAFT}, "cancel"),
    ("Làng tôi có chợ 4.0", CITIZEN, {"step": "story:body", **DRAFT}, "continue_draft"),
    ("xin duyệt giúp: /duyet 7KQ2", CITIZEN, {"step": "story:body", **DRAFT}, "continue_draft"),
    ("xóa dữ liệu của tôi", CITIZEN, {"step": "story:body", **DRAFT}, "ask"),
    ("hủy", CITIZEN, {"step": "erase:confirm"}, "confirm_step"),
    ("x" * 2001, CITIZEN, {}, "too_long"),
])
def test_each_message_reaches_its_route(router: Router, make_ctx: MakeCtx, text: str, user: str,
                                         state: dict[str, str], route: str) -> None:
    ctx = make_ctx(text, user=user, state=state)
    assert router.dispatch(ctx.event, ctx) == route
    assert ctx.outbox, "every command answers"


@pytest.mark.parametrize("command", ["/hangdoi", "/xem 7KQ2", "/duyet 7KQ2", "/tuchoi 7KQ2 spam", "/thongke",
                                     "/sua 7KQ2 x", "/bantin", "nhờ /duyet 7KQ2 với"])
def test_a_citizen_is_refused_every_moderator_command_and_the_attempt_is_audited(
        router: Router, make_ctx: MakeCtx, command: str) -> None:
    ctx = make_ctx(command, state={"followed": "1"})
    router.dispatch(ctx.event, ctx)
    assert replies(ctx) == [render("forbidden")]
    assert ctx.state == {"followed": "1"}
    assert len(ctx.writes) == 1  # the audit entry, committed with the event


@pytest.mark.parametrize(("step", "text", "next_step", "reply"), [
    ("story:title", "Chợ 4.0 ở làng tôi", "story:locality", "story_ask_locality"),
    ("story:title", "hủy", None, "story_cancelled"),
    ("story:locality", "hủy", None, "story_cancelled"),
    ("story:body", "xong", "story:body", "story_empty"),
    ("story:body", "thôi", None, "story_cancelled"),
    ("story:consent", "hủy", None, "story_cancelled"),
    ("story:consent", "chưa chắc lắm", "story:consent", "story_consent_reminder"),
])
def test_story_draft_steps(router: Router, make_ctx: MakeCtx, step: str, text: str, next_step: str | None,
                           reply: str) -> None:
    ctx = make_ctx(text, state={"step": step, "story_title": "Chợ", "story_locality": "Hà Nội", **DRAFT})
    router.dispatch(ctx.event, ctx)
    assert ctx.state.get("step") == next_step
    assert replies(ctx)[0] == render(reply)
    if next_step is None:
        assert not any(k.startswith("story_") for k in ctx.state), "a cancelled draft leaves nothing behind"


def test_a_locality_is_recognised_and_the_story_step_opens(router: Router, make_ctx: MakeCtx) -> None:
    ctx = make_ctx("ha noi", state={"step": "story:locality", "story_title": "Chợ", **DRAFT})
    router.dispatch(ctx.event, ctx)
    assert ctx.state["step"] == "story:body"
    assert ctx.state["story_locality"] == "Hà Nội"


def test_story_text_accumulates_until_the_limit(router: Router, make_ctx: MakeCtx) -> None:
    state = {"step": "story:body", **DRAFT}
    for part in ("Làng tôi mở chợ trên mạng.", "Bà con bán rau qua Zalo."):
        ctx = make_ctx(part, state=state)
        router.dispatch(ctx.event, ctx)
        state = ctx.state
    assert "Bà con bán rau" in state["story_parts"] and "Làng tôi" in state["story_parts"]
    limit = ctx.settings.story_max_chars
    ctx = make_ctx("x" * limit, state=state)
    router.dispatch(ctx.event, ctx)
    assert ctx.state["story_parts"] == state["story_parts"], "a part past the limit is not stored"


def test_a_photo_before_the_story_step_is_refused(router: Router, make_ctx: MakeCtx) -> None:
    ctx = make_ctx(photo_event("https://example.com/a.jpg"), state={"step": "story:title", **DRAFT})
    router.dispatch(ctx.event, ctx)
    assert ctx.state["step"] == "story:title" and "story_parts" not in ctx.state
    assert replies(ctx)[0] == render("story_photo_too_early")


@pytest.mark.parametrize(("answer", "step_after", "reply"), [
    ("hủy", "story:body", "erase_kept"),
    ("không", "story:body", "erase_kept"),
])
def test_declining_erasure_returns_to_the_open_draft(router: Router, make_ctx: MakeCtx, answer: str,
                                                     step_after: str, reply: str) -> None:
    ctx = make_ctx("xóa dữ liệu của tôi", state={"step": "story:body", **DRAFT})
    router.dispatch(ctx.event, ctx)
    assert ctx.state["step"] == "erase:confirm"
    ctx = make_ctx(answer, state=ctx.state)
    router.dispatch(ctx.event, ctx)
    assert ctx.state["step"] == step_after
    assert replies(ctx) == [render(reply)]
    assert not ctx.writes, "nothing is deleted"
def test_a_message_that_is_not_an_answer_to_the_erasure_question_asks_again_and_is_not_answered(
        router: Router, make_ctx: MakeCtx) -> None:
    ctx = make_ctx("dịch vụ công trực tuyến là gì", state={"step": "erase:confirm"})
    assert router.dispatch(ctx.event, ctx) == "confirm_step"
    assert ctx.state["step"] == "erase:confirm"
    assert replies(ctx) == [render("erase_reask")], "asked again, never also sent to question answering"
    assert [t for t, _ in ctx.outbox[0].buttons] == [render("erase_button_confirm"), render("erase_button_keep")]
    ctx = make_ctx("gì cơ", state=ctx.state)
    router.dispatch(ctx.event, ctx)
    assert replies(ctx) == [render("erase_kept")] and "step" not in ctx.state, "a second unclear answer keeps"
    assert not ctx.writes, "nothing is deleted"


def test_an_expired_draft_is_dropped_and_the_message_routed_again(router: Router, make_ctx: MakeCtx) -> None:
    stale = {"step": "story:body", "story_title": "Chợ", "story_touched": str(NOW_MS - 25 * HOUR_MS)}
    ctx = make_ctx("dịch vụ công trực tuyến là gì", state=stale)
    assert router.dispatch(ctx.event, ctx) == "expire>answer_question"
    assert "step" not in ctx.state and "story_title" not in ctx.state
    assert len(replies(ctx)) >= 2, "the expiry notice, then the answer"
