"""A narrow fact is answered by the entry that states it, not by a neighbour that bundles it or only touches it
(one question, one entry): one community tech team's size is not the national count of teams and members; the
issuer of letter 793 is stated by the entry about who sets a team up. Each row asks the narrow fact in the words a
citizen would use, and the entry answered (confidently) is the one whose answer states it."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("question", "entry"), [
    # one team's size, not the national counts of teams and members
    ("Một tổ công nghệ số cộng đồng có bao nhiêu thành viên?", "tcns-thanh-vien"),
    ("tổ cns cộng đồng có mấy ng, gồm ai v", "tcns-thanh-vien"),
    # the national counts stay with their entry
    ("cả nước có bao nhiêu tổ công nghệ số cộng đồng", "tcns-so-luong"),
    ("co bao nhieu thanh vien to cong nghe so tren ca nuoc", "tcns-so-luong"),
])
def test_the_narrow_fact_is_answered_by_its_own_entry(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry


@pytest.mark.parametrize(("question", "entry", "fact"), [
    # who issued letter 793: the answer about who sets a team up names the ministry that issued the guidance
    ("Văn bản 793/BTTTT-THH do cơ quan nào ban hành?", "tcns-ai-thanh-lap", "Bộ Thông tin và Truyền thông"),
])
def test_the_answer_states_the_fact_asked(real_kb: KnowledgeBase, question: str, entry: str, fact: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry
    assert fact in real_kb.by_id[entry].answer


@pytest.mark.parametrize(("question", "entry"), [
    # who wrote the channel's founding article, not what the article says
    ("Bài viết gốc của kênh «Chuyển đổi số trước tiên là chuyển đổi nhận thức» do ai viết?", "kenh-bai-viet-goc-nguon"),
    ("bai viet chuyen doi so truoc tien la chuyen doi nhan thuc cua co quan nao", "kenh-bai-viet-goc-nguon"),
    ("Bài viết gốc của kênh có ghi tên tác giả không?", "kenh-bai-viet-goc-nguon"),
    # what the article says stays with the entries that say it
    ("Bài viết gốc của kênh nói gì về nhận thức trong chuyển đổi số?", "cds-bat-dau-tu-nhan-thuc"),
    ("Bài viết gốc kêu gọi bạn đọc làm gì?", "cds-nguoi-dan-gop-phan"),
    ("mk la dan thuong thi giup dc j cho cds", "cds-nguoi-dan-gop-phan"),
    ("chuyen doi so truoc tien la chuyen doi gi", "cds-bat-dau-tu-nhan-thuc"),
])
def test_who_wrote_the_article_is_not_what_it_says(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry


@pytest.mark.parametrize(("question", "entry"), [
    # the channel is said to be well received: the entry about the channel says so
    ("Kênh Zalo OA Chuyển đổi số quốc gia có được người dân hưởng ứng không?", "kenh-la-gi"),
])
def test_a_reception_is_answered_by_the_entry_that_states_it(
        real_kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry
    if entry == "kenh-la-gi":
        assert "hưởng ứng" in real_kb.by_id[entry].answer


@pytest.mark.parametrize(("question", "entry"), [
    # the portal's services at launch, not the launch itself
    ("cong dich vu cong quoc gia luc khai truong co may dich vu", "dvcqg-dich-vu-dau-tien"),
    ("Cổng Dịch vụ công quốc gia chính thức khai trương vào ngày nào?", "dvcqg-ra-doi"),
    ("thu tuong nao khai truong cong dich vu cong quoc gia", "dvcqg-ra-doi"),
    ("khai trương cổng dịch vụ công", "dvcqg-ra-doi"),
    # which ministry guided setting the teams up: the entry whose answer names it
    ("Cái tổ công nghệ số ở thôn ấy, bộ nào hướng dẫn lập ra thế ạ?", "tcns-ai-thanh-lap"),
    # how long the programme runs: its own entry (its first sentence names the period), not its 2030 vision
    ("Rốt cuộc chương trình chuyển đổi số quốc gia có thời hạn đến năm nào?", "ct-749-la-gi"),
    ("tầm nhìn chuyển đổi số đến năm 2030", "ct-tam-nhin-2030"),
    # what the article lists stays with its entry, not with the entry about who wrote it
    ("Bài viết gốc của kênh nêu mấy hạn chế của chuyển đổi số?", "cds-han-che-2022"),
])
def test_a_neighbour_s_fact_goes_to_the_neighbour(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry
