"""Round 34 (lane cmd34): commands the fresh sets missed, and questions a command took, read by cause.

- A story named with a demonstrative ("chuyện này / ni / nớ / đó", "câu chuyện ấy") or as the asker's own ("chuyện nhà
  tôi") is a story in hand, like "có câu chuyện": wishing to tell it to the channel and asking how starts it
  (``story_this`` in ``[story] wish_patterns``). Without it ("muốn kể chuyện lên kênh thì làm sao") the KB explains.
- A long letter may ask the how in a sentence of its own after the wish ("… Gửi cho kênh thế nào?"): its last clauses
  say a word of the command and where the wish sends (``_how_of_wish``).
- The channel as the one who tells ("Kênh kể lại giúp cháu câu chuyện ấy") asks for a story, it sends none.
- "thôi" said of no digest: a leave-taking ("Thôi chị đi nấu cơm đây") and the limiting particle after reading the news
  ("toàn đọc tin thôi"); a stop said beside them still stops.
- What one can do "để giúp chuyển đổi số", or a task wished ("muốn lập … mà không biết bắt đầu từ đâu") asks about the
  goal, not help.
- A bulletin named by its subject ("bản tin giá lúa") is another publisher's; the news named by how often it comes
  ("có gửi tin mỗi tuần thì cho tôi nhận") is the digest; the messages sent to the channel, said first as the topic, are
  what erase removes; "có nhắn tin hỏi kênh" typed without marks tells the asker's messages, no "có nhận" asked.

The messages are this lane's own, each checked typed and without marks.
"""

from __future__ import annotations

import pytest

from handlers.probe import router_probe
from tests.typed_forms import both_forms

pytestmark = pytest.mark.unit

STORY_IN_HAND = [
    ("Nhà tôi ở Hòa Vang trồng nấm, năm nay con gái tôi lập trang bán nấm qua mạng, đơn về đều đặn, cả xóm học theo. "
     "Tôi muốn gửi chuyện này lên kênh cho bà con nơi khác biết thì làm sao?", "story"),
    ("tui muốn kể chuyện nhà tui cho kênh nghe thì làm sao", "story"),
    ("em muốn gửi câu chuyện đó cho kênh thì làm thế nào ạ", "story"),
    ("Nhà tôi ba đời đan lát ở Phú Vinh, năm ngoái con dâu tôi mở gian hàng trên mạng, giờ khách ở tận Đà Lạt "
     "cũng đặt. Tôi muốn kể chuyện nhà tôi đổi nghề thế nào cho kênh đăng, để làng khác học theo. "
     "Gửi cho kênh thế nào?", "story"),
]

STORY_NOT_IN_HAND_OR_ASKED = [
    ("muốn kể chuyện lên kênh thì làm sao", None),
    ("Tôi muốn gửi câu chuyện cho kênh thì làm sao?", None),
    ("tôi muốn kể chuyện này cho kênh thì có bị lộ tên không", None),
    ("kể chuyện này cho kênh có được tiền không", None),
]

CHANNEL_TELLS = [
    ("kênh kể lại giúp em câu chuyện Thánh Gióng cho đúng với, thầy hỏi mà em quên", None),
    ("Bot kể lại cho tui câu chuyện Tấm Cám với, con tui đòi nghe", None),
]

THOI_ELSEWHERE = [
    ("Tui nghe nói mà hông tin. Năm nay ngày chuyển đổi số có tổ chức không vậy em? Thôi chị đi nấu cơm đây.", None),
    ("Kênh này lập ra để người dân làm gì vậy, tui thấy toàn đọc tin thôi à", None),
    ("Anh em trong xóm ai cũng xem tin thôi chứ ít ai hỏi, mà tui thắc mắc kênh này ai lập ra vậy", None),
    # a stop said beside them still stops
    ("thôi tui đi đây, đừng gửi bản tin nữa nha", "unsubscribe"),
    ("tui chỉ đọc tin thôi, hủy đăng ký giùm tui", "unsubscribe"),
]

GOAL_NOT_HELP = [
    ("Tôi là hội viên nông dân ở Cờ Đỏ. Nghe cán bộ nói dân cũng phải chung tay. Theo kênh thì người dân có thể làm gì "
     "nho nhỏ để giúp chuyển đổi số tới được với bà con?", None),
    ("xã tôi muốn thành lập tổ công nghệ số mà không biết bắt đầu từ đâu", None),
    ("tôi muốn dùng kênh này mà chưa biết bắt đầu từ đâu", "help"),
    ("Tôi muốn hỏi mà không biết bắt đầu từ đâu", "help"),
]

BULLETINS_AND_WEEKLY_NEWS = [
    ("bản tin giá lúa hôm nay ở An Giang nhiêu 1 ký vậy mn", None),
    ("cho coi bản tin thị trường nông sản tuần này", None),
    ("xem bản tin tuần này", "digest"),
    ("Tôi ở Bắc Giang, tuổi cao ít lên mạng, muốn mỗi tuần đọc tin chuyển đổi số ngay trên Zalo. Kênh có gửi tin mỗi "
     "tuần thì cho tôi nhận với nhé.", "subscribe"),
    ("kênh có gửi tin hàng tuần không", None),
]

MESSAGES_ERASED = [
    ("em trước có nhắn tin hỏi kênh vài lần, giờ muốn kênh xóa hết thông tin của em được không", "erase"),
    ("Mấy cái tin nhắn em gửi kênh, tên, số điện thoại... xóa hết giúp em được không ạ", "erase"),
    ("mấy tin mình gửi cho kênh, xóa hết giùm mình nha", "erase"),
    ("xóa tin nhắn tui gửi nhầm cho con gái được không", None),
    ("mấy tin tui gửi cho kênh có ai đọc không", None),
    ("xóa dữ liệu thì có nhận bản tin nữa không", None),
]


@pytest.mark.parametrize(("text", "command"), both_forms(STORY_IN_HAND + STORY_NOT_IN_HAND_OR_ASKED + CHANNEL_TELLS))
def test_a_story_named_as_one_in_hand_is_started_and_a_story_asked_for_is_not(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize(("text", "command"), both_forms(THOI_ELSEWHERE))
def test_thoi_of_a_leave_taking_or_of_only_reading_stops_nothing(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize(("text", "command"), both_forms(GOAL_NOT_HELP))
def test_a_goal_or_a_task_wished_is_asked_about_not_help(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize(("text", "command"), both_forms(BULLETINS_AND_WEEKLY_NEWS))
def test_another_bulletin_is_no_digest_and_weekly_news_is(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize(("text", "command"), both_forms(MESSAGES_ERASED))
def test_the_messages_sent_to_the_channel_are_what_erase_removes(text: str, command: str | None) -> None:
    assert router_probe()(text) == command
