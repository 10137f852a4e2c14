"""Building the plain-words table word by word reads every phrase as reading it whole did (intspeed).

``Phrase.of`` and ``Exclusion.of`` read a phrase's words one at a time (cached per word) instead of the whole phrase;
``expand`` fills a template. Both are speed-ups only: these tests compare them with the whole reading and the
former expansion, over every phrase of content/intents.toml and over phrases whose words touch (an "&", punctuation,
shorthand, Telex, odd spaces).
"""

from __future__ import annotations

import itertools
import re
import tomllib

import pytest

from bot.nlp.intents import DEFAULT_INTENTS, Exclusion, Phrase, _marked_words, expand
from bot.nlp.normalize import command_form, command_words

pytestmark = pytest.mark.unit

_REF = re.compile(r"@(\w+)")


def _expanded_before(text: str, vocabulary: dict[str, list[str]]) -> list[str]:
    """``expand`` as it was written before the template (one string built per combination)."""
    names = _REF.findall(text)
    if not names:
        return [text]
    parts = _REF.split(text)
    return [" ".join("".join(p if i % 2 == 0 else choice[i // 2] for i, p in enumerate(parts)).split())
            for choice in itertools.product(*(vocabulary[n] for n in names))]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _table() -> tuple[dict[str, list[str]], list[str]]:
    data = tomllib.loads(DEFAULT_INTENTS.read_text(encoding="utf-8"))
    vocabulary: dict[str, list[str]] = {}
    for name, words in data.pop("vocabulary", {}).items():
        vocabulary[name] = [w for p in words for w in _expanded_before(p, vocabulary)]
    return vocabulary, _strings(data)


def _whole_phrase(text: str, unmarked: frozenset[str]) -> Phrase:
    folded = command_form(text)
    usable = len(folded.split()) > 1 or folded in unmarked
    return Phrase(_marked_words(text), f" {folded} " if usable else "")


def _whole_exclusion(text: str) -> Exclusion:
    words = command_words(text)
    return Exclusion(f" {' '.join(w for w, _, _ in words)} ", tuple((w, k) for w, k, _ in words))


TOUCHING = ["TT & TT", "KH&CN thông tin", "bỏ,tên  tôi", " đc  ko ", "huyr ddangw kys", "ngưng—gửi…bản tin!",
            "dừng\tnhận\u00a0tin", "e-mail tôi", "top50 bài", "ΣΑΣ tin", "", "  ", "?", "bỏ tên t", "kênh ni",
            "ĐĂNG KÝ", "đăng ký", "nhận tin nhắn 1 2 3", "xoá dữ liệu", "xóa dữ liệu", "unsub pls", "zalo. ok"]


def test_every_phrase_of_the_table_reads_as_read_whole() -> None:
    vocabulary, texts = _table()
    phrases = dict.fromkeys(p for t in texts if all(n in vocabulary for n in _REF.findall(t))
                            for p in expand(t, vocabulary))
    unmarked = frozenset({"xoa", "huy", "nhan", "bo"})
    for text in [*phrases, *TOUCHING]:
        assert Exclusion.of(text) == _whole_exclusion(text), text
        assert Phrase.of(text, unmarked) == _whole_phrase(text, unmarked), text


def test_expansion_is_the_former_one_for_every_phrase_of_the_table() -> None:
    vocabulary, texts = _table()
    for text in texts:
        if all(n in vocabulary for n in _REF.findall(text)):
            assert expand(text, vocabulary) == _expanded_before(text, vocabulary), text


def test_braces_and_spaces_around_a_class_stay_as_written() -> None:
    vocabulary = {"me": ["tôi", "  mình ", "{x}"], "act": ["nhận", "xem {0}"]}
    for text in ["cho {0} @me", "@me{}@act", " @me  @act } ", "{@me}", "không có lớp {}"]:
        assert expand(text, vocabulary) == _expanded_before(text, vocabulary)
