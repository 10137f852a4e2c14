"""Round 30 (`second30`): whether one entry restates another entry's own fact of the kind asked (``bot.kb.restates``).

Probe entries of my own: a recap says its neighbour's date, figure or name; a neighbour naming only the subject, or a
fact the question names itself, does not count.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.kb.loader import Entry
from bot.kb.restates import facts, lead, restates


def entry(answer: str) -> Entry:
    return Entry(id="probe", topic="t", title="t", questions=("q",), keywords=("k",), answer=answer,
                 verified=dt.date(2026, 1, 1), sources=())


LAUNCH = entry("Cổng thông tin điện tử của tỉnh khai trương ngày 3/2/2021, do Sở Thông tin lập.\n\nXem thêm 8/8/2022.")
FIRST_SERVICES = entry("Khi khai trương ngày 3/2/2021, cổng có 40 dịch vụ.")
NEIGHBOUR = entry("Cổng thông tin điện tử của tỉnh có 40 dịch vụ, cập nhật ngày 8/8/2022.")


def test_the_dates_figures_and_names_of_the_kinds_asked() -> None:
    text = "Ngày 10/10 hằng năm, theo Quyết định 505/QĐ-TTg ngày 22/4/2022 do ông Vũ Đức Đam ký; có 63 tỉnh năm 2025."
    assert facts(text, frozenset({"when"})) == {"10 10", "22 4 2022", "nam 2025"}
    assert facts(text, frozenset({"count"})) == {"63"}  # not the document's number, a date's parts nor a year
    assert facts(text, frozenset({"who"})) == {"vu duc dam"}  # "Ngày" opens the sentence; "Quyết" stands alone
    assert facts(text, frozenset({"where", "what"})) == frozenset()


def test_a_recap_of_the_first_entrys_date_restates_it() -> None:
    assert restates(LAUNCH, FIRST_SERVICES, "Cổng của tỉnh khai trương ngày nào?", frozenset({"when"}))


def test_a_neighbour_naming_the_subject_or_a_later_paragraphs_date_does_not() -> None:
    """The neighbour says the later paragraph's 8/8/2022, not the lead's 3/2/2021."""
    assert not restates(LAUNCH, NEIGHBOUR, "Cổng của tỉnh khai trương ngày nào?", frozenset({"when"}))


@pytest.mark.parametrize("question", ["Cổng lập ngày 3/2/2021 là của sở nào?", "cong lap ngay 3/2/2021 cua ai"])
def test_a_fact_the_question_names_is_its_subject_not_the_answer(question: str) -> None:
    assert not restates(LAUNCH, FIRST_SERVICES, question, frozenset({"when", "who"}))


def test_a_name_restated_for_who_asked() -> None:
    built = entry("Ứng dụng này do Sở Thông tin làm. Sở Thông tin vận hành.")
    login = entry("Tên đăng nhập ứng dụng (do Sở Thông tin làm) là số điện thoại.")
    assert restates(built, login, "ứng dụng này của cơ quan nào", frozenset({"who"}))
    assert not restates(built, login, "ứng dụng này của cơ quan nào", frozenset({"count"}))


def test_an_office_in_lower_case_is_a_who_fact() -> None:
    """Round 31: "who is in the team" is answered by offices, written in lower case; growth ("tăng trưởng") and a
    grown-up ("trưởng thành") name no unit and are no office."""
    text = "Mỗi nhóm gồm trưởng ấp, một tổ trưởng và Chủ tịch xã; kinh tế tăng trưởng, thanh niên trưởng thành."
    assert facts(text, frozenset({"who"})) == {"truong ap", "to truong", "chu tich"}
    members = entry("Nhóm hỗ trợ ở ấp gồm trưởng ấp và hai thanh niên biết dùng điện thoại.")
    founder = entry("Chủ tịch xã ra quyết định lập nhóm hỗ trợ, gồm trưởng ấp và hai thanh niên.")
    assert restates(members, founder, "nhóm hỗ trợ gồm những ai", frozenset({"who"}))


def test_a_web_address_is_a_where_fact() -> None:
    """Round 31: a place asked of a portal is its address, with or without its scheme."""
    portal = entry("Cổng thông tin của tỉnh có địa chỉ https://www.congtinh.gov.vn, nơi nộp hồ sơ.")
    services = entry("Khi mở, cổng congtinh.gov.vn có 40 dịch vụ.")
    assert facts(lead(portal), frozenset({"where"})) == {"congtinh gov vn"}
    assert restates(portal, services, "cổng của tỉnh vào trang nào", frozenset({"where"}))
    assert not restates(portal, services, "cổng của tỉnh vào trang nào", frozenset({"when"}))


def test_every_fact_restated_or_not_all() -> None:
    """``every``: the day once kept (10/10) said again is not the day moved to (21/10/2025) said."""
    moved = entry("Năm nay lễ tổ chức ngày 21/10/2025, thay vì ngày 10/10 như mọi năm.")
    usual = entry("Ngày 10/10 hằng năm là ngày lễ.")
    asked = frozenset({"when"})
    assert restates(moved, usual, "năm nay lễ tổ chức ngày nào", asked)
    assert not restates(moved, usual, "năm nay lễ tổ chức ngày nào", asked, every=True)
    assert restates(moved, entry("Lễ dời từ 10/10 sang 21/10/2025."), "lễ ngày nào", asked, every=True)
