"""Plain-words commands from word classes, and a how-question that also asks for the thing (bot/nlp/intents.py).

Phrasings written by the engineer (issue 12 item 5, round 6), not taken from an evaluation set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.nlp.intents import Intents, expand, load_intents, plain_command

VOCABULARY = {"me": ["tôi", "mình"], "act": ["nhận", "xem"]}


def test_a_class_stands_for_each_of_its_words_in_every_combination() -> None:
    assert expand("cho @me @act", VOCABULARY) == ["cho tôi nhận", "cho tôi xem", "cho mình nhận", "cho mình xem"]
    assert expand("@me", VOCABULARY) == ["tôi", "mình"]
    assert expand("bản tin", VOCABULARY) == ["bản tin"]


def test_an_unknown_class_is_an_error_not_a_silent_literal() -> None:
    with pytest.raises(ValueError, match="@them"):
        expand("cho @them", VOCABULARY)


INTENTS = """
unmarked_words = ["nhan"]
filler = ["ad", "ơi", "giúp", "với", "tôi"]
[vocabulary]
me = ["tôi", "mình"]
stop = ["ngưng", "thôi"]
how = ["làm sao", "cách"]
[request]
wants = ["muốn", "cho @me nhận"]
but_not = ["hỏi", "thì"]
[unsubscribe]
patterns = [[["@stop"], ["bản tin"]]]
asks = ["@how"]
unless = ["nếu"]
[subscribe]
patterns = [[["nhận"], ["bản tin"]]]
asks = ["@how"]
[story]
patterns = [[["muốn kể"], ["kênh"]]]
asks = ["@how"]
wants = ["muốn kể cho kênh"]
wish_patterns = [[["muốn kể"], ["lên kênh"], ["xóm tôi", "hay lắm"]]]
[help]
alone = ["hướng dẫn sử dụng"]
patterns = [[["menu"], ["kênh"]]]
"""


@pytest.fixture(scope="module")
def intents(tmp_path_factory: pytest.TempPathFactory) -> Intents:
    path: Path = tmp_path_factory.mktemp("intents") / "intents.toml"
    path.write_text(INTENTS, encoding="utf-8")
    return load_intents(path)


@pytest.mark.parametrize(("text", "command"), [
    ("thôi bản tin đi", "unsubscribe"),  # a class member
    ("ngưng bản tin giùm", "unsubscribe"),
    ("làm sao ngưng bản tin", None),  # asks how: the KB explains
    ("tôi muốn ngưng bản tin, làm sao", "unsubscribe"),  # asks how and wants it: done
    ("muốn ngưng bản tin thì làm sao", None),  # a condition: "muốn … thì"
    ("cho tôi hỏi cách ngưng bản tin", None),  # "hỏi": a wish to know
    ("nếu tôi muốn ngưng bản tin, làm sao", None),  # "unless" always wins
    ("cách nhận bản tin, cho mình nhận luôn", "subscribe"),
    ("cách nhận bản tin", None),
])
def test_asks_give_way_only_to_a_wish(intents: Intents, text: str, command: str | None) -> None:
    assert plain_command(text, intents) == command


@pytest.mark.parametrize(("text", "command"), [
    # round 8: a command's own wish overrides its asks, even where the general request would not ("thì")
    ("muốn kể cho kênh thì làm sao", "story"),
    ("muốn kể chuyện này lên kênh thì làm sao", None),  # its own wish not said: the general rule ("thì")
    # "alone": the phrase is the whole message once the fillers are set aside, with or without marks
    ("hướng dẫn sử dụng", "help"), ("ad ơi, hướng dẫn sử dụng giúp tôi với!", "help"),
    ("huong dan su dung voi ad", "help"),
    ("hướng dẫn sử dụng sổ sức khỏe điện tử", None),  # something else to use: a question
    ("ad ơi", None),  # fillers alone are no command
])
def test_a_commands_own_wish_and_its_phrases_said_alone(intents: Intents, text: str, command: str | None) -> None:
    assert plain_command(text, intents) == command


@pytest.mark.parametrize(("text", "command"), [
    # round 10: a wish said in parts ("wish_patterns"): every group said, anywhere, overrides the how ("thì")
    ("xóm tôi có ông bán cam hay lắm, muốn kể chuyện đó lên kênh thì làm sao", "story"),
    ("muốn kể chuyện ông bán cam lên kênh thì làm sao, ở xóm tôi", "story"),
    # a group missing (no story in hand, or no channel): the how-question the KB answers
    ("muốn kể chuyện lên kênh thì làm sao", None),
    ("xóm tôi có ông bán cam hay lắm, muốn kể chuyện này cho kênh thì làm sao", None),
])
def test_a_wish_said_in_parts_overrides_the_how(intents: Intents, text: str, command: str | None) -> None:
    assert plain_command(text, intents) == command


@pytest.mark.parametrize(("text", "command"), [
    # round 6: vocabulary rather than sentences — each a synonym of a class, said in a sentence of its own
    ("cắt bản tin giùm tui", "unsubscribe"), ("rút tên tôi khỏi danh sách nhận bản tin", "unsubscribe"),
    ("ko cần gửi tin nữa đâu", "unsubscribe"), ("ngưng gởi tin cho tui nghen", "unsubscribe"),
    ("bật thông báo bản tin hàng tuần cho tôi", "subscribe"), ("đk nhận tin", "subscribe"),
    ("tôi muốn nhận tin tức chuyển đổi số hàng tuần qua zalo", "subscribe"),  # "tuần qua" is not last week here
    ("có bản tin mới chưa", "digest"), ("cho mình xin bản tin kỳ này", "digest"),
    ("Xóa tài khoản của tôi trên kênh", "erase"),
    ("Cho tôi gửi một bài viết về xã tôi", "story"),
    ("chức năng j", "help"), ("Chatbot biết làm những gì?", "help"), ("ad hỗ trợ được những gì", "help"),
    ("không biết hỏi gì luôn", "help"), ("tôi phải làm gì ở kênh này", "help"), ("hướng dẫn xài bot đi", "help"),
])
def test_synonyms_of_a_class_reach_the_command(text: str, command: str) -> None:
    assert plain_command(text) == command


@pytest.mark.parametrize(("text", "command"), [
    # typed without marks a one-syllable verb is too many words ("tat" is also "tất", "bo" "bộ"): the verb and
    # its object said together count
    ("tat ban tin di ad", "unsubscribe"), ("bo dang ky ban tin gium", "unsubscribe"),
    ("bo theo doi gium em", "unsubscribe"),
    ("unsub ban tin", "unsubscribe"), ("bat thong bao ban tin hang tuan cho toi", "subscribe"),
    ("he co tin moi thi gui cho minh nhe", "subscribe"), ("xem tin moi nhat cua kenh", "digest"),
    ("dung giu thong tin cua toi nua", "erase"), ("toi muon dang bai len kenh", "story"),
])
def test_without_marks_the_verb_with_its_object_reaches_the_command(text: str, command: str) -> None:
    assert plain_command(text) == command


@pytest.mark.parametrize(("text", "command"), [
    # shorthand in a message typed with diacritics reads as its word ("lm đc" = "làm được", "j" = "gì")
    ("kênh lm đc những j z", "help"), ("ad ơi bot làm đc gì", "help"), ("ko cần nt cho mình nữa", "unsubscribe"),
    ("tuần nào cũng nt cho e nha", "subscribe"),
    # a stop in a shorthand the lists lack is never read as its opposite
    ("đừg gửi tin nữa nha", "unsubscribe"),
])
def test_shorthand_reads_as_its_word(text: str, command: str) -> None:
    assert plain_command(text) == command


@pytest.mark.parametrize("text", [
    "xem tat ca ban tin thoi su", "bo thong tin va truyen thong co chuc nang gi",
    "Đăng ký kết hôn cần chuẩn bị giấy tờ gì ạ?",  # "hôn" is Southern "không" only outside "kết hôn"
    "chuyển đổi số giúp gì cho nông dân, ad?",  # "ad" is not the subject of "giúp"
    "Bộ Công an có chức năng gì", "Cục chuyển đổi số quốc gia có chức năng gì",
    "Đăng ký bản tin rồi mà chưa thấy tin nào", "Hủy bản tin rồi có bị mất dữ liệu không",
    "xóa dữ liệu rồi có khôi phục được không", "làm sao để xóa dữ liệu Zalo, tôi muốn xóa luôn",
    "tôi muốn nhận tin nhắn OTP, làm sao", "Tôi muốn nhận tin nhắn thông báo kết quả hồ sơ, làm thế nào?",
    "Tôi muốn hủy đăng ký gói cước 4G, làm sao?", "Làm sao để hủy tài khoản VNeID, tôi muốn hủy luôn",
    "Bản tin có gửi vào cuối tuần không?", "Đăng ký nhận bản tin có tốn tiền không?",
    "tôi muốn học cách kể chuyện hay", "tôi muốn nhận tin, tin có đúng không, làm sao kiểm chứng",
    # (round 25: "Kênh này giúp được tôi những gì?" is help now, as its siblings in the old set; see
    # tests/unit/plain_commands/test_round25_leftovers.py)
    "chữ ký số giúp được tôi những gì?",
])
def test_near_questions_stay_questions(text: str) -> None:
    assert plain_command(text) is None
