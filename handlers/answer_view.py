"""An answer shaped for a phone: the direct answer first, about 500 characters at most, one short source
line, and a "Xem thêm" button for the rest and the full sources. Where the head ends is
``bot.kb.first_view``'s rule, shared with the evaluation and ``kb check``.

Answers used to fill 600–1,100 characters, half of it raw URLs, and listed their choices twice (as bullet
text and as buttons). The knowledge base (bot/kb) still returns the full text; this module only decides
what a phone shows first, so the engine stays untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bot.core.context import Button, Context
from bot.infra.texts import answer_offers, payload, render
from bot.kb.first_view import cut, split  # the head the evaluation and `kb check` judge

SOURCE_CHARS = 60
BUTTON_TITLE_CHARS = 100  # community docs cite ≤100 characters for a button title (zalo-oa-api.md)
MORE_KEY = "qa_more"  # the state field naming the entry whose rest "Xem thêm" shows
_PUBLISHER = re.compile(r"\(([^()]{2,40})\)\s*$")


@dataclass
class Shaped:
    text: str
    buttons: list[Button] = field(default_factory=list)
    has_more: bool = False


def button(title: str, sent: str) -> Button:
    short = title if len(title) <= BUTTON_TITLE_CHARS else title[: BUTTON_TITLE_CHARS - 1].rstrip() + "…"
    return Button(title=short, payload=sent)


def body_of(result: Any) -> str:
    """The answer without the engine's "Nguồn: … URL" lines (they come after the last blank line)."""
    if result.sources and "\n\n" in result.text:
        return result.text.rsplit("\n\n", 1)[0].strip()
    return result.text.strip()


def source_name(source: dict[str, Any]) -> str:
    """The publisher in brackets at the end of a title ("… (VietNamNet)"), else the title, shortened."""
    title = str(source.get("title", "")).strip()
    found = _PUBLISHER.search(title)
    name = found.group(1) if found else title
    return name if len(name) <= SOURCE_CHARS else name[: SOURCE_CHARS - 1].rstrip() + "…"


def shape(result: Any) -> Shaped:
    """What the citizen sees first for the engine's `result`."""
    if not result.confident:
        titles = {t for t, _ in result.choices}
        lines = [ln for ln in result.text.splitlines()
                 if not any(ln.strip() == render("choice_item", title=t) for t in titles)]
        return Shaped("\n".join(lines).strip(), [button(t, p) for t, p in result.choices])
    head, rest = split(body_of(result))  # the head bot.kb.first_view judges; URLs as the site's name
    names = list(dict.fromkeys(source_name(s) for s in result.sources))
    text = head
    if names:
        key = "answer_source" if len(names) == 1 else "answer_source_others"
        text += "\n\n" + render(key, source=names[0], others=len(names) - 1)
    more = bool(rest) or bool(result.sources)
    # a second question of the same message is offered first (result.choices), then the command the answer
    # explains (one tap does it), then "Xem thêm"
    buttons = [button(t, p) for t, p in result.choices]
    command = answer_offers().get(result.entry or "")
    if command is not None:
        buttons.append(Button(render(f"answer_offer_{command}"), payload(command)))
    if more:
        buttons.append(Button(render("answer_button_more"), payload("qa_more")))
    return Shaped(text, buttons, has_more=more)


def more(ctx: Context, entry: Any) -> None:
    """The rest of `entry`'s answer and each source with its link (asked for, so links belong here)."""
    _, rest = cut(entry.answer.strip())
    lines = list(dict.fromkeys(_more_source(s) for s in entry.sources))
    parts = [p for p in (rest, render("answer_more_sources_head") if lines else "", "\n".join(lines)) if p]
    ctx.send_text("\n".join(parts))


def _more_source(source: Any) -> str:
    """One source under "Xem thêm": a page with its link, or a carried document (round 29) without a false one."""
    if getattr(source, "document", ""):
        year = source.date.year if source.date else ""
        return render("answer_more_source_document", title=source.title, publisher=source.publisher, year=year)
    return render("answer_more_source", title=source.title, url=source.url)
