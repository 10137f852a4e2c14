"""An emoji typed where a question ends, without letting an off-topic look-alike through (round 34, emoji34).

``bot.nlp.keyboard_habits.ends_questions`` reads an emoji right after a question as the question's end; after a story
it ends nothing. ``bot.kb.parted`` measures the parted letter's answer once more with the off-topic readers over the
letter as typed. Measured here on the knowledge base itself: look-alikes of my own (a story and a short question
with the channel's words, parted by an emoji or an emoticon, about something else), and every off-topic letter of the
tuned sets that has an emoji or emoticon between two words.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import bot.kb.engine as engine
from bot.kb import get_kb
from bot.kb.parted import leans_out
from bot.nlp.keyboard_habits import as_typed_apart, ends_questions

# Off-topic letters of my own: a story or an afterthought and a short question with the channel's words (a day, a
# number, an account, a hotline, "đăng ký ở đâu"), an emoji or an emoticon between them.
LOOK_ALIKES = [
    # the story first, the question after the emoji leaning on it
    "hôm qua ra ngân hàng rút tiền bị máy ATM nuốt thẻ mất tiêu 😰 giờ lấy lại thẻ thế nào ạ",
    "the atm vietcombank cua e bi may nuot o cay xang roi 😭 lam sao lay lai dc z ad",
    "tháng này ngân hàng trừ phí duy trì tài khoản 11 nghìn 😤 phí đó bao nhiêu một năm vậy ad",
    "e chuyen khoan qua app ngan hang ma bi tru phi 2 lan 😡 phi chuyen tien lien ngan hang la bn z",
    "nhà mạng cứ nhắn tin mời gói cước mới hoài 😅 gói 5G rẻ nhất bao nhiêu tiền một tháng ad",
    "sim e het data giua thang hoai 😩 dang ky goi 4G thang thi soan tin gi z",
    "tối qua xem bóng đá ở quán cà phê đông nghẹt 😂 trận chung kết diễn ra ngày nào vậy mn",
    "doi tuyen VN thang Thai 3-2 sướng quá ⚽ trận tới đá ngày mấy vậy ad",
    "sáng nay mua vé số dạo của bà cụ 🙏 xổ số miền bắc hôm nay về số mấy ad",
    "bên Thái Lan nghe nói cũng có ngày số hóa quốc gia 😮 bên đó tổ chức ngày nào vậy ad",
    "Singapore làm smart nation hay quá 😍 bên đó có bao nhiêu dịch vụ công trực tuyến v ad",
    "Hàn Quốc chính phủ điện tử đứng top đầu thế giới 👍 họ bắt đầu từ năm nào vậy mn",
    "hội chợ chuyển đổi số của Thái Lan năm nay to lắm 😍 tổ chức ngày nào vậy mn",
    "mẹ e dạy nấu phở mà e quên công thức 😅 nước dùng nấu mấy tiếng thì ngon ạ",
    "mai nhà e tổ chức đám cưới ngoài trời ☔ ngày 10/10 ở Hà Nội có mưa không ad",
    "bão sắp vào miền Trung rồi 🌊 bão số mấy vậy mn",
    "facebook e bi hack mat roi 😭 lay lai tai khoan fb the nao z ad",
    "e quên mật khẩu gmail mà sđt cũ mất rồi 😢 lấy lại tài khoản sao ạ",
    "tk tiktok e bi khoa vi dang video 😩 mo lai tk ntn ad",
    "zalo cua e bi khoa roi 😭 mo lai tai khoan the nao ad",
    "giá vàng hôm nay tăng quá trời 😱 vàng 9999 bao nhiêu một chỉ vậy ad",
    "tiền điện tháng này nhà e lên 2 triệu 😤 tra cứu hóa đơn điện ở đâu ad",
    "e định đi du lịch Nhật mà chưa có visa 🤔 xin visa nhật online ở trang nào ad",
    "thẻ bảo hiểm y tế của ba e hết hạn rồi 😥 gia hạn bhyt ở đâu ạ",
    "gọi xe grab mà tài xế hủy hoài 😤 số tổng đài grab là số mấy ad",
    "tối qua xem phim trên vtv hay quá 😍 tập cuối chiếu ngày nào vậy ad",
    "e đang tìm việc làm ở Bình Dương 😊 công ty Samsung tuyển công nhân đăng ký ở đâu ad",
    "ngân hàng bắt xác thực sinh trắc học 😤 làm trên app thế nào vậy ad",
    "ngân hàng e ra app mới :D đăng nhập bằng vneid được không ad",
    "con gái e học lớp 3 =)) bài toán này giải sao ad",
    "mất ví ở chợ rồi :(( làm lại bằng lái xe ở đâu ạ",
    "e làm bài tập tin học lớp 6 =)) câu này làm sao ad",
    # the question first, what it is about told after the emoji
    "tổng đài số mấy vậy ad 😰 thẻ atm agribank của e bị nuốt",
    "ngày nào tổ chức vậy mn 🤔 lễ hội pháo hoa Đà Nẵng năm nay",
    "đăng ký ở đâu vậy ad 😅 e muốn thi bằng lái xe máy",
    "mức 2 là bao nhiêu vậy ad 🤔 lương tối thiểu vùng ấy",
    "bên đó có bao nhiêu dịch vụ công trực tuyến v ad 😍 Singapore làm smart nation hay quá",
    "lấy lại mật khẩu sao ạ 😢 gmail e quên rồi",
]

# Off-topic letters of the tuned sets (never the held-out ``dev*b``, ``test*``, ``long13``)
_TUNED = sorted({*Path("tests/eval/blind").glob("dev*a.toml"), *Path("tests/eval/blind").glob("dev*c.toml"),
                 *Path("tests/eval/blind").glob("dev*d.toml"), *Path("tests/eval/blind").glob("dev[2-7].toml"),
                 Path("tests/eval/blind/dev.toml"), Path("tests/eval/blind/dev14long.toml")})
_SIGN = re.compile(r"[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]|(?<=\s)(?:[:=;]-?[()]+|:[vVdDpP]|\^_?\^)\s+\w")


def _tuned_off_topic() -> list[str]:
    found = []
    for path in _TUNED:
        for case in tomllib.loads(path.read_text(encoding="utf-8")).get("case", []):
            if case.get("in_scope") is False and not case.get("command") and _SIGN.search(case["question"]):
                found.append(case["question"])
    return found


TUNED_OFF_TOPIC = _tuned_off_topic()


def test_the_tuned_sets_hold_off_topic_letters_with_an_emoji() -> None:
    assert len(TUNED_OFF_TOPIC) >= 40


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_a_look_alike_parted_by_an_emoji_is_not_answered(text: str) -> None:
    answer = get_kb().answer(text)
    assert not answer.confident, (answer.entry, text)


def test_no_tuned_off_topic_letter_with_an_emoji_is_answered_that_its_typed_reading_is_not(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The emoji read as a question's end answers no tuned off-topic letter that the letter read as typed leaves
    unanswered (the reading of main before round 34)."""
    kb = get_kb()
    answered = {text: kb.answer(text) for text in TUNED_OFF_TOPIC}
    monkeypatch.setattr(engine, "ends_questions", lambda text: text)
    worse = [text for text, answer in answered.items() if answer.confident and not kb.answer(text).confident]
    assert not worse


@pytest.mark.parametrize(("letter", "entry"), [
    ("tổng đài số mấy vậy ad 😰 thẻ atm agribank của e bị nuốt", "npv-so-dien-thoai-tong-dai"),
    ("mức 2 là bao nhiêu vậy ad 🤔 lương tối thiểu vùng ấy", "vneid-muc-1-khac-muc-2"),
    ("đăng ký ở đâu vậy ad 😅 e muốn thi bằng lái xe máy", "chu-ky-so-dang-ky-tren-vneid"),
])
def test_the_off_topic_readers_read_the_whole_letter_the_emoji_parted(letter: str, entry: str) -> None:
    """Read alone, the question before the emoji is one of these entries' (main answers it so, typed with a "?");
    the letter's afterthought names what it is about, and the off-topic readers, reading the whole letter, lean out."""
    kb = get_kb()
    parted = ends_questions(as_typed_apart(letter))
    assert parted != letter and kb.answer(parted.replace(". ", "? ", 1)).entry == entry
    assert leans_out(kb.index, as_typed_apart(letter), entry)
    assert not kb.answer(letter).confident


@pytest.mark.parametrize(("letter", "entry"), [
    ("kinh tế số năm 2025 chiếm bao nhiêu % GDP vậy ad 📊 e làm tiểu luận môn kinh tế", "ct-2025-kinh-te-so"),
    ("nam 2025 kinh te so chiem bn phan tram gdp z ad 😅 thay giao hoi ma e ko nho", "ct-2025-kinh-te-so"),
    ("ngay cds qg la ngay nao z ad 🤔 e lm cong nhan o kcn Yen Phong", "ngay-cds-la-ngay-nao"),
])
def test_a_question_parted_from_its_story_does_not_lean_out(letter: str, entry: str) -> None:
    assert not leans_out(get_kb().index, as_typed_apart(letter), entry)
