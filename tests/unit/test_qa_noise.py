"""The noise-robustness harness (tools/qa_noise.py, round 11) and the reading rules it led to.

The slice test runs a fixed-seed sample of the harness over two tuned sets and asserts floors that the engine of
the round's start fails (measured there: context + trailing 131/157 right, mixed5 136/157 right and 7 confident
wrong; after the round 142/157, 144/157 and 1)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from bot.kb.engine import KnowledgeBase
from bot.nlp.clauses import asks_by_itself
from bot.nlp.dialect import REGIONAL
from tools import qa_noise

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = (
    "Năm 2024 Ngày Chuyển đổi số quốc gia có chủ đề là gì?",
    "Tổ công nghệ số cộng đồng được lập từ bao giờ ạ?",
    "Kinh tế số sẽ chiếm bao nhiêu phần trăm GDP vào năm 2030?",
    "làm định danh mức 2 thì phải ra đâu, có cần lấy vân tay không",
)


@pytest.mark.parametrize("names", [(n,) for n in qa_noise.NOISES] + list(qa_noise.COMPOSED.values()))
def test_perturbations_are_seeded_and_well_formed(names: tuple[str, ...]) -> None:
    for i, question in enumerate(QUESTIONS):
        once = qa_noise.perturb(question, f"k{i}", names)
        assert once == qa_noise.perturb(question, f"k{i}", names)  # a pure function of (key, noises, seed)
        if once is None:
            continue
        assert unicodedata.normalize("NFC", once) == once
        # no stray mark left uncomposed ("tié̂n"): a slipped tone goes after its vowel's other marks
        assert not any(unicodedata.combining(c) for c in once), once


def test_noise_comes_from_outside_the_reader() -> None:
    """Regional swaps are entries of the reader's cited table; teencode forms are the doc's (§5), including forms the
    reader's own table lacks, so the harness tests the reader rather than echoing it."""
    for standard, local in (*qa_noise.CENTRAL, *qa_noise.SOUTHERN):
        assert REGIONAL[local] == standard
    assert "khum" in qa_noise.TEENCODE["không"] and "bít" in qa_noise.TEENCODE["biết"]


def test_held_out_splits_are_refused() -> None:
    with pytest.raises(SystemExit):
        qa_noise.main([str(ROOT / "tests/eval/blind/dev10b.toml")])


def test_teencode_dc_is_no_question_word() -> None:
    """"được" asks nothing, so neither does its shorthand: an unmarked context sentence ending "… tra loi dc" was
    taken for a first question and answered (mixed5: 4.5 % confident wrong at the round's start)."""
    assert not asks_by_itself("Ong nha toi cu hoi hoai ma tui hong tra loi dc")
    assert asks_by_itself("lam vneid muc 2 dc ko")
    assert asks_by_itself("ktso 2030 dc bn % gdp")


@pytest.mark.parametrize(("message", "entry"), [
    ("Tôi làm cán bộ văn phòng ở xã, sắp phải báo cáo. Bố mẹ em lớn tuổi nên em hay phải làm giúp. Em là sinh viên"
     " năm hai, đang làm bài tập nhóm. Năm 2024 Ngày Chuyển đổi số quốc gia có chủ đề là gì? Tks ad nhiều nha.",
     "ngay-cds-chu-de-2024"),
    ("Cháu đọc trên mạng thấy mỗi trang nói một kiểu. Hôm qua họp tổ dân phố, mọi người bàn tán mãi. Bố mẹ em lớn"
     " tuổi nên em hay phải làm giúp. Bộ Thông tin và Truyền thông bây giờ đã được hợp nhất vào bộ nào? Cảm ơn ạ.",
     "bo-tttt-nay-la-bo-nao"),
    ("Ong nha toi cu hoi hoai ma tui khong tra loi dc. tui muon biet muc tieu 2025 ve chi so doi moi sang tao toan"
     " cau.", "ct-xep-hang-quoc-te-muc-tieu"),
])
def test_context_and_closing_around_the_question(real_kb: KnowledgeBase, message: str, entry: str) -> None:
    """The one question after a context and before thanks is read alone, as one that ends the message is."""
    result = real_kb.answer(message)
    assert result.confident and result.entry == entry


def test_harness_slice_holds_a_floor(real_kb: KnowledgeBase) -> None:
    files = [ROOT / "tests/eval/blind/dev10a.toml", ROOT / "tests/eval/blind/dev7.toml"]
    cases = qa_noise.sources(real_kb, files, None, 160, qa_noise.DEFAULT_SEED)
    assert len(cases) >= 150
    for label in ("context+trailing", "mixed5"):
        row = qa_noise.measure(real_kb, cases, qa_noise.COMPOSED[label], label=label)
        assert row.n >= 150
        assert row.right >= 0.87 * row.n, (label, row)
        assert row.shown >= 0.96 * row.n, (label, row)
        assert row.wrong <= 0.02 * row.n, (label, row)


def test_a_marked_word_takes_no_telex_tone() -> None:
    """A word the input method marked was typed with it on: a tone key after it is a slipped final letter, left to the
    typo repair ("điệj tử" → "điện tử"), not decoded as a second tone ("diẹ"); raw Telex is still read."""
    from bot.nlp.normalize import analyze

    assert analyze("điệj").units[0].kind == "other"
    assert analyze("ddieenj").units[0].kind == "decoded"
    assert analyze("dieenj tử").tokens[0] == "dien"


def test_a_slipped_final_letter_is_repaired(real_kb: KnowledgeBase) -> None:
    result = real_kb.answer("thương mại điệj tử 2030 bán lẻ")
    assert result.confident and result.entry == "ct-chien-luoc-411"


def test_the_command_form_still_decodes_a_marked_word() -> None:
    """The command form is read again as typed text, so it decodes as before and stays a fixed point."""
    from bot.nlp.normalize import command_form

    assert command_form("Ù0") == command_form(command_form("Ù0")) == "u"
