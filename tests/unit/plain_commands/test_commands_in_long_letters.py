"""Round 14 (qa14long): commands asked in long letters, and long questions a command must not take.

A long letter (over 25 words) is read in runs of clauses (round 13's ``_windows``); round 13 then refused the request
found there whenever *any* sentence of the letter held one of the command's exclusions. Round 14 reads the rest of the
letter by what it does: what was told before the request is context (only a sentence there that asks by itself and
holds the command's exclusions keeps the letter a question), what follows is read as before plus one more sign — a
sentence that asks and says the wish to know ("Nay muốn biết …") — and a refused run leaves the next runs to be read.
Three words a question's list holds ask nothing here: "ở đâu cả" (nowhere), "không phải không" (a double negation),
and "khỏi phải đi tìm" (an errand spared) stops nothing. The last clauses, read first (round 10), are no command
when another of their sentences asks to know something; help asked as the letter's question (its "?" hides it from
the runs) is read in the last sentence holding "?". The cases are the engineer's own three lists (not taken from
an evaluation set); the figures are in docs/qa-history/round-14.md.
"""

from __future__ import annotations

import pytest

from bot.nlp.clauses import asks_by_itself, asks_to_know
from bot.nlp.intents import plain_command

COMMANDS = [
    # context told before the request, holding an exclusion's words ("có hai" folds onto "có hại", "trên mạng")
    ("Vợ chồng tôi cùng nhận tin của kênh trên hai máy, tin về trùng nhau hoài, đọc một máy là đủ. Kênh ngưng gửi "
     "bản tin cho số này giùm tôi nhé. Cảm ơn kênh, chúc kênh ngày càng đông người đọc ở Vĩnh Long.", "unsubscribe"),
    ("Năm nay tôi 72 tuổi, ở Bình Định. Thằng cháu nói trên mạng cái gì cũng bị lưu lại hết, tôi nghe mà lo. Vậy kênh "
     "xóa sạch thông tin của tôi mà kênh đang giữ giùm tôi nghe, tôi không dùng nữa. Cảm ơn các cháu.", "erase"),
    ("Tôi nghe nói cái gì đưa lên mạng cũng khó xóa lắm. Tôi cũng không muốn dùng kênh nữa. Nhờ kênh xóa hết dữ liệu "
     "cá nhân của tôi mà kênh đang lưu giùm nhé, cảm ơn kênh đã hỗ trợ thời gian qua.", "erase"),
    # a past subscription told first, the stop after it
    ("Dạ em chào anh chị, hồi năm ngoái em có đăng ký nhận tin mỗi tuần để ôn thi. Giờ em thi đậu rồi, anh chị cho em "
     "dừng nhận bản tin từ tuần này ạ. Em cảm ơn anh chị, kênh giúp em nhiều lắm.", "unsubscribe"),
    # the story's own how after its wish
    ("Tôi muốn gửi cho kênh một chuyện ở thôn tôi. Thôn tôi ở Sơn La có nhóm thanh niên dạy bà con bán mận qua mạng, "
     "giờ mận không phải bán rẻ cho thương lái nữa. Kênh chỉ tôi gửi thế nào nhé.", "story"),
    # nowhere, a double negation, an errand spared
    ("Em chào anh chị, trước em có nhắn hỏi kênh vài câu và để lại số điện thoại. Giờ em muốn kênh xóa toàn bộ thông "
     "tin của em đang lưu ạ. Em cảm ơn, em đổi số rồi nên không muốn thông tin cũ nằm ở đâu cả.", "erase"),
    ("Con tôi bảo đừng để thông tin ở đâu cả cho an toàn. Thôi kênh xóa giúp tôi hết thông tin cá nhân mà kênh đã "
     "lưu nhé. Cảm ơn, tôi ở Cao Bằng.", "erase"),
    ("Xóa hết dữ liệu của tôi mà kênh đang lưu giùm nhé. Tôi đọc báo thấy nhiều vụ lộ thông tin quá nên lo. Không "
     "phải tôi không tin kênh đâu, chỉ là muốn cẩn thận. Xóa xong báo tôi một tiếng.", "erase"),
    ("Tôi hay phải lên mạng tìm tin chuyển đổi số, đọc chỗ này chỗ kia mà không biết tin nào đúng. Tôi đi biển nhiều, "
     "ít thời gian. Nên tôi muốn kênh gửi bản tin mỗi tuần cho tôi luôn, khỏi phải đi tìm.", "subscribe"),
    ("Hồi trước tôi hay phải ra bưu điện hỏi tin tức, giờ có điện thoại rồi. Tôi muốn đăng ký nhận tin tổng hợp hằng "
     "tuần của kênh nhé, khỏi phải chạy đi hỏi. Tôi ở Phú Thọ, cảm ơn kênh nhiều.", "subscribe"),
    # help asked as the letter's question, its "?" before the thanks
    ("Dạ chào anh chị, em học lớp 12 ở Vinh, cô chủ nhiệm giới thiệu kênh này. Em mới vào nên chưa biết gì cả. Anh chị "
     "chỉ giúp em kênh có những chức năng gì, em nhắn những gì thì được hỗ trợ ạ? Em cảm ơn, em sẽ rủ cả lớp cùng "
     "theo dõi.", "help"),
]

QUESTIONS = [
    # a stop told, then the question without its "?" (main read the stop)
    "Trước đây tôi có theo dõi nhận tin hàng tuần của kênh, sau đó tôi dừng nhận tin vì bận. Nay muốn biết năm 2025 "
    "Ngày Chuyển đổi số quốc gia có chủ đề gì, để nói chuyện với hội nông dân xã",
    "Tôi có con trai làm ở Hà Nội, nó đã đăng ký cho tôi nhận bản tin mỗi tuần. Nó dặn khi nào muốn thôi thì nhắn "
    "kênh. Nhưng giờ tôi chỉ muốn hỏi: Đề án 06 là gì, bà con nông thôn được lợi gì?",
    "Hôm trước tôi nhờ kênh xóa hết thông tin của tôi rồi. Giờ cháu tôi cài lại cho tôi. Tôi muốn hỏi tài khoản định "
    "danh điện tử mức 2 đăng ký ở đâu, có phải ra công an xã không",
    "Nhà tôi có hai người cùng nhận tin của kênh. Tôi muốn biết kênh gửi bản tin vào thứ mấy trong tuần, mấy giờ, để "
    "hai vợ chồng cùng đọc một lúc cho vui",
    "Tôi muốn kênh gửi tin mỗi tuần cho tôi, khỏi phải đi tìm, nhưng trước hết cho tôi hỏi đăng ký nhận bản tin có "
    "mất phí không, có cần số điện thoại không",
    "Tôi không muốn để thông tin cá nhân của mình ở đâu cả, sợ bị lộ. Cho tôi hỏi khi cài VNeID thì dữ liệu của tôi "
    "được lưu ở đâu, ai quản lý, có an toàn không",
    "Tôi ngưng nhận bản tin lâu rồi vì bận, nay mới quay lại. Ông hàng xóm nói từ năm 2025 cả nước sắp xếp lại còn "
    "34 tỉnh thành. Chuyện đó có đúng không, từ ngày nào vậy kênh?",
    # the last clauses tell a reading of the digest and ask who set the channel up (main read the digest)
    "Tôi theo dõi kênh từ tuần trước, có đọc bản tin. Xin hỏi kênh này do cơ quan nào lập ra, có phải của Bộ không? "
    "Tôi cảm ơn.",
    "Tôi muốn xóa tài khoản Zalo cũ của mẹ tôi vì mẹ không dùng nữa, trong đó có nhận tin của kênh. Kênh có biết cách "
    "xóa tài khoản Zalo không, hay phải ra cửa hàng?",
]


@pytest.mark.unit
@pytest.mark.parametrize(("text", "command"), COMMANDS)
def test_a_long_letter_reaches_its_command(text: str, command: str) -> None:
    assert plain_command(text) == command


@pytest.mark.unit
@pytest.mark.parametrize("text", QUESTIONS)
def test_a_long_question_is_not_taken(text: str) -> None:
    assert plain_command(text) is None


@pytest.mark.unit
@pytest.mark.parametrize("clause", [
    "Con bác bảo cái gì trên mạng cũng lưu lại hết.",  # every (Tran 2009), with what it ranges over between
    "ai ở xóm cũng biết",
    "em đổi số điện thoại rồi nên không muốn để thông tin cũ ở đâu cả.",  # nowhere at all
    "Không phải kênh viết dở đâu",  # the emphatic negation
])
def test_story_sentences_with_question_words_ask_nothing(clause: str) -> None:
    assert not asks_by_itself(clause)


@pytest.mark.unit
@pytest.mark.parametrize("clause", [
    "bản tin ở đâu cả vậy",
    "không biết bắt đầu từ đâu",  # a verb of place before "đâu": where
    "không biết ở đâu cả",
    "cái gì trên mạng cũng",  # nothing goes on after "cũng"
    "VNeID đăng ký ở đâu",
])
def test_the_question_words_still_ask(clause: str) -> None:
    assert asks_by_itself(clause)


@pytest.mark.unit
def test_a_wish_to_know_is_said_with_the_question() -> None:
    assert asks_to_know("Nay muốn biết năm 2025 Ngày Chuyển đổi số có chủ đề gì")
    assert asks_to_know("cho tôi hỏi kênh gửi bản tin vào thứ mấy")
    assert not asks_to_know("Bác cảm ơn cháu, có gì bác hỏi sau.")  # a question word, no wish to know
    assert not asks_to_know("Tôi muốn biết thêm về kênh.")  # a wish, nothing asked
