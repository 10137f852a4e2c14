"""Is an unanswered question the channel's business? Only those go to the editors and /thongke.

"giá vàng hôm nay" used to be told "Câu hỏi đã được chuyển tới ban biên tập", which was not true in any
useful sense and inflated the unanswered count. A question the knowledge base could not answer is in scope
when it names a topic of the channel (content/conversation.toml [scope]) or came close to an entry, unless
the engine read it as one of the requests the channel does not answer (``bot.kb.outside``: "số điện thoại
ngân hàng" names the channel's words but is no question for its editors).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from bot.core.context import Button, Context
from bot.nlp.normalize import command_form
from handlers import address
from handlers.answer_view import button

NEAR_ENTRY = 0.45  # the engine's MIN_COVERAGE: at or above, the question was about something the KB covers


@lru_cache(maxsize=1)
def _scope_forms() -> tuple[str, ...]:
    return tuple(f" {command_form(w)} " for w in address.words()["scope"]["words"] if command_form(w))


def in_scope(text: str, result: Any) -> bool:
    if result.out_of_scope:  # a look-alike of the channel's topics (content/out_of_scope.toml)
        return False
    if result.confident or result.kind == "ambiguous" or result.score >= NEAR_ENTRY:
        return True
    said = f" {command_form(text)} "
    return any(form in said for form in _scope_forms())


def out_of_scope(text: str, result: Any, ctx: Context, also: Sequence[Button] = ()) -> None:
    """An honest "not this channel's topic", the topics, and the engine's suggested questions as buttons; ``also``:
    buttons after them (round 26: the menu, when what the channel does was asked with a need outside its topics)."""
    address.note(text, ctx)
    ctx.say("out_of_scope", buttons=[*(button(t, p) for t, p in result.choices), *also], **address.forms(ctx))
