"""Plain-words commands read regional and English words as the standard ones, as the KB does (bot/nlp/intents.py).

Phrasings written by the engineer: a Southern/Central citizen or one who mixes English says the same command.
"""

from __future__ import annotations

import pytest

from bot.nlp.intents import plain_command


@pytest.mark.parametrize(("text", "command"), [
    ("Stop gửi newsletter cho mình nha, cảm ơn", "unsubscribe"),
    ("stop newsletter", "unsubscribe"),
    ("Sign up giúp mình nhận newsletter nha", "subscribe"),
    ("dang ky newsletter", "subscribe"),  # typed without marks: still compared folded
    ("Có tin tức chi mới tuần ni không, cho coi với", "digest"),
])
def test_regional_and_english_words_reach_the_command(text: str, command: str) -> None:
    assert plain_command(text) == command


@pytest.mark.parametrize("text", [
    "newsletter gửi khi nào vậy ad",  # a question about the digest: "khi nào"
    "Mần răng để ngưng nhận bản tin?",  # "mần răng" = "làm sao": asks how, the KB explains
])
def test_questions_stay_questions(text: str) -> None:
    assert plain_command(text) is None
