""""Who" asked of a maker ("Cổng dịch vụ công do ai làm") is not "whom to turn to" ("nhờ ai làm thủ tục", "ai hướng
dẫn"): ``bot.kb.wh`` reads the second as its own kind (``helper``), so the help entry, whose phrasings ask whom to turn
to, no longer agrees with a question of who built the portal (it was answered with it, confidently)."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.wh import kinds

pytestmark = pytest.mark.unit

_HELP = "dvc-can-huong-dan"


@pytest.mark.parametrize(("text", "kind", "not_kind"), [
    ("cong dich vu cong do ai lam vay", "who", "helper"),
    ("ai ky quyet dinh thanh lap to", "who", "helper"),
    ("cho hoi ai la bo truong", "who", "helper"),
    ("ai chi dao chuyen doi so", "who", "helper"),
    ("nho ai lam thu tuc truc tuyen", "helper", "who"),
    ("ai huong dan toi nop ho so", "helper", "who"),
    ("lien he ai de duoc ho tro", "helper", "who"),
])
def test_a_maker_asked_is_not_a_helper_asked(text: str, kind: str, not_kind: str) -> None:
    assert kind in kinds(text) and not_kind not in kinds(text)


@pytest.mark.parametrize("question", [
    "Cổng dịch vụ công do ai làm vậy",
    "Cổng dịch vụ công là ai làm vậy, có VNPT làm không?",
])
def test_who_built_the_portal_is_not_answered_with_the_help_entry(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert not (answer.confident and answer.entry == _HELP)


@pytest.mark.parametrize("question", [
    "nhờ ai làm dịch vụ công trực tuyến",
    "ai hướng dẫn tôi làm dịch vụ công trực tuyến",
])
def test_whom_to_turn_to_stays_with_the_help_entry(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == _HELP
