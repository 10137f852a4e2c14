"""Round 25 (lane cmd25): the leftovers of round 24's commands in plain words, through the router as typed and typed
without diacritics, each rule's both sides: the request reached, and the questions that look like it kept questions.
The messages are this lane's own, in the sets' styles (none from an evaluation set but the old set's "Kênh này giúp
được tôi những gì?", named in the brief). See docs/qa-history/round-25-cmd25.md.
"""

from __future__ import annotations

import pytest

from bot.nlp.problem_told import asks_help_with_problem
from bot.nlp.send_refused import after_refusal
from handlers.probe import router_probe
from tests.typed_forms import both_forms, unmarked

pytestmark = pytest.mark.unit


# 1. help asked naming the asker ("được" before it, "được gì không" of "ad"), the people served, or whether the asker
# can use the channel at all
HELP_NAMING_THE_ASKER = [
    ("ad giúp tui được gì không?", "help"),
    ("ad ơi giúp em được gì không ạ", "help"),
    ("ad oi giup e dc j ko", "help"),
    ("bạn giúp mình được gì không", "help"),
    ("kênh này giúp được tôi những gì?", "help"),
    ("bot ni giúp được cho tui những chi rứa", "help"),
    ("kênh này hỗ trợ được tôi những gì vậy ad", "help"),
    ("kênh này giúp nông dân được gì", "help"),
    ("bot này giúp bà con được gì", "help"),
    ("kênh này hỗ trợ người già được những gì", "help"),
    ("bot này bác dùng được không", "help"),
    ("kênh này tui xài được không, tui già rồi", "help"),
    ("cái kênh ni bà xài được hông", "help"),
]

# … and the questions that look like them: another subject, a task named after, a condition, another service, "bạn
# tôi" (a friend), a problem told (answered by the knowledge base, below)
HELP_LOOK_ALIKES = [
    ("chuyển đổi số giúp nông dân được gì", None),
    ("chữ ký số giúp được tôi những gì", None),
    ("kênh này giúp nông dân được gì để bán nông sản", None),
    ("kênh này giúp được tôi những gì để làm giấy tờ đất đai", None),
    ("kênh này tôi dùng được không khi không có VNeID", None),
    ("ứng dụng này tôi dùng được không", None),
    ("VNeID bà dùng được không", None),
    ("bạn tôi giúp tôi được gì không", None),
    ("ad giúp em được gì không, em bị lừa mất tiền", None),
    ("ad ơi giúp em được gì không, em bị lừa chuyển khoản", None),
    ("kênh này giúp được tôi gì không, tôi bị hack zalo", None),
    ("bạn giúp tôi được gì không, mẹ tôi bị chiếm tài khoản facebook", None),
    ("ad giúp em được gì không, em bị mất điện thoại", None),
]

# 3a. an issue not received, then asked again: round 25 sent the digest; the review of cmd25 (H1) found the rule took
# refusals and questions of the resend and another thing not received, so it was reverted: every one of these is left
# to the knowledge base (which answers the complaint and offers the digest)
RESENT = [
    # round 27 (cmd27): the resend alone, read as a closed shape (bot/nlp/resend_asked.py), is the digest again; every
    # refusal, question and other thing resent below stays the knowledge base's
    ("em chưa nhận được bản tin tuần này, gửi lại cho em nhé", "digest"),
    ("em chưa nhận được bản tin tuần này", None),
    ("em chưa nhận được bản tin tuần này, sao vậy", None),
    ("tui hủy rồi mà vẫn nhận được bản tin tuần này, đừng gửi lại nữa", None),
    ("chưa nhận được bản tin tuần này, gửi lại hàng tuần cho em nha", None),
    ("em chưa nhận được bản tin tuần này, ad đừng gửi lại nha", None),
    ("em chưa nhận được bản tin tuần này, nhưng không cần gửi lại đâu ad", None),
    ("chưa nhận được bản tin tuần này, mà thôi khỏi gửi lại, tui đọc trên web rồi", None),
    ("em chưa nhận được bản tin tuần này, gửi lại làm gì nữa", None),
    ("chưa nhận được bản tin tuần này, có cần gửi lại không", None),
    ("chưa nhận được bản tin tuần này thì có được gửi lại không ad", None),
    ("hồ sơ em nộp chưa nhận được kết quả, bản tin tuần rồi nói phải gửi lại hồ sơ là sao", None),
]

# 3b. the digest refused, then a story to tell or the menu asked: the rest is read; a stop or a later issue is not
AFTER_A_REFUSED_ISSUE = [
    ("bản tin tuần này thì thôi, kể chuyện này cho kênh nè: ông tui học xài VNeID", "story"),
    ("bản tin tuần này thì khỏi, tui muốn kể chuyện xóm tui cho kênh nghe", "story"),
    ("bản tin tuần này thì thôi, chỉ tui cách xài kênh với", "help"),
    ("bản tin tuần này thì khỏi, nhưng từ tuần sau vẫn gửi nha", None),
    ("bản tin tuần này thì thôi, đăng ký cho tôi nhận từ tuần sau nhé", None),
    ("không cần gửi bản tin tuần này đâu", None),
    ("bản tin tuần này thì thôi, hủy luôn đi", "unsubscribe"),
    ("bản tin tuần này thì thôi, tui đọc trên web rồi", None),
    # the rest asks back about telling a story: no story started (review of cmd25, H2)
    ("bản tin tuần này thì thôi, kể chuyện cho kênh rồi có ai biết tên mình không", None),
    ("bản tin tuần này thì thôi, kể chuyện thì phải ghi tên thật không", None),
    ("bản tin tuần này thì khỏi, kể chuyện cho kênh được không?", None),
]

# 3c. a long letter that wishes the digest, then asks the channel to sign the asker up, its object unsaid ("nghe" is
# Central "nhé"); not when the wish is another's, the thing wished is another, or the end asks
BARE_SUBSCRIPTION_AFTER_A_WISH = [
    ("Tui ở Quảng Nam, nghe bà con nói kênh có gửi bản tin chuyển đổi số mỗi tuần, tui cũng muốn nhận mà không biết "
     "làm sao. Kênh đăng ký cho tui luôn nghe.", "subscribe"),
    ("Dạ con chào kênh, con làm công nhân ở Bình Dương, tối về hay đọc tin trên điện thoại, nghe nói có bản tin tổng "
     "hợp hằng tuần, con muốn nhận để đọc lúc rảnh. Kênh đăng ký giúp con luôn nha.", "subscribe"),
    ("Tui ở Quảng Nam, con gái tui nói phải có tài khoản định danh mới làm được giấy tờ, tui cũng muốn làm mà không "
     "biết làm sao. Kênh đăng ký cho tui luôn nghe.", None),
    ("Tui ở Quảng Nam, nghe bà con nói kênh có gửi bản tin chuyển đổi số mỗi tuần hay lắm, tui cũng muốn nhận mà "
     "không biết làm sao. Kênh đăng ký cho tui được không?", None),
    ("Tui ở Quảng Nam, mẹ tui nghe bà con nói kênh có gửi bản tin chuyển đổi số mỗi tuần, mẹ tui muốn nhận mà không "
     "biết làm sao. Kênh đăng ký cho mẹ tui luôn nghe.", None),
    # a benefit wished after the digest is quoted, the wish's object unsaid: no subscription (review of cmd25, H3)
    ("Tui đọc bản tin tuần rồi thấy nói có hỗ trợ tiền cho hộ nghèo, tui cũng muốn nhận mà không biết làm sao. Kênh "
     "đăng ký cho tui luôn nghe.", None),
    ("Nghe bản tin nói có tiền hỗ trợ chuyển đổi số cho hộ kinh doanh, tui muốn nhận mà không biết làm sao. Kênh đăng "
     "ký cho tui luôn nghe.", None),
    # … the wish's own clause names the digest: subscribed
    ("Tui đọc bài trên mạng thấy hay lắm, tui muốn nhận bản tin chuyển đổi số mà không biết làm sao. Kênh đăng ký cho "
     "tui luôn nghe.", "subscribe"),
]

# 2. typed without marks, "dung gui ban tin tuan nay" is read as "đừng" (one issue skipped, no stop): in the tuned sets
# "đừng gửi" is typed about twelve times as often as "dừng gửi", and every unmarked "dung gui" there is "đừng"; the
# knowledge base offers the stop among its choices. With "nữa" (any more) it is the stop either way
UNMARKED_DUNG = [
    ("dung gui ban tin tuan nay", None),
    ("tuan nay dung gui ban tin nha", None),
    ("thoi dung gui ban tin cho toi nua", "unsubscribe"),
    ("dừng gửi bản tin tuần này", "unsubscribe"),
]

# 4. "bỏ hết" (erase all) typed without marks: round 25 let it count; the review of cmd25 (H4) found it took "bỏ hết …
# vào" (put in) and a past action told, so it was reverted to main's reading. Typed, "bỏ" counts as before; unmarked,
# "bo het" is no erase
ALL_REMOVED = [
    ("tui hổng muốn kênh giữ thông tin của tui nữa, bỏ hết đi giùm", "erase"),
    ("bỏ hết data của tui đi ad, không muốn lưu lại", "erase"),
    ("có nên bỏ hết thông tin cá nhân trên facebook không", None),
    ("bỏ hết dữ liệu trong điện thoại cũ trước khi bán thế nào", None),
    ("tui muốn bỏ hết thông tin cá nhân trên mạng thì làm sao", None),
]
ALL_REMOVED_UNMARKED = [
    # round 27 (cmd27): "bỏ hết" with the asker's own data named ("thông tin của tui") counts unmarked again; "bỏ
    # hết … vào" (put in) and a removal told ("… rồi mà vẫn chậm") do not
    (unmarked("tui hổng muốn kênh giữ thông tin của tui nữa, bỏ hết đi giùm"), "erase"),
    (unmarked("em bỏ hết thông tin vào đơn rồi mà không gửi được"), None),
    (unmarked("bỏ tất cả thông tin vào một file rồi gửi cho ai"), None),
    (unmarked("máy em bị lỗi, em bỏ hết dữ liệu rồi mà vẫn chậm"), None),
]

# 5. what the channel does for a task named after "trong việc / khi / về" stays a question (review of cmd25, M1)
HELP_FOR_A_TASK = [
    ("kênh này giúp nông dân được gì trong việc bán sầu riêng", None),
    ("kênh này giúp bà con được gì khi bị lũ", None),
    ("kênh này giúp người dân được gì về thủ tục đất đai", None),
    ("kênh này hỗ trợ bà con được những gì khi làm sổ đỏ", None),
]

ROUTED = (HELP_NAMING_THE_ASKER + HELP_LOOK_ALIKES + RESENT + AFTER_A_REFUSED_ISSUE + BARE_SUBSCRIPTION_AFTER_A_WISH
          + HELP_FOR_A_TASK)


@pytest.mark.parametrize(("text", "command"), both_forms(ROUTED))
def test_round25_leftovers_routed(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize(("text", "command"), ALL_REMOVED + ALL_REMOVED_UNMARKED)
def test_all_removed_counts_typed_only(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize(("text", "command"), UNMARKED_DUNG)
def test_unmarked_dung_is_read_as_dung_not_dung(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize("text", ["ad giúp em được gì không, em bị lừa mất tiền",
                                  "kênh này giúp được tôi gì không, tôi bị hack zalo",
                                  unmarked("ad ơi giúp em được gì không, em bị lừa chuyển khoản")])
def test_a_help_request_told_with_a_problem_is_read_as_such(text: str) -> None:
    assert asks_help_with_problem(text)


@pytest.mark.parametrize("text", ["em bị lừa mất tiền qua mạng, giờ làm sao",  # the problem, no help asked
                                  "kênh này giúp được tôi những gì?",  # help, no problem
                                  "bị lừa đảo qua mạng thì báo ở đâu"])
def test_a_problem_or_help_alone_is_not(text: str) -> None:
    assert not asks_help_with_problem(text)


@pytest.mark.parametrize(("text", "rest"), [
    ("bản tin tuần này thì thôi, kể chuyện này cho kênh nè: ông tui học xài VNeID",
     "kể chuyện này cho kênh nè: ông tui học xài VNeID"),
    ("không cần gửi bản tin tuần này. Chỉ tui cách xài với", "Chỉ tui cách xài với"),
    ("không cần gửi bản tin tuần này đâu", ""),
    ("kể chuyện này cho kênh nè", ""),  # no refusal at all
])
def test_after_refusal_is_what_is_said_besides_the_refusing_clauses(text: str, rest: str) -> None:
    assert after_refusal(text) == rest
