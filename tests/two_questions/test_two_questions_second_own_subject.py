"""A second question left unsure that names a subject of its own ("… ? Mà Bộ Thông tin và Truyền thông giờ thuộc bộ
nào?") is offered with its own entry, whatever its topic: only a follow-up with no subject of its own ("… ai làm
ra?") is held to the first answer's topic (review of round 15, M2; ``KnowledgeBase._borrowed_by``)."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase

pytestmark = pytest.mark.unit


def test_a_second_question_of_its_own_subject_is_offered(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Năm 2025 có bao nhiêu phần trăm hồ sơ làm trực tuyến toàn trình rồi? Mà Bộ Thông tin và "
                            "Truyền thông giờ thuộc bộ nào?")
    assert answer.confident and answer.entry == "dvc-ty-le-ho-so-truc-tuyen"
    assert answer.choice_entries == ["bo-tttt-nay-la-bo-nao"]
