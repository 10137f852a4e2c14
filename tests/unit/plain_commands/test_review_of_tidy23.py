"""The review of tidy23's findings (round 23, lane tidy23fix), each message through the router as typed and typed
without diacritics (punctuation kept). The messages are the reviewer's (none from an evaluation set); each list says
which finding it holds and which side of the rule must not move.
"""

from __future__ import annotations

import pytest

from bot.nlp.sending_asked import asks_if_sent, asks_what_issue_says
from handlers.probe import router_probe
from tests.typed_forms import both_forms, unmarked

pytestmark = pytest.mark.unit




# H1: a clause opening with a kinship word or "con" (a phone's classifier) that names another thing is no help; what
# an asker tells of themselves stays help
HELP_NAMES_ANOTHER_THING = [
    ("chỉ em mấy chức năng, em muốn gọi video ấy", None),
    ("chỉ bà mấy chức năng nha, bà muốn gọi video cho cháu ấy", None),
    ("chỉ con mấy chức năng, con mới mua cái iPhone ấy", None),
    ("chỉ tui mấy chức năng, tui mới mua cái đồng hồ thông minh ấy", None),
    ("chỉ em mấy chức năng, con iPhone 15 ấy", None),
    ("chỉ tui mấy chức năng, con Samsung mới mua đó á", None),
    ("chỉ bà mấy chức năng, chị Google ấy", None),
    ("chỉ tôi mấy chức năng, cô Siri ấy", None),
    ("chỉ em mấy chức năng, con robot hút bụi ấy", None),
    ("chỉ con mấy chức năng, ông bà con muốn gọi video cho con ấy", None),
    ("chỉ em mấy chức năng, anh Tuấn bảo có cái chuyển tiền ấy", None),
    ("chỉ bà mấy chức năng nha, bà già rồi ấy", "help"),
    ("chỉ em mấy chức năng, em mới vào nên chưa biết gì hết ấy", "help"),
    ("chỉ em mấy chức năng, em không rành mấy cái đó á", "help"),
]

# H2: "máy" + a brand or a machine after the features names it; only the asker's own phone by its state tells
MACHINE_NAMED = [
    ("chỉ tui mấy chức năng, máy Samsung", None),
    ("chỉ bà mấy chức năng, máy iPhone 15 cháu mua cho", None),
    ("chỉ em mấy chức năng, máy Oppo A57", None),
    ("hướng dẫn tôi các tính năng, máy Vivo mới", None),
    ("chỉ mình mấy chức năng, máy POS bán hàng", None),
    ("chỉ tui mấy chức năng, máy lọc nước Karofi", None),
    ("chỉ bà mấy chức năng, máy cháu mua cho", None),
    ("chỉ tôi mấy chức năng, máy chấm công vân tay", None),
    ("chỉ em mấy tính năng, máy bay không người lái", None),
    ("chỉ tui mấy chức năng, máy tui cũ lắm", "help"),
]

# H3: the channel as the subject of "đề nghị / yêu cầu họ" asks of a third party; the channel as the place of the
# asker's data still asks the erase
ERASE_ASKED_OF_A_THIRD_PARTY = [
    ("kênh này yêu cầu họ xóa thông tin tôi được không", None),
    ("bot đề nghị họ xóa thông tin giúp tôi được không", None),
    ("cái kênh ni đề nghị họ xoá thông tin của tui được hông", None),
    ("cái này đề nghị họ xóa thông tin của tôi được không", None),
    ("bot này đề nghị họ xóa tin nhắn của tôi được không ạ", None),
    ("nhờ kênh đề nghị họ xóa số điện thoại của tôi khỏi danh sách quảng cáo", None),
    ("tui bị lộ thông tin, kênh yêu cầu họ xóa thông tin tui đi", None),
    ("tôi nhắn lên kênh đề nghị họ xóa dữ liệu mà sao chưa xóa?", None),
    ("bot yêu cầu họ xóa dữ liệu của tôi nha", None),
    ("xóa thông tin của tôi trên kênh, đề nghị họ xóa luôn bản lưu", "erase"),
]

# H4: what an issue says (the digest, by round 22's design), the stop as a time, "or has it stopped" asked: never the
# stop
ISSUE_OR_STOP_AS_A_TIME_ASKED = [
    ("bản tin tuần này có đề cập tới việc hủy thẻ ATM không?", "digest"),
    ("bản tin tuần này có đăng tin ngưng cấp hộ chiếu giấy không?", "digest"),
    ("bản tin tuần này nói gì về việc hủy thẻ ATM từ?", "digest"),
    ("lúc tôi hủy đăng ký thì kênh có xóa luôn bản lưu không?", None),
    ("đổi sim rồi bản tin có gửi qua số này nữa hem?", None),
    ("tuần này có bản tin không, hay tạm dừng rồi?", "digest"),
    ("khi mình hủy theo dõi thì kênh xóa dữ liệu luôn hả", None),
]

# M1: "nữa" then "không" opening another predicate ("không cần", "không thì") is the stop or the digest; "nữa không?"
# at a clause's end asks
MORE_THEN_ANOTHER_PREDICATE = [
    ("Hủy đăng ký bản tin giúp tôi, đừng gửi nữa, không cần đâu", "unsubscribe"),
    ("đừng gửi bản tin nữa, ko cần", "unsubscribe"),
    ("đừng gửi bản tin nữa ko cần", "unsubscribe"),
    ("khỏi gửi bản tin nữa hông cần đâu", "unsubscribe"),
    ("Tui hông muốn nhận bản tin nữa hông có rảnh đọc", "unsubscribe"),
    ("thôi đừng gửi bản tin nữa không thì tôi chặn kênh đó", "unsubscribe"),
    ("hủy đăng ký đi, tôi không muốn nhận nữa không đọc đâu", "unsubscribe"),
    ("thôi nghỉ, không nhận bản tin nữa, không cần", "unsubscribe"),
    ("hủy nhận bản tin, gửi hoài nữa không đọc nổi", "unsubscribe"),
    ("cho tui xem bản tin mới nhất nữa, không thấy", "digest"),
    ("cho tôi xem lại bản tin tuần này nữa ko thấy đâu", "digest"),
    ("đổi số điện thoại thì bản tin còn gửi qua số này nữa không?", None),
    ("bản tin tuần này còn gửi nữa không?", None),
    ("kênh còn gửi bản tin nữa ko, sao lâu rồi không thấy?", None),
    ("bản tin có gửi nữa không hay ngưng rồi?", None),
]

# M2: "có nói rồi" (told before), "có bài dài" (a reason) are no question; the issue's content asked at a clause's end
# is
TOLD_NOT_ASKED = [
    ("tôi có nói rồi, hủy đăng ký bản tin đi", "unsubscribe"),
    ("tui có nói mấy lần rồi đó, ngưng gửi bản tin giùm", "unsubscribe"),
    ("hủy đăng ký bản tin giùm, tuần nào cũng có bài dài quá đọc không nổi", "unsubscribe"),
    ("dừng nhận bản tin giúp tôi, có viết gì tôi cũng không đọc", "unsubscribe"),
    ("hủy theo dõi kênh đi, có nhắc hoài cũng vậy", "unsubscribe"),
    ("bản tin tuần này có nhắc tới việc hủy thẻ ATM không?", "digest"),
    ("bản tin tuần này có nói về việc hủy đăng ký không", "digest"),
    ("kênh có xóa luôn bản lưu khi tôi hủy đăng ký không?", None),
    ("mỗi khi tôi hủy đăng ký thì phải chờ bao lâu?", None),
]

# M3: "for good" in a clause of its own after the refusal, or weary of it, or the weeks after: the stop
FOR_GOOD_IN_ITS_OWN_CLAUSE = [
    ("thôi, khỏi gửi bản tin tuần này, mãi mãi luôn", "unsubscribe"),
    ("tuần này khỏi gửi bản tin, vĩnh viễn luôn nha", "unsubscribe"),
    ("bản tin tuần này khỏi gửi, luôn cả mấy tuần sau", "unsubscribe"),
    ("bản tin tuần này thì thôi, mà mấy tuần sau cũng vậy luôn", "unsubscribe"),
    ("bản tin tuần này thôi khỏi, tui hết muốn đọc rồi", "unsubscribe"),
    ("bản tin mới nhất khỏi gửi, tôi hết hứng thú với bản tin rồi", "unsubscribe"),
    ("bản tin tuần này tui coi luôn rồi, khỏi gửi lại nghen", None),
    ("bản tin tuần này khỏi gửi nha, vĩnh viễn biết ơn kênh", None),
]

# M4: another number asked for is a change of number, not a stop; "qua / cho số này" alone stays the stop
ANOTHER_NUMBER_ASKED = [
    ("đừng gửi bản tin cho số này, gửi qua số mới giùm", None),
    ("thôi khỏi gửi bản tin về số này nha", None),
    ("khỏi gửi bản tin qua số này nha", "unsubscribe"),
    ("đừng gửi bản tin cho số này, tôi đổi số rồi", "unsubscribe"),
]

# M5: Central closing particles and a spaced dash close the clause of one issue refused
CENTRAL_CLOSING_OR_A_DASH = [
    ("bản tin tuần này tui coi luôn rồi, khỏi gửi lại hỉ", None),
    ("bản tin tuần này tui coi luôn rồi, khỏi gửi lại hí", None),
    ("bản tin tuần ni tau coi luôn rồi, khỏi gửi lại hỉ", None),
    ("bản tin tuần này tui coi luôn rồi - khỏi gửi lại nghen", None),
]

# M6: "luôn / hết / hẳn" with a one-off reason are emphasis: one issue refused
EMPHASIS_WITH_A_ONE_OFF_REASON = [
    ("tuần này khỏi gửi bản tin luôn, tui đi vắng", None),
    ("bản tin mới nhất thôi khỏi gửi luôn, đọc trên fanpage rồi", None),
    ("bản tin tuần này thôi khỏi luôn nha, tui đọc rồi", None),
    ("bản tin tuần này khỏi gửi hết nha, tui coi trên web rồi", None),
    ("bản tin tuần này không cần gửi hẳn đâu, tôi xem trên web rồi", None),
]

# H4/M2: the issue's content asked, however a reader folds "dừng": the digest, typed and unmarked alike
ISSUE_CONTENT_ASKED = [
    ("bản tin tuần này có nói chuyện hủy hộ khẩu giấy ko", "digest"),
    ("tuần này bản tin có viết về chuyện dừng dịch vụ 2G không?", "digest"),
    ("bản tin tuần này có nhắc việc dừng cấp sổ hộ khẩu ko", "digest"),
]


@pytest.mark.parametrize(("text", "command"), both_forms(
    HELP_NAMES_ANOTHER_THING + MACHINE_NAMED + ERASE_ASKED_OF_A_THIRD_PARTY + ISSUE_OR_STOP_AS_A_TIME_ASKED))
def test_high_findings_route_as_reviewed(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize(("text", "command"), both_forms(
    MORE_THEN_ANOTHER_PREDICATE + TOLD_NOT_ASKED + FOR_GOOD_IN_ITS_OWN_CLAUSE + ANOTHER_NUMBER_ASKED
    + CENTRAL_CLOSING_OR_A_DASH + EMPHASIS_WITH_A_ONE_OFF_REASON + ISSUE_CONTENT_ASKED))
def test_medium_findings_route_as_reviewed(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize(("text", "asked"), [
    ("bản tin tuần này còn gửi nữa không?", True),
    ("bản tin có gửi nữa không hay ngưng rồi?", True),
    ("kênh còn gửi bản tin nữa ko, sao lâu rồi không thấy?", True),
    ("đừng gửi bản tin nữa, ko cần", False),
    ("đừng gửi bản tin nữa ko cần", False),
    ("cho tui xem bản tin mới nhất nữa, không thấy", False),
    ("gửi hoài nữa không hay, hủy đi", False),
])
def test_sending_asked_only_at_a_clauses_end(text: str, asked: bool) -> None:
    assert asks_if_sent(text) is asked
    assert asks_if_sent(unmarked(text)) is asked


@pytest.mark.parametrize(("text", "asked"), [
    ("bản tin tuần này có đề cập tới việc hủy thẻ ATM không?", True),
    ("bản tin tuần này có nói chuyện hủy hộ khẩu giấy ko", True),
    ("tôi có nói rồi, hủy đăng ký bản tin đi", False),
    ("hủy đăng ký bản tin giùm, tuần nào cũng có bài dài quá đọc không nổi", False),
    ("có nhắc tới việc hủy thẻ ATM không?", False),
])
def test_issue_content_asked_names_the_digest_in_its_clause(text: str, asked: bool) -> None:
    assert asks_what_issue_says(text) is asked
    assert asks_what_issue_says(unmarked(text)) is asked
