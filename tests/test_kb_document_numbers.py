"""Entries that give a numbered document's contents say its number (round 29, lane content29).

A question naming a document ("mục tiêu năm 2025 theo Quyết định 749") asks for an entry that says that number
(``document:<n>`` in ``bot.kb.asks.documents``); the entries giving the programme's targets called it only
"Chương trình Chuyển đổi số quốc gia (phê duyệt năm 2020)", so the floor refused them. The content test reads the
answers themselves, not a list of questions; the chat test goes through the webhook.
"""

from __future__ import annotations

import re

from bot.kb import get_kb
from tests.support import BotHarness

USER = "2929292929292929292"

# How an answer names a numbered document in words, and the number it goes by.
NAMED_DOCUMENTS = {
    "Chương trình Chuyển đổi số quốc gia": "749",
    "Chiến lược quốc gia phát triển kinh tế số và xã hội số": "411",
    "Chiến lược phát triển Chính phủ điện tử": "942",
    "Đề án 06": "06",
}
# The first paragraph gives the document's contents: its targets, its vision, what it sets or lists.
GIVES_CONTENTS = re.compile(r"mục tiêu|tầm nhìn|hướng tới|đặt ra|\bnêu\b", re.IGNORECASE)


def _says(text: str, number: str) -> bool:
    return re.search(rf"(?<![\d/]){number}(?!\d)", text) is not None


def test_entries_giving_a_numbered_documents_contents_say_its_number() -> None:
    checked = 0
    for entry in get_kb().entries:
        first = entry.answer.split("\n\n")[0]
        said = " ".join((entry.answer, entry.title, *entry.questions, *entry.keywords))
        for name, number in NAMED_DOCUMENTS.items():
            if name in first and GIVES_CONTENTS.search(first):
                checked += 1
                assert _says(said, number), f"{entry.id} gives the contents of {name} but never says {number}"
    assert checked >= 8  # the programme's targets, Đề án 06's: the test reads real entries


def test_targets_asked_by_the_decisions_number_are_answered_in_the_chat(bot: BotHarness) -> None:
    kb = get_kb()
    for question, entry_id in (
        ("Theo Quyết định 749 thì đến năm 2025 kinh tế số phải chiếm bao nhiêu phần trăm GDP?", "ct-2025-kinh-te-so"),
        ("quyết định 749 đặt mục tiêu gì cho xã hội số năm 2025", "ct-2025-xa-hoi-so"),
    ):
        bot.send(USER, question)
        bot.settle()
        text = bot.messages(USER)[-1]["text"]
        assert kb.by_id[entry_id].answer[:80] in text
        assert "749" in text.split("\n\n")[0]
