"""Round 24 (cmd24): plain-word commands missed or taken by the wrong command, grouped by cause, each through the router
as typed and typed without diacritics. The messages are the engineer's own (none from an evaluation set); each group
holds the questions beside it that no command may take.
"""

from __future__ import annotations

import pytest

from handlers.probe import router_probe
from tests.typed_forms import both_forms

pytestmark = pytest.mark.unit

# the asker's state told ("mới theo dõi kênh": just followed) is no subscription request
JUST_FOLLOWED = [
    ("mới theo dõi kênh, chỉ mình với", None),
    ("Mình mới theo dõi kênh, không biết hỏi gì, chỉ mình với", "help"),
    ("em mới đăng ký theo dõi kênh, kênh có những chức năng gì vậy", "help"),
    ("cho bác theo dõi kênh với", "subscribe"),
    # the wish to read it every week is a subscription; another thing read, or how asked, is not
    ("tui muốn tuần nào cũng được đọc tin chuyển đổi số", "subscribe"),
    ("bà muốn mỗi tuần được đọc tin tổng hợp", "subscribe"),
    ("tôi muốn tuần nào cũng được đọc thông tin giá lúa", None),
    ("muốn tuần nào cũng được đọc tin thì làm sao", None),
    ("đăng ký nhận bản tin hàng tuần cho tôi với", "subscribe"),
]

# what the channel can do for the asker, the asker named between the verb and what
HELP_WITH_THE_ASKER_NAMED = [
    ("kênh này giúp tôi được những gì?", "help"),
    ("bot này giúp em được gì vậy", "help"),
    ("kênh ni giúp tui được chi rứa", "help"),
    ("kênh này bác dùng được những gì, chỉ bác với", "help"),
    ("kênh này có tác dụng gì vậy", "help"),
    ("kênh này giúp tôi được gì trong việc đăng ký VNeID", None),
    ("bot này giúp tôi được gì về dịch vụ công", None),
    ("Ad giúp tôi được gì không, tôi bị mất tài khoản ngân hàng", None),
    ("thuốc này có tác dụng gì vậy", None),
]

# the asker no longer using the channel, then the erase ("con không" is no "còn không" asked)
ERASE_AFTER_NOT_USING = [
    ("con không xài nữa, kênh xóa hết thông tin của con nha", "erase"),
    ("dạ con hông xài nữa, xoá dữ liệu của con đi ạ", "erase"),
    ("con không xài nữa thì thông tin của con còn không", None),
    ("xóa rồi thông tin của tôi còn không", None),
]

# the channel asked to publish the asker's story; which story, asked, is a question
STORY_PUBLISHED_FOR_THE_ASKER = [
    ("Nhờ kênh đăng giúp chuyện bà con thôn tôi bán nông sản qua mạng", "story"),
    ("kênh đăng giùm tui câu chuyện ông Tư bán cá qua Zalo nha", "story"),
    ("tôi muốn kể chuyện gì đó về xóm tôi", "story"),
    ("Tôi thấy chuyện này hay nên muốn kể cho kênh.", "story"),
    ("nhờ kênh đăng bài cảnh báo lừa đảo", None),
    ("kênh đăng giúp chuyện gì vậy", None),
    ("nhờ kênh đăng chuyện gì cũng được hả", None),
    ("có nên kể chuyện này cho kênh không", None),
]


@pytest.mark.parametrize(("text", "command"), both_forms(JUST_FOLLOWED + HELP_WITH_THE_ASKER_NAMED))
def test_help_asked_not_a_subscription(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize(("text", "command"), both_forms(ERASE_AFTER_NOT_USING + STORY_PUBLISHED_FOR_THE_ASKER))
def test_erase_and_story_said_with_their_reason(text: str, command: str | None) -> None:
    assert router_probe()(text) == command
