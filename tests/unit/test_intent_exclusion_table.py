"""The long exclusion lists kept as their templates (session 17, intmem): the same phrases, the same answers, shared.

content/intents.toml's ``unless``, ``spare`` and ``for_others`` lists expand to some 96 000 phrases ("@for_whom
@others", "@kin của @me @want @resume_verb"); they were held as as many :class:`Exclusion` objects (24 MiB of a
worker). :class:`ExclusionTable` keeps each template as slots, one per class or literal, shared by every list. These
tests compare it with the expansion it replaces: the phrases it holds, and what it finds in messages (found or not,
and where the spared words are). The memory itself is not asserted here (it depends on the host).
"""

from __future__ import annotations

import itertools
import tomllib
import unicodedata

import pytest

from bot.nlp.intents import (
    DEFAULT_INTENTS,
    Exclusion,
    ExclusionTable,
    Phrase,
    _any,
    _Reading,
    _Slot,
    _spares,
    _TableBuilder,
    expand,
    load_intents,
)

pytestmark = pytest.mark.unit

TABLE_LISTS = ("unless", "spare")  # a command's lists kept as an ExclusionTable; [request] for_others too


def _spec() -> tuple[dict[str, list[str]], dict[str, object]]:
    data = tomllib.loads(DEFAULT_INTENTS.read_text(encoding="utf-8"))
    vocabulary: dict[str, list[str]] = {}
    for name, words in data.pop("vocabulary", {}).items():
        vocabulary[name] = [w for p in words for w in expand(p, vocabulary)]
    return vocabulary, data


def _expanded(texts: list[str], vocabulary: dict[str, list[str]]) -> tuple[Exclusion, ...]:
    """The list as it was held before: every phrase of its expansion, read whole."""
    return tuple(Exclusion.of(p) for p in dict.fromkeys(w for t in texts for w in expand(t, vocabulary)))


def _lists() -> list[tuple[str, ExclusionTable, tuple[Exclusion, ...]]]:
    """(name, table as loaded, the expansion it replaces) for every list kept as a table."""
    vocabulary, data = _spec()
    intents = load_intents()
    request = data.pop("request")
    out = [("for_others", intents.for_others, _expanded(request.get("for_others", []), vocabulary))]
    for command in intents.commands:
        spec = data[command.name]
        out += [(f"{command.name}.{key}", getattr(command, key), _expanded(spec.get(key, []), vocabulary))
                for key in TABLE_LISTS]
    return out


LISTS = _lists()


def _by_head(phrases: tuple[Exclusion, ...]) -> dict[str, tuple[Exclusion, ...]]:
    """The expansion by its phrases' first folded word, as the table was indexed before (review of round 15)."""
    index: dict[str, list[Exclusion]] = {}
    for p in phrases:
        if p.words:
            index.setdefault(p.words[0][0], []).append(p)
    return {w: tuple(ps) for w, ps in index.items()}


def _bare(text: str) -> str:
    """``text`` typed without marks."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c))


def _retoned(text: str) -> str:
    """``text`` with its grave and acute tones swapped ("dừng" → "dứng"): the same folded words, other marks."""
    swap = {"\u0300": "\u0301", "\u0301": "\u0300"}
    return unicodedata.normalize("NFC", "".join(swap.get(c, c) for c in unicodedata.normalize("NFD", text)))


def _messages(phrases: tuple[Exclusion, ...], texts: list[str]) -> list[str]:
    """Messages that say some phrases of a list: alone, among other words, typed without marks or with other tones,
    cut by a full stop, two of them in one message, and near misses (a word dropped)."""
    out = ["", "chào kênh", "hủy bản tin giúp tôi. Khi nào rảnh tôi đăng ký lại"]
    for k, text in enumerate(texts):
        words = text.split()
        out += [text, f"dừng nhận bản tin {text} nhé", _bare(f"đăng ký nhận bản tin {text}"), " ".join(words[1:]),
                _retoned(f"{text} rồi")]
        if len(words) > 1:
            out.append(f"{' '.join(words[:1])}. {' '.join(words[1:])}")  # said across a sentence break
        out.append(f"{text}, {texts[(k * 7 + 3) % len(texts)]} ạ")
    return out


def _sample(vocabulary: dict[str, list[str]], texts: list[str], every: int) -> list[str]:
    phrases = list(dict.fromkeys(w for t in texts for w in expand(t, vocabulary)))
    return phrases[::every] or phrases


@pytest.mark.parametrize(("name", "table", "expanded"), LISTS, ids=[name for name, _, _ in LISTS])
def test_a_table_holds_the_phrases_of_its_expansion(name: str, table: ExclusionTable,
                                                    expanded: tuple[Exclusion, ...]) -> None:
    # a phrase of no word was never found (it had no first word to be indexed by)
    assert set(table.phrases()) - {()} == {p.words for p in expanded} - {()}, name


@pytest.mark.parametrize(("name", "table", "expanded"), LISTS, ids=[name for name, _, _ in LISTS])
def test_a_table_finds_what_its_expansion_found(name: str, table: ExclusionTable,
                                               expanded: tuple[Exclusion, ...]) -> None:
    vocabulary, data = _spec()
    owner, _, key = name.rpartition(".")
    texts = data["request"]["for_others"] if name == "for_others" else data[owner].get(key, [])
    sample = _sample(vocabulary, texts, max(1, len(expanded) // 120))
    index = _by_head(expanded)
    for text in _messages(expanded, sample):
        r = _Reading.of(text)
        candidates = tuple(p for w in set(r.folded.split()) for p in index.get(w, ()))  # as _any_by_head read them
        assert table.found(r.folded, r.message) == _any(candidates, r.folded, r.message), (name, text)
        # where the phrases are (``Intent.spared`` masks them): every place of every phrase found
        before = {(i, len(p.words)) for p in candidates if p.folded in r.folded and _spares(p.folded, r.folded)
                  for i in p.at(r.message)}
        after = {(i, j - i) for i, j, said in table.said(r.folded, r.message) if _spares(said, r.folded)}
        assert after == before, (name, text)


def test_templates_read_as_their_expansion_where_words_touch() -> None:
    vocabulary = {"me": ["tôi", "  mình ", "t"], "act": ["nhận", "xem tin", ""], "amp": ["TT & TT", "kênh"]}
    texts = ["cho @me @act", "@me's @act", "@me@act", "x@me", " @act  @me ", "@amp @me", "bỏ,tên @me", "@act"]
    table = _TableBuilder(vocabulary).table(texts)
    expanded = _expanded(texts, vocabulary)
    assert set(table.phrases()) - {()} == {p.words for p in expanded} - {()}
    for text in ["cho tôi xem tin", "cho t", "tôi's nhận", "mìnhnhận", "xtôi", "tt & tt mình", "bỏ, tên tôi", "cho"]:
        r = _Reading.of(text)
        assert table.found(r.folded, r.message) == _any(expanded, r.folded, r.message), text


def test_an_unknown_class_is_still_refused() -> None:
    with pytest.raises(ValueError, match="unknown word class @nobody"):
        _TableBuilder({"me": ["tôi"]}).table(["cho @nobody"])


def test_equal_exclusions_and_phrases_are_one_object() -> None:
    intents = load_intents()
    exclusions: list[Exclusion] = []
    phrases: list[Phrase] = [*intents.elsewhere]
    for c in intents.commands:
        exclusions += [*c.asks, *c.wants, *c.spare_told, *c.shown, *c.shown_bare, *c.request.wants, *c.request.but_not]
        exclusions += [p for pattern in c.wish_patterns for group in pattern for p in group]
        exclusions += [p for pairs in (c.spare_before, c.in_order) for pair in pairs for group in pair for p in group]
        phrases += [p for pattern in c.patterns for group in pattern for p in group]
    told = intents.told
    exclusions += [*intents.addressed, *intents.conditional, *told.still, *told.done, *told.closes, *told.reported]
    assert len(exclusions) > len(set(exclusions))  # the same words recur across lists …
    assert len({id(x) for x in exclusions}) == len(set(exclusions))  # … held once
    assert len({id(p) for p in phrases}) == len(set(phrases))


def test_a_class_is_read_once_for_every_list() -> None:
    intents = load_intents()
    tables = [intents.for_others, *(getattr(c, key) for c in intents.commands for key in TABLE_LISTS)]
    slots = [slot for table in tables for templates in table.starts.values() for t in templates for slot in t]
    by_alternatives: dict[tuple[bool, tuple[object, ...]], set[int]] = {}
    for slot in slots:
        assert isinstance(slot, _Slot)
        key = (slot.empty, tuple(sorted(itertools.chain.from_iterable(slot.heads.values()))))
        by_alternatives.setdefault(key, set()).add(id(slot))
    assert len(slots) > len(by_alternatives)  # "@me", "@kin", "@want" … are named by many templates
    assert all(len(ids) == 1 for ids in by_alternatives.values())
