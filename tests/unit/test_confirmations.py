"""Yes/no prompts take the usual yes and no words; erasure is never cancelled by a "có" (issue 15 item 1)."""

from __future__ import annotations

import json

import pytest

from bot.core.routing import Router
from bot.infra.texts import payload, render
from tests.unit.handler_support import MakeCtx, replies


def _asked(router: Router, make_ctx: MakeCtx) -> dict[str, str]:
    ctx = make_ctx("xóa dữ liệu của tôi")
    router.dispatch(ctx.event, ctx)
    assert ctx.state["step"] == "erase:confirm"
    return ctx.state


@pytest.mark.parametrize("answer", ["có", "Có", "co", "vâng", "dạ", "ừ", "ok", "đồng ý", "xác nhận xóa",
                                    payload("erase_confirm")])
def test_every_usual_yes_erases_and_nothing_else_answers(router: Router, make_ctx: MakeCtx, answer: str) -> None:
    ctx = make_ctx(answer, state=_asked(router, make_ctx))
    assert router.dispatch(ctx.event, ctx) == "confirm_step"
    assert len(replies(ctx)) == 1 and replies(ctx)[0].startswith(render("erase_done", deleted=0, anonymized=0)[:20])
    assert ctx.writes, "the erasure commits with the event"
    assert "step" not in ctx.state


@pytest.mark.parametrize("answer", ["không", "Không ạ", "hủy", "thôi", "giữ nguyên", payload("erase_cancel")])
def test_every_usual_no_keeps_the_data(router: Router, make_ctx: MakeCtx, answer: str) -> None:
    ctx = make_ctx(answer, state=_asked(router, make_ctx))
    router.dispatch(ctx.event, ctx)
    assert replies(ctx) == [render("erase_kept")]
    assert not ctx.writes and "step" not in ctx.state


def test_an_unclear_answer_asks_once_more_with_buttons_then_yes_still_erases(router: Router,
                                                                               make_ctx: MakeCtx) -> None:
    ctx = make_ctx("hả", state=_asked(router, make_ctx))
    router.dispatch(ctx.event, ctx)
    assert replies(ctx) == [render("erase_reask")] and ctx.outbox[0].buttons
    assert not ctx.writes
    ctx = make_ctx("có", state=ctx.state)
    router.dispatch(ctx.event, ctx)
    assert ctx.writes and "erase_reasked" not in ctx.state


def test_the_erasure_buttons_send_what_the_step_accepts(router: Router, make_ctx: MakeCtx) -> None:
    ctx = make_ctx("xóa dữ liệu của tôi")
    router.dispatch(ctx.event, ctx)
    sent = [p for _, p in ctx.outbox[-1].buttons]
    assert sent == [payload("erase_confirm"), payload("erase_cancel")] == ["xác nhận xóa", "giữ nguyên"]


@pytest.mark.parametrize("answer", ["vâng", "dạ", "ừ", "đồng ý"])
def test_story_consent_takes_the_usual_yes(router: Router, make_ctx: MakeCtx, answer: str) -> None:
    state = {"step": "story:consent", "story_title": "Chợ 4.0", "story_locality": "Hà Nội",
             "story_parts": json.dumps([{"type": "text", "text": "Làng tôi bán hàng qua mạng, ai cũng quét mã QR."}]),
             "story_touched": "1789999999000"}
    ctx = make_ctx(answer, state=state)
    router.dispatch(ctx.event, ctx)
    assert "step" not in ctx.state, "the story was sent"
    assert ctx.writes
