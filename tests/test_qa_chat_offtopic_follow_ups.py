"""Off-topic letters the chat used to answer with the portal's fee entry (round 34, off34), end to end through the
webhook and the emulator: a farmer's letter asking a land procedure "làm ở đâu, có tốn tiền không?" and a kitchen's
unit conversion get the out-of-scope reply or the apology, never an entry's answer; the same follow-up after a
question of the channel's still gets its answer.

Real KB, real Redis, the project's Zalo emulator; the messages are our own probes.
"""

from __future__ import annotations

from bot.infra.texts import render
from bot.kb import get_kb
from tests.support import BotHarness

USER = "3434343434343434343"


def ask(bot: BotHarness, text: str) -> dict:
    bot.send(USER, text)
    bot.settle()
    return bot.messages(USER)[-1]


def test_a_fee_asked_after_a_land_procedure_is_not_the_portal_s_fee(bot: BotHarness) -> None:
    message = ask(bot, "Nhà tôi có mấy sào ruộng ở Kiến Xương, cấy lúa không đủ ăn. Tôi định chuyển sang trồng cam. "
                       "Xin hỏi thủ tục chuyển đổi đất lúa sang trồng cây ăn quả thì làm ở đâu, có mất tiền không?")
    assert "Nguồn:" not in message["text"], message["text"]  # no entry's answer (each ends with its sources)
    assert message["text"] == render("out_of_scope", you="bạn", You="Bạn", me="kênh")


def test_a_unit_conversion_is_not_answered(bot: BotHarness) -> None:
    message = ask(bot, "Má tui nhờ hỏi: công thức nấu chè ghi 1 cup nước cốt dừa, nhà hổng có cốc đong, đổi ra ml là "
                       "bao nhiêu?")
    assert "Nguồn:" not in message["text"], message["text"]


def test_the_same_follow_up_after_the_channel_s_question_is_answered(bot: BotHarness) -> None:
    message = ask(bot, "Tài khoản định danh điện tử mức 2 đăng ký ở đâu, có tốn tiền không?")
    assert message["text"].startswith(get_kb().by_id["vneid-kich-hoat-muc-2"].answer[:80]), message["text"]
