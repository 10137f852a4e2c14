"""One fact, one entry: the National Public Service Portal's first services and what the ministry did for digital
transformation in the first half of 2022, as the channel's founding article tells it (content/kb/dich-vu-cong.toml,
bai-toan-cau-chuyen.toml).

A citizen who asks one narrow fact gets the entry that states it, not its neighbour: what the ministry did in the
first half of 2022, not the 2022 theme; how many services the portal has, not when it opened. Questions written for
these tests, in several typing styles; the neighbours must keep their own questions.
"""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("question", "entry"), [
    # what the ministry did in the first half of 2022, not the 2022 theme
    ("6 tháng đầu năm 2022 Bộ Thông tin và Truyền thông đã làm được gì về chuyển đổi số?", "bo-tttt-cds-nua-dau-2022"),
    ("nua dau nam 2022 bo tttt co hoat dong chuyen doi so nao", "bo-tttt-cds-nua-dau-2022"),
    # how many services the portal has / had at launch, not when it opened
    ("cổng dịch vụ công quốc gia có bao nhiêu dịch vụ", "dvcqg-dich-vu-dau-tien"),
    ("cong dich vu cong quoc gia luc khai truong co may dich vu", "dvcqg-dich-vu-dau-tien"),
])
def test_a_narrow_fact_gets_the_entry_that_states_it(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry, (answer.entry, answer.confident)


@pytest.mark.parametrize(("question", "entry"), [
    ("chủ đề ngày chuyển đổi số năm 2022 là gì", "ngay-cds-chu-de-2022"),
    ("55 bài toán chuyển đổi số xem ở đâu", "55-bai-toan-cds"),
    ("cổng dịch vụ công quốc gia khai trương ngày nào", "dvcqg-ra-doi"),
])
def test_the_neighbours_keep_their_own_questions(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry, (answer.entry, answer.confident)
