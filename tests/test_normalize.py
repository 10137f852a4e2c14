"""The normalizer: tables of forms people really type, and properties that must hold for any string."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlp.normalize import analyze, command_form, decode_telex, decode_vni, fold, is_syllable, split_tone

NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
# CP1258-style: precomposed base+quality letter followed by a combining tone mark.
CP1258 = "chuy\u00ea\u0309n \u0111\u00f4\u0309i s\u00f4\u0301"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chuyển đổi số", "chuyen doi so"),
        (NFD("Chuyển đổi số"), "chuyen doi so"),
        (CP1258, "chuyen doi so"),
        ("ĐĂNG KÝ", "dang ky"),
        ("Ðảm bảo", "dam bao"),  # Icelandic eth
        ("ɖịnh danh", "dinh danh"),
        ("  Chuyển,   đổi!!! số?  ", "chuyen doi so"),
        ("10/10 là ngày gì?", "10 10 la ngay gi"),
        ("snake_case-word", "snake case word"),
        ("", ""),
        ("🙂 ...", ""),
    ],
)
def test_fold_table(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    "variants",
    [
        ["hủy đăng ký", "huy dang ky", "HUỶ ĐĂNG KÝ", "huyr ddangw kys", NFD("hủy đăng ký"), "Hủy   đăng kí!",
         "huỷ đk", "huy dk", "hủy dky", "huy5 d9a8ng ky1"],
        ["đăng ký", "dang ky", "Đăng Kí", "ddangw kys", "dk", "đk", "dang ki", NFD("ĐĂNG KÝ")],
        ["gửi câu chuyện", "gui cau chuyen", "GỬI CÂU CHUYỆN", "guwir caau chuyeenj", "gu73i ca6u chuye65n",
         NFD("gửi câu chuyện")],
        ["xong", "Xong!", "XONG"],
        ["đồng ý", "dong y", "Đồng Ý", "ddoongf ys", "ĐỒNG Ý", "d9o62ng y1"],
        ["hủy", "huỷ", "huy", "HUỶ", "huyr"],
        ["trợ giúp", "tro giup", "Trợ giúp?", "trowj giups"],
        ["menu", "Menu", "MENU"],
        ["bản tin", "ban tin", "Bản Tin", "banr tin"],
        ["xóa dữ liệu của tôi", "xoá dữ liệu của tôi", "xoa du lieu cua toi", "xoas dwx lieeuj cuar tooi",
         "xóa dl của tôi", NFD("XOÁ DỮ LIỆU CỦA TÔI")],
    ],
)
def test_command_form_variants_agree(variants: list[str]) -> None:
    forms = {command_form(v) for v in variants}
    assert len(forms) == 1, forms


def test_command_form_keeps_commands_apart() -> None:
    commands = ["gửi câu chuyện", "xong", "đồng ý", "hủy", "trợ giúp", "menu", "đăng ký", "hủy đăng ký",
                "bản tin", "xóa dữ liệu của tôi"]
    assert len({command_form(c) for c in commands}) == len(commands)
    assert command_form("hủy đăng ký") == "huy dang ki"
    assert command_form("huy") == "huy"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("chuyeenr ddooir soos", "chuyen doi so"),  # Telex, tone typed at the end
        ("tieengs Vieetj", "tieng viet"),
        ("dduwowngf", "duong"),
        ("nguowif dduwocj", "nguoi duoc"),
        ("khoong", "khong"),
        ("chuye63n d9o63i so61", "chuyen doi so"),  # VNI
        ("chuyen63 doi63 so61", "chuyen doi so"),  # VNI digits at the end
        ("cds la gi", "chuyen doi so la gi"),  # teencode / domain abbreviations
        ("dvc ntn", "dich vu cong nhu the nao"),
        ("cccd", "can cuoc cong dan"),
        ("ko dc j", "khong duoc gi"),
        ("ký", "ki"),  # y/i spelling
        ("kí", "ki"),
        ("chữ ký số", "chu ki so"),
        ("quy", "quy"),  # not after a plain consonant
        ("thuỷ", "thuy"),
        ("06", "6"),
        ("QĐ 06", "quyet dinh 6"),
    ],
)
def test_analyze_text(text: str, expected: str) -> None:
    assert analyze(text).text == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("kỹ", "kĩ"), ("lý", "lí"),
        (NFD("chuyển"), "chuyển"), (CP1258, "chuyển đổi số"), ("chuyeenr", "chuyển"), ("d9o63i", "đổi"),
        ("Ðổi", "đổi"),
    ],
)
def test_tone_keys_ignore_mark_placement_and_encoding(a: str, b: str) -> None:
    assert analyze(a).keys == analyze(b).keys
    assert analyze(a).tokens == analyze(b).tokens


def test_keys_only_when_user_typed_marks() -> None:
    assert analyze("chuyen doi so").keys == ()
    assert analyze("chuyển đổi số").keys == ("chuyên3", "đôi3", "sô1")
    assert analyze("đội").keys != analyze("đổi").keys


def test_ambiguous_abbreviation_keeps_all_readings() -> None:
    unit = analyze("dk").units[0]
    assert unit.alts == (("duoc",), ("dang", "ki"))
    assert "duoc_dang" not in analyze("dk").bigrams  # no pair between alternative readings


@pytest.mark.parametrize("token", ["chuyen", "nghieng", "khuya", "quy", "gi", "xuan", "huynh", "ke", "ky", "a"])
def test_valid_syllables(token: str) -> None:
    assert is_syllable(token)


@pytest.mark.parametrize("token", ["chuyeenr", "ddi", "soos", "ko", "ka", "ghe1", "dvc", "zalo", "ng", "khoong"])
def test_invalid_syllables(token: str) -> None:
    assert not is_syllable(token)


def test_decoders() -> None:
    assert decode_telex("chuyeenr") == ("chuyên", 3)
    assert decode_telex("ddangw") == ("đăng", 0)
    assert decode_telex("chuyen") is None  # nothing to decode
    assert decode_vni("d9o63i") == ("đôi", 3)
    assert decode_vni("4g") is None
    assert split_tone("hoà") == ("hoa", 2) == split_tone("hòa")


# --- properties -----------------------------------------------------------------------------------------

vietnamese = st.text(
    alphabet=st.sampled_from(
        list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ0123456789 .,?!/-_ÐðƉɖ")
        + ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b"]
        + list("àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
        + list("fjwzsrx")
    ),
    max_size=40,
)
any_text = st.one_of(st.text(max_size=40), vietnamese)


@settings(max_examples=400)
@given(any_text)
def test_fold_properties(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert fold(unicodedata.normalize("NFD", text)) == once
    assert fold(unicodedata.normalize("NFC", text)) == once


@settings(max_examples=400)
@given(any_text)
def test_command_form_properties(text: str) -> None:
    once = command_form(text)
    assert command_form(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert command_form(unicodedata.normalize("NFD", text)) == once
    assert command_form(unicodedata.normalize("NFC", text)) == once


@settings(max_examples=300)
@given(any_text)
def test_analyze_never_raises_and_is_encoding_blind(text: str) -> None:
    result = analyze(text)
    assert result == analyze(unicodedata.normalize("NFD", text))
    assert all(unicodedata.is_normalized("NFC", t) for t in (*result.tokens, *result.keys))


# --- KB lexicon: tone-aware stopwords, scaffolding, discriminators ---------------------------------------------

def test_stopwords_are_tone_aware() -> None:
    from bot.kb.lexicon import view

    assert {"#hôi5", "xa_hoi", "hoi_so"} <= view(analyze("xã hội số")).required
    assert not view(analyze("cho mình hỏi ạ")).required
    assert "ban" not in view(analyze("bạn ơi")).required and "#ban3" in view(analyze("bản tin")).required
    # Unmarked "de" may be "đề" or "để": optional, counted only where an entry has "chủ đề".
    plain = view(analyze("chu de ngay cds"))
    assert "de" in plain.optional and "chu_de" in plain.optional and "de" not in plain.required


def test_chat_scaffolding_and_discriminators() -> None:
    from bot.kb.lexicon import view

    assert not view(analyze("ad ơi nghĩa là sao")).required
    assert "#nghia4" in view(analyze("ý nghĩa là gì")).required  # "ý nghĩa" is content
    assert view(analyze("mục tiêu năm 2030")).numbers == {"2030"}
    assert view(analyze("chính quyền hai cấp")).numbers == {"2"}
    for text in ("hủy đăng ký", "huỷ đk", "huy dang ky", "ngừng nhận bản tin", "dung lai", "huyr"):
        assert view(analyze(text)).negated, text
    for text in ("đăng ký bản tin", "dùng vneid", "bộ khoa học", "viết tắt"):
        assert not view(analyze(text)).negated, text


def test_cv_reads_as_official_letter_or_work() -> None:
    from bot.nlp.normalize import analyze

    assert {"cong", "van"} <= set(analyze("lập theo cv nào").tokens)
