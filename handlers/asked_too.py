"""A question asked after a command in the same message, offered under the command's reply (round 15).

A long letter may ask for a command and then ask a question ("Kênh cho tôi dừng nhận bản tin từ tuần này nhé. Mà Ngày
Chuyển đổi số quốc gia là ngày nào vậy?"). The command is done, as the router decided; the question is not dropped:
its answer's entry (or the "Ý bạn là…?" choices) is offered as buttons, and a tap sends the entry's title, which the
knowledge base answers exactly. Nothing is offered when the question gets no entry (an apology would only confuse a
reply that did what was asked).
"""

from __future__ import annotations

from bot.core.context import Button
from bot.kb import get_kb
from bot.nlp.intents import question_after
from handlers import answer_view
from handlers.ask import ask


def buttons(text: str, command: str) -> list[Button]:
    """Buttons for the question ``text`` asks after its request for ``command``: the answered entry's title, or the
    offered choices; none when nothing follows the request or the question gets no entry."""
    question = question_after(text, command) if text else None
    if question is None:
        return []
    result = ask(question)
    if result.confident and result.entry and not result.out_of_scope:
        entry = get_kb().by_id.get(result.entry)
        return [answer_view.button(entry.title, entry.title)] if entry is not None else []
    if result.kind == "ambiguous":
        return [answer_view.button(title, sent) for title, sent in result.choices]
    return []
