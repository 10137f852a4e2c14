"""Round 30 (`second30`), end to end through the webhook: two questions whose second entry restates the first
entry's own fact (``bot.kb.restates``) get the answer saying both, and the first's entry as the quick reply."""

from __future__ import annotations

from bot.kb import get_kb
from tests.support import BotHarness

USER = "3030303030303030301"


def test_the_login_entry_saying_who_built_the_app_answers_both(bot: BotHarness) -> None:
    kb = get_kb()
    bot.send(USER, "vneid la cua bo nao lam v, dang nhap bang so gi")
    bot.settle()
    message = bot.messages(USER)[-1]
    assert message["text"].startswith(kb.by_id["vneid-ten-dang-nhap"].answer[:80]), message["text"]
    assert "Bộ Công an" in message["text"]  # the first question's answer, seen without tapping
    buttons = ((message.get("attachment") or {}).get("payload") or {}).get("buttons") or []
    assert [b["payload"] for b in buttons][:1] == [kb.by_id["vneid-la-gi"].title]


def test_a_message_torn_between_the_two_gets_the_answer_saying_both(bot: BotHarness) -> None:
    """Round 31 (`wrong31`, `amb31`): the whole message ranks the portal's entry and its first services' entry first;
    the citizen gets one answered with the address asked ("dichvucong.gov.vn") and the other one tap away."""
    kb = get_kb()
    user = "3131313131313131311"
    bot.send(user, "Cổng dịch vụ công quốc gia vào trang nào, mấy dịch vụ đầu tiên là gì?")
    bot.settle()
    message = bot.messages(user)[-1]
    assert "dichvucong.gov.vn" in message["text"]
    pair = ["dvcqg-la-gi", "dvcqg-dich-vu-dau-tien"]
    answered = [e for e in pair if message["text"].startswith(kb.by_id[e].answer.replace("https://", "")[:60])]
    assert len(answered) == 1, message["text"]
    buttons = ((message.get("attachment") or {}).get("payload") or {}).get("buttons") or []
    other = next(e for e in pair if e not in answered)
    assert [b["payload"] for b in buttons][:1] == [kb.by_id[other].title]


def test_the_founders_entry_naming_the_members_offices_answers_both(bot: BotHarness) -> None:
    """Round 31: "gồm những ai" is answered by offices ("trưởng thôn"), which who sets the team up says again."""
    kb = get_kb()
    user = "3131313131313131312"
    bot.send(user, "Tổ công nghệ số cộng đồng ở ấp mình gồm những ai vậy ad? Ai ra quyết định lập tổ?")
    bot.settle()
    message = bot.messages(user)[-1]
    assert message["text"].startswith(kb.by_id["tcns-ai-thanh-lap"].answer[:80]), message["text"]
    assert "Chủ tịch" in message["text"] and "trưởng thôn" in message["text"]
