"""An exclamation opening a message ("Ủa", "Ơ", "Dạ") is capitalised but no part of a name (``bot.kb.explained.names``,
``content/interjections.toml``): "Ủa Đề án 06 …" named no place "Ủa Đề" the knowledge base does not know, which held
the answer back."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.explained import names

pytestmark = pytest.mark.unit


def _unknown_pair(a: str, b: str) -> bool:
    return False  # every pair unknown: only the capitals decide


@pytest.mark.parametrize("text", [
    "Ủa Đề án 06 là cái gì vậy mấy anh?",
    # review of round 19, L2: "Ơ …" could not fail (a one-letter word is never a name's capital); these can
    "Ối Bộ Thông tin và Truyền thông còn không?",
    "Vâng Cổng Dịch vụ công ra đời năm nào ạ?",
    "Dạ Cổng Dịch vụ công ra đời năm nào ạ?",
])
def test_an_exclamation_opening_the_message_is_no_name(text: str) -> None:
    found = names(text, _unknown_pair)
    assert not found & {"ua", "oi", "vang", "da"}


def test_a_name_after_the_exclamation_is_still_a_name() -> None:
    assert {"thai", "lan"} <= names("Ủa bên Thái Lan có ngày chuyển đổi số không", _unknown_pair)


@pytest.mark.parametrize(("message", "entry"), [
    ("Ủa Đề án 06 là cái gì vậy mấy anh?", "de-an-06-la-gi"),
    ("Ủa Bộ Thông tin và Truyền thông sáp nhập vô bộ nào rồi?", "bo-tttt-nay-la-bo-nao"),
])
def test_an_exclamation_does_not_hold_the_answer_back(real_kb: KnowledgeBase, message: str, entry: str) -> None:
    answer = real_kb.answer(message)
    assert answer.confident and answer.entry == entry
