"""Round 12's kinds of fact asked (bot.kb.asks_round12): look-alikes written for these tests, not copied from a dev set.

A rank in an index the KB gives no rank for, another agency's procedure, how long a procedure takes, Laos typed with
its mark, a forecast asked of the bot: the entry the ranker finds shares the question's other words, and the floor
offers it instead of answering with it. Each test also checks that the channel's own questions near the look-alike
keep their answers.
"""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked, named_places, provided, unanswered
from bot.kb.asks_round12 import asked_round12
from bot.nlp.normalize import analyze


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize(("question", "index"), [
    ("Việt Nam đứng hạng mấy về chỉ số phát triển công nghệ thông tin IDI?", "idi"),
    ("Năm 2023 nước mình xếp thứ bao nhiêu về năng lực cạnh tranh toàn cầu?", "competitiveness"),
    ("viet nam dung thu may ve chi so gii nam nay", "gii"),
    ("Việt Nam xếp thứ mấy trong chỉ số hạnh phúc thế giới?", "happiness"),
    ("Việt Nam xếp thứ mấy về chỉ số tự do báo chí?", "press"),  # round 13 names the index
])
def test_a_rank_in_an_index_the_kb_ranks_nothing_in_is_offered(real_kb: KnowledgeBase, question: str,
                                                               index: str) -> None:
    assert f"rank:{index}" in kinds(question)
    assert not any(f"rank:{index}" in provided(e) for e in real_kb.entries)
    assert not real_kb.answer(question).confident


def test_the_ranks_the_kb_states_and_the_targets_it_sets_keep_their_answers(real_kb: KnowledgeBase) -> None:
    """The UN survey's rank and mobile internet speed are stated; a target ("mục tiêu … đứng thứ mấy", "phấn đấu
    xếp thứ mấy") is a group, not a rank, and asks none."""
    assert "rank:egdi" in provided(real_kb.by_id["ct-xep-hang-egdi-2024"])
    assert "rank:egdi" in provided(real_kb.by_id["ct-xep-hang-quoc-te-muc-tieu"])  # "xếp thứ 71/193 về Chính phủ …"
    assert "rank:gii" not in provided(real_kb.by_id["ct-xep-hang-quoc-te-muc-tieu"])  # "nhóm 35 về … (GII)"
    assert not any(k.startswith("rank:") for k in kinds("Mục tiêu năm 2025 về chỉ số GII là đứng thứ mấy?"))
    assert not any(k.startswith("rank:") for k in kinds("Đến 2030 Việt Nam phấn đấu xếp thứ mấy về an ninh mạng?"))
    assert not any(k.startswith("rank:") for k in kinds("Ngày 10/10/2030 rơi vào thứ mấy?"))  # a weekday
    for question, entry in (("Việt Nam xếp thứ mấy về chính phủ điện tử năm 2024?", "ct-xep-hang-egdi-2024"),
                            ("Tốc độ internet di động Việt Nam xếp thứ mấy thế giới?", "ngay-cds-2025-so-lieu")):
        answer = real_kb.answer(question)
        assert answer.confident and answer.entry == entry


@pytest.mark.parametrize(("question", "procedure"), [
    ("Làm lý lịch tư pháp trên VNeID cần những giấy tờ gì?", "ly lich tu phap"),
    ("Nộp thuế thu nhập cá nhân trên dịch vụ công quốc gia được không?", "thue"),
    ("Tra cứu phạt nguội trên VNeID ở mục nào?", "giao thong"),
    ("Đóng bảo hiểm xã hội tự nguyện trên VNeID được không?", "bao hiem xa hoi"),
    ("Sang tên sổ đỏ nộp hồ sơ trên cổng dịch vụ công được không?", "dat dai"),
    ("Làm hộ chiếu online cần chụp ảnh thế nào?", "ho chieu"),
])
def test_another_agencys_procedure_needs_an_entry_that_names_it(real_kb: KnowledgeBase, question: str,
                                                                procedure: str) -> None:
    assert f"procedure:{procedure}" in kinds(question)
    assert not real_kb.answer(question).confident


def test_a_procedure_the_kb_names_or_one_told_as_context_keeps_the_answer(real_kb: KnowledgeBase) -> None:
    """The first services of the portal include the driving licence: that entry names it. A procedure in a context
    sentence is not what the question after it asks."""
    assert "procedure:lai xe" in provided(real_kb.by_id["dvcqg-dich-vu-dau-tien"])
    licence = real_kb.answer("Đổi giấy phép lái xe trên dịch vụ công được không?")
    assert licence.confident and licence.entry == "dvcqg-dich-vu-dau-tien"
    told = "Tôi đang làm giấy khai sinh cho con. Cổng dịch vụ công quốc gia có địa chỉ trang là gì?"
    assert not any(k.startswith("procedure:") for k in kinds(told))
    assert "procedure:dat dai" not in kinds("Số đó là số tổ công nghệ số năm nào?")  # folded "sổ đỏ" is "số đó"


def test_how_long_a_procedure_takes_needs_an_entry_that_names_a_length_of_time(real_kb: KnowledgeBase) -> None:
    assert "duration" in kinds("Làm lại căn cước bị mất bao lâu thì có thẻ mới?")
    assert "duration" in kinds("Cấp lại căn cước mất mấy ngày làm việc?")
    assert not real_kb.answer("Cấp lại căn cước mất mấy ngày làm việc?").confident
    # how long the portal took to build is no procedure's duration, and its entry names the time anyway
    assert "duration" not in kinds("Gửi câu chuyện cho kênh bao lâu thì được đăng?")
    built = real_kb.answer("Cổng Dịch vụ công quốc gia xây dựng mất bao lâu?")
    assert built.confident and built.entry == "dvcqg-ra-doi"


def test_laos_typed_with_its_mark_is_a_country_but_not_lao_cai_nor_where_the_speaker_was(
        real_kb: KnowledgeBase) -> None:
    assert "place:nước Lào" in named_places(analyze("Lào có Ngày Chuyển đổi số không?").text,
                                            "Lào có Ngày Chuyển đổi số không?")
    assert "place:nước Lào" not in kinds("Lào Cai có bao nhiêu tổ công nghệ số?")
    assert "place:nước Lào" not in kinds("lao dong tu do co can vneid khong")  # unmarked "lao" is "lao động"
    assert not real_kb.answer("Chủ đề ngày chuyển đổi số của Lào năm 2024 là gì?").confident
    back = real_kb.answer("Tôi đi làm ở Lào về, VNeID mức 2 kích hoạt ở đâu?")
    assert back.confident and back.entry == "vneid-kich-hoat-muc-2"


@pytest.mark.parametrize("question", [
    "Ad dự đoán xem năm 2030 kinh tế số có chiếm 30% GDP không?",
    "Bạn đoán năm sau chủ đề ngày chuyển đổi số là gì?",
    "ad doan coi nam 2026 co bao nhieu tai khoan vneid",
])
def test_a_guess_or_a_forecast_asked_is_an_opinion(real_kb: KnowledgeBase, question: str) -> None:
    assert "opinion" in kinds(question)
    assert not real_kb.answer(question).confident


def test_a_youth_union_member_or_a_period_is_no_guess() -> None:
    """Folded, "đoán" is "đoàn" and "đoạn": only the marked verb or a guess asked of the bot is read."""
    assert "opinion" not in kinds("Đoàn viên thanh niên tham gia tổ công nghệ số thế nào?")
    assert "opinion" not in kinds("Giai đoạn 2021-2025 có mục tiêu gì?")
    assert "opinion" not in kinds("Dù bao nhiêu tuổi cũng học kỹ năng số được không?")


def test_no_phrasing_of_the_kb_asks_a_round_12_kind_its_own_entry_lacks(real_kb: KnowledgeBase) -> None:
    """Every title, question, keyword and learned phrasing of an entry is answered by that entry as far as these kinds
    go ("năm 2025 việt nam muốn xếp thứ bao nhiêu về chính phủ điện tử" asks a target, not a rank)."""
    lacking = []
    for e in real_kb.entries:
        for t in (e.title, *e.questions, *e.keywords, *real_kb.phrasings.get(e.id, ())):
            ours = asked_round12(analyze(t).text, t) | named_places("", t)
            if ours and unanswered(kinds(t), e) & ours:
                lacking.append((e.id, t))
    assert lacking == []


def test_a_banks_account_or_app_is_a_banks_service_not_the_vneid_redirect(real_kb: KnowledgeBase) -> None:
    """The redirect for a forgotten VNeID password sends the citizen to the police: apt for VNeID, not for a bank's
    own account or app (round 11's ``bank`` kind, grown)."""
    assert "bank" in kinds("Quên mật khẩu tài khoản ngân hàng trên app thì làm sao?")
    assert "bank" in kinds("App ngân hàng bắt xác thực khuôn mặt, làm thế nào?")
    assert not real_kb.answer("Quên mật khẩu tài khoản ngân hàng trên app thì làm sao?").confident
    kept = real_kb.answer("Quên mật khẩu VNeID lấy lại thế nào?")
    assert kept.confident and kept.entry == "npv-lay-lai-tai-khoan"
