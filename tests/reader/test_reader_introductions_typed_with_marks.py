"""Who introduces themself before a comma, read as typed (``bot.nlp.introductions``, words in
content/introductions.toml): a word typed with its marks counts only with the same marks ("Tổ", "Có", "Đi", "Còn",
"Chỉ" fold like "tớ", "cô", "dì", "con", "chị" but introduce no one); typed without marks, the everyday look-alikes
("to", "co", "di", "con", "chi") introduce only in a clause that asks nothing. "… cũng chưa biết gì" knows nothing:
no wish to know (``bot.kb.message.wonders``)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.message import wonders
from bot.nlp.introductions import introduces, only_introduces, without_introduction

pytestmark = pytest.mark.unit

_CONTENT = Path(__file__).resolve().parents[2] / "content" / "introductions.toml"


@pytest.mark.parametrize("left", [
    "Tổ làm những việc gì", "Tổ hay làm gì", "Có bán ở đâu", "Đi làm ở đâu", "Còn làm ở xã", "Chỉ làm trên mạng thôi",
    "to lam nhung viec gi", "co ban o dau", "di lam o dau", "con lam o buu dien duoc ko",
])
def test_look_alikes_of_a_person_introduce_no_one(left: str) -> None:
    assert not introduces(left)
    assert not only_introduces(left)


@pytest.mark.parametrize("left", [
    "e chạy xe ôm ở Bình Dương", "tui lam ruong o Dong Thap", "chị buôn vải ở chợ Đồng Xuân", "Tớ làm ở xã",
    "to lam o xa Tan Phu", "chi ban rau o cho", "co day o truong tieu hoc", "Cô dạy ở trường", "Em thì đang làm ở xã",
    "mik bán quần áo onl ở ST",
])
def test_the_asker_introducing_themself_is_read(left: str) -> None:
    assert introduces(left)


def test_an_asking_clause_opened_by_a_look_alike_is_kept() -> None:
    asks = ["Tổ làm những việc gì", "Tổ gồm những ai?"]
    assert without_introduction(asks, asks) == asks
    asks = ["e ban dau phu o cho", "ngay chuyen doi so la ngay nao?"]  # "dau" (đậu) after a real introduction
    assert without_introduction(asks, asks) == asks[1:]


def test_the_words_live_in_content() -> None:
    data = tomllib.loads(_CONTENT.read_text(encoding="utf-8"))
    assert {"who", "between", "life", "ambiguous_unmarked", "asks"} <= set(data)
    assert "tổ" not in data["who"] and "tớ" in data["who"]


@pytest.mark.parametrize(("question", "first", "second"), [
    ("to lam nhung viec gi, to gom nhung ai?", "tcns-nhiem-vu", "tcns-thanh-vien"),
    ("to lam j. de an 06 la gi?", "tcns-nhiem-vu", "de-an-06-la-gi"),
])
def test_a_question_opened_by_a_look_alike_is_asked(real_kb: KnowledgeBase, question: str, first: str,
                                                     second: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == first
    assert second in answer.choice_entries


def test_both_questions_opened_by_a_look_alike_are_shown(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Tổ làm những việc gì. Tổ gồm những ai?")  # "Tổ làm …" was read as "tớ làm …"
    assert answer.confident and {answer.entry, *answer.choice_entries} >= {"tcns-nhiem-vu", "tcns-thanh-vien"}


def test_knowing_nothing_asks_nothing() -> None:
    assert not wonders("Tụi bạn em ở mấy trường khác cũng chưa biết gì")
    assert not wonders("bà con không hiểu gì hết")
    assert wonders("Tôi cài rồi nhưng chưa biết ai làm ra cái ứng dụng này")
    assert wonders("em chưa biết VNeID là gì")


# Review of round 19, H1: a place or market name after the verb ("Hà", "Hồng", "Hạ", "chợ đầu mối", "chùa") is no
# question word, and a "Con …" typed among marked words is a child introducing themself
@pytest.mark.parametrize("left", [
    "Con bán hàng ở chợ Hồng Ngự", "Con làm ở Hà Nội", "Con chạy xe ôm ở Hạ Long", "Con làm ở chùa Bái Đính",
    "chi ban rau o cho ha dong", "ba ban tap hoa o ha nam", "con lam o ha noi", "con ban hang o cho dau moi",
    "co day o truong ha noi", "con o xa hong phong",
])
def test_a_place_named_after_the_verb_asks_nothing(left: str) -> None:
    assert introduces(left)


@pytest.mark.parametrize("left", [
    "co ban o dau", "di lam o dau vay", "to lam nhung viec gi", "con lam o xa duoc hong", "Co làm ở xã được không",
])
def test_an_unmarked_look_alike_asking_at_the_end_introduces_no_one(left: str) -> None:
    assert not introduces(left)


@pytest.mark.parametrize(("question", "entry"), [
    ("Con bán hàng ở chợ Hồng Ngự, thanh toán không dùng tiền mặt là gì?", "thanh-toan-khong-dung-tien-mat"),
    ("chi ban rau o cho ha dong, vneid la gi?", "vneid-la-gi"),
    ("ba ban tap hoa o ha nam, vneid la gi?", "vneid-la-gi"),
    ("Con làm ở Hà Nội, VNeID là gì vậy?", "vneid-la-gi"),
    ("Con chạy xe ôm ở Hạ Long, kinh tế số là gì?", "kinh-te-so-la-gi"),
    ("Con làm ở chùa Bái Đính, chữ ký số là gì?", "chu-ky-so-la-gi"),
    ("Con ở xã Hồng Phong, tổ công nghệ số cộng đồng gồm những ai?", "tcns-thanh-vien"),
    ("con ban hang o cho dau moi, chuyen doi so la gi vay?", "cds-la-gi"),
])
def test_an_introduction_naming_a_place_leaves_the_question_answered(real_kb: KnowledgeBase, question: str,
                                                                     entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and not answer.out_of_scope and answer.entry == entry


# Review of round 19, L2/M1: the set test above passes with the second question answered first. The order is pinned
# here; with marks the first clause ("Tổ làm những việc gì") is read unsure (ambiguous) inside the message though
# confident alone, so the members are answered and the tasks offered. Known, not yet fixed.
@pytest.mark.parametrize("question", [
    "Tổ làm những việc gì, tổ gồm những ai?", "Tổ làm những việc gì. Tổ gồm những ai?",
])
def test_the_first_of_two_marked_questions_is_answered_first(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "tcns-nhiem-vu"
    assert answer.choice_entries[:1] == ["tcns-thanh-vien"]
