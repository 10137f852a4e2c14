"""Review 14b (fix14b): a "nowhere" that is an indirect where asked, and a negated condition before "thì … đâu".

* M4: "ở đâu cả" is spared by the commands' exclusions as nowhere ("không muốn để thông tin cũ ở đâu cả"), but under
  a verb of knowing ("chỉ không biết thông tin của tôi lưu ở đâu cả") or closed by a tag ("… ở đâu cả không?") it
  asks where the data is kept: no command takes it.
* M5: "đâu" ending a negated clause is the emphatic "not at all" ("không phải kênh viết dở đâu"), but a negation
  followed by "thì / mà" negates the condition ("công an xã không làm thì làm đâu": if not there, then where?).

The inputs are the review's probes, typed with and without marks.
"""

from __future__ import annotations

import pytest

from bot.nlp.clauses import asks_by_itself, is_question
from bot.nlp.intents import plain_command


@pytest.mark.unit
@pytest.mark.parametrize("text", [
    "Tôi không muốn xóa tài khoản, chỉ không biết thông tin của tôi lưu ở đâu cả",
    "tui hong muon xoa thong tin, chi hong biet thong tin cua tui luu o dau ca",
    "Chào ad, tôi ở Huế, năm nay đã ngoài sáu mươi, con cháu đi làm xa cả. Tôi không muốn xóa tài khoản, chỉ không "
    "biết thông tin của tôi lưu ở đâu cả, ad chỉ giùm.",
    "Tôi xóa thông tin rồi mà không biết nó còn lưu ở đâu cả không?",
    "Muốn nhận bản tin mỗi tuần thì đăng ký ở đâu cả vậy?",
])
def test_where_asked_under_a_verb_of_knowing_is_no_command(text: str) -> None:
    assert plain_command(text) is None


@pytest.mark.unit
def test_nowhere_still_spares_the_erase() -> None:
    assert plain_command("Xóa hết thông tin của tôi đi, tôi không muốn để thông tin cũ ở đâu cả") == "erase"


@pytest.mark.unit
@pytest.mark.parametrize("clause", [
    "Công an xã không làm mức 2 thì làm đâu",
    "ko lam o xa duoc thi lam dau",
    "chưa có VNeID thì đăng ký đâu",
    "mất căn cước không có thì mượn đâu",
    "Năm nay không tổ chức ở Hà Nội thì tổ chức đâu",
])
def test_a_negated_condition_before_then_where_asks(clause: str) -> None:
    assert asks_by_itself(clause) and is_question(clause)


@pytest.mark.unit
@pytest.mark.parametrize("clause", ["không phải kênh viết dở đâu", "không muốn để thông tin cũ ở đâu cả",
                                    "tui đâu có hiểu gì"])
def test_the_emphatic_and_nowhere_readings_stay(clause: str) -> None:
    assert not asks_by_itself(clause)
