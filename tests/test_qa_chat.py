"""Question answering in the chat (issue 12 items 3–6), end to end through the webhook and the emulator.

Real KB (content/kb), real Redis, the project's Zalo emulator; each test asserts what a citizen sees.
"""

from __future__ import annotations

import argparse
import io
import sys
import tomllib
from pathlib import Path

import pytest

from bot.digest import subscribers
from bot.infra.texts import answer_offers, phrases, render
from bot.kb import get_kb, named, reading
from bot.kb.cli import register
from bot.kb.learn import LEARN_KEY, top_choices
from bot.kb.unanswered import count_unanswered
from bot.nlp.normalize import command_form
from tests.support import BotHarness

USER = "2222222222222222222"
OTHER = "3333333333333333333"
QA_MESSAGES = tomllib.loads((Path(__file__).resolve().parents[1] / "content/messages/qa.toml").read_text("utf-8"))


def buttons(message: dict) -> list[dict]:
    return ((message.get("attachment") or {}).get("payload") or {}).get("buttons") or []


def last(bot: BotHarness, user: str = USER) -> dict:
    return bot.messages(user)[-1]


def ask(bot: BotHarness, text: str, user: str = USER) -> dict:
    bot.send(user, text)
    bot.settle()
    return last(bot, user)


def assert_not_executed(bot: BotHarness, text: str) -> None:
    """A subscribed citizen's ``text`` gets none of the commands' replies, and stays subscribed."""
    commands = {ask(bot, "trợ giúp")["text"], ask(bot, "bản tin")["text"], render("erase_ask").strip(),
                render("sub_unsubscribed"), render("story_ask_title").strip()}
    ask(bot, "đăng ký")
    assert ask(bot, text)["text"] not in commands
    assert subscribers.is_subscribed(bot.redis, USER)


def assert_told_outside(bot: BotHarness, text: str, closest: str) -> None:
    """``text`` gets the out-of-scope apology, not ``closest``'s answer but its title among three buttons, and is
    not counted for the editors as the channel's business."""
    before = count_unanswered(bot.redis)
    message = ask(bot, text)
    assert message["text"] == render("out_of_scope", you="bạn", You="Bạn", me="kênh")
    assert entry_answer(closest) not in message["text"]
    titles = [b["payload"] for b in buttons(message)]
    assert get_kb().by_id[closest].title in titles and len(titles) == 3
    assert count_unanswered(bot.redis) == before


def assert_offered_not_answered(bot: BotHarness, text: str, entry_id: str) -> None:
    """``text`` gets "Ý bạn là…?", the apology or the out-of-scope reply with ``entry_id``'s title as a button, not
    that entry's answer."""
    message = ask(bot, text)
    assert entry_answer(entry_id) not in message["text"]
    assert message["text"].startswith((QA_MESSAGES["did_you_mean"], QA_MESSAGES["unknown"],
                                       render("out_of_scope", you="bạn", You="Bạn", me="kênh")))
    assert get_kb().by_id[entry_id].title in [b["payload"] for b in buttons(message)]


def entry_answer(entry_id: str) -> str:
    """The opening of an entry's answer: what a phone shows first (the rest is behind "Xem thêm")."""
    return get_kb().by_id[entry_id].answer[:80]


# --- item 3: how people actually write -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # a rambling message: context first, the question last
    "Nhà tôi ở quê, con cháu đi làm xa hết, tôi cũng mới dùng điện thoại thông minh. Cho tôi hỏi Ngày Chuyển "
    "đổi số quốc gia là ngày nào vậy?",
    # Central speech ("là ngày mô rứa"), Southern ("vậy nghen"), polite/kinship framing, a need statement
    "Ngày chuyển đổi số quốc gia là ngày mô rứa?",
    "Ngày chuyển đổi số quốc gia là bữa nào vậy nghen?",
    "Dạ cháu chào cô chú, cho cháu hỏi Ngày Chuyển đổi số quốc gia là ngày nào ạ?",
    "Tôi đang cần thông tin về ngày Chuyển đổi số quốc gia là ngày nào",
])
def test_how_people_write_still_gets_the_answer(bot: BotHarness, text: str) -> None:
    message = ask(bot, text)
    assert message["text"].startswith(entry_answer("ngay-cds-la-ngay-nao")), message["text"]


@pytest.mark.parametrize(("text", "entry"), [
    # round 9: a greeting with "e", and what the citizen could not find, around the question
    ("e chào ad, e muốn hỏi tổ công nghệ số cộng đồng làm gì ạ, e tìm mãi ko thấy", "tcns-nhiem-vu"),
    # a resumptive "nó" after the name, and "tìm hoài không ra"
    ("VNeID nó là ứng dụng gì vậy, tui tìm hoài không ra", "vneid-la-gi"),
])
def test_framing_around_the_question_is_not_its_topic(bot: BotHarness, text: str, entry: str) -> None:
    message = ask(bot, text)
    assert message["text"].startswith(entry_answer(entry)), message["text"]


@pytest.mark.parametrize(("text", "entry"), [
    # round 10 (qa10mix): several styles at once — no marks, teencode ("dc", "hog", "bn"), the ministry as "tt&tt",
    # and the asker's own life told after the question
    ("da cho e hoi bo tt&tt gio sap nhap vo bo nao r z a, e ban rau o cho ma chua doc bao bao h",
     "bo-tttt-nay-la-bo-nao"),
    ("ad ơi mai thuyết trình mà hk bít: năng xuất lao động 2025 tăng bn % z", "ct-2025-kinh-te-so"),
])
def test_mixed_styles_are_answered_like_clean_ones(bot: BotHarness, text: str, entry: str) -> None:
    message = ask(bot, text)
    assert message["text"].startswith(entry_answer(entry)), message["text"]


@pytest.mark.parametrize(("text", "entry"), [
    # round 10: the question, then who asks after a comma; and a place name ("Cái Răng") in the context
    ("Dạ thưa anh chị, tổ công nghệ số cộng đồng ở thôn thì làm những nhiệm vụ gì ạ, em là đoàn viên muốn xung "
     "phong tham gia ạ", "tcns-nhiem-vu"),
    ("Tôi bán tạp hóa ở Cái Răng, Cần Thơ. Mấy em tổ công nghệ số cộng đồng tới nhà chỉ cài app. Cho hỏi tổ đó có "
     "nhiệm vụ gì vậy?", "tcns-nhiem-vu"),
])
def test_what_the_citizen_tells_around_the_question_does_not_change_it(bot: BotHarness, text: str,
                                                                      entry: str) -> None:
    message = ask(bot, text)
    assert message["text"].startswith(entry_answer(entry)), message["text"]


def test_a_long_letter_asking_at_the_end_is_answered_where_the_whole_letter_agrees(bot: BotHarness) -> None:
    """Round 23 (bot/kb/agreed.py): the context (meetings, a crying child) covers most of the letter, so the whole
    message alone was offered; its question read alone ranks the same entry first, and so does the intent reader."""
    message = ask(bot, "Khu phố tui tuần nào cũng họp tuyên truyền chuyển đổi số, ngồi nghe đọc giấy tờ cả buổi, ở "
                       "nhà thằng nhỏ khóc um mà về cũng chẳng biết làm gì thêm. Tui có đọc bài của Sở nói chuyển đổi "
                       "số còn nhiều hạn chế phải khắc phục. Vậy theo bài đó thì mấy hạn chế đó là gì?")
    assert message["text"].startswith(entry_answer("cds-han-che-2022")), message["text"]


def test_a_letter_asking_what_the_channel_says_is_answered(bot: BotHarness) -> None:
    """Round 31 (bot/kb/asks/opinion.py): "Theo kênh thì …" cites the channel's articles as the source of the fact
    asked; read as the bot's opinion asked, the letter was only offered its entry among choices."""
    message = ask(bot, "Con gái tui học cao đẳng ở Cần Thơ, về nhà cứ nói chuyện chuyển đổi số mà tui không hiểu. "
                       "Theo kênh thì chuyển đổi số phải bắt đầu từ chuyển đổi cái gì trước?")
    assert message["text"].startswith(entry_answer("cds-bat-dau-tu-nhan-thuc")), message["text"]


def test_a_count_asked_after_quoc_gia_is_answered(bot: BotHarness) -> None:
    """Round 31 (amb31b, bot/kb/asks/patterns.py): "quốc gia, mấy dịch vụ" folds to "quoc gia may", read as a price
    asked ("giá mấy"), which the entry of the portal's first services does not name: it was only offered."""
    message = ask(bot, "cổng dvc quốc gia, mấy dịch vụ đầu tiên hồi mới mở là gì vậy ad")
    assert message["text"].startswith(entry_answer("dvcqg-dich-vu-dau-tien")), message["text"]


def test_a_price_asked_of_a_phone_is_still_refused(bot: BotHarness) -> None:
    """The price reading stays for anything but those compounds: a phone's price is no question of the channel."""
    message = ask(bot, "điện thoại samsung cài vneid giá mấy triệu vậy ad")
    assert "Nguồn:" not in message["text"], message["text"]  # no entry's answer (each ends with its sources)


def test_a_long_letter_the_intent_reader_names_is_answered(bot: BotHarness) -> None:
    """Round 24 (bot/kb/named.py): a worker's letter in chat shorthand, the question last after the shift and the team
    leader; the context's words hold the whole message's measures under the floors, and no clause alone says the
    entry, but the intent reader names the ranker's first entry for the whole letter."""
    message = ask(bot, "e lam cong nhan o kcn vsip, toi qua to truong bat tai vneid de cham cong ma e ko ranh, dang "
                       "nhap tai khoan la so gi z ad, so dien thoai hay so can cuoc a")
    assert message["text"].startswith(entry_answer("vneid-ten-dang-nhap")), message["text"]


def test_a_letter_whose_story_names_a_place_is_answered(bot: BotHarness) -> None:
    """Round 25 (bot/kb/question_part.py): the story runs into the question by commas and names where the asker works
    (Hạ Long); that place is no place asked, so the three pillars' entry, which names no province, answers."""
    message = ask(bot, "lam ngoai Ha Long may nam nay, dua ban cung phong noi chuyen doi so co 3 tru cot chi do ma "
                       "tui ko nho, 3 tru cot cua chuyen doi so la nhung cai gi vay?")
    assert message["text"].startswith(entry_answer("ba-tru-cot-cds")), message["text"]


def test_a_letter_whose_story_leads_the_readers_out_is_answered(bot: BotHarness) -> None:
    """Round 26 (bot/kb/asking_part.py): a farmer's bad harvest told first leads the whole letter's off-topic readers
    out; its asking part, read alone, is plainly the login entry's, which answers."""
    message = ask(bot, "Ba em làm ruộng ở Long An, mùa này lúa mất giá, thương lái ép giá quá trời, ông buồn lắm. Ông "
                       "có tài khoản Cổng dịch vụ công quốc gia để làm giấy tờ đất, hôm qua vô không được nữa. Cho em "
                       "hỏi loại tài khoản đó dùng được tới ngày nào, giờ phải đăng nhập bằng gì ạ?")
    assert message["text"].startswith(entry_answer("vneid-dang-nhap-dich-vu-cong")), message["text"]


def test_a_letter_whose_story_reads_as_a_question_is_answered_by_its_last_question(bot: BotHarness) -> None:
    """Round 27 (bot/kb/asking_part.py): a story clause with a question word of its own ("mua hai chục ngàn mấy")
    joins the asking part and leads its readers out; the question clauses of the letter's last asking sentence, read
    alone, are plainly the ranking entry's, which answers."""
    message = ask(bot, "Năm nay thanh long ở Hàm Thuận Nam được giá, thương lái vô tận vườn mua hai chục ngàn mấy, "
                       "mừng muốn chết. Tối qua ngồi nhậu với mấy ông trong tổ hợp tác, ông Hai nói Việt Nam mình lên "
                       "hạng chính phủ điện tử thế giới, ông Bảy cãi là tụt, cãi tới khuya. Vậy khảo sát của Liên Hợp "
                       "Quốc năm 2024 mình tăng hay giảm, tăng mấy bậc, có vô nhóm gì hông?")
    assert message["text"].startswith(entry_answer("ct-xep-hang-egdi-2024")), message["text"]


def test_a_letter_whose_story_saturates_both_off_topic_readers_is_answered_by_its_question(
        bot: BotHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    """Round 29 (bot/kb/named.py): a hacked bank account told first leads both off-topic readers out of the whole
    letter (1.00 and 0.95); the intent reader names the login entry over the whole letter, and on the asking part
    neither off-topic reader leans out, which answers — with the older asking-part reading switched off, so only
    this reading can."""
    monkeypatch.setattr(named, "asking_part_agrees", lambda *_: False)
    message = ask(bot, "mik bán hàng online trên sàn, hôm qua bị hack mất tk ngân hàng, lo quá trời, tk dịch vụ công "
                       "cũ của mik giờ đăng nhập ko đc, nó bắt qua vneid, vậy tk dịch vụ công cũ hết hạn từ hồi nào ad")
    assert message["text"].startswith(entry_answer("vneid-dang-nhap-dich-vu-cong")), message["text"]


def test_a_letter_asking_in_its_own_words_what_the_naive_bayes_alone_leans_out_of_is_answered(
        bot: BotHarness) -> None:
    """Round 30 (bot/kb/asking_part.py): "Lùi sang hôm nào, sao lại lùi thế" leans out of the naive Bayes alone; on a
    long letter's asking part that no longer refuses (as in the decision, never alone), and the 2025 day's entry
    answers."""
    message = ask(bot, "Tôi dạy cấp hai ở Bến Tre, năm nào trường cũng treo băng rôn ngày 10/10. Đồng nghiệp bảo năm "
                       "nay ngày chuyển đổi số lùi lại, không làm đúng 10/10. Lùi sang hôm nào, sao lại lùi thế hả ad?")
    assert message["text"].startswith(entry_answer("ngay-cds-2025-ngay-to-chuc")), message["text"]


def test_a_letter_pointing_back_at_a_claim_about_the_portal_is_answered(bot: BotHarness) -> None:
    """Round 31 (bot/nlp/reference.py): "cổng đó" stands for the portal the story named, not for one side's claim
    about it ("… có từ 2012"); carried into the question, the claim's year had left the letter unanswered."""
    message = ask(bot, "Hai ông con rể nhà tui ngồi nhậu cãi nhau, ông lớn bảo cổng dịch vụ công quốc gia có từ "
                       "2012, ông nhỏ bảo mới có mấy năm nay thôi. Cãi tới khuya không ai chịu thua. Nhờ kênh coi "
                       "giùm: cổng đó khai trương ngày tháng năm nào vậy?")
    # the entry's answer opens with the portal's link, which the chat shows without its scheme: its date is read
    assert "khai trương và đưa vào vận hành trên toàn quốc ngày 9/12/2019" in message["text"], message["text"]


def test_a_letter_asking_that_year_s_theme_is_answered(bot: BotHarness) -> None:
    """Round 31 (bot/nlp/reference.py): "năm 2023 đó" is the year itself; the clause its story fronted with it
    ("Hồi năm 2023 trường nó treo băng rôn …") is no part of what is asked."""
    message = ask(bot, "Cháu ngoại tui học lớp 5 ở Hòa Thành, Tây Ninh. Hồi năm 2023 trường nó treo băng rôn to lắm, "
                       "nghe nói là hưởng ứng ngày chuyển đổi số, tui đọc không kịp. Cho tui hỏi năm 2023 đó chủ đề là "
                       "gì vậy?")
    assert message["text"].startswith(entry_answer("ngay-cds-chu-de-2023")), message["text"]


def test_a_chat_question_whose_story_follows_an_emoji_is_answered(bot: BotHarness) -> None:
    """Round 32 (bot/kb/question_part.py): an emoji before a space closes what was typed, as a full stop does; the
    shift worker's story after it ("e đi làm ca suốt …") is no part of the question, and read with it the trained
    off-topic model had refused the question's own part."""
    message = ask(bot, "vneid mức 2 đăng ký ở đâu vậy ad 😩 e đi làm ca suốt ở xưởng gỗ Tân Uyên, xin nghỉ khó lắm")
    assert message["text"].startswith(entry_answer("vneid-kich-hoat-muc-2")), message["text"]


def test_a_letter_asking_the_theme_of_that_year_is_answered(bot: BotHarness) -> None:
    """Round 32 (bot/nlp/reference.py): "chủ đề năm đó" is the theme of the year the story dated ("Hồi năm 2023 tui
    còn làm tổ trưởng …"), not the story's clause after the year nor its earlier nouns."""
    message = ask(bot, "Hồi năm 2023 tui còn làm tổ trưởng dân phố ở Hải Châu, phường có treo băng rôn to lắm, tui "
                       "ngó hoài mà giờ quên mất rồi. Bữa ni thằng cháu hỏi ông chủ đề năm đó là chi, tui chịu. Chủ đề "
                       "năm đó là chi rứa kênh?")
    assert message["text"].startswith(entry_answer("ngay-cds-chu-de-2023")), message["text"]


def test_a_long_story_asking_a_market_price_is_still_told_it_is_outside(bot: BotHarness) -> None:
    """Round 29: the same kind of story asking what the channel does not answer (a fruit's price) is no answer: its
    asking part is what the off-topic readers lean out of."""
    message = ask(bot, "Nhà tui trồng thanh long ở Chợ Gạo, năm nay mưa nhiều trái bị thối, thương lái ép giá quá "
                       "trời, con gái tui đi làm ở Bình Dương gọi về than. Cho tui hỏi giá thanh long ruột đỏ ở chợ "
                       "đầu mối tuần này bao nhiêu một ký vậy?")
    assert message["text"] == render("out_of_scope", you="bạn", You="Bạn", me="kênh"), message["text"]


def test_a_letter_whose_story_kept_its_entry_out_of_the_ranking_is_answered_by_its_question(bot: BotHarness) -> None:
    """Round 28 (bot/kb/unranked.py): the story's words (a draw, searching the web, copying) rank other entries and
    the theme's entry not at all; the letter's last question, read alone, is plainly the 2022 theme's."""
    message = ask(bot, "Em là sinh viên năm nhất ở Quy Nhơn, tuần rồi cô cho cả lớp làm bài tiểu luận, mỗi bạn bốc "
                       "thăm một năm, em bốc trúng năm 2022. Em lên mạng tra thì mỗi trang chép một kiểu, không biết "
                       "trang nào đúng. Cho em hỏi chủ đề năm 2022 nguyên văn là gì ạ?")
    assert message["text"].startswith(entry_answer("ngay-cds-chu-de-2022")), message["text"]


def test_a_letter_asking_since_when_its_account_was_stopped_is_answered(bot: BotHarness) -> None:
    """Round 29 (bot/kb/lexicon.py): "bị ngưng" after the passive tells what befell the old account, it asks to stop
    nothing; read as a stop asked, it had contradicted the login entry, which says the date."""
    message = ask(bot, "Mẹ tôi năm ngoái có lập tài khoản trên cổng dịch vụ công để đóng bảo hiểm y tế cho cả nhà, "
                       "lâu rồi không vào. Hôm nay mở lại thì nó hiện bảo phải đăng nhập bằng VNeID. Cho tôi hỏi tài "
                       "khoản cũ đó bị ngưng dùng từ khi nào vậy?")
    assert message["text"].startswith(entry_answer("vneid-dang-nhap-dich-vu-cong")), message["text"]


def test_two_questions_answer_the_first_and_offer_the_second(bot: BotHarness) -> None:
    message = ask(bot, "Ngày Chuyển đổi số quốc gia là ngày nào? Còn Đề án 06 là gì vậy?")
    assert message["text"].startswith(entry_answer("ngay-cds-la-ngay-nao"))
    offered = [b["payload"] for b in buttons(message)]
    assert offered[0] == get_kb().by_id["de-an-06-la-gi"].title  # then possibly "Xem thêm" for the rest
    # tapping the offer answers the second question
    assert ask(bot, offered[0])["text"].startswith(entry_answer("de-an-06-la-gi"))


def test_a_second_question_naming_its_own_subject_is_offered_as_a_quick_reply(bot: BotHarness) -> None:
    """Round 23: the second question, not answered on its own, names its own subject (the ministry): the first
    question's answer, the ministry as a button, and tapping it answers it (``bot.kb.several.names_own_subject``)."""
    message = ask(bot, "Đến năm 2025 bao nhiêu phần trăm hồ sơ được giải quyết trực tuyến toàn trình? Mà Bộ Thông "
                       "tin và Truyền thông bây giờ nhập vào bộ nào rồi?")
    assert message["text"].startswith(entry_answer("dvc-ty-le-ho-so-truc-tuyen"))
    offered = [b["payload"] for b in buttons(message)]
    assert offered[:1] == [get_kb().by_id["bo-tttt-nay-la-bo-nao"].title]
    assert ask(bot, offered[0])["text"].startswith(entry_answer("bo-tttt-nay-la-bo-nao"))


def test_greeting_alone_is_not_forced_into_the_kb(bot: BotHarness) -> None:
    message = ask(bot, "xin chào ạ")
    assert not any(message["text"].startswith(e.answer) for e in get_kb().entries)


# --- item 4: when unsure, offer the right thing ----------------------------------------------------------

def test_unsure_offers_up_to_three_choices_as_buttons(bot: BotHarness) -> None:
    message = ask(bot, "mục tiêu 2025")  # three goals for 2025: a question with several right entries
    assert message["text"].startswith(QA_MESSAGES["did_you_mean"])
    titles = [b["payload"] for b in buttons(message)]
    assert 2 <= len(titles) <= 3 and all(b["type"] == "oa.query.show" for b in buttons(message))
    assert not any(t in message["text"] for t in titles)  # choices shown once, as buttons (issue 15)


def test_apology_still_lists_the_closest_topics(bot: BotHarness) -> None:
    message = ask(bot, "ứng dụng VNeID báo lỗi mã 0193 khi quét chip thì làm sao")  # in scope, not in the KB
    assert message["text"].startswith(QA_MESSAGES["unknown"])
    assert len(buttons(message)) == 3
    off_topic = ask(bot, "lịch thi đấu bóng đá tối nay")  # not the channel's business: its topics instead
    assert not off_topic["text"].startswith(QA_MESSAGES["unknown"]) and buttons(off_topic)



def test_a_long_letter_whose_story_kept_its_entry_out_is_answered_by_the_whole_letter(
        bot: BotHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    """Round 25 (bot/kb/shown.py) showed this letter's theme among the buttons: the mother's context (her children,
    the homework, the pages she read) took the 24 candidate-selecting terms of the whole letter, and the theme was no
    candidate. Round 28 answered it by its question read alone (``bot.kb.unranked``). Round 32 (select32): every rare
    word of the letter selects candidates, so the whole letter ranks the theme itself and answers it, even with
    ``unranked`` left out. (The buttons of a long letter nothing answers: tests/test_kb_shown.py.)"""
    monkeypatch.setattr(reading, "unranked", lambda *args: None)
    message = ask(bot, "Chào ad, chị là mẹ 3 đứa nhỏ ở Quỳnh Lưu, Nghệ An. Chiều qua đứa giữa học lớp 7 về kể cô giao "
                       "bài tìm hiểu về ngày chuyển đổi số, mỗi tổ một năm, tổ nó rút trúng năm 2023. Chị lên mạng đọc "
                       "rối hết cả lên chẳng biết trang nào đúng. Ad cho chị hỏi năm 2023 chủ đề ngày chuyển đổi số "
                       "quốc gia là gì vậy ạ?")
    assert message["text"].startswith(entry_answer("ngay-cds-chu-de-2023")), message["text"]


def test_why_the_2025_day_moved_is_answered_with_its_source(bot: BotHarness) -> None:
    """The storm, quoted from VnExpress (round 5): the reason is said, and the sources are named once."""
    message = ask(bot, "vì sao ngày chuyển đổi số năm 2025 bị lùi sang 21/10")
    assert "bão số 10" in message["text"]
    assert message["text"].count("Nguồn:") == 1


@pytest.mark.parametrize(("text", "closest"), [
    ("Bộ trưởng Bộ Công an hiện nay là ai vậy?", "bo-truong-khcn"),  # shares "bộ trưởng … là ai"
    ("cho hỏi số điện thoại ngân hàng", "npv-so-dien-thoai-tong-dai"),  # shares "số điện thoại"
    # session 6: a poem asked of the bot (what the channel can do), another hotline (the channel's own)
    ("bot làm giúp mình một bài thơ về quê hương được không", "kenh-lam-duoc-gi"),
    ("cho xin số tổng đài điện lực với", "npv-so-dien-thoai-tong-dai"),
])
def test_a_look_alike_gets_the_apology_with_the_closest_topics_not_an_answer(bot: BotHarness, text: str,
                                                                             closest: str) -> None:
    """Round 5: a request the channel does not answer although it shares its words (content/out_of_scope.toml)
    is told so, with the closest entries as buttons, and is not counted for the editors."""
    assert_told_outside(bot, text, closest)
    # its neighbour in scope is still answered
    answered = ask(bot, "Bộ trưởng Bộ Khoa học và Công nghệ là ai?")
    assert entry_answer("bo-truong-khcn") in answered["text"]


@pytest.mark.parametrize(("text", "entry"), [
    ("Số điện thoại tổng đài hỗ trợ VNeID là số mấy, gọi hoài không ai bắt máy", "npv-so-dien-thoai-tong-dai"),
    ("quên mật khẩu VNeID thì lấy lại sao, điện thoại tui đổi số sim mới rồi", "npv-lay-lai-tai-khoan"),
])
def test_a_redirect_answers_and_offers_the_closest_topics_in_scope(bot: BotHarness, text: str, entry: str) -> None:
    """Round 14: a redirect entry's reply ("the channel has no hotline", "ask the police") is the channel's own
    out-of-scope reply: it is given as the answer, with the closest in-scope entries as buttons the way the
    out-of-scope apology lists them (never another redirect), and a tap on one gets that entry's answer."""
    before = count_unanswered(bot.redis)
    message = ask(bot, text)
    assert message["text"].startswith(entry_answer(entry)), message["text"]
    kb = get_kb()
    offered = [kb.answer(b["payload"]) for b in buttons(message)[:3]]
    assert len(offered) == 3 and all(a.confident and kb.by_id[a.entry].topic != "ngoai-pham-vi" for a in offered)
    assert buttons(message)[-1]["title"] == render("answer_button_more")
    assert count_unanswered(bot.redis) == before
    tapped = ask(bot, buttons(message)[0]["payload"])
    assert tapped["text"].startswith(entry_answer(offered[0].entry)), tapped["text"]


@pytest.mark.parametrize(("text", "closest", "neighbour"), [
    ("kinh tế vĩ mô là gì?", "kinh-te-so-la-gi", "kinh tế số là gì?"),
    ("app định danh cây lan", "vneid-la-gi", "định danh điện tử là gì"),
])
def test_a_subject_of_its_own_gets_the_apology_with_the_closest_topics(bot: BotHarness, text: str, closest: str,
                                                                      neighbour: str) -> None:
    """Round 24 (``bot.kb.own_subject``): the head of an entry's subject with a modifier of the question's own
    (macroeconomics, an app that identifies orchids) is told it is outside the channel's topics, with the entry
    it looked like among the buttons, and is not counted for the editors; the entry's own subject is answered."""
    assert_told_outside(bot, text, closest)
    assert entry_answer(closest) in ask(bot, neighbour)["text"]


@pytest.mark.parametrize(("text", "closest", "twin", "twin_entry"), [
    ("Bộ trưởng Bộ KH&CN thích nghe nhạc gì?", "bo-truong-khcn", "Bộ trưởng Bộ KH&CN là ai?", "bo-truong-khcn"),
    ("Đề án 06 có giúp tôi giảm cân không?", "de-an-06-khong-nop-lai-giay-to", "Đề án 06 giúp người dân được gì?",
     "de-an-06-khong-nop-lai-giay-to"),
    ("Ngày Chuyển đổi số quốc gia có được nghỉ làm không?", "ngay-cds-muc-dich", "Ngày CĐS quốc gia là ngày nào?",
     "ngay-cds-la-ngay-nao"),
    ("kinh te vi mo la gi", "kinh-te-so-la-gi", "kinh te so la gi", "kinh-te-so-la-gi"),
])
def test_another_domains_question_about_a_subject_gets_the_apology(bot: BotHarness, text: str, closest: str,
                                                                   twin: str, twin_entry: str) -> None:
    """Round 25 (``bot.kb.asks.elsewhere``, ``bot.kb.own_subject`` unmarked): the minister's taste in music, a
    programme asked to cure, a day asked whether it is a day off, macroeconomics typed without marks are told they
    are outside the channel's topics, with the entry they looked like among the buttons, and are not counted for
    the editors; the channel's own question about the same subject is answered."""
    assert_told_outside(bot, text, closest)
    assert entry_answer(twin_entry) in ask(bot, twin)["text"]


def test_a_follow_up_about_an_unknown_subject_gets_the_apology_not_another_answer(bot: BotHarness) -> None:
    """Round 9: "…, có mất phí không?" asks about the first question's subject (a child's ID card, which the KB does
    not cover); the fee of online public services is no answer to it. The message gets the first question's own
    reply: here the out-of-scope apology with the closest topics as buttons (the class reads the first question as
    one the channel does not answer)."""
    message = ask(bot, "Làm căn cước cho bé 5 tuổi ở đâu, có mất phí không?")
    assert message["text"] == render("out_of_scope", you="bạn", You="Bạn", me="kênh")
    assert entry_answer("dvc-truc-tuyen-co-mat-phi-khong") not in message["text"]
    assert len(buttons(message)) == 3
    # the follow-up on its own, and a pair whose first question the entry explains, are still answered
    assert entry_answer("dvc-truc-tuyen-co-mat-phi-khong") in ask(bot, "có mất phí không?")["text"]
    vneid = ask(bot, "Cái VNeID đó là của bên công an làm hả, tên đăng nhập là gì vậy?")
    assert entry_answer("vneid-ten-dang-nhap") in vneid["text"]


def test_a_year_the_entry_says_it_lacks_is_offered_not_answered(bot: BotHarness) -> None:
    """Round 10: the themes entry says the channel has found no official source for the 2026 theme. Asked that
    theme, the citizen is not sent the list of 2022–2025 as if it answered: the entry is offered as a button (tapping
    it still shows the list and its note on 2026), and a year the list holds is answered as before."""
    themes = get_kb().by_id["ngay-cds-chu-de-cac-nam"]
    message = ask(bot, "Ngày chuyển đổi số năm 2026 có chủ đề gì vậy?")
    assert entry_answer("ngay-cds-chu-de-cac-nam") not in message["text"]
    assert themes.title in [b["payload"] for b in buttons(message)]
    assert entry_answer("ngay-cds-chu-de-cac-nam") in ask(bot, "Chủ đề các năm của Ngày Chuyển đổi số là gì?")["text"]


@pytest.mark.parametrize(("text", "near"), [
    ("Điểm chuẩn ngành kinh tế số năm 2025 là bao nhiêu vậy ad?", "ct-2025-kinh-te-so"),
    ("Trang t63.mic.gov.vn đăng nhập bằng tài khoản nào, mật khẩu là gì?", "21-cau-chuyen-cds"),
])
def test_a_kind_no_entry_gives_gets_no_answer_in_the_chat(bot: BotHarness, text: str, near: str) -> None:
    """Round 10: a school's cut-off score, how to sign in to a site the KB only names — the entry whose words the
    question shares is not sent as the answer; it stays reachable as a button."""
    message = ask(bot, text)
    assert entry_answer(near) not in message["text"]
    assert get_kb().by_id[near].title in [b["payload"] for b in buttons(message)]


# --- item 5: commands in plain words ----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["thôi khỏi nhắn bản tin cho tôi", "ngưng nhận tin giùm"])
def test_stop_the_digest_in_plain_words(bot: BotHarness, text: str) -> None:
    ask(bot, "đăng ký")
    assert subscribers.is_subscribed(bot.redis, USER)
    assert ask(bot, text)["text"] == render("sub_unsubscribed")
    assert not subscribers.is_subscribed(bot.redis, USER)


def test_a_question_about_stopping_is_answered_not_executed(bot: BotHarness) -> None:
    ask(bot, "đăng ký")
    message = ask(bot, "làm sao để ngưng nhận bản tin vậy")
    assert message["text"] != render("sub_unsubscribed")
    assert subscribers.is_subscribed(bot.redis, USER)


@pytest.mark.parametrize("text", [
    "có chuyện hay ở xóm muốn gửi kênh",
    # round 9: a story in hand, asked how to send it (written for these tests, not taken from an evaluation set)
    "chú có chuyện hay về tổ công nghệ số ấp mình, gửi kênh thế nào",
    # a story in hand, told first
    "ở ấp có cô giáo dạy bà con chuyển khoản giỏi lắm, tôi muốn kể",
    "nhà tui bán mắm qua mạng, muốn chia sẻ lên kênh thì làm sao ta?",
    # round 10: the wish to tell and where to, the story named between and told first, asked how
    "làng tui có ông bán cam giỏi lắm, tui muốn kể chuyện ông đó lên kênh thì làm răng",
])
def test_story_in_plain_words_starts_the_submission(bot: BotHarness, text: str) -> None:
    assert ask(bot, text)["text"] == render("story_ask_title").strip()


@pytest.mark.parametrize("text", [
    "gỡ sạch dữ liệu cá nhân của mình giúp",
    # round 9: erasing asked for outright after a how
    "làm sao để kênh không lưu gì về tui nữa, xóa hết được không?",
])
def test_erase_in_plain_words_asks_for_confirmation_first(bot: BotHarness, text: str) -> None:
    ask(bot, "đăng ký")
    message = ask(bot, text)
    assert message["text"] == render("erase_ask").strip()
    assert subscribers.is_subscribed(bot.redis, USER)  # nothing deleted before the confirmation
    ask(bot, "xác nhận xóa")
    assert not subscribers.is_subscribed(bot.redis, USER)


def test_erase_in_chat_words_still_confirms_first(bot: BotHarness) -> None:
    """Round 10: a loan word and chat shorthand ("clear", "data", "tớ") reach erase, and erasing still waits for
    the citizen's confirmation (phrase-level cases are in
    tests/unit/plain_commands/test_commands_in_last_clauses.py)."""
    ask(bot, "đăng ký")
    assert ask(bot, "clear data của tớ đi ad")["text"] == render("erase_ask").strip()
    assert subscribers.is_subscribed(bot.redis, USER)


# Round 5: the same commands in other plain words (written for these tests, not taken from an evaluation set)

@pytest.mark.parametrize(("text", "place"), [
    ("cho tôi theo dõi tin tức tỉnh Lào Cai hằng tuần nhé", "Lào Cai"),
    ("gửi tin cho mình mỗi tuần với, mình ở Hội An", "Đà Nẵng"),  # a town of the merged city
])
def test_subscribe_in_plain_words_keeps_the_province_named(bot: BotHarness, text: str, place: str) -> None:
    message = ask(bot, text)
    sub = subscribers.get(bot.redis, USER)
    assert sub is not None and sub.province == command_form(place)
    assert place in message["text"]


@pytest.mark.parametrize(("plain", "exact"), [
    ("tin tức tuần rồi", "bản tin"), ("cho mình xem lại bản tin tuần trước", "bản tin"),
    ("liệt kê chức năng", "trợ giúp"), ("tôi không biết xài cái kênh này", "trợ giúp"),
])
def test_plain_words_get_the_commands_own_reply(bot: BotHarness, plain: str, exact: str) -> None:
    assert ask(bot, plain)["text"] == ask(bot, exact)["text"]


@pytest.mark.parametrize("text", ["quên tôi đi nhé", "dọn sạch dữ liệu của tôi giùm", "đừng lưu gì về tôi nữa"])
def test_erase_without_the_word_xoa_still_asks_first(bot: BotHarness, text: str) -> None:
    ask(bot, "đăng ký")
    assert ask(bot, text)["text"] == render("erase_ask").strip()
    assert subscribers.is_subscribed(bot.redis, USER)
    ask(bot, "xác nhận xóa")
    assert not subscribers.is_subscribed(bot.redis, USER)


@pytest.mark.parametrize("text", ["đủ rồi, đừng gửi nữa nhé", "dung nhan tin cho toi nua"])
def test_stop_said_without_naming_the_digest(bot: BotHarness, text: str) -> None:
    ask(bot, "đăng ký")
    assert ask(bot, text)["text"] == render("sub_unsubscribed")
    assert not subscribers.is_subscribed(bot.redis, USER)


@pytest.mark.parametrize("text", ["nếu muốn kênh quên tôi thì làm thế nào", "làm sao để xem lại bản tin tuần trước",
                                  "Tổ công nghệ số cộng đồng có những chức năng gì"])
def test_questions_near_the_new_phrasings_are_answered(bot: BotHarness, text: str) -> None:
    commands = {ask(bot, "trợ giúp")["text"], ask(bot, "bản tin")["text"], render("erase_ask").strip()}
    ask(bot, "đăng ký")
    assert ask(bot, text)["text"] not in commands
    assert subscribers.is_subscribed(bot.redis, USER)


# Round 8: how new writers say the commands (regional words, the digest's other names, requests said alone),
# written for these tests, not taken from an evaluation set; the questions that share their words stay questions.

@pytest.mark.parametrize("text", ["con hổng cần bản tin nữa đâu ad", "dẹp cái điểm tin đi nha",
                                  "thui khoi gui tin nua"])
def test_stop_in_regional_words_unsubscribes_and_twice_is_harmless(bot: BotHarness, text: str) -> None:
    ask(bot, "đăng ký")
    assert ask(bot, text)["text"] == render("sub_unsubscribed")
    assert not subscribers.is_subscribed(bot.redis, USER)
    assert ask(bot, text)["text"] == render("sub_not_subscribed")  # idempotent, as the exact command
    assert not subscribers.is_subscribed(bot.redis, USER)


@pytest.mark.parametrize("text", ["ghi tên tui vô danh sách nhận tin", "cho bác theo dõi kênh với"])
def test_subscribe_in_new_words_and_again_says_already(bot: BotHarness, text: str) -> None:
    first = ask(bot, text)
    assert subscribers.is_subscribed(bot.redis, USER)
    assert first["text"] == ask(bot, "đăng ký", user=OTHER)["text"]
    assert ask(bot, text)["text"] == ask(bot, "đăng ký", user=OTHER)["text"]  # the second time: already
    assert subscribers.is_subscribed(bot.redis, USER)


@pytest.mark.parametrize("text", ["bot xóa sạch những gì đã lưu về tui đi", "hủy hồ sơ của tui trên kênh"])
def test_erase_in_new_words_still_asks_first(bot: BotHarness, text: str) -> None:
    ask(bot, "đăng ký")
    assert ask(bot, text)["text"] == render("erase_ask").strip()
    assert subscribers.is_subscribed(bot.redis, USER)  # nothing deleted before the confirmation


@pytest.mark.parametrize(("plain", "exact"), [
    ("ad ơi hướng dẫn sử dụng giúp mình với ạ", "trợ giúp"), ("chỉ tui cách xài cái kênh này", "trợ giúp"),
    ("mới vô, chưa biết gì hết", "trợ giúp"), ("tuần này có tin gì mới không ad", "bản tin"),
    ("cho đọc điểm tin tuần này", "bản tin"),
])
def test_new_writers_get_the_commands_own_reply(bot: BotHarness, plain: str, exact: str) -> None:
    assert ask(bot, plain)["text"] == ask(bot, exact)["text"]


@pytest.mark.parametrize("text", ["xóa dữ liệu thì có hủy luôn đăng ký nhận tin không?",
                                  "tôi đã đăng ký nhận bản tin chưa?", "bản tin gửi vào ngày nào trong tuần?",
                                  "cách xóa dữ liệu trên điện thoại cũ trước khi bán",
                                  "tin nhắn báo trúng thưởng có phải lừa đảo không?", "menu tiệc cưới gồm mấy món"])
def test_questions_with_the_commands_words_are_not_executed(bot: BotHarness, text: str) -> None:
    assert_not_executed(bot, text)


# Round 9 (qa9d9): which button to press (the story and erase cases joined the tests above); written for these
# tests, not taken from an evaluation set.

def test_which_button_to_press_gets_the_help(bot: BotHarness) -> None:
    assert ask(bot, "ad ơi em phải bấm gì để dùng")["text"] == ask(bot, "trợ giúp")["text"]


@pytest.mark.parametrize("text", ["sao kênh không lưu được thông tin của tôi",
                                  "có câu chuyện gửi cho kênh thì có nhuận bút không",
                                  "đăng ký nhận thông báo dịch vụ công qua zalo", "bấm gì để hủy đăng ký"])
def test_round9_questions_near_the_commands_are_not_executed(bot: BotHarness, text: str) -> None:
    assert_not_executed(bot, text)

# Round 11 (qa11cmd): a long message that asks first and says why after, a stop said of a wait, and questions that
# use a command's words (a question said as such, another registration, a yes/no, a stop already done). Written for
# these tests, not taken from an evaluation set; phrase-level cases are in
# tests/unit/plain_commands/test_commands_by_word_class.py.

def test_a_long_message_that_asks_first_unsubscribes(bot: BotHarness) -> None:
    ask(bot, "đăng ký")
    text = ("Ad ơi ngưng gửi bản tin cho tui nghen, tại tui làm ca đêm ở xưởng, về tới nhà là ngủ luôn, "
            "mấy cái tin dài quá đọc hổng có nổi, để dành tiền mạng cho con nó học")
    assert ask(bot, text)["text"] == render("sub_unsubscribed")
    assert not subscribers.is_subscribed(bot.redis, USER)


@pytest.mark.parametrize("text", [
    ("Xóa hết dữ liệu của tui trên kênh đi ad, tui sắp đi làm xa, đổi qua số mới rồi, "
     "hổng muốn để lại cái gì hết trơn, con gái tui nói làm vậy cho chắc ăn"),
    # round 14 (qa14long): a letter whose reasons end on "ở đâu cả" (nowhere, no question); fails on main 15558d7
    ("Em chào anh chị, trước em có nhắn hỏi kênh vài câu và để lại số điện thoại. Giờ em muốn kênh xóa toàn bộ "
     "thông tin của em đang lưu ạ. Em cảm ơn, em đổi số rồi nên không muốn thông tin cũ nằm ở đâu cả."),
])
def test_erase_asked_first_in_a_long_message_still_asks_first(bot: BotHarness, text: str) -> None:
    ask(bot, "đăng ký")
    assert ask(bot, text)["text"] == render("erase_ask").strip()
    assert subscribers.is_subscribed(bot.redis, USER)  # nothing deleted before the confirmation


def test_what_the_erase_confirmation_protects(bot: BotHarness) -> None:
    """A question sent while the confirmation waits is not a yes: asked again, then kept; nothing erased."""
    ask(bot, "đăng ký")
    assert ask(bot, "xóa hết dữ liệu của tui nghen")["text"] == render("erase_ask").strip()
    assert ask(bot, "bản tin gửi vào thứ mấy?")["text"].startswith(render("erase_reask").strip()[:40])
    assert subscribers.is_subscribed(bot.redis, USER)


def test_a_stop_said_of_a_wait_gets_the_digest(bot: BotHarness) -> None:
    ask(bot, "đăng ký")
    assert ask(bot, "gửi bản tin tuần này đi ad, khỏi chờ tới cuối tuần")["text"] == ask(bot, "bản tin")["text"]
    assert subscribers.is_subscribed(bot.redis, USER)


@pytest.mark.parametrize("text", ["nhận bản tin thì phải làm sao?", "xóa dữ liệu cá nhân có mất tài khoản VNeID không?",
                                  "Thôi cho hỏi, đăng ký khai sinh online cần gì?",
                                  "đừng gửi mã OTP cho ai nhé, đúng không?", "tôi đã hủy đăng ký rồi sao còn nhận",
                                  "gửi câu chuyện cho kênh có bị lộ tên không", "hủy đăng ký sim chính chủ được không",
                                  "xóa dữ liệu của tôi thì còn hỏi bot được không"])
def test_round11_questions_with_a_commands_words_are_not_executed(bot: BotHarness, text: str) -> None:
    assert_not_executed(bot, text)

# Round 13 (qa13cmd): "có mấy" said of the citizen's own people, the citizen's phone number among what to erase, the
# channel named then "chỉ tui xài với"; questions naming the ministry ("Bộ Thông tin"), the citizen's own memory, a
# removal told. Written for these tests, not taken from an evaluation set; phrase-level cases are in
# tests/unit/plain_commands/test_commands_in_clause_windows.py.

def test_a_story_of_some_neighbours_starts_the_story(bot: BotHarness) -> None:
    text = "thôn tôi có mấy cụ già học dùng điện thoại hay lắm, tôi muốn gửi câu chuyện cho kênh"
    assert ask(bot, text)["text"] == render("story_ask_title").strip()


def test_erasing_the_name_and_phone_number_still_asks_first(bot: BotHarness) -> None:
    ask(bot, "đăng ký")
    assert ask(bot, "kênh xóa giúp tôi số điện thoại với tên đã lưu nhé")["text"] == render("erase_ask").strip()
    assert subscribers.is_subscribed(bot.redis, USER)  # nothing deleted before the confirmation


def test_a_polite_letter_asking_between_greeting_and_reasons_unsubscribes(bot: BotHarness) -> None:
    ask(bot, "đăng ký")
    text = ("Kính gửi ban quản trị kênh, tôi là cán bộ hưu trí ở xã Kim Sơn, tôi xin phép dừng nhận bản tin hàng tuần, "
            "vì mắt tôi giờ kém lắm, đọc chữ nhỏ trên điện thoại không được nữa. Trân trọng cảm ơn.")
    assert ask(bot, text)["text"] == render("sub_unsubscribed")
    assert not subscribers.is_subscribed(bot.redis, USER)


def test_the_channel_named_then_show_me_gets_the_help(bot: BotHarness) -> None:
    assert ask(bot, "kênh này nè, chỉ em xài với")["text"] == ask(bot, "trợ giúp")["text"]


@pytest.mark.parametrize("text", ["Bộ Thông tin và Truyền thông giờ bỏ rồi hả, nhập vô bộ nào",
                                  "tôi không nhớ thông tin về Ngày chuyển đổi số năm 2022, ad nhắc lại giùm",
                                  "sao tin nhắn của tui với kênh bị xóa hết vậy", "kênh có mấy người kể chuyện rồi vậy",
                                  "kênh có hướng dẫn chỉ tui xài ví điện tử không"])
def test_round13_questions_with_a_commands_words_are_not_executed(bot: BotHarness, text: str) -> None:
    assert_not_executed(bot, text)

# Round 14 (qa14long): a letter that tells a stop and then asks, without "?" (fails on main 15558d7; a long erase letter
# is a case of test_erase_asked_first_in_a_long_message_still_asks_first). Phrase-level cases are in
# tests/unit/plain_commands/test_commands_in_long_letters.py.

def test_a_letter_telling_a_stop_then_asking_is_a_question(bot: BotHarness) -> None:
    assert_not_executed(bot, "Trước đây tôi có theo dõi nhận tin hàng tuần của kênh, sau đó tôi dừng nhận tin vì bận. "
                             "Nay muốn biết năm 2025 Ngày Chuyển đổi số quốc gia có chủ đề gì, để nói chuyện với hội "
                             "nông dân xã")

# --- item 6: learn from the chat, under editors' control --------------------------------------------------

def run_cli(argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
            redis_url: str) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="dxbot")
    register(parser.add_subparsers(dest="command", required=True))
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    args = parser.parse_args(argv)
    code = args.func(args)
    return code, capsys.readouterr().out


def test_a_tapped_choice_is_learned_only_when_an_editor_accepts_it(
        bot: BotHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        base_env: dict[str, str]) -> None:
    question = "mục tiêu 2025"
    offer = ask(bot, question)
    assert offer["text"].startswith(QA_MESSAGES["did_you_mean"])
    title = buttons(offer)[0]["payload"]
    chosen = next(e for e in get_kb().entries if e.title == title)
    assert ask(bot, title)["text"].startswith(chosen.answer[:80])  # the tap is answered
    # a second citizen asks the same and taps the same; a third types something else (nothing recorded)
    ask(bot, question, OTHER)
    ask(bot, title, OTHER)
    ask(bot, question, "4444444444444444444")
    ask(bot, "ngày chuyển đổi số là ngày nào", "4444444444444444444")
    assert top_choices(bot.redis) == [(chosen.id, question, 2)]
    stored = b"".join(bot.redis.zrange(LEARN_KEY, 0, -1))
    assert USER.encode() not in stored and OTHER.encode() not in stored  # no user id

    # nothing is learned without the editor: the phrasings directory is still empty
    phrasings = tmp_path / "phrasings"
    code, out = run_cli(["kb", "learn", "--phrasings", str(phrasings)], monkeypatch, capsys,
                        base_env["REDIS_URL"])
    assert code == 0 and chosen.id in out and question in out and not phrasings.exists()
    code, out = run_cli(["kb", "learn", "--phrasings", str(phrasings), "--accept", "1"], monkeypatch, capsys,
                        base_env["REDIS_URL"])
    assert code == 0
    written = tomllib.loads((phrasings / f"{chosen.topic}.toml").read_text("utf-8"))
    assert written == {chosen.id: [question]}
    assert top_choices(bot.redis) == []  # reviewed pairs leave the list

    # the accepted phrasing now answers the question directly
    from bot.kb import load_kb
    learned = load_kb(None, phrasings_path=phrasings)
    result = learned.answer(question)
    assert result.confident and result.entry == chosen.id


# Round 6: a message that asks how *and* says it wants the thing done gets it done (the reply says how to undo
# it); the same how-question without the wish is answered by the knowledge base. Written for these tests.

@pytest.mark.parametrize("text", ["Tôi muốn nhận bản tin mỗi tuần, làm sao để nhận?",
                                  "làm sao để tuần nào cũng có tin, cho mình đăng ký luôn nhé"])
def test_asking_how_while_wanting_it_subscribes_with_the_undo_said(bot: BotHarness, text: str) -> None:
    message = ask(bot, text)
    assert subscribers.is_subscribed(bot.redis, USER)
    assert message["text"] == ask(bot, "đăng ký", user=OTHER)["text"]  # the command's own reply …
    assert "hủy đăng ký" in message["text"]  # … which says how to stop


@pytest.mark.parametrize("text", ["làm sao để nhận bản tin mỗi tuần?", "muốn nhận bản tin thì làm thế nào?",
                                  "cho tôi hỏi cách đăng ký nhận bản tin"])
def test_asking_how_alone_is_answered_not_executed(bot: BotHarness, text: str) -> None:
    message = ask(bot, text)
    assert not subscribers.is_subscribed(bot.redis, USER)
    assert message["text"] != ask(bot, "đăng ký", user=OTHER)["text"]
    entry = get_kb().by_id["kenh-dang-ky-ban-tin"]  # answered, or offered among "Ý bạn là…?"
    assert entry.answer[:40] in message["text"] or entry.title in [b["title"] for b in buttons(message)]


def test_asking_how_to_stop_while_wanting_it_unsubscribes(bot: BotHarness) -> None:
    ask(bot, "đăng ký")
    assert ask(bot, "mình muốn ngưng nhận bản tin, làm thế nào vậy?")["text"] == render("sub_unsubscribed")
    assert not subscribers.is_subscribed(bot.redis, USER)


def test_asking_how_to_erase_while_wanting_it_still_asks_first(bot: BotHarness) -> None:
    ask(bot, "đăng ký")
    assert ask(bot, "tôi muốn xóa hết dữ liệu của mình, làm sao?")["text"] == render("erase_ask").strip()
    assert subscribers.is_subscribed(bot.redis, USER)  # nothing deleted before the confirmation


@pytest.mark.parametrize(("question", "offer"), [
    ("làm sao để đăng ký nhận bản tin?", "subscribe"), ("làm thế nào để ngừng nhận bản tin?", "unsubscribe"),
])
def test_an_answer_explaining_a_command_offers_it_and_one_tap_does_it(bot: BotHarness, question: str,
                                                                     offer: str) -> None:
    if offer == "unsubscribe":
        ask(bot, "đăng ký")
    message = ask(bot, question)
    assert subscribers.is_subscribed(bot.redis, USER) == (offer == "unsubscribe")  # answered, not done
    tapped = {b["title"]: b["payload"] for b in buttons(message)}[render(f"answer_offer_{offer}")]
    ask(bot, tapped)
    assert subscribers.is_subscribed(bot.redis, USER) == (offer == "subscribe")


def test_every_offered_command_names_an_entry_a_command_and_a_title() -> None:
    offers = answer_offers()
    assert offers, "commands.toml [answer_offers] is empty"
    for entry_id, command in offers.items():
        assert entry_id in get_kb().by_id, entry_id
        assert phrases(command) and render(f"answer_offer_{command}")


def test_an_answer_that_explains_no_command_offers_none(bot: BotHarness) -> None:
    message = ask(bot, "Ngày Chuyển đổi số quốc gia là ngày nào?")
    offered = {render(f"answer_offer_{c}") for c in answer_offers().values()}
    assert not offered & {b["title"] for b in buttons(message)}


def test_a_look_alike_naming_a_province_the_entry_lacks_gets_choices_not_the_national_answer(
        bot: BotHarness) -> None:
    """Round 6: the national count is not the answer for one (old) province: the citizen is offered it, or told
    the channel does not know, with buttons; the national question is still answered."""
    message = ask(bot, "Ở Quảng Bình có bao nhiêu tổ công nghệ số cộng đồng vậy")
    assert entry_answer("tcns-so-luong") not in message["text"]
    assert message["text"].startswith((QA_MESSAGES["did_you_mean"], QA_MESSAGES["unknown"]))
    assert get_kb().by_id["tcns-so-luong"].title in [b["payload"] for b in buttons(message)]
    answered = ask(bot, "có bao nhiêu tổ công nghệ số cộng đồng")
    assert entry_answer("tcns-so-luong") in answered["text"]


def test_a_look_alike_naming_someone_the_kb_does_not_know_gets_buttons_not_the_answer(bot: BotHarness) -> None:
    """Round 8 (bot.kb.explained): the entry's own question about a district or a person the knowledge base never
    names is not answered with the national figure; the citizen gets "Ý bạn là…?", the apology or the
    out-of-scope reply, with the entry as a button. The plain question is still answered."""
    for text in ("Thành phố Thủ Đức có bao nhiêu tổ công nghệ số cộng đồng?",  # answered before round 8
                 "Huyện Mường Tè có bao nhiêu tổ công nghệ số cộng đồng?"):
        assert_offered_not_answered(bot, text, "tcns-so-luong")
    answered = ask(bot, "Cả nước có bao nhiêu tổ công nghệ số cộng đồng?")
    assert entry_answer("tcns-so-luong") in answered["text"]


def test_a_day_of_the_year_asked_is_not_answered_with_a_decision_signed_that_day(bot: BotHarness) -> None:
    """Round 27 (bot.kb.asks.dates): Decision 505 was signed on 22/4/2022, which makes 22/4 no day of every year; a
    citizen asking which day 22/4 is gets the decision offered as a button, not its answer. The day the decision
    made (10/10) is still answered."""
    assert_offered_not_answered(bot, "ngày 22/4 hằng năm là ngày gì", "ngay-cds-quyet-dinh-505")
    answered = ask(bot, "ngày 10/10 hằng năm là ngày gì")
    assert entry_answer("ngay-cds-la-ngay-nao") in answered["text"]


def test_a_letter_asking_a_members_sibling_gets_the_member_asked(bot: BotHarness) -> None:
    """Round 28 (bot.kb.siblings): the story names level 2 of a VNeID account, the question asks level 1 — the
    citizen gets level 1's answer (registered on the phone), not level 2's (go to the police); two sites compared
    ("c63 và t63 khác nhau") get both sites' entries as buttons, not the levels of VNeID, and tapping one answers it."""
    message = ask(bot, "Con trai tôi bảo muốn làm mức 2 thì phải lên công an xã chụp ảnh, lấy vân tay. Tôi già rồi "
                       "đi lại khó, vậy mức 1 thì tôi có phải đi đâu không?")
    assert message["text"].startswith(entry_answer("vneid-dang-ky-muc-1"))
    assert entry_answer("vneid-kich-hoat-muc-2") not in message["text"]
    compared = ask(bot, "c63 và t63 khác nhau thế nào")
    assert compared["text"].startswith(QA_MESSAGES["did_you_mean"])
    assert entry_answer("vneid-muc-1-khac-muc-2") not in compared["text"]
    offered = [b["payload"] for b in buttons(compared)]
    sites = [get_kb().by_id[i].title for i in ("55-bai-toan-cds", "21-cau-chuyen-cds")]
    assert sorted(offered) == sorted(sites)
    assert ask(bot, sites[0])["text"].startswith(entry_answer("55-bai-toan-cds"))


def test_a_date_asked_of_one_event_is_not_answered_with_another_events_date(bot: BotHarness) -> None:
    """Round 29 (bot.kb.held), narrowed in 29b: the story tells the single portal of 7/2025, the question asks when
    the portal opened — the citizen gets the launch (9/12/2019), or both offered, never the single portal alone; the
    provinces' merger told and the ministries' asked is never answered with the provinces' merger alone."""
    # round 29b: the launch is answered, or offered beside the single portal; never the single portal alone
    launch = ask(bot, "Từ 1/7/2025 chỉ dùng dichvucong.gov.vn, mà cổng này khai trương từ bao giờ nhỉ?")
    assert "9/12/2019" in launch["text"] or "Ý bạn là" in launch["text"]
    assert not launch["text"].startswith(entry_answer("dvcqg-mot-cong-2025"))
    merger = ask(bot, "Chính quyền hai cấp từ 1/7/2025, còn sáp nhập bộ thì từ ngày nào ạ?")
    assert not merger["text"].startswith(entry_answer("chinh-quyen-hai-cap-2025"))


def test_a_date_asked_twice_in_two_wordings_is_not_answered_with_the_storys_event(bot: BotHarness) -> None:
    """Round 30 (sib30, bot.kb.held.restated): the story tells the single portal of 7/2025, the question asks the
    portal's start twice ("có từ năm nào, khai trương hồi nào") — the second wording names the launch; the citizen
    is given the launch or both offered, never the single portal alone (it was: the first wording alone was checked)."""
    reply = ask(bot, "Ông nhà tôi kể từ tháng 7 năm 2025 làm thủ tục gì cũng chỉ cần một cổng duy nhất trên mạng. "
                     "Tôi thắc mắc cổng dịch vụ công quốc gia này có từ năm nào, khai trương hồi nào?")
    assert not reply["text"].startswith(entry_answer("dvcqg-mot-cong-2025"))
    assert "9/12/2019" in reply["text"] or "Ý bạn là" in reply["text"]


def test_a_subject_before_still_is_kept_with_the_question_it_asks(bot: BotHarness) -> None:
    """Round 30 (bot.nlp.clauses, "còn" still): the story names the national portal, the question asks until when
    the province's portal is still used — read with its subject, the citizen is never answered with the national
    portal's launch alone (it was: "còn dùng đến khi nào?" read without "cổng … của tỉnh")."""
    reply = ask(bot, "Cổng quốc gia có từ năm 2019 rồi, thế cổng dịch vụ công của tỉnh mình còn dùng đến khi nào?")
    assert not reply["text"].startswith(entry_answer("dvcqg-ra-doi"))
    assert "7/2025" in reply["text"] or "Ý bạn là" in reply["text"]


# Round 22 (cmd22): a stop bound to its clause, one issue refused, this issue asked now; the messages are the
# engineer's own
@pytest.mark.parametrize("text", ["bản tin tuần này thì thôi nha", "chưa cần bản tóm tắt tuần này đâu",
                                  "tuần này đừng gửi bản tin nha, tôi đi vắng",
                                  "muốn hủy đăng ký thì nhắn chữ gì?",
                                  "chị tôi bảo kênh gửi bản tin mỗi tuần, có thật không?"])
def test_one_issue_refused_or_a_question_stops_nothing_and_sends_nothing(bot: BotHarness, text: str) -> None:
    assert_not_executed(bot, text)


def test_a_request_that_says_what_it_spares_subscribes_and_a_stop_that_lasts_stops(bot: BotHarness) -> None:
    assert not subscribers.is_subscribed(bot.redis, USER)
    ask(bot, "đăng ký cho tôi nhận bản tin để khỏi phải xem web")
    assert subscribers.is_subscribed(bot.redis, USER)
    assert ask(bot, "khỏi gửi bản tin nữa nha")["text"] == render("sub_unsubscribed")
    assert not subscribers.is_subscribed(bot.redis, USER)


def test_this_issue_asked_now_gets_the_digest_without_subscribing(bot: BotHarness) -> None:
    digest = ask(bot, "bản tin")["text"]
    assert ask(bot, "gui tom tat tin nay cho minh")["text"] == digest
    assert not subscribers.is_subscribed(bot.redis, USER)


# Round 23 (tidy23): round 22's leftovers; the messages are the engineer's own or the cmd22 reviewer's
@pytest.mark.parametrize("text", ["bản tin tuần này tui coi luôn rồi, khỏi gửi lại nghen",
                                  "bản tin tuần này khỏi gửi nha, vĩnh viễn biết ơn kênh",
                                  "đổi số điện thoại thì bản tin còn gửi qua số này nữa không?",
                                  "kênh có xóa luôn bản lưu khi tôi hủy đăng ký không?"])
def test_for_good_said_elsewhere_or_a_look_alike_stops_nothing(bot: BotHarness, text: str) -> None:
    assert_not_executed(bot, text)


def test_the_digest_refused_for_this_number_stops_it(bot: BotHarness) -> None:
    ask(bot, "đăng ký")
    assert ask(bot, "khỏi gửi bản tin qua số này nha")["text"] == render("sub_unsubscribed")
    assert not subscribers.is_subscribed(bot.redis, USER)


def test_help_asked_with_the_asker_telling_after_it_gets_help(bot: BotHarness) -> None:
    assert ask(bot, "chỉ bà mấy chức năng nha, bà già rồi ấy")["text"] == ask(bot, "trợ giúp")["text"]


def test_the_channels_people_asked_to_erase_too_asks_to_confirm(bot: BotHarness) -> None:
    ask(bot, "đăng ký")
    message = ask(bot, "xóa thông tin của tôi trên kênh, đề nghị họ xóa luôn bản lưu")
    assert message["text"] == render("erase_ask").strip()
    assert subscribers.is_subscribed(bot.redis, USER)


# Round 24 (cmd24): the leftovers of the cmd22 and tidy23 reviews; the messages are the engineer's own or the reviewers'
@pytest.mark.parametrize("text", ["bản tin tuần này tui coi luôn rồi nên khỏi gửi lại nghen",
                                  "tuần này bỏ qua bản tin cho tôi nha",
                                  "tuần này bận quá trời luôn, bản tin thì thôi nha",
                                  "tuan nay dung gui ban tin nha, toi doc luon tren web roi",
                                  "dạ con cảm ơn, bản tin tuần này thì con xin thôi ạ",
                                  "bản tin tuần này thì khỏi, nhưng từ tuần sau vẫn gửi nha",
                                  "bản tin tuần này thì thôi, đăng ký cho tôi nhận từ tuần sau nhé"])
def test_one_issue_refused_neither_stops_nor_sends(bot: BotHarness, text: str) -> None:
    assert_not_executed(bot, text)


def test_a_stop_after_a_reason_joined_by_nen_still_stops(bot: BotHarness) -> None:
    ask(bot, "đăng ký")
    assert ask(bot, "đọc không kịp rồi nên khỏi gửi bản tin nữa nha")["text"] == render("sub_unsubscribed")
    assert not subscribers.is_subscribed(bot.redis, USER)


# Round 25 (cmd25): round 24's leftovers, each as a citizen sees it; the messages are the lane's own
@pytest.mark.parametrize("text", ["ad giúp tui được gì không?", "bot này bác dùng được không",
                                  "kênh này giúp nông dân được gì", "kênh này giúp được tôi những gì?"])
def test_help_asked_naming_the_asker_or_whom_it_serves_gets_the_menu(bot: BotHarness, text: str) -> None:
    assert ask(bot, text)["text"] == ask(bot, "trợ giúp")["text"]


def test_help_asked_with_money_lost_answers_the_problem_and_offers_the_menu(bot: BotHarness) -> None:
    message = ask(bot, "ad giúp em được gì không, em bị lừa mất tiền")
    assert entry_answer("npv-bi-lua-dao") in message["text"]  # what to do at once, not the list of commands
    assert render("answer_offer_help") in [b["title"] for b in buttons(message)]
    assert_not_executed(bot, "ad giúp em được gì không, em bị lừa mất tiền")  # no story, nothing stopped or sent
    assert render("answer_offer_help") not in [b["title"] for b in buttons(ask(bot, "em bị lừa mất tiền rồi"))]


def test_the_menu_offered_beside_the_problem_opens_the_menu(bot: BotHarness) -> None:
    message = ask(bot, "ad giúp em được gì không, em bị lừa mất tiền")
    offered = next(b for b in buttons(message) if b["title"] == render("answer_offer_help"))
    assert ask(bot, offered["payload"])["text"] == ask(bot, "trợ giúp")["text"]


def test_the_digest_refused_then_a_story_told_starts_the_story(bot: BotHarness) -> None:
    ask(bot, "đăng ký")
    text = "bản tin tuần này thì thôi, kể chuyện này cho kênh nè: ông tui học xài VNeID"
    assert ask(bot, text)["text"] == render("story_ask_title").strip()
    assert subscribers.is_subscribed(bot.redis, USER)


def test_an_issue_not_received_is_answered_not_resent(bot: BotHarness) -> None:
    # round 25 sent the digest to the resend; the review of cmd25 (H1) found the rule sent it to refusals too: reverted.
    # Round 27 sends it to the resend alone (test_a_missed_issue_asked_again_is_sent below); these stay answers
    digest = ask(bot, "bản tin")["text"]
    for text in ("em chưa nhận được bản tin tuần này", "em chưa nhận được bản tin tuần này, ad đừng gửi lại nha",
                 "chưa nhận được bản tin tuần này, có cần gửi lại không"):
        assert ask(bot, text)["text"] != digest


def test_a_letter_wishing_the_digest_then_asking_bare_subscribes(bot: BotHarness) -> None:
    ask(bot, "Tui ở Quảng Nam, nghe bà con nói kênh có gửi bản tin chuyển đổi số mỗi tuần, tui cũng muốn nhận mà "
             "không biết làm sao. Kênh đăng ký cho tui luôn nghe.")
    assert subscribers.is_subscribed(bot.redis, USER)


def test_a_letter_wishing_a_benefit_the_digest_told_of_does_not_subscribe(bot: BotHarness) -> None:
    ask(bot, "Tui đọc bản tin tuần rồi thấy nói có hỗ trợ tiền cho hộ nghèo, tui cũng muốn nhận mà không biết làm sao. "
             "Kênh đăng ký cho tui luôn nghe.")
    assert not subscribers.is_subscribed(bot.redis, USER)


def test_unmarked_dung_gui_for_this_issue_keeps_the_subscription(bot: BotHarness) -> None:
    assert_not_executed(bot, "dung gui ban tin tuan nay")


# Round 26 (cmd26): the review of cmd25's H5 and M2, as a citizen sees them; the messages are the lane's and the
# reviewer's own
@pytest.mark.parametrize("text", ["bản tin tuần này thì thôi nha, tui muốn gửi kênh một câu chuyện",
                                  "không cần gửi bản tin tuần này đâu, tui muốn gửi câu chuyện",
                                  "tui gửi câu chuyện về ông nội, bản tin tuần này thì thôi"])
def test_the_digest_refused_then_a_story_sent_starts_the_story_and_sends_no_digest(bot: BotHarness, text: str) -> None:
    digest = ask(bot, "bản tin")["text"]
    ask(bot, "đăng ký")
    message = ask(bot, text)
    assert message["text"] == render("story_ask_title").strip()
    assert digest not in [m["text"] for m in bot.messages(USER)[-2:]]
    assert subscribers.is_subscribed(bot.redis, USER)


@pytest.mark.parametrize("text", ["bản tin tuần này thì thôi, gửi câu chuyện có được nhuận bút không",
                                  "bản tin tuần này thì thôi, gửi tui câu chuyện ông Ba đi"])
def test_the_digest_refused_then_a_story_asked_about_is_no_command(bot: BotHarness, text: str) -> None:
    digest = ask(bot, "bản tin")["text"]
    assert_not_executed(bot, text)
    assert last(bot)["text"] != digest


@pytest.mark.parametrize("text", ["ad giúp được gì không, em chuyển nhầm tiền cho người lạ",
                                  "ad giúp em được gì không, em muốn làm hộ chiếu",
                                  "ad giúp em được gì không, con em bị sốt cao"])
def test_help_asked_with_any_need_answers_it_and_offers_the_menu(bot: BotHarness, text: str) -> None:
    menu = ask(bot, "trợ giúp")["text"]
    message = ask(bot, text)
    assert message["text"] != menu
    offered = next(b for b in buttons(message) if b["title"] == render("answer_offer_help"))
    assert ask(bot, offered["payload"])["text"] == menu
    assert_not_executed(bot, text)


@pytest.mark.parametrize("text", ["ad giúp em được gì không, em mới vào kênh", "ad giúp em được gì không, em cảm ơn"])
def test_help_asked_with_courtesy_or_as_a_newcomer_gets_the_menu(bot: BotHarness, text: str) -> None:
    assert ask(bot, text)["text"] == ask(bot, "trợ giúp")["text"]


# Round 27 (cmd27): the three commands cmd26 left, as a citizen sees them; the messages are the lane's and the round-25
# reviewer's own
@pytest.mark.parametrize("text", ["em chưa nhận được bản tin tuần này, gửi lại cho em nhé",
                                  "chua nhan duoc ban tin tuan nay, ad goi lai cho tui voi"])
def test_a_missed_issue_asked_again_is_sent(bot: BotHarness, text: str) -> None:
    digest = ask(bot, "bản tin")["text"]
    assert ask(bot, text)["text"] == digest


@pytest.mark.parametrize("text", ["em chưa nhận được bản tin tuần này, gửi lại hồ sơ cho em nhé",
                                  "em chưa nhận được bản tin tuần này, kênh gửi lại hả"])
def test_another_thing_resent_or_the_resend_asked_about_sends_nothing(bot: BotHarness, text: str) -> None:
    digest = ask(bot, "bản tin")["text"]
    assert_not_executed(bot, text)
    assert last(bot)["text"] != digest


def test_unmarked_bo_het_of_the_askers_data_asks_to_confirm_the_erase(bot: BotHarness) -> None:
    assert ask(bot, "bo het thong tin cua minh di")["text"] == render("erase_ask").strip()


@pytest.mark.parametrize("text", ["em bỏ hết thông tin vào đơn rồi mà không gửi được",
                                  "bỏ hết giấy tờ khi làm căn cước à?"])
def test_bo_het_of_something_else_erases_nothing(bot: BotHarness, text: str) -> None:
    assert_not_executed(bot, text)


@pytest.mark.parametrize("text", ["khong can gui ban tin tuan nay, gui chuyen khoan cho tui",
                                  "khỏi gửi bản tin tuần này, gửi mã otp lại cho tui"])
def test_the_digest_refused_then_something_else_sent_sends_nothing_and_starts_no_story(bot: BotHarness,
                                                                                      text: str) -> None:
    digest = ask(bot, "bản tin")["text"]
    assert_not_executed(bot, text)
    assert last(bot)["text"] != digest


# Round 28 (cmd28): the three commands cmd27 left, as a citizen sees them; the messages are the lane's own and dev27a's
@pytest.mark.parametrize("text", ["em chưa nhận được bản tin tuần này, gửi lại cho em được không?",
                                  "chua nhan duoc ban tin tuan nay, gui lai cho e dc ko ad?"])
def test_a_missed_issue_asked_again_politely_is_sent(bot: BotHarness, text: str) -> None:
    digest = ask(bot, "bản tin")["text"]
    assert ask(bot, text)["text"] == digest


@pytest.mark.parametrize("text", ["chưa nhận được bản tin tuần này thì kênh có gửi lại được không ad",
                                  "em chưa nhận được mã OTP, gửi lại cho em được không?"])
def test_whether_it_may_be_resent_or_another_thing_resent_politely_sends_nothing(bot: BotHarness, text: str) -> None:
    digest = ask(bot, "bản tin")["text"]
    assert_not_executed(bot, text)
    assert last(bot)["text"] != digest


@pytest.mark.parametrize("text", ["không cần gửi mỗi tuần, chỉ gửi bản tin tuần này cho tôi",
                                  "gửi mỗi bản tin tuần này thôi"])
def test_this_issue_asked_for_alone_is_sent_and_the_subscription_kept(bot: BotHarness, text: str) -> None:
    digest = ask(bot, "bản tin")["text"]
    ask(bot, "đăng ký")
    assert ask(bot, text)["text"] == digest
    assert subscribers.is_subscribed(bot.redis, USER)


def test_the_issue_refused_is_still_not_sent(bot: BotHarness) -> None:
    digest = ask(bot, "bản tin")["text"]
    ask(bot, "đăng ký")
    assert ask(bot, "bản tin tuần này thì thôi nha ad")["text"] != digest
    assert subscribers.is_subscribed(bot.redis, USER)


def test_a_question_beside_the_help_request_is_answered_and_offers_the_menu(bot: BotHarness) -> None:
    menu = ask(bot, "trợ giúp")["text"]
    text = ("Bạn bè trên Zalo gửi cho cô cái kênh Chuyển đổi số quốc gia này, cô bấm quan tâm rồi. Kênh này lập ra để "
            "làm gì, cô có thể góp gì cho kênh không con?")
    message = ask(bot, text)
    assert message["text"] != menu
    offered = next(b for b in buttons(message) if b["title"] == render("answer_offer_help"))
    assert ask(bot, offered["payload"])["text"] == menu
    assert_not_executed(bot, text)


def test_help_asked_by_a_newcomer_who_just_followed_the_channel_gets_the_menu(bot: BotHarness) -> None:
    menu = ask(bot, "trợ giúp")["text"]
    assert ask(bot, "bot ni làm được những chi rứa, chỉ em với, em mới bấm quan tâm kênh")["text"] == menu


# Round 28 (cmd28b): a question about the digest itself said with a command's words is answered, nothing done
def test_asking_how_many_issues_a_week_subscribes_no_one(bot: BotHarness) -> None:
    digest = ask(bot, "bản tin")["text"]
    message = ask(bot, "mỗi tuần kênh gửi mấy bản tin vậy")
    assert message["text"] not in {digest, render("sub_unsubscribed")}
    assert not subscribers.is_subscribed(bot.redis, USER)


@pytest.mark.parametrize("text", ["kênh chỉ gửi bản tin mỗi tuần một lần thôi hả",
                                  "tại sao chỉ gửi bản tin tuần này thôi mà không gửi tuần trước?"])
def test_asking_how_often_or_why_stops_and_sends_nothing(bot: BotHarness, text: str) -> None:
    digest = ask(bot, "bản tin")["text"]
    assert_not_executed(bot, text)
    assert last(bot)["text"] != digest


# Round 29 (cmd29): what round 28 left, and a request for a piece of information, as a citizen sees them
def test_an_elder_just_following_the_channel_who_asks_what_it_does_gets_the_menu(bot: BotHarness) -> None:
    menu = ask(bot, "trợ giúp")["text"]
    text = "Bác mới bấm quan tâm kênh này, không biết nó làm được những việc gì, cháu chỉ bác với"
    assert ask(bot, text)["text"] == menu


def test_asking_whether_last_weeks_issue_is_kept_erases_nothing(bot: BotHarness) -> None:
    assert_not_executed(bot, "bản tin tuần trước kênh còn lưu không hay xóa rồi")
    assert last(bot)["text"] != render("erase_ask").strip()


def test_some_recent_issues_asked_for_are_sent(bot: BotHarness) -> None:
    digest = ask(bot, "bản tin")["text"]
    assert ask(bot, "gửi tui mấy số bản tin gần đây")["text"] == digest


def test_an_address_asked_for_sending_a_story_starts_no_story(bot: BotHarness) -> None:
    assert_not_executed(bot, "cho xin địa chỉ gửi câu chuyện qua email")


def test_a_stop_asked_for_with_cho_xin_still_stops(bot: BotHarness) -> None:
    ask(bot, "đăng ký")
    assert ask(bot, "cho tôi xin hủy đăng ký bản tin")["text"] == render("sub_unsubscribed")


# Round 31 (amb31): a near tie both readers settle
def test_a_tie_both_readers_settle_is_answered(bot: BotHarness) -> None:
    """Round 31 (bot/kb/decision.py, floors): the channel's name and who runs it tie on words; the top entry says more
    of the question and the intent reader names it too, so the name is answered, not offered beside its neighbour."""
    message = ask(bot, "kênh zalo cđs nhà nước tên gì thế")
    assert message["text"].startswith(entry_answer("kenh-la-gi")), message["text"]


# Round 30 (cmdkb30): a letter ending in a request for a piece of information, and a device's data erased, as a
# citizen sees them
def test_a_letter_ending_in_a_request_for_the_portals_address_gets_it(bot: BotHarness) -> None:
    text = ("Chú làm ruộng cả đời, tháng nào cũng lên xã làm giấy tờ gì đó. Hôm qua anh cán bộ bảo giờ thủ tục gì cũng "
            "làm trên mạng cho nhanh. Thằng út nhà chú mở máy mà nó cũng không biết vô trang nào. Cho chú xin cái địa "
            "chỉ trang dịch vụ công quốc gia với, chú ghi vô sổ.")
    assert ask(bot, text)["text"].startswith("Cổng Dịch vụ công quốc gia có địa chỉ dichvucong.gov.vn")


@pytest.mark.parametrize("text", [
    "máy tui chậm quá, tui xóa hết dữ liệu rồi mà không ăn thua",
    "may cua em bi do hoai, em xoa du lieu roi ma van cham",
])
def test_the_asker_erasing_a_slow_phones_data_erases_nothing(bot: BotHarness, text: str) -> None:
    assert_not_executed(bot, text)
    assert last(bot)["text"] != render("erase_ask").strip()


# Round 31 (content31): an entry that says the second fact a citizen asks beside its own (fact sheet: VNeID's user
# name is the 12-digit personal ID number; Project 06's five utility groups and its 2023–2025 target)
def test_asking_what_vneid_is_and_its_user_name_gets_both(bot: BotHarness) -> None:
    reply = ask(bot, "cô hỏi cái VNeID là gì, đăng nhập bằng số nào vậy con")["text"]
    assert "Bộ Công an" in reply and "12 số" in reply


def test_what_project_06_is_says_its_target_and_utility_groups(bot: BotHarness) -> None:
    reply = ask(bot, "Đề án 06 là gì vậy ad")["text"]
    assert "6/1/2022" in reply and "100%" in reply and "công dân số" in reply


# Round 32 (content32): what the channel asks of its readers (the founding article's closing paragraph: share the
# article and the channel, send real stories), and the minister of the ministry a citizen asks about
def test_asking_what_the_channel_wants_of_people_gets_its_request(bot: BotHarness) -> None:
    reply = ask(bot, "kênh này kêu gọi bà con mình làm gì vậy ad")["text"]
    assert "chia sẻ" in reply and "câu chuyện" in reply


def test_asking_which_ministry_runs_the_dx_agency_names_its_minister(bot: BotHarness) -> None:
    reply = ask(bot, "Cục Chuyển đổi số quốc gia bây giờ trực thuộc bộ nào vậy?")["text"]
    assert "Khoa học và Công nghệ" in reply and "Nguyễn Mạnh Hùng" in reply


def test_a_population_forecast_for_a_target_year_gets_the_out_of_scope_reply(bot: BotHarness) -> None:
    reply = ask(bot, "Dân số Việt Nam năm 2030 sẽ là bao nhiêu người?")["text"]
    assert reply == render("out_of_scope", you="bạn", You="Bạn", me="kênh")


# Round 33 (content33): the DX Day's purpose names the programme it speeds up (fact sheet: Decision 505 — speed up
# the 749 programme), and the channel's request to its readers asked in the words "kênh mong bạn đọc"
def test_asking_what_the_dx_day_is_for_names_programme_749(bot: BotHarness) -> None:
    reply = ask(bot, "ngày chuyển đổi số quốc gia đặt ra nhằm mục đích gì vậy ad")["text"]
    assert "749" in reply and "nâng cao nhận thức" in reply


def test_asking_what_the_channel_hopes_readers_do_gets_its_request(bot: BotHarness) -> None:
    reply = ask(bot, "kenh nay mong ban doc lam gi vay")["text"]
    assert "chia sẻ" in reply and "câu chuyện" in reply


def test_a_letter_heading_its_question_is_answered_the_question(bot: BotHarness) -> None:
    """Round 32 (bot.kb.heading): "Tôi muốn biết … thế nào." heads the question after it, which points back at it
    ("mục tiêu này"); the citizen sees the 2030 share of GDP, not another plan's target."""
    reply = ask(bot, "Em muốn biết nhà nước đặt mục tiêu thế nào. Năm 2030 kinh tế số chiếm bao nhiêu phần GDP, và "
                     "mục tiêu này nằm ở văn bản nào ạ?")
    assert reply["text"].startswith(entry_answer("ct-kinh-te-so-30-gdp-2030"))
    assert "30%" in reply["text"]


# Round 32 (amb32): an emoji is punctuation in chat (bot/kb/question_part.py); the story on its other side is not asked
@pytest.mark.parametrize(("text", "entry"), [
    ("3 tru cot chuyen doi so gom nhung gi v ad 😅 e cay lua o Tam Nong Đồng Tháp, hoi nong dan xa bat hoc ma e "
     "quen sach", "ba-tru-cot-cds"),
    ("Thôn e ở tận Mường Tè, mạng chập chờn quá trời 😩 cho e hỏi theo kế hoạch tới năm 2025 cáp quang phải tới bn % "
     "hộ gia đình vs bn % xã vậy ad", "ct-2025-xa-hoi-so"),
])
def test_a_question_an_emoji_cuts_from_the_story_is_answered(bot: BotHarness, text: str, entry: str) -> None:
    assert ask(bot, text)["text"].startswith(entry_answer(entry))


def test_a_look_alike_an_emoji_cuts_from_the_story_is_still_refused(bot: BotHarness) -> None:
    """The question after the emoji asks about number plates, which the channel does not answer."""
    message = ask(bot, "Giờ Bạc Liêu nhập vô Cà Mau rồi phải hông 🤔 cho hỏi biển số xe có phải đổi không")
    assert message["text"] == render("out_of_scope", you="bạn", You="Bạn", me="kênh")


# Round 32 (select32): a long letter's candidates come from every rare word it says, not the 24 rarest, so a story full
# of places, jobs and relatives no longer keeps the entry of the subject it asks about out of the ranking
def test_a_letter_whose_story_names_many_people_and_places_still_offers_the_portals_launch(bot: BotHarness) -> None:
    text = ("Chú làm thợ hồ ở Bình Định, vợ chú bán bánh xèo, thằng út đi lính ở Kon Tum, con gái lấy chồng ở Gia Lai. "
            "Ở xã có người nói mấy năm nay có cổng dịch vụ công quốc gia, làm thủ tục khỏi đi lại. Cái đó mở ra từ hồi "
            "nào vậy?")
    message = ask(bot, text)
    launched = get_kb().by_id["dvcqg-ra-doi"]
    assert launched.title in [b["payload"] for b in buttons(message)] or entry_answer(launched.id) in message["text"]


def test_an_index_target_asked_of_two_years_in_turn_gets_both(bot: BotHarness) -> None:
    """Round 33 (bot.kb.several.years_in_turn): "EGDI … năm 2025 … top mấy, tới 2030 … top mấy" asks one index's
    target of two years; the citizen sees both (top 70 and top 50), not the 2025 targets with 2030 behind a button."""
    reply = ask(bot, "xep hang chinh phu dien tu EGDI muc tieu nam 2025 la nhom may, den 2030 la nhom may")["text"]
    said = reply.split("Nguồn:")[0]  # the answer itself, not a source's title
    assert "nhóm 70" in said and "nhóm 50" in said


# Round 33 (rank33): a long letter's asking sentences are read again beside the whole letter by the intent reader, so a
# story of a market stall and a daughter's school no longer reads, over the whole letter, as the off-topic class
def test_a_market_stall_story_before_a_question_of_the_years_theme_is_answered(bot: BotHarness) -> None:
    text = ("Chị bán bún riêu ở chợ Đồng Xuân hơn hai chục năm, sáng nào cũng dậy từ ba giờ, chồng chị chở hàng bằng "
            "xe máy. Con bé nhà chị học lớp chín, về kể cô giáo dặn cả lớp tìm hiểu khẩu hiệu của ngày chuyển đổi số "
            "để làm báo tường. Chủ đề của Ngày chuyển đổi số quốc gia năm 2023 là gì em ơi?")
    assert ask(bot, text)["text"].startswith(entry_answer("ngay-cds-chu-de-2023"))


# Round 34 (content34): facts the knowledge base held in other words than citizens use. Fibre broadband's reach of the
# villages quoted at the 2025 Day, asked as "băng rộng cáp quang" with the Southern village unit "ấp" (the 2025
# target's entry says "cáp quang" too, and the two tied); a team's members asked together with its work.
def test_fibre_broadband_reach_of_the_villages_gets_the_2025_figure(bot: BotHarness) -> None:
    reply = ask(bot, "băng rộng cáp quang giờ tới bao nhiêu phần trăm thôn ấp rồi, nhà tui mới kéo dây")["text"]
    assert reply.startswith(entry_answer("ngay-cds-2025-so-lieu")), reply
    assert "99,3%" in reply


def test_asking_who_is_in_a_community_team_also_says_what_the_team_does(bot: BotHarness) -> None:
    reply = ask(bot, "Tổ công nghệ số gồm những ai và làm những việc gì?")["text"]
    assert "trưởng thôn" in reply and "dịch vụ công trực tuyến" in reply


def test_asking_which_company_made_the_portal_names_vnpt(bot: BotHarness) -> None:
    assert "VNPT" in ask(bot, "cty nào làm cổng dịch vụ công quốc gia vậy ad, tui thấy đẹp ghê")["text"]
