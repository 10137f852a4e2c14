"""Round 29 (lane cmd29): the commands round 28 left, and a request for a piece of information.

- A request for a piece of information ("cho xin địa chỉ …", "cho tui xin số tổng đài …", "nói giùm mình con số …")
  asks the knowledge base, whatever command words name what the piece is for ("cho xin địa chỉ gửi câu chuyện qua
  email" started a story); a request for an action ("cho tôi xin hủy đăng ký") stays the command
  (bot/nlp/information_asked.py, ``plain_command``'s ``_asks_information``).
- dev27a's elder just following the channel ("… không biết nó làm được những việc gì, cháu chỉ bác với") gets help;
  the same words said of another channel or toward a task stay questions.
- "bản tin tuần trước kênh còn lưu không hay xóa rồi" asks whether an issue is kept: no erase (a story likewise).
- "gửi tui mấy số bản tin gần đây" asks for some issues ("mấy" right after the one it is sent to): the digest; "kênh gửi
  tui mấy số bản tin rồi" counts the issues sent: a question.

The messages are this lane's own (docs/qa-history/round-29-cmd29-own-*.tsv), each checked typed and without marks.
"""

from __future__ import annotations

import pytest

from bot.nlp.information_asked import requests_information
from handlers.probe import router_probe
from tests.typed_forms import both_forms

pytestmark = pytest.mark.unit

INFORMATION_ASKED = [
    ("cho xin địa chỉ gửi câu chuyện qua email", None),
    ("cho tui xin số điện thoại để đăng ký nhận bản tin", None),
    ("cho em xin link đăng ký nhận bản tin với", None),
    ("cho bà xin số điện thoại của kênh để khi nào cần bà gọi", None),
    ("cho mình xin email của kênh để gửi câu chuyện", None),
    ("cho tui xin số hotline hủy đăng ký gói cước 4G", None),
    ("xin địa chỉ trang web xóa dữ liệu tài khoản", None),
]

STILL_COMMANDS = [
    ("cho tôi xin hủy đăng ký bản tin", "unsubscribe"),
    ("cho bà xin thôi nhận bản tin nghe con", "unsubscribe"),
    ("cho tôi xin rút tên khỏi danh sách nhận bản tin", "unsubscribe"),
    ("Hủy đăng ký cho tôi. Cho tôi xin số tổng đài VNeID", "unsubscribe"),
    ("cho tôi xin xóa hết dữ liệu của tôi", "erase"),
    ("cho bà xin bản tin tuần này với", "digest"),
    ("cho tui xin đăng ký nhận bản tin hàng tuần", "subscribe"),
    ("mình muốn gửi một câu chuyện cho kênh", "story"),
]

HELP_ASKED = [
    ("Bác mới bấm quan tâm kênh này, không biết nó làm được những việc gì, cháu chỉ bác với", "help"),
    ("Bà mới bấm theo dõi kênh, không biết kênh làm được những việc gì, cháu chỉ bà với", "help"),
    ("con ơi kênh này làm được những việc gì vậy, chỉ má với", "help"),
    ("bot nì làm được những chuyện chi rứa", "help"),
    ("bác già rồi không rành điện thoại, kênh này dùng thế nào cháu chỉ bác với", "help"),
    # the menu asked with "… gì để": not a task (round 29 kept these)
    ("có những lệnh gì để gõ vậy bot", "help"),
]

HELP_LOOK_ALIKES = [
    ("kênh VTV làm được những việc gì cho nông dân", None),
    ("tổ công nghệ số làm được những việc gì cho bà con", None),
    ("kênh này làm được những việc gì để giúp nông dân bán hàng", None),
    ("điện thoại thông minh làm được những việc gì cho người già, chỉ bà với", None),
]

KEPT_OR_GONE = [
    ("bản tin tuần trước kênh còn lưu không hay xóa rồi", None),
    ("bản tin tháng trước kênh còn giữ không hay xóa mất rồi", None),
    ("câu chuyện tui gửi tuần rồi kênh còn lưu không hay bị xóa rồi", None),
    ("kênh có lưu tin nhắn của tui không hay xóa hết rồi", None),
    ("xóa dữ liệu rồi thì bản tin cũ còn xem lại được không", None),
    ("xóa hết thông tin của bà trên kênh này đi con", "erase"),
    ("kênh quên hết những gì tui đã nhắn đi", "erase"),
]

SOME_ISSUES = [
    ("gửi tui mấy số bản tin gần đây", "digest"),
    ("gửi em mấy số bản tin mới nhất nha ad", "digest"),
    ("gởi cho tui coi bản tin tuần rồi nghen", "digest"),
    ("kênh gửi tui mấy số bản tin rồi", None),
    ("kênh đã gửi cho tui mấy số bản tin rồi vậy", None),
    ("một tháng kênh gửi mấy số bản tin vậy ad", None),
    ("sao tuần này không có bản tin", None),
]


@pytest.mark.parametrize(("text", "command"), both_forms(INFORMATION_ASKED + STILL_COMMANDS))
def test_a_request_for_a_piece_of_information_is_no_command(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize(("text", "command"), both_forms(HELP_ASKED + HELP_LOOK_ALIKES))
def test_what_this_channel_can_do_asked_by_an_elder_is_help(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize(("text", "command"), both_forms(KEPT_OR_GONE))
def test_whether_something_is_kept_or_gone_erases_nothing(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize(("text", "command"), both_forms(SOME_ISSUES))
def test_some_issues_asked_for_are_the_digest_and_counted_are_a_question(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize(("text", "asks"), both_forms([
    ("Cho bà xin cái địa chỉ trang dịch vụ công quốc gia với, bà ghi vào sổ.", True),
    ("cho tui xin số tổng đài khóa thẻ khẩn cấp", True),
    ("bạn nói giùm mình con số đó với", True),
    ("cho e xin link web dvc vs", True),
    ("cho tôi xin hủy đăng ký", False),
    ("cho tôi xin rút tên khỏi danh sách", False),
    ("cho bà xin bản tin tuần này với", False),
    ("xin chào ad, tui là nông dân ở Tiền Giang", False),
    ("tôi xin phép gửi câu chuyện này", False),
]))
def test_a_request_for_a_piece_of_information_is_read_with_its_piece(text: str, asks: bool) -> None:
    assert requests_information(text) is asks


def test_ngay_typed_with_its_marks_is_no_date_asked() -> None:
    # "ngay" (right now) is no listed piece; typed without marks "ngày" and "ngay" fold alike, and "ngày" is not listed
    assert not requests_information("cho tôi xin hủy ngay")
    assert not requests_information("cho toi xin huy ngay")
