"""The review of round 22's cmd22 branch (its High and Medium findings): each message asserted through the router, as
typed and without diacritics (``command_form``). The messages are the reviewer's adversarial ones (none from an
evaluation set).
"""

from __future__ import annotations

import unicodedata

import pytest

from bot.nlp.normalize import command_form
from handlers.probe import router_probe

pytestmark = pytest.mark.unit


def _unmarked(text: str) -> str:
    """``text`` typed without diacritics, its punctuation kept (its clauses stay apart)."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return bare.replace("đ", "d").replace("Đ", "D")


def _both(cases: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Each message as typed and folded (no marks, lower case, no punctuation)."""
    return [(form, command) for text, command in cases for form in dict.fromkeys((text, command_form(text)))]


# H2: a bare "bỏ lỡ" is a miss told, no purpose; a purpose ends at a connective ("thì", "nên", "nhưng", "mà"): the stop
# after it stays the stop, never a subscription
H2 = [
    ("đăng ký nhận bản tin nhưng bỏ lỡ hoài nên hủy luôn", "unsubscribe"),
    ("tui đăng ký nhận bản tin mà lần nào cũng bỏ lỡ nên thôi hủy đi", "unsubscribe"),
    ("tôi có đăng ký bản tin mà toàn bỏ lỡ, hủy luôn cho rồi", "unsubscribe"),
    ("mình đăng ký theo dõi bản tin, sợ bỏ lỡ nhưng giờ bận quá, hủy giùm", "unsubscribe"),
    ("đăng ký bản tin kẻo lỡ, mà giờ không cần nữa, hủy nha", "unsubscribe"),
    ("để khỏi phiền thì hủy bản tin giùm tôi", "unsubscribe"),
    ("đăng ký nhầm, để không bị làm phiền thì hủy giúp", "unsubscribe"),
    ("đọc hay bỏ lỡ cũng vậy nên hủy đăng ký bản tin đi", "unsubscribe"),
    # the purposes that were right stay so
    ("đăng ký cho tôi nhận bản tin để khỏi phải xem web", "subscribe"),
    ("hủy bản tin để khỏi phiền", "unsubscribe"),
]


@pytest.mark.parametrize(("text", "command"), _both(H2))
def test_a_miss_told_is_no_purpose_and_a_purpose_ends_at_its_connective(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


# H3: a one-off request that says where it will be passed on is the digest, never a subscription
H3 = [
    ("gửi bản tin tuần này cho tôi, tôi chuyển vào nhóm gia đình", "digest"),
    ("gửi bản tin tuần này cho tôi, tôi chuyển lên fanpage của thôn", "digest"),
    ("gởi bản tin tuần ni cho tui, tui đưa vô nhóm của hội phụ nữ", "digest"),
]


@pytest.mark.parametrize(("text", "command"), _both(H3))
def test_a_one_off_request_passed_on_elsewhere_is_no_subscription(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


def test_the_latest_issue_passed_on_is_sent_not_subscribed() -> None:
    assert router_probe()("gửi bản tin mới nhất cho tôi để tôi đăng lên nhóm Zalo của xóm") == "digest"


# H4: the stop negated or the subscription kept is no stop; a request that gives its reason is no stop either
H4 = [
    ("đừng hủy đăng ký bản tin của tôi nha", None),
    ("bản tin tuần này thì thôi, nhưng đừng hủy đăng ký của tôi nha", None),
    ("bản tin tuần này khỏi gửi, đừng hủy đăng ký của tui nghen", None),
    ("bản tin tuần này thì thôi, vẫn gửi hàng tuần cho tôi nhé", None),
    ("Tôi vẫn theo dõi kênh, chỉ là bản tin tuần này thì thôi nha", None),
    ("tôi vẫn đăng ký đó, bản tin tuần này khỏi gửi nha", None),
    ("cho tôi nhận bản tin hàng tuần, khỏi phải lên fb đọc", "subscribe"),
    ("cho mình đăng ký nhận bản tin vì không muốn bản tin nào bị sót", "subscribe"),
    ("đăng ký nhận bản tin qua Zalo vì không cần bản tin giấy nữa", "subscribe"),
    # a stop that lasts stays the stop
    ("hủy đăng ký bản tin giùm tôi", "unsubscribe"),
    ("khỏi gửi bản tin nữa nha", "unsubscribe"),
]


@pytest.mark.parametrize(("text", "command"), _both(H4))
def test_a_stop_negated_or_a_subscription_kept_is_no_stop(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


# H5: a question is never taken by a command
H5 = [
    "hủy đăng ký bản tin thì tuần này còn nhận không?",
    "bản tin tuần này thì thôi được không, hay phải hủy luôn?",
    "mấy ngày nay không thấy bản tin, kênh ngưng gửi rồi hả?",
    "sao không gửi tin này cho mình?",
    "gửi tin này cho mình làm chi vậy",
    "ủa gửi tin này cho mình chi dzậy",
    "tin này gửi nhầm cho mình rồi",
    "tin này kênh gửi cho mình hả?",
    "tin này gửi cho mình chưa ad?",
    "bản tin tuần này thì thôi hả ad, sao vậy?",
]


@pytest.mark.parametrize("text", [form for t in H5 for form in dict.fromkeys((t, command_form(t)))])
def test_a_question_is_not_taken(text: str) -> None:
    assert router_probe()(text) is None


def test_a_central_how_of_the_stop_is_not_taken() -> None:
    assert router_probe()("răng mà hủy đăng ký bản tin được rứa?") is None


# Mediums: an intensifier ("lúc nào cũng", "thật không chịu nổi") blocks no command; not knowing the word to type, told
# beside a subscription; the channel asked formally to erase; this week's issue asked beside another refused; a story
# that mentions joining a group
MEDIUM = [
    ("hủy đăng ký bản tin đi, lúc nào cũng gửi tin dài ngoằng", "unsubscribe"),
    ("bản tin gửi hoài, lúc nào cũng spam, ngưng giùm", "unsubscribe"),
    ("Thật không chịu nổi, hủy bản tin giùm tôi", "unsubscribe"),
    ("xóa hết dữ liệu của tôi đi, thật không muốn dùng nữa", "erase"),
    ("đăng ký nhận bản tin cho tôi, thật không ngờ kênh hay vậy", "subscribe"),
    ("dạ cho con đăng ký nhận bản tin với, con không biết nhắn chữ gì", "subscribe"),
    ("Tôi yêu cầu bên kênh xóa toàn bộ dữ liệu của tôi", "erase"),
    ("yêu cầu bên quản trị xóa hết thông tin cá nhân của tôi", "erase"),
    ("Tôi muốn kể chuyện mấy chị em vô nhóm Zalo bán hàng online", "story"),
    ("tôi muốn kể cho kênh chuyện bà con xóm tôi vào nhóm học VNeID", "story"),
    # the questions those words were kept for stay questions
    ("đăng ký bản tin rồi thì hủy lúc nào cũng được hả?", None),
    ("chị tôi bảo kênh gửi bản tin mỗi tuần, có thật không?", None),
    ("công ty cũ còn giữ hồ sơ của tôi, có bắt họ xóa được không?", None),
]


@pytest.mark.parametrize(("text", "command"), _both(MEDIUM))
def test_an_intensifier_or_a_reason_told_blocks_no_command(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


# M6: a refusal of another issue does not refuse this week's, asked beside it (typed without diacritics, the commas
# kept: folded whole, the two clauses run together and the refusal is read of the request)
ANOTHER_ISSUE_REFUSED = [
    "gửi bản tin tuần này, chưa cần bản tin tuần trước đâu",
    "chưa cần bản tin tuần trước, gửi bản tin tuần này nha",
    "cho em xem bản tin tuần này, không cần bản tin tuần trước đâu",
]


@pytest.mark.parametrize("text", [f for t in ANOTHER_ISSUE_REFUSED for f in (t, _unmarked(t))])
def test_this_weeks_issue_asked_beside_another_refused_is_sent(text: str) -> None:
    assert router_probe()(text) == "digest"


# M1: a stop from a time on lasts; M7: a relative's story the channel is asked to post is a story
LASTING_AND_STORY = [
    ("từ hôm nay khỏi gửi bản tin cho tôi", "unsubscribe"),
    ("từ số này trở đi thì khỏi gửi bản tin", "unsubscribe"),
    ("từ bản tin tuần này trở đi thôi khỏi gửi cho bác", "unsubscribe"),
    ("hôm nay tôi quyết định thôi nhận bản tin", "unsubscribe"),
    ("ba tôi kể chuyện này nè: ông học quét mã QR mua hàng, kênh đăng giúp nha", "story"),
    # one issue refused stays no stop
    ("hôm nay khỏi gửi bản tin cho bác nghen", None),
    ("bản tin hôm nay thì khỏi, mai gửi nha", None),
]


@pytest.mark.parametrize(("text", "command"), _both(LASTING_AND_STORY))
def test_a_stop_from_a_time_on_lasts_and_a_story_to_post_is_told(text: str, command: str | None) -> None:
    assert router_probe()(text) == command
