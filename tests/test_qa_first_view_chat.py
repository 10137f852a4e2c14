"""Right in the first bubble (rounds 25 and 27), end to end through the webhook and the emulator.

Five entries gave the figure a citizen asked for only after "Xem thêm" (the phone's first ~500 characters,
``bot.kb.first_view``); their answers now say it before the cut (round 27: reordered inside their paragraphs,
which the ranker reads one by one). Each question, asked as a citizen writes it, must get a first bubble
holding that figure — not the whole answer, only what the phone shows.
"""

from __future__ import annotations

import pytest

from bot.infra.texts import render
from bot.kb.first_view import MAX_CHARS
from tests.support import BotHarness

USER = "2525252525252525252"


@pytest.mark.parametrize(("question", "fact"), [
    ("cổng dịch vụ công quốc gia tiết kiệm bao nhiêu tiền mỗi năm", "4.222 tỷ"),
    ("kế hoạch tổ chức ngày chuyển đổi số 2022 theo quyết định nào", "1092/QĐ-BTTTT"),
    ("năm 2030 bao nhiêu người có tài khoản thanh toán điện tử", "80% dân số"),
    ("từ 1/10/2025 chỉ nhận hồ sơ điện tử, còn nộp giấy được không", "1/10/2025"),
    ("tỷ lệ tài khoản thanh toán điện tử năm 2025", "50%"),
])
def test_the_first_bubble_holds_the_fact_asked(bot: BotHarness, question: str, fact: str) -> None:
    before = len(bot.messages(USER))
    bot.send(USER, question)
    bot.settle()
    first = bot.messages(USER)[before]
    answer = first["text"].rsplit("\n\n", 1)[0]  # the head, before the one source line
    assert fact in answer and len(answer) <= MAX_CHARS
    assert render("answer_button_more") not in answer
