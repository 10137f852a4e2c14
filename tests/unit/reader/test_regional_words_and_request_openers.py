"""Round 13 (qa13read): what the session-13 writers' messages showed the reader lacked — Nghệ–Tĩnh "bựa mô" (when),
Southern "dzô" (vào), "bỏ cấp huyện" (abolishing a level, no stop), a request opening the question after commas of
context, a place before the asker in a sentence told after the question, "…tò mò:" announcing the question, and a
lodging that stands for the asker (docs/qa-history/round-13.md)."""

from __future__ import annotations

import pytest

from bot.kb.lexicon import view
from bot.kb.subjects import places
from bot.nlp.clauses import clauses
from bot.nlp.dialect import standardize
from bot.nlp.normalize import analyze


def read(text: str) -> str:
    return analyze(standardize(text)).text


@pytest.mark.parametrize(("text", "reading"), [
    ("Nghị định ni ký bựa mô rứa?", "nghi dinh nay ki khi nao vay"),
    ("cổng nớ mở bữa mô", "cong do mo khi nao"),
    ("bộ cũ nhập dzô bộ nào", "bo cu nhap vao bo nao"),
    ("bao giờ dzìa quê", "khi nao ve que"),
])
def test_regional_and_typed_forms(text: str, reading: str) -> None:
    assert read(text) == reading


def test_unmarked_bua_mo_is_left_alone() -> None:
    # unmarked, "bua mo" may be other words: only the marked phrase is rewritten
    assert read("bua mo") == "bua mo"


def test_abolishing_a_level_stops_nothing() -> None:
    assert not view(analyze("bỏ cấp huyện từ khi nào")).negated
    assert not view(analyze("bỏ huyện từ ngày nào")).negated
    assert view(analyze("bỏ nhận bản tin")).negated  # a stop stays a stop


def test_a_request_after_commas_of_context_opens_the_question() -> None:
    parts = clauses("Thưa anh chị, tôi là cán bộ hưu trí ở Đông Anh, cho tôi hỏi Đề án 06 ban hành năm nào ạ?")
    assert parts == ["Thưa anh chị, tôi là cán bộ hưu trí ở Đông Anh", "cho tôi hỏi Đề án 06 ban hành năm nào ạ?"]


def test_a_short_introduction_before_a_request_is_context_too() -> None:
    assert clauses("Em là đoàn viên, muốn hỏi tổ công nghệ số làm gì") == ["Em là đoàn viên",
                                                                          "muốn hỏi tổ công nghệ số làm gì"]


def test_a_request_after_a_request_is_not_cut() -> None:
    # the left side already asks (a need phrase): the request after the comma goes on with it, no context before it
    assert len(clauses("Tôi muốn biết thêm về đề án, cho tôi hỏi Đề án 06 là gì")) == 1


def test_a_place_before_the_asker_in_a_sentence_told_after() -> None:
    parts = clauses("5G phu song dc bao nhieu % roi, o Cu Lao Cham tui chua bat duoc 5G lan nao, chac dien thoai cu")
    assert parts[0] == "5G phu song dc bao nhieu % roi"


def test_curiosity_before_a_colon_announces_the_question() -> None:
    parts = clauses("Ngồi nhớ chuyện cũ mới tò mò: hồi đó cả nước lập bao nhiêu tổ?")
    assert parts[-1] == "hồi đó cả nước lập bao nhiêu tổ?"


def test_where_the_asker_lodges_is_context() -> None:
    assert places("coi tivi trong phong tro o bien hoa thay noi", asked=True) == frozenset()
    assert places("o bien hoa co bao nhieu to", asked=True)  # a place asked about stays
