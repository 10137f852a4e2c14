"""The committed off-topic model refuses look-alikes a citizen types politely or without accents.

A look-alike is the channel's words plus one that changes the ask ("chuyển đổi số *ngân hàng* là gì", a shop's
licence, a bank's digital signature). Written with a polite opener ("cho mình hỏi chút", "mình hỏi chút") or
without accents, the ranker's top entry still looks close enough, and only the trained model
(``content/out_of_scope_model.json``) stops it. A retrain that shrinks the bias and the "what the entry lacks"
features answers them confidently with an unrelated entry (the day of DX, the portal's first services); these
messages must get no confident answer, while the same openers before an in-scope question still do.

Known misses, not asserted here (the lead's merge of round 18, docs/qa-history/round-18.md): retrained on the
merged engine, the model answers "cho mình hỏi chút chuyen doi so ngan hang la gi" (and its unaccented and
"mình hỏi chút …" forms) with the DX Day entry and "cho mình hỏi chút mo shop online can giay phep khong" with the
portal's first services; the ranker's top entry there says nothing of a bank or a shop licence."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text", [
    "mình hỏi chút chuyen doi so ngan hang la gi",
    "cho mình hỏi chút chu ky so ngan hang dang ky o dau",
    "cho mình hỏi chút chữ ký số ngân hàng đăng ký ở đâu",
    "chu ky so ngan hang dang ky o dau nhe",
])
def test_a_polite_look_alike_gets_no_confident_answer(real_kb: KnowledgeBase, text: str) -> None:
    assert not real_kb.answer(text).confident


@pytest.mark.parametrize(("text", "entry"), [
    ("cho mình hỏi chút chữ ký số là gì", "chu-ky-so-la-gi"),
    ("cho minh hoi chut ngay chuyen doi so quoc gia la ngay nao", "ngay-cds-la-ngay-nao"),
    ("mình hỏi chút đăng ký định danh mức 2 ở đâu ạ", "vneid-kich-hoat-muc-2"),
    ("ad ơi cổng dịch vụ công quốc gia là gì nhé", "dvcqg-la-gi"),
])
def test_the_same_openers_before_an_in_scope_question_are_answered(real_kb: KnowledgeBase, text: str,
                                                                   entry: str) -> None:
    answer = real_kb.answer(text)
    assert answer.confident and answer.entry == entry
