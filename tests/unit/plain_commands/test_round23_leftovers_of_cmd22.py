"""Round 22's cmd22 leftovers (round 23, tidy23), each through the router as typed and typed without diacritics
(punctuation kept, so the clauses stay apart), and look-alike questions no command may take. The messages are the
engineer's own or the cmd22 reviewer's (none from an evaluation set).

* "for good" words ("luôn", "hẳn", "vĩnh viễn", "hết") bind a stop only in a clause that refuses, and no lasting phrase
  is read across a comma;
* "số này" after where a thing is sent ("qua / cho / vào số này") is the asker's number, not this issue;
* help: a clause after "chỉ em mấy chức năng" that opens with the asker tells ("…, bà già rồi ấy"), "máy" alone names
  no device, and "trong / trên" the channel is bare;
* erase: "họ" right after the channel named is the channel's people ("…trên kênh, đề nghị họ xóa luôn bản lưu").
"""

from __future__ import annotations

import pytest

from bot.nlp.intents import plain_command
from bot.nlp.normalize import command_form
from handlers.probe import router_probe
from tests.typed_forms import both_forms, unmarked

pytestmark = pytest.mark.unit




# "luôn", "hết", "vĩnh viễn" outside the clause that refuses say no lasting stop: one issue refused, nothing else asked
ONE_ISSUE_REFUSED = [
    ("bản tin tuần này tui coi luôn rồi, khỏi gửi lại nghen", None),
    ("Kênh ơi, bản tin tuần này tôi đọc hết rồi, thôi khỏi gửi lại nha", None),
    ("bản tin tuần này tôi đọc trên web hết rồi, khỏi gửi lại", None),
    ("bản tin tuần này khỏi gửi nha, vĩnh viễn biết ơn kênh", None),
    ("bản tin mới nhất tôi xem luôn trên fanpage rồi, thôi khỏi gửi", None),
]

# … and where they stand in the refusing clause, or a stop is said in another clause, the stop stays
STOPS_THAT_LAST = [
    ("thôi khỏi gửi bản tin tuần này luôn", "unsubscribe"),
    ("thôi khỏi gửi bản tin tuần này nữa", "unsubscribe"),
    ("bản tin tuần này thì thôi, hủy luôn đi", "unsubscribe"),
    ("bản tin tuần này thôi khỏi, từ nay khỏi gửi luôn", "unsubscribe"),
    ("bản tin tuần này thì khỏi, khỏi gửi hẳn luôn nha", "unsubscribe"),
    ("từ tuần này đừng gửi bản tin cho tôi", "unsubscribe"),
]


@pytest.mark.parametrize(("text", "command"), both_forms(ONE_ISSUE_REFUSED + STOPS_THAT_LAST))
def test_for_good_binds_a_stop_only_where_it_refuses(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


# "số này" as the asker's number: the stop; as this issue: one issue refused
NUMBER_OR_ISSUE = [
    ("khỏi gửi bản tin qua số này nha", "unsubscribe"),
    ("đừng gửi bản tin cho số này, tôi đổi số rồi", "unsubscribe"),
    ("thôi đừng gửi bản tin vào số này nha", "unsubscribe"),
    ("từ số này trở đi thì khỏi gửi bản tin", "unsubscribe"),
    ("bản tin số này thì thôi nha", None),
    ("số này thì khỏi gửi nha", None),
]


@pytest.mark.parametrize(("text", "command"), both_forms(NUMBER_OR_ISSUE))
def test_this_number_is_no_issue(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


HELP_TOLD = [
    ("chỉ em mấy chức năng với, em mới vào nên chưa biết gì hết ấy", "help"),
    ("chỉ em mấy chức năng đi, em không rành mấy cái đó á", "help"),
    ("chỉ bà mấy chức năng nha, bà già rồi ấy", "help"),
    ("chỉ mình mấy chức năng, trong này có gì", "help"),
    ("chỉ em mấy chức năng, trên kênh này có gì hay", "help"),
    ("chỉ tui mấy chức năng, máy tui cũ lắm", "help"),
    # another thing named or pointed at stays no help
    ("chỉ tôi mấy chức năng, cái iPhone mới mua", None),
    ("chỉ bà mấy chức năng nha, gọi video ấy", None),
    ("chỉ em mấy chức năng, trên zalo ấy", None),
    ("chỉ tôi mấy chức năng, máy mới mua", None),
    ("chỉ con mấy chức năng, trong ứng dụng VNeID", None),
]


@pytest.mark.parametrize(("text", "command"), both_forms(HELP_TOLD))
def test_help_with_the_asker_telling_after_it(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


ERASE_ASKED_OF = [
    ("xóa thông tin của tôi trên kênh, đề nghị họ xóa luôn bản lưu", "erase"),
    ("xóa dữ liệu của tôi khỏi kênh, yêu cầu họ xóa hết", "erase"),
    # another keeper asked, or the erase asked about, stays out
    ("công ty cũ còn giữ hồ sơ của tôi, đề nghị họ xóa hồ sơ của tôi", None),
    ("công ty cũ còn giữ hồ sơ của tôi, có bắt họ xóa được không?", None),
    ("kênh ơi, đề nghị họ xóa dữ liệu của tôi được không", None),
]


@pytest.mark.parametrize(("text", "command"), both_forms(ERASE_ASKED_OF))
def test_the_channels_people_asked_to_erase(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


# Questions that look like the commands above, around the words this round reads differently (the engineer's own)
NOT_TAKEN = [
    "gửi bản tin qua số này có mất phí không?",
    "đổi số điện thoại thì bản tin còn gửi qua số này nữa không?",
    "số này là số của kênh hay của ai vậy, sao cứ nhắn cho tôi?",
    "tôi đổi số rồi, muốn nhận bản tin ở số mới thì làm sao?",
    "có cách nào để kênh không gửi bản tin cho số này nữa không?",
    "bản tin có gửi luôn cho người thân của tôi được không?",
    "hủy đăng ký rồi thì có bị xóa luôn dữ liệu không?",
    "nếu tôi khỏi nhận bản tin luôn thì có nhận lại được không?",
    "đăng ký một lần là nhận mãi mãi hả?",
    "bản tin có gửi vĩnh viễn không hay chỉ vài tháng?",
    "tuần này bản tin sao gửi trễ vậy, có phải ngưng luôn rồi không?",
    "thôi việc thì có phải đăng ký lại tài khoản định danh không?",
    "mấy chức năng trên Zalo này dùng sao, chỉ bà với được không?",
    "máy tui cũ lắm, có dùng được VNeID không?",
    "trong này có gì về chữ ký số không?",
    "trên kênh này có hướng dẫn nộp thuế online không?",
    "chức năng gọi video ấy dùng như thế nào?",
    "em mới vào nhóm, chức năng ghim tin nhắn ở đâu ạ?",
    "đề nghị họ xóa dữ liệu thì mất bao lâu?",
    "công ty giữ thông tin của tôi, tôi đề nghị họ xóa được không?",
    "kênh có xóa luôn bản lưu khi tôi hủy đăng ký không?",
    "yêu cầu ngân hàng xóa thông tin cá nhân thì làm thế nào?",
    "xóa tài khoản VNeID thì dữ liệu có bị xóa luôn không?",
    "kể chuyện trên kênh rồi thì có xóa luôn được không?",
    "tôi kể chuyện này cho kênh luôn được không, hay phải viết đơn?",
    "bản tin này do ai viết vậy, có đăng ký bản quyền không?",
    "gửi tin này cho bạn bè thì họ có nhận được bản tin hàng tuần không?",
    "tin này có thật không, kênh kiểm chứng chưa?",
    "từ nay tới cuối năm có những dịch vụ công nào mới?",
    "tuần này ngưng cấp căn cước ở xã tôi hả?",
    "kênh ơi, trợ giúp viên ở xã làm được những việc gì?",
    "muốn biết bản tin tuần trước nói gì về chuyển đổi số thì xem ở đâu?",
]


@pytest.mark.parametrize("text", NOT_TAKEN)
def test_no_command_takes_a_look_alike_question(text: str) -> None:
    for form in dict.fromkeys((text, unmarked(text), command_form(text))):
        assert plain_command(form) is None, form
        assert router_probe()(form) is None, form
