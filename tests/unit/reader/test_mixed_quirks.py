"""Round 23 (mixed23): typing quirks that combine in one message — teencode beside unmarked words, a letter chat
spelling leaves out beside marked words, a Central phrase that folds like a standard one, a dialect word beside one
just rewritten (docs/qa-history/round-23-mixed23.md)."""

from __future__ import annotations

import pytest

from bot.nlp.dialect import standardize
from bot.nlp.normalize import analyze, command_form


@pytest.mark.parametrize(("text", "read"), [
    ("bo tttt nhap oy", "bo thong tin va truyen thong nhap roi"),  # "oy" = rồi
    ("lop t co kiem tra", "lop toi co kiem tra"),  # "t" = tôi
    ("k0 biet", "khong biet"),  # a zero for the "o" of "ko"
    ("co bnhiu thanh vien", "co bao nhieu thanh vien"),
    ("mk hok bk", "mat khau minh khong biet"),  # "bk" = biết ("mk" alone keeps both its readings)
    ("dung pk", "dung phai khong"),
])
def test_teencode_of_the_cited_table(text: str, read: str) -> None:
    assert analyze(text).text == read


@pytest.mark.parametrize(("text", "tokens", "keys"), [
    ("tra qá", ("tra", "qua"), ("tra0", "qua1")),  # a "q" without its "u", typed with the mark
    ("qan nước", ("quan", "nuoc"), ("quan0", "nươc1")),
    ("nhữg ai", ("nhung", "ai"), ("nhưng4", "ai0")),  # a final "ng" typed "g" beside marks
    ("tiêu dùg số", ("tieu", "dung", "so"), ("tiêu0", "dung2", "sô1")),
    ("thág 10", ("thang", "10"), ("thang1",)),
])
def test_a_letter_chat_spelling_leaves_out_is_put_back(text: str, tokens: tuple[str, ...],
                                                       keys: tuple[str, ...]) -> None:
    analysis = analyze(text)
    assert analysis.tokens == tokens
    assert analysis.keys == keys


@pytest.mark.parametrize(("text", "tokens"), [
    ("tag", ("tag",)),  # an unmarked word ending in "g" may be English: not "tăng"
    ("bag log", ("bag", "log")),
    ("qr", ("qr",)),  # "qu" + "r" spells nothing
    ("qouc", ("qouc",)),  # a swap, left to the ranker's typo repair toward the KB's words
])
def test_what_spells_no_syllable_or_may_be_english_stays(text: str, tokens: tuple[str, ...]) -> None:
    assert analyze(text).tokens == tokens


def test_the_command_form_reads_the_same_letters() -> None:
    assert command_form("qá") == "qua"
    assert command_form("nhữg") == "nhung"


@pytest.mark.parametrize(("text", "standard"), [
    # unmarked "X mo" folds like "X mở" (open): without a Central sign it is left as typed
    ("khi mo cong dvc thi lam gi", "khi mo cong dvc thi lam gi"),
    ("co hoi mo cong dvc qg thi tiet kiem", "co hoi mo cong dvc qg thi tiet kiem"),
    # with one ("rua" ending the question, "o mo") it is the Central "nào"
    ("cong dvc mo tu hoi mo rua", "cong dvc mo tu khi nao vay"),
    ("cong dvc o mo", "cong dvc o dau"),
    # typed with its marks it is Central in any message
    ("Cổng dịch vụ công mở từ hồi mô", "Cổng dịch vụ công mở từ khi nào"),
])
def test_an_unmarked_central_mo_phrase_needs_a_central_sign(text: str, standard: str) -> None:
    assert standardize(text) == standard


def test_a_neighbour_just_rewritten_no_longer_shields_a_dialect_word() -> None:
    def known(a: str, b: str) -> bool:  # the KB holds "chi rứa" and "không rửa" as words
        return (a, b) in {("chi", "rua"), ("khong", "rua")}

    # "là chi" became "là gì": the final "rua" now follows "gì", which forms no word of the KB with it
    assert standardize("chu de nam 2022 la chi rua ad, nho giup voi", known) == \
        "chu de nam 2022 la gi vay ad, nho giup voi"
    # a neighbour left as typed still shields it
    assert standardize("cai bat nay khong rua", known) == "cai bat nay khong rua"


@pytest.mark.parametrize(("text", "read"), [
    ("thuc day cdso", "thuc day chuyen doi so"),  # a letter slipped after a domain initialism
    ("chu de ngay cdss", "chu de ngay chuyen doi so"),
    ("cđso", "chuyen doi so"),  # its "đ" typed
    ("ubndx", "uy ban nhan dan"),
    ("only", "only"),  # "onl" is no initialism: English stays
    ("tks", "cam on"),  # a table key is read as the table says
    ("kits", "kit"),  # a two-letter initialism's slip is not read ("kt" + "s"); here Telex "kít"
])
def test_a_letter_slipped_after_a_domain_initialism(text: str, read: str) -> None:
    assert analyze(text).text == read


@pytest.mark.parametrize(("text", "standard"), [
    ("hok pit nua nam 2019", "khong biet nua nam 2019"),  # "pit" = biết beside a negation
    ("pit ko", "biet khong"),
    ("cai pit tong", "cai pit tong"),  # elsewhere it is left as typed
])
def test_know_typed_with_a_p(text: str, standard: str) -> None:
    assert standardize(text) == standard
