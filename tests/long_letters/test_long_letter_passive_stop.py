"""Round 29 (floor29): a stopping verb after the passive "bị" tells what befell a thing, it asks to stop nothing.

"Tài khoản cũ của tui bị ngưng xài từ bữa nào?" asks when the old portal account stopped working. Read as a stop
asked (``bot.kb.lexicon.view``'s ``negated``), every entry not about stopping something was contradicted
(``Hit.against``): the floors and the long-letter readers refused the login entry that says the date. The passive
"bị" (typed with its mark, or unmarked "bi") before "hủy / ngưng / ngừng / dừng / bỏ" now marks no stop; "bí hủy" or
a stop asked outright still does.

The messages are the engineer's own (not taken from any evaluation set).
"""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.lexicon import view
from bot.nlp.normalize import analyze

PASSIVE = ["tài khoản cũ bị ngưng dùng từ khi nào vậy",
           "tai khoan cu bi ngung tu bao gio",
           "cái tài khoản trên cổng dịch vụ công bị bỏ từ hồi nào",
           "Tài khoản của bố tôi bị dừng năm nào?",
           "không để ai bị bỏ lại phía sau",
           "nghe nói tài khoản cũ đã bị hủy rồi hả"]

ASKED = ["hủy đăng ký bản tin giúp tôi", "tôi muốn ngưng nhận tin", "dừng gửi bản tin", "bỏ đăng ký nhận tin",
         "huy dang ky", "sao bị mất tiền, muốn hủy thẻ"]


@pytest.mark.parametrize("text", PASSIVE)
def test_a_stopping_verb_after_the_passive_asks_no_stop(text: str) -> None:
    assert not view(analyze(text)).negated, text


@pytest.mark.parametrize("text", ASKED)
def test_a_stop_asked_is_still_read(text: str) -> None:
    assert view(analyze(text)).negated, text


def test_bi_with_another_tone_is_no_passive() -> None:
    assert view(analyze("bí hủy")).negated  # "bí" is not the passive "bị"


LETTERS = [
    # the old portal account, stopped: the login entry says since when (1/7/2024)
    "Mẹ tôi năm ngoái có lập tài khoản trên cổng dịch vụ công để đóng bảo hiểm y tế cho cả nhà, lâu rồi không vào. "
    "Hôm nay mở lại thì nó hiện bảo phải đăng nhập bằng VNeID. Cho tôi hỏi tài khoản cũ đó bị ngưng dùng từ khi nào "
    "vậy?",
    "Chu co tao tai khoan dich vu cong tu nam 2021 bang so dien thoai, lau roi khong vo. Bua nay vo lai thi no bat "
    "dang nhap bang VNeID. Cho chu hoi tai khoan cu bi ngung tu khi nao vay con?",
    "Tôi làm kế toán cho một hộ kinh doanh nhỏ, trước giờ vẫn vào cổng dịch vụ công bằng tài khoản riêng để nộp hồ "
    "sơ. Tuần này vào thì không được nữa, máy báo phải dùng VNeID. Xin hỏi tài khoản riêng của cổng bị dừng từ ngày "
    "nào?",
]


@pytest.mark.parametrize("text", LETTERS)
def test_a_letter_asking_when_its_account_was_stopped_gets_the_login_entry(real_kb: KnowledgeBase, text: str) -> None:
    answer = real_kb.answer(text)
    assert answer.confident and answer.entry == "vneid-dang-nhap-dich-vu-cong", (answer.kind, answer.entry)
