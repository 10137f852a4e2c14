"""How the channel addresses a citizen: "bạn", or the kinship term the citizen uses ("bác… cháu").

An elder writing "bác hỏi cháu…" found the channel's cool "mình/bạn" out of place. When a message uses a
kinship term, the replies that take `{you}`/`{me}` follow it; the choice is kept in the conversation state
(`address`) so later replies keep the same register. The words are in content/conversation.toml.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from typing import Any

from bot.core.context import Context
from bot.infra.texts import CONTENT_DIR
from bot.nlp.normalize import command_form

STATE_KEY = "address"
_YOU = re.compile(r"\b([Bb])ạn\b(?!\s+bè)")  # "bạn" as "you", not "bạn bè" (friends)
JUNIOR = ("chau", "em")  # command forms of the terms a younger speaker names themself by


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    """content/conversation.toml, read once per process."""
    with (CONTENT_DIR / "conversation.toml").open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def _terms() -> dict[str, tuple[str, str]]:
    """command form of a kinship term → (the term, its kind)."""
    table = words()["address"]
    return {command_form(t): (t, kind) for kind in ("elder", "peer") for t in table[kind]}


def note(text: str, ctx: Context) -> None:
    """Remember the kinship term of this message, if any (the first one the citizen wrote)."""
    terms = _terms()
    for token in command_form(text).split():
        if token in JUNIOR:
            return  # "cháu cảm ơn bác": the citizen is the younger one, "bạn" stays polite
        if token in terms:
            term, kind = terms[token]
            ctx.state[STATE_KEY] = f"{kind}:{term}"
            return


def forms(ctx: Context) -> dict[str, str]:
    """The `{you}`, `{You}` and `{me}` placeholders for this citizen."""
    kind, _, term = ctx.state.get(STATE_KEY, "").partition(":")
    you = term if term else ctx.text("address_you")
    me = {"elder": ctx.text("address_me_to_elder"), "peer": ctx.text("address_me_to_peer")}.get(
        kind, ctx.text("address_me"))
    return {"you": you, "You": you[:1].upper() + you[1:], "me": me}


def apply(text: str, ctx: Context) -> str:
    """An answer written for "bạn", addressed the way this citizen addresses themself ("Bác có thể…")."""
    you = forms(ctx)
    if you["you"] == ctx.text("address_you"):
        return text
    return _YOU.sub(lambda m: you["You"] if m.group(1) == "B" else you["you"], text)
