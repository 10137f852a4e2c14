"""Places asked (bot.kb.asks.places): Laos typed with its mark, the Central "tỉnh mô". Look-alikes written for these
tests, not copied from a dev set (the older place kinds are tested in tests/test_kb_asks.py).
"""

from __future__ import annotations

from bot.kb import KnowledgeBase
from bot.kb.asks import asked, named_places
from bot.nlp.normalize import analyze


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


def test_laos_typed_with_its_mark_is_a_country_but_not_lao_cai_nor_where_the_speaker_was(
        real_kb: KnowledgeBase) -> None:
    assert "place:nước Lào" in named_places(analyze("Lào có Ngày Chuyển đổi số không?").text,
                                            "Lào có Ngày Chuyển đổi số không?")
    assert "place:nước Lào" not in kinds("Lào Cai có bao nhiêu tổ công nghệ số?")
    assert "place:nước Lào" not in kinds("lao dong tu do co can vneid khong")  # unmarked "lao" is "lao động"
    assert not real_kb.answer("Chủ đề ngày chuyển đổi số của Lào năm 2024 là gì?").confident
    back = real_kb.answer("Tôi đi làm ở Lào về, VNeID mức 2 kích hoạt ở đâu?")
    assert back.confident and back.entry == "vneid-kich-hoat-muc-2"


def test_tinh_mo_after_a_verb_of_going_asks_a_province() -> None:
    assert "province" in kinds("Bão đổ bộ vô tỉnh mô rứa?")
    assert "province" not in asked("tinh dau tram", "tinh dầu tràm")
