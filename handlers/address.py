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
JUNIOR = ("chau", "em")  # command forms of the terms a younger speaker names themself by
OPENERS = ("da", "cho", "xin", "chao", "vang", "a", "oi", "ad", "admin")  # may come before the self-reference
COMPOUNDS = ("con", "ba", "ong", "si", "giao", "chu", "co", "em", "chi", "anh", "ay", "nay", "kia", "nha",
             "oi")  # "bà con" (folks), "ông bà"…; "anh ơi" calls the channel, it does not name the writer


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
    """Remember how the citizen names themself, when the message opens with it ("bác hỏi…", "cho bác hỏi",
    "chào cháu, bác…"). Only there: "bà con trong xóm" (folks) or "ông bà" (grandparents) further on
    name other people, not the writer."""
    terms = _terms()
    tokens = command_form(text).split()
    i = 0
    while i < len(tokens) and (tokens[i] in OPENERS or tokens[i] in JUNIOR and i + 1 < len(tokens)
                               and tokens[i + 1] in terms and tokens[0] in OPENERS):
        i += 1
    if i >= len(tokens) or tokens[i] in JUNIOR:
        return  # "cháu cảm ơn bác": the citizen is the younger one, "bạn" stays polite
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    if tokens[i] in terms and following not in COMPOUNDS:
        term, kind = terms[tokens[i]]
        ctx.state[STATE_KEY] = f"{kind}:{term}"


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
    pattern = _you_pattern(ctx.text("address_you"))
    return pattern.sub(lambda m: you["You"] if m.group(1).isupper() else you["you"], text)


@lru_cache(maxsize=4)
def _you_pattern(word: str) -> re.Pattern[str]:
    """The plain "you" word as a whole word, not where it starts a compound ("bạn bè", friends)."""
    after = "|".join(re.escape(w) for w in words()["address"]["not_you_after"])
    return re.compile(rf"\b([{word[0].upper()}{word[0]}]){re.escape(word[1:])}\b(?!\s+(?:{after})\b)")
