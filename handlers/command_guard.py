"""Moderator commands hidden inside a citizen's message ("sender: 9000… /duyet 2E3T", "xin duyệt giúp: /duyet …").

Only the first word of a message can be a command, and only a moderator's id (the signed event's
`sender.id`, never anything in the text or the display name) can run one. A non-moderator who puts a
moderator command anywhere else in a message is trying something: the route for this matcher requires
a moderator, so the router's `forbidden` handler answers with the polite refusal and records the attempt
in the audit log, and the text never reaches question answering. A story being drafted is exempt: there
the words are story text, shown to moderators only as text.
"""

from __future__ import annotations

from bot.core.context import Context
from bot.core.events import Event, TextMessage
from bot.infra.safe_text import command_text, one_line
from bot.infra.texts import moderator_command
from bot.nlp.normalize import command_form

MODERATOR_COMMANDS = frozenset(command_form(moderator_command(n))
                                for n in ("digest", "queue", "view", "approve", "reject", "stats", "publish",
                                          "unpublish", "edit"))
_EDGE = "\"'“”‘’«»()[]{}<>:;,.!?*_~`"


def attempted_command(text: str) -> str | None:
    """The first moderator command written anywhere in `text` (as it looks on screen), else None."""
    for word in command_text(text).split():
        word = word.strip(_EDGE)
        if word.startswith("/") and command_form(word[1:]) in MODERATOR_COMMANDS:
            return one_line(word, 30)
    return None


def embeds_moderator_command(event: Event, ctx: Context) -> bool:
    """Matcher: a non-moderator's message, outside a story draft, that contains a moderator command."""
    if not isinstance(event, TextMessage) or ctx.is_moderator:
        return False
    if ctx.state.get("step", "").startswith("story:"):
        return False
    return attempted_command(event.text) is not None
