"""Round 28 (lane cmd28b): a question about the digest itself — how often it comes, why this issue and not that one,
what an issue's words mean, whether it can be had again or is gone — is no command, though it says the words that ask
for one. On main "mỗi tuần kênh gửi mấy bản tin vậy" subscribed the asker (subscribing has no confirmation step), "kênh
chỉ gửi bản tin mỗi tuần một lần thôi hả" was the stop, and "tại sao chỉ gửi bản tin tuần này thôi mà không gửi tuần
trước?" was the digest. content/intents.toml's ``digest_asked_about`` (``digest_how_often``, ``digest_why``,
``digest_or_gone``, ``meaning``) is excluded by subscribe and the digest; the stop takes only how often and "or is it
gone", for a complaint's "why" often comes before a real stop ("sao lại gửi bản tin hoài vậy, thôi đừng gửi nữa").

The messages are this lane's own (docs/qa-history/round-28-cmd28b.md), each checked typed and without marks; the real
commands beside them say the same words and must stay routed.
"""

from __future__ import annotations

import pytest

from handlers.probe import router_probe
from tests.typed_forms import both_forms

pytestmark = pytest.mark.unit

# how often, why, whether it can be had again, what it meant: questions the knowledge base answers
ASKED_ABOUT = [
    ("mỗi tuần kênh gửi mấy bản tin vậy", None),
    ("mỗi tuần kênh gửi bao nhiêu bản tin vậy ad", None),
    ("moi tuan kenh gui may ban tin vay", None),
    ("1 tuần kênh gửi mấy bản tin z ad", None),
    ("kênh gửi bản tin mấy lần một tuần vậy", None),
    ("bản tin mỗi tuần gửi mấy số vậy ad", None),
    ("kênh chỉ gửi bản tin mỗi tuần một lần thôi hả", None),
    ("kenh chi gui ban tin moi tuan mot lan thoi ha", None),
    ("bản tin chỉ gửi mỗi tuần 1 lần thôi à ad", None),
    ("kênh gửi bản tin mỗi tuần một lần thôi hở", None),
    ("bản tin tuần ni gửi mấy lần rứa ad", None),
    ("bản tin bao lâu gửi một lần vậy", None),
    ("tại sao chỉ gửi bản tin tuần này thôi mà không gửi tuần trước?", None),
    ("tai sao chi gui ban tin tuan nay thoi ma khong gui tuan truoc", None),
    ("vì sao kênh gửi bản tin tuần này trễ vậy", None),
    ("sao kênh gửi bản tin tuần này mà hông gửi tuần rồi", None),
    ("tại sao bản tin tuần rồi không có tin về tỉnh mình", None),
    ("vì sao bản tin tuần trước gửi 2 lần vậy ad", None),
    ("sao bản tin tuần này ngắn dữ vậy ad", None),
    ("tai sao ban tin tuan truoc gui 2 lan", None),
    ("gửi lại bản tin tuần trước có được không hay kênh xóa rồi?", None),
    ("gui lai ban tin tuan truoc co duoc khong hay kenh xoa roi", None),
    ("bản tin tuần trước còn xem lại được không hay mất rồi", None),
    ("bản tin tuần rồi có được gửi lại không hay mất luôn rồi", None),
    ("bản tin tuần rồi nói về ví điện tử là sao ad", None),
    ("ban tin tuan roi noi ve vi dien tu la sao ad", None),
    ("bản tin tuần này nói về định danh mức 2 nghĩa là sao", None),
    ("bản tin tuần trước có nói ví điện tử là sao vậy", None),
    ("bản tin tuần ni nói chuyện sim chính chủ là răng", None),
    ("bản tin tuần rồi nhắc tới lừa đảo qua mạng là như thế nào", None),
    ("ban tin tuan nay noi ve chu ky so la sao", None),
]

# real commands that say the same words (a week, last week's issue, a complaint before the stop): still routed
STILL_COMMANDS = [
    ("sao lại gửi bản tin hoài vậy, thôi đừng gửi nữa", "unsubscribe"),
    ("thôi đừng gửi bản tin nữa", "unsubscribe"),
    ("hủy đăng ký bản tin giùm", "unsubscribe"),
    ("đăng ký nhận bản tin mỗi tuần cho tui", "subscribe"),
    ("mỗi tuần gửi bản tin cho tui nha", "subscribe"),
    ("tui muốn nhận bản tin hằng tuần", "subscribe"),
    ("gửi bản tin tuần này cho tui coi với", "digest"),
    ("gửi tui bản tin tuần trước nha", "digest"),
    ("cho mình xem bản tin tuần rồi", "digest"),
    ("gửi bản tin mới nhất cho bác coi với", "digest"),
    ("bản tin tuần này đâu rồi ad", "digest"),
    ("không cần gửi mỗi tuần, chỉ gửi bản tin tuần này cho tôi", "digest"),
]


@pytest.mark.parametrize(("text", "command"), both_forms(ASKED_ABOUT))
def test_a_question_about_the_digest_is_no_command(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize(("text", "command"), both_forms(STILL_COMMANDS))
def test_the_commands_that_say_the_same_words_stay_routed(text: str, command: str | None) -> None:
    assert router_probe()(text) == command
