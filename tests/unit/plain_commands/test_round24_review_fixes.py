"""Review of cmd24 (round 24): each finding's messages, and the reviewer's other messages whose route this lane agrees
with, through the router as typed and typed without diacritics. The messages are the reviewer's
(/work/brief24/review-cmd24-messages.tsv; none from an evaluation set). Messages left out, and why, are listed in
docs/qa-history/round-24-cmd24.md ("Review fixes").
"""

from __future__ import annotations

import pytest

from handlers.probe import router_probe
from tests.typed_forms import both_forms

pytestmark = pytest.mark.unit


# H1: one issue skipped after "rồi nên", the digest named in the refusal: no stop
H1_ONE_ISSUE_SKIPPED = [
    ("tuần này tui đi công tác rồi nên khỏi gửi bản tin nha", None),
    ("tuần này con bận rồi nên thôi bản tin nghen", None),
    ("bản tin tuần này tui coi rồi nên khỏi gửi bản tin lại nha", None),
    ("tuần này đọc trên web rồi nên khỏi bản tin nha", None),
    ("tuan nay tui ban roi nen khoi ban tin nha", None),
    ("số này tui đọc xong nên thôi bản tin nha", None),
    ("tuần này tui bận rồi nên khỏi bản tin nha", None),
]

# H2: help asked of "ad" / "bạn" with a problem told, or "bạn tôi" (my friend): no menu
H2_PROBLEM_REPORTS = [
    ("ad giúp em được gì không, em bị lừa mất tiền qua mạng", None),
    ("bạn giúp tôi được gì không, mẹ tôi bị hack facebook", None),
    ("ad giúp em j vs, con em bị sốt cao", None),
    ("ad hỗ trợ em được gì khi bị lừa chuyển khoản", None),
    ("ad làm ơn giúp em được gì không, em bị mất tiền", None),
    ("bạn giúp tôi chuyện gì được không, tôi bị mất ví", None),
    ("ad giup em dc j ko, em bi lua qua mang", None),
    ("bạn làm cho tôi được gì không, tôi cần viết đơn xin việc", None),
    ("bạn tôi dùng được gì để học online", None),
    ("ad hỗ trợ em được gì không ạ, em bị mất giấy tờ xe", None),
    ("ad giúp được gì không, em bị lừa mất tiền qua mạng", None),  # main's older pattern too
    ("kênh này giúp tôi được gì không, tôi bị hack zalo", None),
    ("kênh này giúp tôi được gì", "help"),
]

# H3: what a thing on the channel is good for is a question
H3_A_THING_ON_THE_CHANNEL = [
    ("mã QR trên bot có tác dụng gì", None),
    ("quét mã trên kênh có tác dụng gì vậy", None),
    ("xác thực mức 2 trên kênh có tác dụng gì", None),
    ("mạng xã hội trên bot có tác dụng gì", None),
]

# H4: "nhờ kênh đăng ký / đăng nhập" is no story
H4_SIGN_UP_OR_IN = [
    ("nhờ kênh đăng nhập VNeID giùm, chuyện này khó quá", None),
    ("nhờ kênh đăng nhập giùm, chuyện tài khoản tôi bị khóa", None),
    ("nhờ kênh đăng ký khai sinh cho con, chuyện gấp lắm", None),
    ("nhờ kênh đăng ký giùm tui, chuyện là tui không biết chữ", None),
]

# M1: other news wanted weekly is no subscription; the digest wanted weekly is
M1_OTHER_NEWS_WEEKLY = [
    ("con muốn hàng tuần được xem tin tức bóng đá", None),
    ("bà muốn mỗi tuần được coi tin tức trên tivi", None),
    ("em muốn tuần nào cũng được xem tin tức giá vàng", None),
    ("mẹ muốn hàng tuần được coi tin tức thời sự", None),
    ("tôi muốn mỗi tuần đều được đọc bản tin chuyển đổi số", "subscribe"),
]

# M2: "mới theo dõi" told before an explicit subscription request does not block it
M2_FOLLOWED_THEN_ASKED = [
    ("mới theo dõi, đăng ký nhận bản tin giùm tui", "subscribe"),
    ("tôi mới theo dõi kênh, đăng ký nhận bản tin hàng tuần cho tôi với", "subscribe"),
    ("mới follow kênh, cho em đăng ký nhận bản tin nha", "subscribe"),
    ("đăng ký cho tôi nhận tin mới, theo dõi kênh luôn nha", "subscribe"),
    ("cho tôi đăng ký nhận tin mới theo dõi kênh luôn", "subscribe"),
]

# M3: "chuyện gì xảy ra" (what happened) told to the channel is a story
M3_WHAT_HAPPENED = [
    ("tui muốn kể cho kênh nghe chuyện gì xảy ra ở xóm tui hôm qua", "story"),
    ("để em kể kênh nghe chuyện gì đã xảy ra khi mẹ em học dùng VNeID", "story"),
    ("con muốn kể cho kênh chuyện nào hay nhất ở làng con: ông Sáu bán cá qua Zalo", "story"),
]

# M4: "bỏ qua" with a word between it and the digest skips it, typed without marks too
M4_SKIPPED_A_WORD_BETWEEN = [
    ("bo qua gium ban tin tuan nay nha", None),
    ("mấy bữa nay bận quá, bản tin tuần này tui bỏ qua nghen", None),
    ("bỏ qua giùm bản tin tuần này nha", None),
    ("bản tin mới nhất tui bỏ qua nha", None),
    ("gửi bản tin tuần này giùm tui nha", "digest"),
]

# the reviewer's other messages, routed as the reviewer expects
REVIEWED = [
    ("kênh này giúp tôi được gì", "help"),
    ("bot ni giúp bác được chi hè", "help"),
    ("kênh ni giúp tui được chi rứa", "help"),
    ("kenh nay giup toi duoc nhung gi", "help"),
    ("bot nay giup e dc j vay", "help"),
    ("chị ơi kênh này hỗ trợ chị được những gì", "help"),
    ("kênh này giúp tôi được gì để làm giấy tờ đất đai", None),
    ("ad giúp tôi được gì khi bị mất căn cước", None),
    ("kênh này em dùng được những gì", "help"),
    ("theo dõi kênh có tác dụng gì", "help"),
    ("bấm quan tâm kênh có tác dụng gì", None),
    ("kênh này có tác dụng gì đối với người già", "help"),
    ("tôi muốn mỗi tuần được đọc bản tin", "subscribe"),
    ("tôi muốn mỗi tuần được đọc bản tin, có mất phí không", None),
    ("tôi muốn hàng tuần được đọc bản tin thì có cần đăng ký không", None),
    ("mình mới đăng ký nhận bản tin, bao giờ có số đầu", None),
    ("tôi mới theo dõi kênh hôm qua", None),
    ("đăng ký mới nhận bản tin cho tôi nha", "subscribe"),
    ("tui mới đk xong mà chưa thấy bản tin", None),
    ("con không xài nữa, xóa tài khoản của con trên kênh đi ạ", "erase"),
    ("tui hông xài kênh nữa, xoá hết dữ liệu của tui nha", "erase"),
    ("em không dùng nữa thì dữ liệu của em còn lưu không", None),
    ("tôi không dùng kênh nữa thì thông tin tôi có bị xoá không", None),
    ("con không xài nữa thì kênh có xóa thông tin của con không", None),
    ("tui ko xai nua, xoa thong tin cua tui di", "erase"),
    ("Nhờ kênh đăng ký nhận bản tin giùm, chuyện này tui không rành", "subscribe"),
    ("nhờ kênh đăng ký giúp tôi chuyện học bổng cho con", None),
    ("kênh đăng giùm tui chuyện ông Ba trồng sầu riêng bán qua Zalo nha", "story"),
    ("nhờ kênh đăng giúp bài tôi viết về chợ quê lên mạng", "story"),
    ("nhờ kênh đăng câu chuyện này có mất tiền không", None),
    ("nhờ kênh đăng chuyện của tui thì phải làm sao", None),
    ("kênh đăng giúp tui chuyện gì cũng được hả ad", None),
    ("kênh đăng hộ em bài em viết được không ạ", "story"),
    ("nhờ kênh đăng tin tìm chó lạc", None),
    ("Tôi thấy chuyện này hay nên muốn kể cho kênh", "story"),
    ("mẹ tui nói nên muốn kể chuyện gì thì kể cho kênh, đúng không", None),
    ("tôi có nên muốn kể chuyện này cho kênh không", None),
    ("xin lỗi bỏ qua cho em nha, em muốn hủy đăng ký bản tin luôn", "unsubscribe"),
    ("bỏ qua bản tin đi, hủy đăng ký cho tôi luôn", "unsubscribe"),
    ("bản tin tuần này bỏ qua phần nào vậy ad", None),
    ("bản tin mới nhất bỏ qua tin về VNeID à", None),
    ("bỏ qua bản tin tuần này, gửi bản tin tuần trước cho tôi", "digest"),
    ("tuần này bỏ qua nha", None),
    ("thôi bỏ qua hết, hủy bản tin luôn cho tui", "unsubscribe"),
    ("bản tin tuần này tui đọc rồi nên thôi, hủy đăng ký luôn nha", "unsubscribe"),
    ("bản tin tuần này tui coi rồi nên hổng cần gửi nữa đâu", "unsubscribe"),
    ("đọc xong rồi nên gửi bản tin tuần này cho tôi với", "digest"),
    ("bản tin tuần này coi rồi nên khỏi nha", None),
    ("bản tin thì thôi, tuần này tui bận", None),
    ("bản tin thì thôi nha", "unsubscribe"),
    ("bản tin thì thôi, hủy luôn đi", "unsubscribe"),
    ("bản tin tuần này thì khỏi, nhưng tuần sau gửi tiếp nha", None),
    ("bản tin tuần này thì khỏi, tuần sau cũng khỏi luôn", "unsubscribe"),
    ("đừng gửi bản tin tuần này, tuần sau vẫn gửi nhé", None),
    ("thôi hủy đăng ký đi, tuần sau khỏi gửi", "unsubscribe"),
    ("bản tin tuần này thì thôi, từ tuần sau khỏi gửi luôn", "unsubscribe"),
    ("bản tin tuần này khỏi gửi, từ tuần sau đừng gửi nữa", "unsubscribe"),
    ("gửi bản tin tuần sau cho tôi nha", "subscribe"),
    ("tuần sau gửi bản tin tuần này cho tôi nha", "digest"),
    ("gửi bản tin tuần này cho tui, tuần sau tui đọc trên web", "digest"),
    ("gửi bản tin mới nhất cho tui, tui đi vắng về rồi", "digest"),
    ("tui đi vắng về rồi, gửi bản tin tuần này cho tui coi", "digest"),
    ("tui đọc trên web không được, gửi bản tin tuần này cho tui", "digest"),
    ("gửi bản tin mới nhất cho tui nha, trên web tui không mở được", "digest"),
    ("tuan nay dung gui ban tin nha", None),
    ("dung gui ban tin nua", "unsubscribe"),
    ("tu nay dung gui ban tin cho toi", "unsubscribe"),
    ("ĐỪNG GỬI BẢN TIN TUẦN NÀY NHA, TUI ĐỌC RỒI", None),
    ("tuần sau vẫn gửi cho tôi, tuần này thì khỏi", None),
    ("đăng ký cho tôi lại từ đầu, bản tin tuần này thì thôi", None),
    ("kenh oi huong dan su dung", "help"),
    ("gởi bản tin tuần ni cho tui coi với", "digest"),
    ("tui muốn kể chuyện làng tui cho kênh nghe", "story"),
    ("xóa hết dữ liệu của tui trên kênh giùm", "erase"),
    ("ad giúp em j với, mẹ em bị lừa chuyển tiền", None),
    ("ad ơi giúp mình cái gì đó với, điện thoại mình bị khóa", None),
    ("ad ơi bạn giúp được gì cho mình", "help"),
    ("thẻ căn cước gắn chip có tác dụng gì", None),
    ("tài khoản định danh mức 2 có tác dụng gì, bot", None),
    ("nút quan tâm trên kênh có tác dụng gì", None),
    ("kênh có tác dụng chi", "help"),
    ("chữ ký số đăng trên kênh có tác dụng gì", None),
    ("em muốn mỗi tuần được đọc tin tức về lừa đảo qua mạng", None),
    ("tui muốn mỗi tuần được đọc bản tin, đăng ký giùm tui", "subscribe"),
    ("Tôi muốn nhận bản tin mới. Theo dõi kênh cho tôi với", "subscribe"),
    ("em mới đăng ký, kênh có những chức năng gì vậy", "help"),
    ("bot đăng giùm tui câu chuyện bà Năm bán bánh qua TikTok", "story"),
    ("nhờ bot đăng giúp chuyện xã tôi làm đường thông minh", "story"),
    ("nho kenh dang giup chuyen ba con xom toi ban rau online", "story"),
    ("kênh đăng giúp em bài em nha", "story"),
    ("kênh đăng giùm em bài em được không, có mất tiền không", None),
    ("nhờ kênh đăng bài tôi có được không", None),
    ("Nhờ kênh đăng chuyện tui bị lừa để cảnh báo bà con", "story"),
    ("bỏ qua bản tin tuần này, từ nay đừng gửi nữa", "unsubscribe"),
    ("bản tin tuần này tui đọc rồi nên hủy đăng ký bản tin luôn nha", "unsubscribe"),
    ("đọc rồi nên bản tin tuần này khỏi gửi nha, tuần sau gửi tiếp", None),
    ("bản tin tuần này tôi xem xong nên không cần nữa", "unsubscribe"),
    ("tôi bận rồi nên bản tin thì thôi nha", "unsubscribe"),
    ("bản tin thì thôi, đừng gửi nữa", "unsubscribe"),
    ("dạ con xin thôi bản tin ạ", "unsubscribe"),
    ("bản tin tuần này thì khỏi, tuần sau vẫn nhận", None),
    ("bản tin tuần này thì khỏi, tuần sau hủy luôn giùm", "unsubscribe"),
    ("bản tin tuần này thì khỏi, vẫn gửi tiếp mấy tuần sau nha", None),
    ("bạn em xài được những gì trên điện thoại cũ", None),
    ("thôi khỏi gửi bản tin tuần trước, gửi bản tin tuần này cho tui đọc trên điện thoại nha", "digest"),
    ("bản tin tuần trước khỏi gửi, gửi bản tin tuần này với số tới cho tôi", "digest"),
    ("khỏi đợi tới tuần sau, gửi bản tin tuần này cho tui luôn", "digest"),
    ("bản tin tuần trước thì thôi, gửi bản tin tuần này cho tôi trước tuần sau nha", "digest"),
    ("không cần đợi kỳ tới, gửi bản tin mới nhất cho tôi đi", "digest"),
    ("tôi không dùng nữa, thông tin của tôi có còn lưu không", None),
    ("em không xài kênh nữa, dữ liệu em còn không hay bị xóa rồi", None),
    ("tui không dùng nữa thì có cần xóa dữ liệu không", None),
    ("con hông xài nữa, xóa giùm con thông tin nha", "erase"),
    ("nhờ kênh đăng tải giúp chuyện ông tôi học dùng Zalo", "story"),
    ("nhờ kênh đăng giúp chuyện gì đó về làng tôi", "story"),
    ("kênh đăng giùm tui chuyện này nha: xóm tui ai cũng quét mã QR trả tiền", "story"),
    ("em thấy chuyện xóm em hay nên muốn kể kênh nghe", "story"),
    ("có chuyện gì nên muốn kể thì nhắn đâu", None),
    ("bản tin tuần này con coi rồi nên thôi nha ad", None),
    ("bản tin tuần này coi rồi nên hủy luôn", "unsubscribe"),
    ("tuần này bận rồi nên không cần gửi bản tin nữa đâu", "unsubscribe"),
    ("bỏ qua chuyện bản tin, hủy đăng ký giùm tôi", "unsubscribe"),
    ("tuần này gửi bản tin cho tôi, tuần sau vẫn gửi tiếp nha", "digest"),
    ("gửi bản tin mới nhất cho tui, tuần sau gửi tiếp", "digest"),
    ("từ tuần sau khỏi gửi bản tin nha", "unsubscribe"),
    ("tuần này tui đi vắng rồi nên bản tin thì thôi nha", None),
    ("bản tin tuần này bỏ qua giùm tui", None),
    ("tuần này bỏ qua giùm bản tin", None),
    ("tôi muốn kể chuyện, kể ở đâu", None),
    ("e k xai nua, xoa tt cua e di ad", "erase"),
    ("ad ơi kênh này giúp đc j cho e zậy", "help"),
    ("kênh nì giúp tui chi rứa", "help"),
    ("bot này làm cho tôi được những gì", "help"),
    ("bot này hỗ trợ cho tôi những gì", "help"),
    ("kenh nay co tac dung gi", "help"),
    ("tôi muốn mỗi tuần được đọc bản tin thì bấm gì", None),
]



FINDINGS = (H1_ONE_ISSUE_SKIPPED + H2_PROBLEM_REPORTS + H3_A_THING_ON_THE_CHANNEL + H4_SIGN_UP_OR_IN
            + M1_OTHER_NEWS_WEEKLY + M2_FOLLOWED_THEN_ASKED + M3_WHAT_HAPPENED + M4_SKIPPED_A_WORD_BETWEEN)


@pytest.mark.parametrize(("text", "command"), both_forms(FINDINGS))
def test_review_findings_routed(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize(("text", "command"), both_forms(REVIEWED))
def test_reviewed_messages_routed(text: str, command: str | None) -> None:
    assert router_probe()(text) == command
