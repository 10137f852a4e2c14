"""A question asked after a command in the same message, offered under the command's reply (round 15).

A long letter may ask for a command and then ask a question ("Kênh cho tôi dừng nhận bản tin từ tuần này nhé. Mà Ngày
Chuyển đổi số quốc gia là ngày nào vậy?"). The command is done, as the router decided; the question is not dropped:
its answer's entry (or the "Ý bạn là…?" choices) is offered as buttons, and a tap sends the entry's title, which the
knowledge base answers exactly. Nothing is offered when the question gets no entry (an apology would only confuse a
reply that did what was asked).
"""

from __future__ import annotations

from bot.core.context import Button
from bot.infra.texts import answer_offers
from bot.kb import get_kb
from bot.nlp.intents import question_after
from handlers import answer_view
from handlers.ask import ask

ANSWERED = "asked_too"  # the line above an answered entry's button
CHOICES = "asked_too_choices"  # the line above "Ý bạn là…?" guesses (review 15, L2: they are no answer)


def offer(text: str, command: str) -> tuple[str, list[Button]]:
    """The line (a message key) and the buttons for the question ``text`` asks after its request for ``command``:
    the answered entry's title, or the offered choices, leaving out the entries that explain ``command`` itself
    (``[answer_offers]``: the stop just done needs no "how to stop"); ("", []) when nothing follows the request or
    the question gets no entry."""
    question = question_after(text, command) if text else None
    if question is None:
        return "", []
    own = {entry for entry, offered in answer_offers().items() if offered == command}
    result = ask(question)
    if result.confident and result.entry and not result.out_of_scope:
        entry = get_kb().by_id.get(result.entry)
        if entry is None or entry.id in own:
            return "", []
        return ANSWERED, [answer_view.button(entry.title, entry.title)]
    if result.kind == "ambiguous":
        kept = [answer_view.button(title, sent)
                for (title, sent), entry in zip(result.choices, result.choice_entries, strict=False)
                if entry not in own]
        return (CHOICES, kept) if kept else ("", [])
    return "", []


def buttons(text: str, command: str) -> list[Button]:
    """The buttons of :func:`offer`."""
    return offer(text, command)[1]
