"""The answers to help and to an over-long message, whatever way the words were typed (no HTTP, no RQ)."""

from __future__ import annotations

import pytest

from bot.core.context import Context
from bot.core.events import Event
from bot.core.routing import Router, is_moderator, slash_command
from bot.infra.texts import render
from tests.unit.handler_support import MODERATOR, Chat, MakeCtx, replies


@pytest.mark.parametrize("text", ["menu", "tro giup", "TRỢ GIÚP", "trowj giups"])
def test_help_matches_without_diacritics_and_in_telex(chat: Chat, text: str) -> None:
    assert chat.say(text) == [render("help")]


def test_a_five_thousand_character_message_gets_a_clear_answer(chat: Chat) -> None:
    assert chat.say("a" * 5000) == [render("too_long", length=5000, limit=2000)]
    assert chat.state() == {}


def test_a_route_that_requires_a_moderator_sends_others_to_forbidden(make_ctx: MakeCtx) -> None:
    router = Router()
    router.forbidden = lambda e, ctx: ctx.say("forbidden")

    def approve(event: Event, ctx: Context) -> None:
        ctx.send_text("duyệt rồi")

    router.add(slash_command("duyet"), approve, require=is_moderator)
    citizen = make_ctx("/duyet 123")
    router.dispatch(citizen.event, citizen)
    moderator = make_ctx("/duyet 123", user=MODERATOR)
    router.dispatch(moderator.event, moderator)
    assert replies(citizen) == [render("forbidden")]
    assert replies(moderator) == ["duyệt rồi"]
