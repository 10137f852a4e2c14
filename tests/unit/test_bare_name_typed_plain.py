"""A stop said for someone named bare, typed without marks, keeps its reading when an emoji or one marked closing word
is added ("huy dang ky gium Lan 😊", "… gium Lan nhé"): nothing is stopped for the asker. The asker's own stop with
them stays the asker's. The engineer's own messages."""

from __future__ import annotations

import pytest

from bot.nlp.bare_names import typed_plain
from bot.nlp.intents import for_others, plain_command

pytestmark = pytest.mark.unit

OWN = ["Hủy đăng ký giùm tôi 😊", "huy dang ky gium toi nhé", "huy nhan tin Ho Chi Minh nhé", "huy dang ky cho em nhé"]

FOR_OTHERS = ["huy dang ky gium Lan 😊", "huy dang ky gium Lan nhé", "dung gui ban tin gium Tuan nhé",
              "huy dang ky cho chi Lan nhé", "huy dang ky gium Lan 😊😊"]


@pytest.mark.parametrize("text", OWN)
def test_the_askers_own_stop_stays_his(text: str) -> None:
    assert plain_command(text) == "unsubscribe"
    assert not for_others(text)


@pytest.mark.parametrize("text", FOR_OTHERS)
def test_a_name_after_an_emoji_or_one_marked_word_is_someone_else(text: str) -> None:
    assert plain_command(text) == "unsubscribe"
    assert for_others(text)


def test_typed_plain_counts_letters_only_and_one_marked_word_among_many() -> None:
    assert typed_plain(["huy", "dang", "ky", "gium", "Lan", "😊"], titled=False)
    assert typed_plain(["huy", "dang", "ky", "gium", "Lan", "nhé"], titled=False)
    assert not typed_plain(["hủy", "đăng", "ký", "giùm", "Lan"], titled=False)
    assert not typed_plain(["gium", "Lan", "nhé"], titled=False)
