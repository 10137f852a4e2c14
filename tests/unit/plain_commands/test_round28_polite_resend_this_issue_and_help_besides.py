"""Round 28 (lane cmd28): the three commands cmd27 left, through the router as typed and typed without diacritics,
each rule's both sides. The messages are this lane's own and the round-25 reviewer's (its own messages, not an
evaluation set). See docs/qa-history/round-28-cmd28.md.

1. The resend asked politely ("em chưa nhận được bản tin tuần này, gửi lại cho em được không?") is the digest
   (bot/nlp/resend_asked.py, ``resend_polite``); "có được gửi lại không", "có cần gửi lại không", a condition ("… thì
   kênh có gửi lại được không"), another thing resent and a refusal stay the knowledge base's.
2. This issue asked for alone beside a stop ("không cần gửi mỗi tuần, chỉ gửi bản tin tuần này cho tôi", "gửi mỗi bản
   tin tuần này thôi") is the digest, not the stop (bot/nlp/only_this_issue.py); the issue refused ("bản tin tuần này
   thì thôi"), a stop alone and a question stay what they were.
3. A help trigger inside a longer question ("Kênh này lập ra để làm gì, cô có thể góp gì cho kênh không con?") is the
   knowledge base's (bot/nlp/help_besides.py); help asked with the channel's use or a newcomer told beside it stays
   help, and following the channel ("em mới bấm quan tâm kênh") is no restaurant's menu ("quán").
"""

from __future__ import annotations

import pytest

from bot.nlp.help_besides import asks_besides_help
from bot.nlp.intents import plain_command
from bot.nlp.only_this_issue import asks_only_this_issue
from bot.nlp.resend_asked import asks_resend
from handlers.probe import router_probe
from tests.typed_forms import both_forms, unmarked

pytestmark = pytest.mark.unit

# 1. the resend closed by "được không", "?" at the end or not: the digest
POLITE_RESEND = [
    ("em chưa nhận được bản tin tuần này, gửi lại cho em được không?", "digest"),
    ("em chưa nhận được bản tin tuần này, ad gửi lại cho em được không ạ", "digest"),
    ("chua nhan duoc ban tin tuan nay, gui lai cho e dc ko ad?", "digest"),
    ("bản tin tuần này tui chưa thấy, ad gởi lại giùm tui được hông", "digest"),
    ("ad ơi bản tin tuần này em chưa nhận được, gửi bù cho em được không", "digest"),
]

# … and its look-alikes: whether it may be, a condition, another thing, a refusal, a question after, a second "?"
POLITE_RESEND_LOOK_ALIKES = [
    ("chưa nhận được bản tin tuần này thì có được gửi lại không ad", None),
    ("chưa nhận được bản tin tuần này thì kênh có gửi lại được không ad", None),
    ("em chưa nhận được bản tin tuần này, có cần gửi lại không", None),
    ("em chưa nhận được bản tin tuần này, được không gửi lại", None),
    ("em chưa nhận được mã OTP, gửi lại cho em được không?", None),
    ("em chưa nhận được mã xác thực, gửi lại cho em được không?", None),
    ("em chưa nhận được căn cước, gửi lại hồ sơ được không?", None),
    ("em chưa nhận được hồ sơ, gửi lại bản tin tuần này được không", None),
    ("em chưa nhận được bản tin tuần này, ad đừng gửi lại được không", None),
    ("em chưa nhận được bản tin tuần này, gửi lại được không? em cảm ơn", None),
    ("em chưa nhận được bản tin tuần này, gửi lại thì mất phí không?", None),
    ("chưa nhận được bản tin tuần này, gửi lại được không hay phải đăng ký lại?", None),
    ("chưa nhận được bản tin tuần này, gửi lại cho em được không, hay phải đăng ký lại", None),
    ("em chưa nhận được bản tin tuần này, có phải kênh gửi lại vào thứ hai không?", None),
]

# 2. this issue alone, beside a stop of every week or read as one: the digest
THIS_ISSUE_ALONE = [
    ("không cần gửi mỗi tuần, chỉ gửi bản tin tuần này cho tôi", "digest"),
    ("thôi khỏi gửi bản tin hằng tuần, gửi cho tui số mới nhất thôi", "digest"),
    ("gửi mỗi bản tin tuần này thôi", "digest"),
    ("gửi bản tin tuần này thôi", "digest"),
    ("không cần gửi mỗi tuần đâu, chỉ gửi bản tin tuần này cho tui thôi", "digest"),
    ("khỏi gửi hằng tuần nha, gửi mỗi bản tin tuần này thôi", "digest"),
    ("tui chỉ muốn nhận bản tin tuần này thôi", "digest"),
]

# … and the issue refused, a stop, a surprise or a question: what they were
THIS_ISSUE_LOOK_ALIKES = [
    ("bản tin tuần này thì thôi", None),
    ("bản tin tuần này thì thôi nha ad", None),
    ("thôi, gửi bản tin tuần này", None),
    ("sao chỉ gửi bản tin tuần này thôi?", None),
    ("chỉ gửi bản tin tuần này thôi à", None),
    ("chỉ gửi bản tin tuần này thôi thì có bị hủy đăng ký không", None),
    ("đừng gửi bản tin nữa", "unsubscribe"),
    ("thôi đừng gửi bản tin mỗi tuần nữa, tui đọc trên web rồi", "unsubscribe"),
]

# 3. a second question beside the help request: the knowledge base's
HELP_WITH_ANOTHER_QUESTION = [
    ("Kênh này lập ra để làm gì, cô có thể góp gì cho kênh không con?", None),
    ("kênh này lập ra để làm gì, tui có thể gửi chuyện cho kênh không", None),
    ("kênh này để làm gì, có phải của nhà nước không", None),
    ("kênh này làm được gì, tui muốn góp ý cho kênh thì gửi ở đâu?", None),
    ("Chào kênh, tôi ở Hà Giang. Kênh này lập ra để làm gì, tôi có thể góp sức gì cho chuyển đổi số ở bản không?",
     None),
]

# … while help asked with the channel's use, a newcomer or a please beside it is still help
HELP_STILL = [
    ("kênh này lập ra để làm gì", "help"),
    ("Kênh này làm được những việc gì, có mục nào cho bác bấm không cháu?", "help"),
    ("bot này làm được những gì thế, có hướng dẫn dùng không ad", "help"),
    ("Kênh này làm được những gì thế ạ? Em mới vào chưa biết dùng.", "help"),
    ("Kênh này xài sao vậy, có chức năng gì hông?", "help"),
    ("ad ơi kênh này làm được những gì vậy, chỉ tui cách xài với, tui mới bấm quan tâm", "help"),
    ("bot ni làm được những chi rứa, chỉ em với, em mới bấm quan tâm kênh", "help"),
    ("Bác ở Nam Định, mắt kém, chữ nhỏ đọc không rõ lắm. Cháu bác bảo cứ nhắn là kênh tự trả lời. Vậy kênh cho bác "
     "xem danh sách những thứ kênh giúp được người dân đi, bác đọc xong rồi bác chọn. Bác cảm ơn cháu, có gì bác hỏi "
     "sau.", "help"),
    ("menu quán cơm gần ủy ban xã", None),
]

ROUTED = (POLITE_RESEND + POLITE_RESEND_LOOK_ALIKES + THIS_ISSUE_ALONE + THIS_ISSUE_LOOK_ALIKES
          + HELP_WITH_ANOTHER_QUESTION + HELP_STILL)


@pytest.mark.parametrize(("text", "command"), both_forms(ROUTED))
def test_round28_routed(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize("text", [t for t, _ in POLITE_RESEND])
def test_the_polite_resend_is_read_as_such_typed_and_unmarked(text: str) -> None:
    assert asks_resend(text) and asks_resend(unmarked(text))


@pytest.mark.parametrize("text", [t for t, _ in POLITE_RESEND_LOOK_ALIKES])
def test_no_condition_question_or_other_thing_is_a_polite_resend(text: str) -> None:
    assert not asks_resend(text) and not asks_resend(unmarked(text))


def test_an_unmarked_a_after_thoi_may_be_a_surprise_and_asks_no_issue() -> None:
    # "chi gui ban tin tuan nay thoi a": "thôi à" (only this one?) as much as "thôi ạ"
    assert not asks_only_this_issue("chi gui ban tin tuan nay thoi a", lambda _: True)
    assert asks_only_this_issue("chỉ gửi bản tin tuần này thôi ạ", lambda _: True)


def test_this_issue_beside_a_clause_that_is_no_stop_is_not_read() -> None:
    # the clause beside the request must be the stop read alone: here a question about the web is not
    assert not asks_only_this_issue("xem trên web được không, chỉ gửi bản tin tuần này thôi", lambda _: False)
    assert plain_command("xem trên web được không, chỉ gửi bản tin tuần này thôi") != "unsubscribe"


@pytest.mark.parametrize("text", [t for t, _ in HELP_WITH_ANOTHER_QUESTION])
def test_another_question_beside_help_is_read_typed_and_unmarked(text: str) -> None:
    assert asks_besides_help(text) and asks_besides_help(unmarked(text))


@pytest.mark.parametrize("text", [t for t, c in HELP_STILL if c == "help"])
def test_help_with_its_own_words_beside_it_asks_nothing_else(text: str) -> None:
    assert not asks_besides_help(text) and not asks_besides_help(unmarked(text))
