"""The catch-all text handler: answer from the knowledge base, keep what we could not answer.

After "Ý bạn là…?" the offered choices are remembered in the conversation state; when the next message is
one of them (a tap sends its title), the pair (first question, chosen entry) is counted for editors —
without the user id — and ``dxbot kb learn`` lets an editor turn it into a phrasing. No Vietnamese here:
every string comes from ``content/`` through the engine. What a phone shows first is decided by
``handlers/answer_view.py``; off-topic questions by ``handlers/scope.py``.
"""

from __future__ import annotations

import json
from typing import Any

from bot.core.context import Button
from bot.infra.texts import payload, render
from bot.kb import get_kb
from bot.kb.learn import question_form, record_choice
from bot.nlp.normalize import command_form
from bot.nlp.problem_told import asks_help_with_problem
from handlers import address, answer_view, scope
from handlers.ask import ask, note_unanswered

OFFER = "qa_offer"  # state field: the last "Ý bạn là…?" question and its choices


def _chosen(ctx: Any, text: str) -> tuple[str, str] | None:
    """(question, entry id) when ``text`` is one of the choices offered last time; the offer is used up."""
    raw = ctx.state.pop(OFFER, "")
    try:
        offer = json.loads(raw) if raw else None
        entry = offer["choices"].get(command_form(text)) if isinstance(offer, dict) else None
        return (str(offer["question"]), str(entry)) if entry else None
    except (ValueError, KeyError, AttributeError, TypeError):
        return None


def answer_question(event: Any, ctx: Any) -> None:
    """Reply to ``event.text``; an in-scope question without a confident answer is counted for editors
    (no user id); an off-topic one gets the channel's topics and is not counted."""
    text = event.text or ""
    chosen = _chosen(ctx, text)
    if chosen is not None:
        question, entry_id = chosen
        ctx.on_commit(lambda pipe: record_choice(pipe, question, entry_id))
    result = ask(text)
    if not result.confident and result.normalized:
        if not scope.in_scope(event.text, result):
            scope.out_of_scope(event.text, result, ctx)
            return
        note_unanswered(ctx, text)
    if result.kind == "ambiguous":
        ctx.state[OFFER] = json.dumps({
            "question": question_form(text),
            "choices": {command_form(p): e for (_, p), e in zip(result.choices, result.choice_entries, strict=False)},
        }, ensure_ascii=False)
    address.note(text, ctx)
    shaped = answer_view.shape(result)
    shaped.text = address.apply(shaped.text, ctx)
    if asks_help_with_problem(text) and payload("help") not in {b.payload for b in shaped.buttons}:
        # what the channel can do was asked too, with the problem the answer is about: the menu one tap away
        shaped.buttons.append(Button(render("answer_offer_help"), payload("help")))
    if shaped.has_more and result.entry:
        ctx.state[answer_view.MORE_KEY] = result.entry
    else:
        ctx.state.pop(answer_view.MORE_KEY, None)
    ctx.send_text(shaped.text, buttons=shaped.buttons)


def show_more(event: Any, ctx: Any) -> None:
    """"Xem thêm": the rest of the last answer and its sources."""
    entry = get_kb().by_id.get(ctx.state.get(answer_view.MORE_KEY, ""))
    if entry is None:
        ctx.say("answer_more_none")
        return
    answer_view.more(ctx, entry)
