"""Round 27 (lane cmd27): the three commands cmd26 left, through the router as typed and typed without diacritics,
each rule's both sides. The messages are this lane's own and the round-25 reviewer's (its own messages, not an
evaluation set). See docs/qa-history/round-27-cmd27.md.

1. A missed issue asked again ("em chưa nhận được bản tin tuần này, gửi lại cho em nhé") is the digest, read as a
   closed shape (bot/nlp/resend_asked.py): every refusal, question, other thing resent or reason the review of cmd25
   (H1) listed stays the knowledge base's.
2. "bỏ hết / sạch / tất cả / toàn bộ" with the asker's own data named ("bo het thong tin cua minh di") is erase typed
   without marks too; "bỏ hết … vào" (put in), a removal told, papers dropped are not.
3. The issue refused, then something else sent ("khong can gui ban tin tuan nay, gui chuyen khoan cho tui", "khỏi gửi
   bản tin tuần này, gửi mã otp lại cho tui"): no digest and no story; the knowledge base answers.
"""

from __future__ import annotations

import pytest

from bot.nlp.resend_asked import asks_resend
from bot.nlp.send_refused import send_refused
from handlers.probe import router_probe
from tests.typed_forms import both_forms, unmarked

pytestmark = pytest.mark.unit

# 1. the complaint that names the digest, then the resend asked, nothing else: the digest
RESEND_ASKED = [
    ("em chưa nhận được bản tin tuần này, gửi lại cho em nhé", "digest"),
    ("chưa nhận được bản tin tuần này, ad gởi lại cho tui với", "digest"),
    ("tuần này tui không nhận được bản tin, gởi bù cho tui nha", "digest"),
    ("bản tin tuần này em chưa nhận được, ad gửi lại giúp em", "digest"),
    ("ad ơi bản tin tuần này không thấy, gửi lại cho chị nha", "digest"),
    ("tuần này tui hông thấy bản tin đâu hết, gửi lại giùm tui", "digest"),
    ("bản tin tuần này chưa thấy, ad gởi bù cho chú nghen", "digest"),
]

# … and every form the review of cmd25 (H1) listed, and their siblings: a refusal of the resend, a question, another
# thing not received or resent, a reason, the complaint alone, every week asked, a "?"
RESEND_NOT_ASKED = [
    ("em chưa nhận được bản tin tuần này", None),
    ("sao tuần này tui không nhận được bản tin", None),
    ("em chưa nhận được bản tin tuần này, ad đừng gửi lại nha", None),
    ("em chưa nhận được bản tin tuần này, nhưng không cần gửi lại đâu ad", None),
    ("chưa nhận được bản tin tuần này, khỏi gửi lại nha", None),
    ("chưa nhận được bản tin tuần này, mà thôi khỏi gửi lại, tui đọc trên web rồi", None),
    ("em chưa nhận được bản tin tuần này, gửi lại làm gì nữa", None),
    ("chưa nhận được bản tin tuần này, có cần gửi lại không", None),
    ("chưa nhận được bản tin tuần này thì có được gửi lại không ad", None),
    ("em chưa nhận được bản tin tuần này, kênh gửi lại hả", None),
    ("chưa nhận được bản tin tuần này, ai gửi lại cho tui vậy", None),
    ("không nhận được bản tin thì kênh có gửi lại không", None),
    ("em không nhận được bản tin nữa cũng được, đừng gửi lại", None),
    ("em chưa nhận được bản tin, chắc em chưa đăng ký, gửi lại hoài cũng vậy thôi", None),
    ("em chưa nhận được bản tin tuần này, gửi lại hàng tuần cho em nha", None),
    # (round 28: "…, gửi lại cho em được không?" is the polite resend, the digest: test_round28_polite_resend_…)
    ("em chưa nhận được bản tin tuần này, gửi lại hồ sơ cho em nhé", None),
    ("hồ sơ em nộp chưa nhận được kết quả, bản tin tuần rồi nói phải gửi lại hồ sơ là sao", None),
    ("tui chưa nhận được hồ sơ, bản tin có nói khi nào xã gửi lại không", None),
    ("em chưa nhận được mã OTP, gửi lại cho em nhé", None),
    ("em không nhận được tin nhắn xác thực, gửi lại mã thì bấm ở đâu", None),
    ("chưa nhận được tiền trợ cấp, gửi lại cho tui nha", None),
    ("gửi lại mật khẩu zalo thế nào", None),
]

# 2. "bỏ hết" with the asker's own data named: erase (which asks to confirm), typed and unmarked
ALL_REMOVED = [
    ("bỏ hết thông tin của mình đi", "erase"),
    ("bỏ hết dữ liệu của tui đi ad", "erase"),
    ("ad bỏ sạch thông tin của em khỏi kênh nha", "erase"),
    ("ad bỏ tất cả thông tin của tui nghen", "erase"),
    ("tui hổng muốn kênh giữ thông tin của tui nữa, bỏ hết đi giùm", "erase"),
    ("bỏ hết data của tui đi ad, không muốn lưu lại", "erase"),
]

# … and "bỏ hết" of something else: papers, things put in, a removal told, another app's data, advice asked
ALL_REMOVED_LOOK_ALIKES = [
    ("bỏ hết giấy tờ khi làm căn cước à?", None),
    ("bỏ hết giấy tờ cũ khi làm căn cước mới hay giữ lại", None),
    ("em bỏ hết thông tin vào đơn rồi mà không gửi được", None),
    ("bỏ hết thông tin của em vào hồ sơ online có an toàn không", None),
    ("bỏ tất cả thông tin vào một file rồi gửi cho ai", None),
    ("bỏ hết thông tin vào tờ khai thì có cần ký không", None),
    ("có nên bỏ hết thông tin cá nhân trên facebook không", None),
    ("bỏ hết dữ liệu trong điện thoại cũ trước khi bán thế nào", None),
    ("lỡ bỏ hết dữ liệu trong máy rồi thì lấy lại thế nào", None),
    ("bỏ toàn bộ dữ liệu lên đám mây có an toàn không", None),
]

# 3. the issue refused, then something else sent or asked: no digest, no story (the knowledge base answers)
REFUSED_THEN_SOMETHING_ELSE = [
    ("không cần gửi bản tin tuần này, gửi chuyển khoản cho tui", None),
    ("bản tin tuần này thì thôi, gửi chuyển phát nhanh thế nào", None),
    ("không cần gửi bản tin tuần này, gửi chuyển tiền cho mẹ tui sao cho nhanh", None),
    ("khỏi gửi bản tin tuần này, gửi mã otp lại cho tui", None),
    ("bản tin tuần này thì thôi, gửi cho tui cách làm căn cước", None),
    ("gửi chuyển khoản cho người lạ có bị lừa không", None),
]

# … while a story, erase or the digest itself said beside the refusal still is what it was
REFUSED_THEN_A_COMMAND = [
    ("không cần bản tin tuần này đâu, kể chuyện ông Ba cho kênh nè", "story"),
    ("không cần gửi bản tin tuần này, tui muốn kể chuyện ở ấp tui cho kênh", "story"),
    ("không cần bản tin tuần này, xóa hết dữ liệu của tui đi", "erase"),
    ("không cần gửi câu chuyện đâu, gửi bản tin tuần này cho tui", "digest"),
    ("gửi chuyện cô giáo dạy bà con chuyển khoản lên kênh nha", "story"),
]

# … and a removal told, unmarked only: typed, "bỏ" + "dữ liệu" is erase as on main (an exclusion of "rồi mà vẫn" took
# "tôi đã xóa dữ liệu rồi mà vẫn nhận bản tin, xóa lại giúp tôi", an erase asked again: dropped)
ALL_REMOVED_TOLD_UNMARKED = [(unmarked("máy em bị lỗi, em bỏ hết dữ liệu rồi mà vẫn chậm"), None)]

ROUTED = (RESEND_ASKED + RESEND_NOT_ASKED + ALL_REMOVED + ALL_REMOVED_LOOK_ALIKES + REFUSED_THEN_SOMETHING_ELSE
          + REFUSED_THEN_A_COMMAND)


@pytest.mark.parametrize(("text", "command"), both_forms(ROUTED) + ALL_REMOVED_TOLD_UNMARKED)
def test_round27_routed(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize("text", [t for t, _ in RESEND_ASKED])
def test_the_resend_is_read_as_such_typed_and_unmarked(text: str) -> None:
    assert asks_resend(text) and asks_resend(unmarked(text))


@pytest.mark.parametrize("text", [t for t, _ in RESEND_NOT_ASKED])
def test_no_refusal_question_or_other_thing_is_a_resend(text: str) -> None:
    assert not asks_resend(text) and not asks_resend(unmarked(text))


@pytest.mark.parametrize("text", ["khỏi gửi bản tin tuần này, gửi mã otp lại cho tui",
                                  "gửi mã otp lại cho tui, bản tin tuần này thì khỏi"])
def test_a_clause_that_sends_something_else_leaves_the_issue_refused(text: str) -> None:
    assert send_refused(text, now=True)


@pytest.mark.parametrize("text", ["không cần gửi mỗi tuần, chỉ gửi bản tin tuần này cho tôi",
                                  "thôi khỏi gửi bản tin hằng tuần, gửi cho tui số mới nhất thôi"])
def test_a_clause_that_sends_the_issue_is_still_its_request(text: str) -> None:
    assert not send_refused(text, now=True)
