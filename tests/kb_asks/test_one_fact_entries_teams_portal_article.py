"""One fact, one entry: the community tech teams, the National Public Service Portal and the channel's founding
article (content/kb/to-cong-nghe-so.toml, dich-vu-cong.toml, kenh.toml, bai-toan-cau-chuyen.toml, khai-niem.toml).

A citizen who asks one narrow fact gets the entry that states it, not its neighbour: the size of one team, not the
national counts; who wrote the founding article, not what it says; what the ministry did in the first half of 2022,
not the 2022 theme; how many services the portal has, not when it opened. Questions written for these tests, in
several typing styles; the neighbours must keep their own questions.
"""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("question", "entry"), [
    # one team's size, not the national counts
    ("Một tổ công nghệ số cộng đồng có bao nhiêu thành viên?", "tcns-thanh-vien"),
    ("moi to cong nghe so co may nguoi", "tcns-thanh-vien"),
    ("mỗi tổ công nghệ số ở thôn gồm bao nhiêu người vậy", "tcns-thanh-vien"),
    # who wrote the founding article and when, not its awareness message
    ("Bài viết «Chuyển đổi số trước tiên là chuyển đổi nhận thức» do ai viết?", "kenh-bai-viet-goc-tac-gia"),
    ("bai viet chuyen doi so truoc tien la chuyen doi nhan thuc cua co quan nao", "kenh-bai-viet-goc-tac-gia"),
    ("bài viết gốc của kênh được đăng vào năm nào", "kenh-bai-viet-goc-tac-gia"),
    # what the ministry did in the first half of 2022, not the 2022 theme
    ("6 tháng đầu năm 2022 Bộ Thông tin và Truyền thông đã làm được gì về chuyển đổi số?", "bo-tttt-cds-nua-dau-2022"),
    ("nua dau nam 2022 bo tttt co hoat dong chuyen doi so nao", "bo-tttt-cds-nua-dau-2022"),
    # how many services the portal has / had at launch, not when it opened
    ("cổng dịch vụ công quốc gia có bao nhiêu dịch vụ", "dvcqg-dich-vu-dau-tien"),
    ("cong dich vu cong quoc gia luc khai truong co may dich vu", "dvcqg-dich-vu-dau-tien"),
    # the article's call to its readers
    ("Bài viết gốc kêu gọi bạn đọc làm gì?", "cds-nguoi-dan-gop-phan"),
])
def test_a_narrow_fact_gets_the_entry_that_states_it(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry, (answer.entry, answer.confident)


@pytest.mark.parametrize(("question", "entry"), [
    ("cả nước có bao nhiêu tổ công nghệ số cộng đồng", "tcns-so-luong"),
    ("đến tháng 6/2022 có bao nhiêu thành viên tổ công nghệ số trên cả nước", "tcns-so-luong"),
    ("vì sao chuyển đổi số phải bắt đầu từ thay đổi nhận thức", "cds-bat-dau-tu-nhan-thuc"),
    ("55 bài toán chuyển đổi số xem ở đâu", "55-bai-toan-cds"),
    ("cổng dịch vụ công quốc gia khai trương ngày nào", "dvcqg-ra-doi"),
    ("kênh Zalo này do cơ quan nào lập ra", "kenh-ai-van-hanh"),
])
def test_the_neighbours_keep_their_own_questions(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry, (answer.entry, answer.confident)
