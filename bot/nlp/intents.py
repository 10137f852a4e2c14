"""Chat commands said in plain words ("thôi khỏi nhắn bản tin cho tôi" → unsubscribe), from content/intents.toml.

Why patterns and not the KB ranker: a command changes something for the citizen, so it must be recognised
only when the message says the action *and* its object ("bỏ" + "dữ liệu"), never because it resembles a
question about the command ("nếu muốn xóa dữ liệu thì nhắn gì?" is a question; the KB explains). The phrase
lists live in content/ so editors can extend them from the unanswered log without touching code.

Tone-aware like the KB analyzer: a message typed with diacritics is compared with its marks ("bỏ" ≠ "bộ",
"tin" ≠ "tín"), one typed without is compared folded (Telex/VNI decoded by ``command_form``). The "unless"
phrases are compared folded too, but a word whose marks are known on both sides must also have the same marks:
"dừng" blocks "dung" typed without marks, never "dùng" or the "dụng" of "app" (= "ứng dụng").

Vocabulary, not sentences: content/intents.toml names word classes once (``[vocabulary]``: the ways to say
"stop", "the digest", "me") and a phrase says ``@stop`` or ``cho @me`` to mean every member, so a synonym an
editor adds reaches every pattern that uses its class.

Asking how *and* wanting it ("tôi muốn nhận tin mỗi tuần, làm sao để nhận?"): a command's ``asks`` phrases
("làm sao", "cách") send a message to the knowledge base only when it does not also say that the citizen wants
the thing done (``[request] wants``: "tôi muốn", "cho tôi", "luôn"; ``but_not``: "muốn biết", "hỏi", "thì").
Doing it is what such a citizen expects, and every command's reply says how to undo it (erasing still asks
first). The ``unless`` phrases (a hypothetical "nếu", "gõ gì", a scam) always win. A command may name its own
``wants`` too: for a story, "muốn chia sẻ cho kênh thì làm thế nào?" is a citizen with a story in hand, and
starting the story (which asks for it step by step) is the how. A wish may also be said in parts
(``wish_patterns``, round 10): "muốn kể chuyện nớ lên kênh thì mần răng" says the wish to tell and where to, with
the story named between, so every group of such a pattern must be said, anywhere in the message.

Said alone (round 8): a command's ``alone`` phrases count only when they are the whole message, once the
words that carry no request are set aside (``filler``: "ad ơi", "giúp tôi", "với", "ạ"). "hướng dẫn sử dụng"
alone asks how to use the channel; "hướng dẫn sử dụng sổ sức khỏe điện tử" asks about something else, so
the phrase cannot be a pattern of its own. Compared folded (the whole message must be the phrase: marks
add nothing).

Round 11: a phrase is read within one sentence ("… mà bả quên. Tui cũng …" says no "quên tôi"); a stop word said
of something else (``elsewhere``: "khỏi đợi", "đừng lo") stops nothing; a how said as the message's last word
(``asks_last``: "… sao?") asks like ``asks``; a long message is also read in its first clauses (the request before
the reasons), guarded by the rest of the message.

Round 13: a command may name phrases its exclusions do not see (``spare``): "có mấy" is erased from the story's view
only where it is said of the citizen's own people ("xóm tui có mấy bà bán cá …": there are some, not how many), "số
điện thoại" from erase's (the citizen's number is data the channel keeps; "điện thoại" alone is a device). Sparing
only hides words from the exclusions, so it can only let a message that reached a command's patterns through.
"""

from __future__ import annotations

import itertools
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from bot.nlp.abbreviations import COMMAND, COMMON
from bot.nlp.bare_names import names_bare, opens_place, said_as, typed_plain
from bot.nlp.clauses import asks_by_itself, asks_to_know, says_nowhere
from bot.nlp.dialect import standardize
from bot.nlp.information_asked import requests_information
from bot.nlp.normalize import command_form, command_words, fold_token, is_syllable, tokens_said_at
from bot.nlp.someone_within import someone_taken_out

DEFAULT_INTENTS = Path(__file__).resolve().parents[2] / "content" / "intents.toml"
MAX_WORDS = 25  # a longer message is read in its last clauses (``_last_clauses``): why first, the request last
MAX_WINDOWS = 8  # the runs of clauses read before the last ones (``_windows``): the request comes near the greeting
# where a sentence ends: a phrase never spans it (a full stop, "?", "!", "…", ";" or a new line, then a space)
_SENTENCE_END = re.compile(r"(?<=[.;!?…])\s+|\n+")
_BREAK = " | "  # in the padded word strings: no phrase holds "|", so none is found across it


def _marked_words(text: str) -> str:
    """Lowercase NFC words without punctuation, padded with spaces for whole-word search."""
    clean = "".join(c if c.isalnum() else " " for c in unicodedata.normalize("NFC", text).lower())
    return f" {' '.join(clean.split())} "


@lru_cache(maxsize=4096)
def _shorthand(word: str) -> str:
    """A chat shorthand's one reading, with its marks ("đc", "dc" → "được", "lm" → "làm", "j" → "gì"), else the
    word. Why: a message typed with diacritics is compared with its marks, and "bot lm đc những j" has none on
    its shorthand. Ambiguous shorthand ("mk" = mật khẩu | mình) is left as typed: the phrase lists spell it."""
    folded = fold_token(word)
    if is_syllable(folded):
        return word
    reading = COMMAND.get(folded) or COMMON.get(folded)
    return reading if reading and "|" not in reading else word


# Building the table word by word (intspeed): content/intents.toml expands to some 26 000 phrases made of some 600
# distinct words, and reading each phrase whole (Unicode normalisation, splitting, decoding) cost most of the
# 0.7 s ``load_intents`` took. Both readings below work within a whitespace-separated word (a word's marks and its
# command form never depend on the next word), so a phrase's reading is its words' readings in order. An "&" can
# join two words ("TT & TT") and a capital sigma is lowercased by its neighbours: such a phrase is read whole.
def _whole_only(text: str) -> bool:
    return "&" in text or "\u03a3" in text


class _WordForms(NamedTuple):
    """One whitespace-separated word of a phrase, read as the table reads a whole phrase."""

    folded: str  # command_form(word): the folded words joined ("" for none)
    keyed: tuple[tuple[str, str], ...]  # (folded, tone key) per word, as Exclusion keeps them
    marked: str  # _marked_words(word) unpadded ("" for none)


@lru_cache(maxsize=65536)
def _word_forms(word: str) -> _WordForms:
    words = command_words.__wrapped__(word)
    return _WordForms(" ".join(w for w, _, _ in words), tuple((w, k) for w, k, _ in words),
                      _marked_words(word).strip())


def _phrase_forms(text: str) -> list[_WordForms] | None:
    """The forms of a phrase's words, or None when the phrase must be read whole (``_whole_only``)."""
    return None if _whole_only(text) else list(map(_word_forms, text.split()))


def _joined(parts: Iterable[str]) -> str:
    return " ".join(filter(None, parts))


@dataclass(frozen=True, slots=True)
class Phrase:
    marked: str  # " bỏ " (with marks, padded)
    folded: str  # " bo " (command_form, padded); "" when the folded form is too ambiguous to use

    @classmethod
    def of(cls, text: str, unmarked_words: frozenset[str]) -> Phrase:
        forms = _phrase_forms(text)  # read word by word: the same as read whole
        folded = command_form(text) if forms is None else _joined(f.folded for f in forms)
        marked = _marked_words(text) if forms is None else f" {_joined(f.marked for f in forms)} "
        usable = len(folded.split()) > 1 or folded in unmarked_words
        return cls(marked, f" {folded} " if usable else "")

    def found(self, marked: str, folded: str, accented: bool) -> bool:
        if accented:
            return self.marked in marked
        return bool(self.folded) and self.folded in folded


Word = tuple[str, str, bool]  # (folded, tone key, marks known): see command_words


@dataclass(frozen=True, slots=True)
class Exclusion:
    """An "unless" phrase: a folded substring test first (cheap, almost always false), then word by word."""

    folded: str  # " dung " (padded)
    words: tuple[tuple[str, str], ...]  # (folded, tone key) per word

    @classmethod
    def of(cls, text: str) -> Exclusion:
        forms = _phrase_forms(text)  # read word by word: the same as read whole
        if forms is None:
            words = command_words(text)
            return cls(f" {' '.join(w for w, _, _ in words)} ", tuple((w, k) for w, k, _ in words))
        return cls(f" {_joined(f.folded for f in forms)} ",
                   tuple(itertools.chain.from_iterable(f.keyed for f in forms)))

    def found(self, folded: str, message: tuple[Word, ...]) -> bool:
        """Whether the phrase is in the message. A message word's marks count only where they are known
        (``sure``): a word typed without marks may be any word of its folded form ("dung" may be "dừng"), and
        an exclusion only ever sends the message to the knowledge base."""
        return self.folded in folded and any(True for _ in self.at(message))

    def at(self, message: tuple[Word, ...]) -> Iterable[int]:
        """Where in the message the phrase starts (word positions), compared as :meth:`found` says."""
        return (i for i in range(len(message) - len(self.words) + 1) if _tokens_at(self.words, message, i))

    def said_at(self, message: tuple[Word, ...], i: int) -> bool:
        """Whether the phrase is said at word ``i`` of the message, compared as :meth:`found` says."""
        return _tokens_at(self.words, message, i)


def _any(phrases: tuple[Exclusion, ...], folded: str, words: tuple[Word, ...]) -> bool:
    return any(p.folded in folded and p.found(folded, words) for p in phrases)


any_said = _any  # for the readers beside the router (send_refused)


Token = tuple[str, str]  # (folded, tone key): one word of an exclusion, as Exclusion.words holds it


_tokens_at = tokens_said_at  # bot.nlp.normalize: shared with the reader of requests for information


class _Slot:
    """One place of a phrase template: a class's members (each read into its words once) or a literal, by their first
    folded word. ``empty``: a member reads to no word."""

    __slots__ = ("empty", "heads")

    def __init__(self, alternatives: Iterable[tuple[Token, ...]]) -> None:
        heads: dict[str, list[tuple[Token, ...]]] = {}
        self.empty = False
        for tokens in dict.fromkeys(alternatives):
            if tokens:
                heads.setdefault(tokens[0][0], []).append(tokens)
            else:
                self.empty = True
        self.heads = {w: tuple(ts) for w, ts in heads.items()}

    def ends(self, words: tuple[Word, ...], starts: Iterable[int]) -> set[int]:
        """Where a member said at one of ``starts`` ends."""
        ends: set[int] = set()
        for i in starts:
            if self.empty:
                ends.add(i)
            if i < len(words):
                ends.update(i + len(t) for t in self.heads.get(words[i][0], ()) if _tokens_at(t, words, i))
        return ends


_Template = tuple[_Slot, ...]


class ExclusionTable:
    """A long list of exclusions kept as the templates content/intents.toml writes ("@for_whom @others", "@kin của @me
    @want @resume_verb"), not as every phrase they expand to (session 17: the ``unless``, ``spare`` and ``for_others``
    lists expanded to some 96 000 :class:`Exclusion` objects, 24 MiB of a worker's memory). A class's members are read
    once (:class:`_Slot`, shared by every template that names it); a template is matched at a message's word by
    following its slots. Says what a tuple of the expanded phrases said: a phrase is found where its words are said
    (:meth:`Exclusion.at`) and its folded text is in ``folded`` (:meth:`Exclusion.found`); a phrase of no word is
    never found (it had no first word to be indexed by)."""

    __slots__ = ("starts",)

    def __init__(self, templates: Iterable[_Template] = ()) -> None:
        starts: dict[str, dict[_Template, None]] = {}
        for template in dict.fromkeys(templates):
            for w in _first_words(template):
                starts.setdefault(w, {})[template] = None
        self.starts = {w: tuple(ts) for w, ts in starts.items()}  # the templates by the folded words they start with

    def __bool__(self) -> bool:
        return bool(self.starts)

    def spans(self, words: tuple[Word, ...]) -> Iterator[tuple[int, int]]:
        """Each (start, end) of ``words`` where a phrase of the table is said (no phrase's folded text checked)."""
        for i, (w, _, _) in enumerate(words):
            for template in self.starts.get(w, ()):
                ends = {i}
                for slot in template:
                    ends = slot.ends(words, ends)
                    if not ends:
                        break
                yield from ((i, j) for j in ends if j > i)

    def said(self, folded: str, words: tuple[Word, ...]) -> Iterator[tuple[int, int, str]]:
        """Each (start, end, folded phrase) of a phrase found in the message (:meth:`Exclusion.found`): said at that
        place, and its folded text also in ``folded`` (so within a sentence somewhere)."""
        for i, j in self.spans(words):
            phrase = f" {' '.join(w for w, _, _ in words[i:j])} "
            if phrase in folded:
                yield i, j, phrase

    def found(self, folded: str, words: tuple[Word, ...]) -> bool:
        """Whether a phrase of the table is found in the message (as :func:`_any` over the expanded phrases)."""
        return any(True for _ in self.said(folded, words))

    def phrases(self) -> Iterator[tuple[Token, ...]]:
        """Every phrase of the table, as words (for tests: the expansion read whole)."""
        for template in dict.fromkeys(t for ts in self.starts.values() for t in ts):
            for choice in itertools.product(*(_alternatives(slot) for slot in template)):
                yield tuple(itertools.chain.from_iterable(choice))


_NO_EXCLUSIONS = ExclusionTable()


def _alternatives(slot: _Slot) -> list[tuple[Token, ...]]:
    return [*([()] if slot.empty else []), *itertools.chain.from_iterable(slot.heads.values())]


def _first_words(template: _Template) -> set[str]:
    """The folded words a phrase of ``template`` can start with (a slot that may be empty lets the next one start)."""
    words: set[str] = set()
    for slot in template:
        words.update(slot.heads)
        if not slot.empty:
            break
    return words


def _tokens(text: str) -> tuple[Token, ...] | None:
    """The words of ``text`` as :meth:`Exclusion.of` reads them, word by word; None when it must be read whole."""
    forms = _phrase_forms(text)
    return None if forms is None else tuple(itertools.chain.from_iterable(f.keyed for f in forms))


class _TableBuilder:
    """Reads templates into :class:`ExclusionTable` s, one :class:`_Slot` per class and per literal for the whole table
    (every list that names ``@me`` shares its slot)."""

    def __init__(self, vocabulary: dict[str, list[str]]) -> None:
        self.vocabulary = vocabulary
        self.slots: dict[object, _Slot] = {}

    def table(self, texts: Iterable[str]) -> ExclusionTable:
        templates: list[_Template] = []
        for text in dict.fromkeys(texts):
            template = self._template(text)
            if template is not None:
                templates.append(template)
            else:  # read each phrase whole, as before
                templates += [(self._slot(("", tokens), [tokens]),)
                              for tokens in dict.fromkeys(Exclusion.of(p).words for p in expand(text, self.vocabulary))]
        return ExclusionTable(templates)

    def _slot(self, key: object, alternatives: Iterable[tuple[Token, ...]]) -> _Slot:
        slot = self.slots.get(key)
        if slot is None:
            slot = self.slots[key] = _Slot(alternatives)
        return slot

    def _template(self, text: str) -> _Template | None:
        """``text``'s slots, or None where its expansion must be read phrase by phrase: an unknown class (``expand``
        says which), a class named with no space between it and a word ("@me's": the words join), a phrase read
        whole (``_whole_only``)."""
        names = _REF.findall(text)
        literals = _REF.split(text)[::2]
        if any(n not in self.vocabulary for n in names):
            return None
        for m in range(len(names)):
            before, after = literals[m], literals[m + 1]
            if not (before[-1:].isspace() or (m == 0 and not before)) \
                    or not (after[:1].isspace() or (m == len(names) - 1 and not after)):
                return None
        slots: list[_Slot] = []
        for m, literal in enumerate(literals):
            tokens = _tokens(literal)
            if tokens is None:
                return None
            if tokens:
                slots.append(self._slot(("", tokens), [tokens]))
            if m < len(names):
                members = [_tokens(w) for w in self.vocabulary[names[m]]]
                if any(t is None for t in members):
                    return None
                slots.append(self._slot(("@", names[m]), members))  # type: ignore[arg-type]
        return tuple(slots)


@dataclass(frozen=True, slots=True)
class Request:
    """Whether a message says the citizen wants something done (overrides a command's ``asks``)."""

    wants: tuple[Exclusion, ...] = ()
    but_not: tuple[Exclusion, ...] = ()

    def said(self, folded: str, words: tuple[Word, ...]) -> bool:
        return _any(self.wants, folded, words) and not _any(self.but_not, folded, words)


def _head(words: list[str]) -> str:
    """A phrase's index key: its first two words, or its one word ("cho tôi", "muốn")."""
    return " ".join(words[:2])


def _by_first_word(phrases: list[tuple[str, Phrase]]) -> dict[str, tuple[Phrase, ...]]:
    """The phrases by their first two words (one-word phrases by that word). Why two: a class expands a head
    like "cho" into hundreds of phrases ("cho @me @act"), and a message would test them all (round 8)."""
    index: dict[str, list[Phrase]] = {}
    for text, phrase in phrases:
        if text:
            index.setdefault(_head(text.split(None, 2)), []).append(phrase)  # the first two words are enough
    return {w: tuple(dict.fromkeys(ps)) for w, ps in index.items()}


def _keys(text: str) -> set[str]:
    """The index keys a message can hold: each word and each pair of adjacent words."""
    words = text.split()
    return {*words, *(f"{a} {b}" for a, b in itertools.pairwise(words))}


def _said(marked_heads: dict[str, tuple[Phrase, ...]], folded_heads: dict[str, tuple[Phrase, ...]], marked: str,
          folded: str, accented: bool) -> set[Phrase]:
    """The indexed phrases a message says: each tested once, only where its first two words are in the message
    (linear in the message: a bounded number of substring tests). A phrase is under one key only and each key
    is looked up once, so no set of candidates is needed (hashing each one cost more than testing it)."""
    heads, text = (marked_heads, marked) if accented else (folded_heads, folded)
    return {p for w in _keys(text) for p in heads.get(w, ()) if p.found(marked, folded, accented)}


@dataclass(frozen=True, slots=True)
class Intent:
    name: str
    patterns: tuple[tuple[tuple[Phrase, ...], ...], ...]
    unless: ExclusionTable
    asks: tuple[Exclusion, ...] = ()
    request: Request = Request()
    wants: tuple[Exclusion, ...] = ()  # a wish for this command that overrides ``asks`` whatever ``but_not`` says
    wish_patterns: tuple[tuple[tuple[Exclusion, ...], ...], ...] = ()  # a wish said in parts: every group present
    alone: frozenset[str] = frozenset()  # folded phrases that match when they are the whole message (fillers aside)
    # folded last words that ask how, like ``asks``, only where they end the message, fillers aside (round 11:
    # "dừng nhận tin nhắn từ shop online sao"; "sao" elsewhere is often a complaint before the request)
    asks_last: frozenset[str] = frozenset()
    # phrases the exclusions do not see (round 13): a question word said as an indefinite ("xóm tui có mấy bà bán
    # cá … muốn kể": "có mấy" = there are some, not how many), the citizen's own data named among what to erase
    # ("cả tên với số điện thoại": not the device "điện thoại")
    spare: ExclusionTable = _NO_EXCLUSIONS
    # phrases spared only where no sentence of the message asks by itself (review 15, H5): "nên tôi" is "so I" in a
    # story told ("… hay lắm nên tôi muốn kể cho kênh") and "should I" in a question ("không biết nên tôi gửi … không")
    spare_told: tuple[Exclusion, ...] = ()
    # phrases spared where one of their anchors is said after them (round 16): a stop told before a wish to receive
    # again ("Tuần trước tôi lỡ nhắn dừng nhận bản tin, giờ muốn nhận lại …" resumes), a yes/no asked before "thì" and
    # a request ("Mỗi tuần kênh có gửi tin tổng hợp … thì cho tôi nhận với": the question is the request's condition)
    spare_before: tuple[tuple[tuple[Exclusion, ...], tuple[Exclusion, ...]], ...] = ()
    # an exclusion said in parts, in order, within one sentence (review of round 15, H3): a wish before "thì làm gì"
    # ("muốn góp sức … thì làm gì") asks about the goal; "mới vào không biết gì thì làm gì" says none
    # … unless a phrase of its optional third group is said anywhere (the channel named: "tôi không rành, kênh này giúp
    # được gì" stays help)
    in_order: tuple[tuple[tuple[Exclusion, ...], ...], ...] = ()
    # a request to be shown (``shown``) followed by anything but ``shown_bare`` or the sentence's end asks to be shown
    # something else (review of round 15, H4: "chỉ bà cách gọi video với" is Zalo's, not the channel's help)
    shown: tuple[Exclusion, ...] = ()
    shown_bare: tuple[Exclusion, ...] = ()
    # the patterns' phrases by their first word, and each group as a set: a message is looked up word by word
    # (a class expands to hundreds of phrases, "@bot @can_do"; testing each one per message cost 60 µs)
    marked_heads: dict[str, tuple[Phrase, ...]] = field(default_factory=dict, compare=False)
    folded_heads: dict[str, tuple[Phrase, ...]] = field(default_factory=dict, compare=False)
    groups: tuple[tuple[frozenset[Phrase], ...], ...] = ()

    @classmethod
    def of(cls, name: str, patterns: tuple[tuple[tuple[Phrase, ...], ...], ...], unless: ExclusionTable,
           asks: tuple[Exclusion, ...] = (), request: Request = Request(), wants: tuple[Exclusion, ...] = (),
           alone: frozenset[str] = frozenset(),
           wish_patterns: tuple[tuple[tuple[Exclusion, ...], ...], ...] = (),
           asks_last: frozenset[str] = frozenset(), spare: ExclusionTable = _NO_EXCLUSIONS,
           spare_told: tuple[Exclusion, ...] = (),
           spare_before: tuple[tuple[tuple[Exclusion, ...], tuple[Exclusion, ...]], ...] = (),
           in_order: tuple[tuple[tuple[Exclusion, ...], ...], ...] = (),
           shown: tuple[Exclusion, ...] = (), shown_bare: tuple[Exclusion, ...] = ()) -> Intent:
        phrases = [p for pattern in patterns for group in pattern for p in group]
        return cls(name, patterns, unless, asks, request, wants, wish_patterns, alone, asks_last, spare, spare_told,
                   spare_before, in_order, shown, shown_bare,
                   _by_first_word([(p.marked, p) for p in phrases]),
                   _by_first_word([(p.folded, p) for p in phrases]),
                   tuple(tuple(frozenset(group) for group in pattern) for pattern in patterns))

    def said(self, marked: str, folded: str, accented: bool) -> set[Phrase]:
        """The patterns' phrases the message says (see :func:`_said`)."""
        return _said(self.marked_heads, self.folded_heads, marked, folded, accented)

    def matches(self, marked: str, folded: str, accented: bool, words: tuple[Word, ...], bare: str = "",
                found: set[Phrase] | None = None) -> bool:
        """Whether the message asks for this command; ``bare`` is its folded words without the fillers, ``found``
        the phrases of every command it says (computed once per message by :class:`Intents`)."""
        if bare in self.alone:
            return True
        # the patterns first: most messages say no command, and then no exclusion needs a look (latency)
        if found is None:
            found = self.said(marked, folded, accented)
        if not found or not any(all(not group.isdisjoint(found) for group in pattern) for pattern in self.groups):
            return False
        if self.shows_else(folded, words):
            return False
        folded, words = self.spared(folded, words)
        if self.unless.found(folded, words) or self.said_in_order(folded, words):
            return False
        asked = _any(self.asks, folded, words) or bare.rpartition(" ")[2] in self.asks_last
        return (not asked or self.request.said(folded, words)
                or _any(self.wants, folded, words) or self.wished(folded, words))

    def spared(self, folded: str, words: tuple[Word, ...]) -> tuple[str, tuple[Word, ...]]:
        """The message as the exclusions read it: each ``spare`` phrase said in it read as a break (``"|"``), so
        no exclusion finds its words. Unchanged (the same objects) when none is said: most messages."""
        hits = [(i, j - i) for i, j, said in self.spare.said(folded, words) if _spares(said, folded)]
        told = [p for p in self.spare_told if p.folded in folded]
        if told and not any(asks_by_itself(s) for s in folded.split(_BREAK)):
            hits += [(i, len(p.words)) for p in told for i in p.at(words)]
        hits += _spared_before(self.spare_before, folded, words)
        if not hits:
            return folded, words
        masked = list(words)
        for i, n in hits:
            masked[i : i + n] = [_SPARED] * n
        # the words masked where they stand in ``folded``, so its sentence breaks stay (review 13, L1: rebuilt from
        # ``words``, "… đừng để bị. Hủy luôn nha" read "bị hủy" across the full stop)
        position = iter(masked)
        return f" {' '.join(t if t == '|' else next(position)[0] for t in folded.split())} ", tuple(masked)

    def excluded(self, folded: str, words: tuple[Word, ...]) -> bool:
        """Whether an ``unless`` phrase is said (or an ``in_order`` one, or something else is to be shown), ``spare``
        aside."""
        if self.shows_else(folded, words):
            return True
        spared = self.spared(folded, words)
        return self.unless.found(*spared) or self.said_in_order(*spared)

    def said_in_order(self, folded: str, words: tuple[Word, ...]) -> bool:
        """Whether, for one ``in_order`` pair, a phrase of the first group is said before one of the second within
        one sentence (no break between them in ``folded``)."""
        for first, then, spared in self.in_order:
            if _any(spared, folded, words):
                continue
            starts = [folded.find(p.folded) for p in first if p.folded in folded and p.found(folded, words)]
            if not starts:
                continue
            start = min(starts)
            for p in then:
                end = folded.rfind(p.folded)
                if end > start and " | " not in folded[start:end] and p.found(folded, words):
                    return True
        return False

    def shows_else(self, folded: str, words: tuple[Word, ...]) -> bool:
        """Whether a ``shown`` request is followed, in its sentence, by words no ``shown_bare`` phrase starts with: the
        asker wants to be shown how to do something else ("chỉ bà cách gọi video", "hướng dẫn bác gọi điện")."""
        said = [p for p in self.shown if p.folded in folded]
        if not said:
            return False
        breaks = _sentence_starts(folded)
        for p in said:
            for i in p.at(words):
                after = i + len(p.words)
                if after < len(words) and after not in breaks \
                        and not any(_starts_at(q, words, after) for q in self.shown_bare):
                    return True
        return False

    def wished(self, folded: str, words: tuple[Word, ...]) -> bool:
        """Whether one of the ``wish_patterns`` is said: each group somewhere in the message."""
        return any(all(_any(group, folded, words) for group in pattern) for pattern in self.wish_patterns)


_SPARED: Word = ("|", "", False)  # a spared word: no exclusion holds "|"


def _spared_before(pairs: tuple[tuple[tuple[Exclusion, ...], tuple[Exclusion, ...]], ...], folded: str,
                   words: tuple[Word, ...]) -> list[tuple[int, int]]:
    """The (position, length) of each phrase of a ``spare_before`` pair said before the last of its anchors (a
    bounded number of substring tests, then word matches only where the substring is found)."""
    hits: list[tuple[int, int]] = []
    for spared, anchors in pairs:
        last = max((i for a in anchors if a.folded in folded for i in a.at(words)), default=-1)
        if last > 0:
            hits += [(i, len(p.words)) for p in spared if p.folded in folded for i in p.at(words) if i < last]
    return hits


def _sentence_starts(folded: str) -> frozenset[int]:
    """The word positions (in the words of ``folded``, breaks not counted) that begin a sentence after the first."""
    starts: set[int] = set()
    i = 0
    for token in folded.split():
        if token == "|":
            starts.add(i)
        else:
            i += 1
    return frozenset(starts)


def _starts_at(phrase: Exclusion, words: tuple[Word, ...], i: int) -> bool:
    """Whether ``phrase`` is said at word ``i`` of ``words``."""
    return _tokens_at(phrase.words, words, i)


def _spares(phrase: str, folded: str) -> bool:
    """Whether a ``spare`` phrase (folded, padded) said in ``folded`` is spared there: "ở đâu cả" only where it says
    nowhere (review 14b, M4: "chỉ không biết thông tin của tôi lưu ở đâu cả" asks where, and no command takes it)."""
    return " o dau " not in phrase or says_nowhere(folded)
_REF = re.compile(r"@(\w+)")


def expand(text: str, vocabulary: dict[str, list[str]]) -> list[str]:
    """``"cho @me"`` → ``["cho tôi", "cho mình", …]``: every combination of the classes named in a phrase."""
    names = _REF.findall(text)
    if not names:
        return [text]
    unknown = [n for n in names if n not in vocabulary]
    if unknown:
        raise ValueError(f"intents: unknown word class @{unknown[0]} in {text!r}")
    literals = _REF.split(text)[::2]  # literal, name, literal, name, …, literal: the literals around the names
    template = "{}".join(p.replace("{", "{{").replace("}", "}}") for p in literals)
    return [" ".join(template.format(*choice).split())
            for choice in itertools.product(*(vocabulary[n] for n in names))]


@dataclass(frozen=True, slots=True)
class Told:
    """Words that make a clause tell rather than ask (review 15, ``[request]`` of content/intents.toml)."""

    still: tuple[Exclusion, ...] = ()  # a state that goes on: "vẫn", "hoài" ("… nhưng vẫn nhận bản tin hoài")
    done: tuple[Exclusion, ...] = ()  # an act done: "đã", "rồi", "xong" ("Em đã bấm hủy đăng ký …")
    closes: tuple[Exclusion, ...] = ()  # what closes a condition: "thì" ("Nếu hủy bản tin thì sao, …")
    reported: tuple[Exclusion, ...] = ()  # someone else's words, a past slip: "bảo", "nói", "lỡ nhắn", "tuần trước"
    wants: tuple[Exclusion, ...] = ()  # ``[request] wants``: a wish said ("muốn", "hủy giúp tôi", "… luôn")
    # review 17 (H1/H2): what makes a stop told done the digest's (``complained_of``: the digest or this channel named,
    # or the stop said bare, "hủy đăng ký rồi"), what makes it something else's (``complained_elsewhere``: a bank, a
    # SIM, an account, an advertiser), what the state that goes on must say (``still_received``: "vẫn nhận / thấy /
    # gửi", not "vẫn bị trừ tiền"), and a wish to get the digest back (``resumed``: "nhận lại", "đăng ký lại")
    complained_of: tuple[Exclusion, ...] = ()
    complained_elsewhere: tuple[Exclusion, ...] = ()
    still_received: tuple[Exclusion, ...] = ()
    resumed: tuple[Exclusion, ...] = ()
    # review 17 (M5): who did the stop, when someone else ("Mẹ tôi đã hủy đăng ký rồi mà vẫn nhận bản tin": the reply
    # would speak of the asker's account), and the words that make it the asker's all the same ("… giúp tôi")
    stopped_by: tuple[Exclusion, ...] = ()
    stopped_for_me: tuple[Exclusion, ...] = ()
    # a how asked after the complaint (review 17, H2: "…, tôi muốn nhận lại thì gõ gì"; not "sao vậy?", a why)
    complaint_asks: tuple[Exclusion, ...] = ()


@dataclass(frozen=True, slots=True)
class Intents:
    """The commands in the order they are tried, and the words that carry no request (for ``alone``)."""

    commands: tuple[Intent, ...]
    filler: frozenset[str] = frozenset()  # folded single words
    # a stop word said of something else ("khỏi đợi", "đừng lo"): its words read as a sentence break (round 11)
    elsewhere: tuple[Phrase, ...] = ()
    # every command's phrases in one index: a message looks its words up once, not once per command (latency)
    marked_heads: dict[str, tuple[Phrase, ...]] = field(default_factory=dict, compare=False)
    folded_heads: dict[str, tuple[Phrase, ...]] = field(default_factory=dict, compare=False)
    # the ``elsewhere`` phrases by their first two words, as the patterns' (a class expands them to hundreds)
    aside_marked: dict[str, tuple[Phrase, ...]] = field(default_factory=dict, compare=False)
    aside_folded: dict[str, tuple[Phrase, ...]] = field(default_factory=dict, compare=False)
    # the words that say a request to the channel ("xin", "giùm", "cho tôi", "nhé"): a run of clauses read in the
    # middle of a long message needs one (review 13, M4), else it tells of something done, not asked
    addressed: tuple[Exclusion, ...] = ()
    # a condition ("nếu", "giả sử"): told before "nhưng", the request after it is a case asked about (round 15)
    conditional: tuple[Exclusion, ...] = ()
    # "but" (``[request] contrast``): where a concession ends and the request starts (round 15, ``_conceded``)
    contrast: re.Pattern[str] | None = None
    # what a message tells rather than asks (review 15, ``[request]``): a state that goes on ("vẫn", ``still``), an
    # act done (``done``), a condition closed ("thì", ``closes``), someone else's words or a past slip (``reported``)
    told: Told = field(default_factory=lambda: Told())
    # a request made for someone else (round 16, ``[request] for_others``: "hủy đăng ký cho mẹ tôi"), by first word
    for_others: ExclusionTable = field(default_factory=ExclusionTable, compare=False)
    # the asker saying that what follows is asked, with a colon ("Tôi hỏi: …", ``[request] asks_as``, review 16 H2/H3:
    # said bare, "tôi hỏi lại lần nữa" tells, and unmarked "toi hoi" is also "tôi hơi", a bit)
    asks_as: re.Pattern[str] | None = None
    # round 17: a relative named bare ("hủy đăng ký cho bố"), compared with marks only (padded marked phrases: typed
    # without them "cho ba" is also "cho bà", a grandmother speaking), and someone named by a title and a name ("giùm
    # chị Lan"): the words said on someone's behalf (``on_behalf``), the titles, the words no name is (``not_named``)
    for_others_marked: tuple[str, ...] = ()
    on_behalf: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    not_named: frozenset[str] = frozenset()
    # how a request said to the channel may open (``[request] opens``: the stop itself, "xin", the channel called)
    opens: tuple[Exclusion, ...] = ()
    # review 17 (M3/M4): what "cho X" is followed by when it means "so that X …" (``purpose``: "cho vợ khỏi cằn nhằn"),
    # and the relatives named bare that are read folded too (``for_others_folded``: "huy dang ky cho bo")
    purpose: frozenset[str] = frozenset()
    for_others_folded: tuple[str, ...] = ()
    # round 18: the unmarked relatives the asker may call himself ("ba" = "bà", "ma" = "má", ``speaks_as``)
    speaks_as: frozenset[str] = frozenset()
    pleads: frozenset[str] = frozenset()  # review 18: "… giùm mà" (``[request] pleads``)
    mine: frozenset[str] = frozenset()  # review 18: "ba tui" (``[request] mine``)
    vocative: frozenset[str] = frozenset()  # review 18: "…, nghe con" (``[request] vocative``)

    @classmethod
    def of(cls, commands: tuple[Intent, ...], filler: frozenset[str] = frozenset(),
           elsewhere: tuple[Phrase, ...] = (), addressed: tuple[Exclusion, ...] = (),
           conditional: tuple[Exclusion, ...] = (), contrast: tuple[str, ...] = (),
           told: Told | None = None, for_others: ExclusionTable | None = None,
           asks_as: tuple[str, ...] = (), for_others_marked: tuple[str, ...] = (),
           on_behalf: frozenset[str] = frozenset(), titles: frozenset[str] = frozenset(),
           not_named: frozenset[str] = frozenset(), opens: tuple[Exclusion, ...] = (),
           purpose: frozenset[str] = frozenset(), for_others_folded: tuple[str, ...] = (),
           speaks_as: frozenset[str] = frozenset(), pleads: frozenset[str] = frozenset(),
           mine: frozenset[str] = frozenset(), vocative: frozenset[str] = frozenset()) -> Intents:
        phrases = [p for c in commands for pattern in c.patterns for group in pattern for p in group]
        return cls(commands, filler, elsewhere, _by_first_word([(p.marked, p) for p in phrases]),
                   _by_first_word([(p.folded, p) for p in phrases]),
                   _by_first_word([(p.marked, p) for p in elsewhere]),
                   _by_first_word([(p.folded, p) for p in elsewhere]), addressed, conditional,
                   _contrast(contrast), told if told is not None else Told(),
                   for_others if for_others is not None else ExclusionTable(),
                   _asks_as(asks_as), tuple(dict.fromkeys(_marked_words(p) for p in for_others_marked)),
                   on_behalf, titles, not_named, opens, purpose, for_others_folded, speaks_as, pleads, mine,
                   vocative)

    def set_aside(self, text: str, accented: bool) -> str:
        """``text`` (padded words, marked when ``accented``, else folded) with every ``elsewhere`` phrase read as
        a sentence break: "cho xem tin tuần này luôn đi ad, khỏi đợi" stops no digest; its "khỏi" is said of
        the waiting. Only the patterns' text: the exclusions still read every word."""
        heads = self.aside_marked if accented else self.aside_folded
        candidates = {(p.marked if accented else p.folded) for w in _keys(text) for p in heads.get(w, ())}
        for said in sorted(candidates, key=lambda c: (-len(c), c)):  # the longest first, in a fixed order
            if said in text:
                text = text.replace(said, _BREAK)
        return text

    def said(self, marked: str, folded: str, accented: bool) -> set[Phrase]:
        return _said(self.marked_heads, self.folded_heads, marked, folded, accented)

    def bare(self, folded: str) -> str:
        """``folded`` without its filler words ("ad oi huong dan su dung voi" → "huong dan su dung")."""
        return " ".join(w for w in folded.split() if w not in self.filler and w != "|")


def expanded_vocabulary(table: dict[str, list[str]]) -> dict[str, list[str]]:
    """The ``[vocabulary]`` classes with their ``@class`` references expanded (one reading for every reader of the
    file: the router here, ``send_refused``, ``features_shown``)."""
    vocabulary: dict[str, list[str]] = {}
    for name, words in table.items():  # a class may use the classes listed before it
        vocabulary[name] = [w for p in words for w in expand(p, vocabulary)]
    return vocabulary


@lru_cache(maxsize=1)
def _intents_data() -> dict[str, Any]:
    """``content/intents.toml`` as parsed, read once for every reader beside the router's table (which reads its own
    copy: :func:`load_intents` takes a path and pops the tables it has read)."""
    return tomllib.loads(DEFAULT_INTENTS.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def intents_file() -> tuple[Mapping[str, list[str]], Mapping[str, list[str]]]:
    """``content/intents.toml``'s ``[request]`` lists and its expanded ``[vocabulary]``, read once for the readers that
    bind the file's phrases to a clause beside the router (``send_refused``, ``stop_bound``, ``this_issue``,
    ``features_shown``, ``stop_with_digest``, ``digest_named``, ``erase_told``, ``stopped_for``): one reading of the
    file instead of one per reader. Read-only views (review of tidy23, L3): the parse is shared, so a reader that
    changed it would change every other reader's lists."""
    data = _intents_data()
    return (MappingProxyType(data.get("request", {})),
            MappingProxyType(expanded_vocabulary(data.get("vocabulary", {}))))


def command_lists(name: str) -> Mapping[str, Any]:
    """One command's table of the intents file as written (``[subscribe]``: its ``unmet`` and ``met`` lists, which
    ``digest_asked`` reads folded, not as phrases), as a read-only view of the shared parse (review of tidy23, L3)."""
    table = _intents_data().get(name, {})
    return MappingProxyType(table if isinstance(table, dict) else {})


def phrases_of(texts: Iterable[str]) -> tuple[Exclusion, ...]:
    """Phrases of the intents file with their ``@class`` references expanded, each once, in the file's order."""
    vocabulary = intents_file()[1]
    return tuple(dict.fromkeys(Exclusion.of(p) for t in texts for p in expand(t, vocabulary)))


@lru_cache(maxsize=64)
def request_phrases(key: str) -> tuple[Exclusion, ...]:
    """The phrases of one ``[request]`` list (:func:`phrases_of`), built once per list: the readers ask for them on
    every message."""
    return phrases_of(intents_file()[0].get(key, []))


def load_intents(path: Path = DEFAULT_INTENTS) -> Intents:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    plain = frozenset(data.pop("unmarked_words", ()))
    filler = frozenset(w for p in data.pop("filler", ()) for w in command_form(p).split())
    elsewhere_spec, elsewhere_marked = data.pop("elsewhere", ()), data.pop("elsewhere_marked", ())
    vocabulary = expanded_vocabulary(data.pop("vocabulary", {}))
    request_spec = data.pop("request", {})

    def phrases(texts: list[str]) -> list[str]:
        return list(dict.fromkeys(w for t in texts for w in expand(t, vocabulary)))

    # one object per distinct exclusion and phrase of the whole table (the same words recur in many lists), and the
    # long lists kept as their templates (:class:`ExclusionTable`)
    shared: dict[object, object] = {}
    table = _TableBuilder(vocabulary).table

    def exclusions(texts: list[str]) -> tuple[Exclusion, ...]:
        return tuple(dict.fromkeys(shared.setdefault(x, x) for x in map(Exclusion.of, phrases(texts))))  # type: ignore[misc]

    def phrase(text: str) -> Phrase:
        return shared.setdefault(p := Phrase.of(text, plain), p)  # type: ignore[return-value]

    request = Request(exclusions(request_spec.get("wants", [])), exclusions(request_spec.get("but_not", [])))
    return Intents.of(tuple(
        Intent.of(name,
                  tuple(tuple(tuple(phrase(p) for p in phrases(group)) for group in pattern)
                        for pattern in spec["patterns"]),
                  table(spec.get("unless", [])), exclusions(spec.get("asks", [])), request,
                  exclusions(spec.get("wants", [])), frozenset(command_form(p) for p in phrases(spec.get("alone", []))),
                  tuple(tuple(exclusions(group) for group in pattern) for pattern in spec.get("wish_patterns", [])),
                  frozenset(command_form(p) for p in spec.get("asks_last", [])),
                  table(spec.get("spare", [])), exclusions(spec.get("spare_told", [])),
                  tuple((exclusions(first), exclusions(then)) for first, then in spec.get("spare_before", [])),
                  tuple((exclusions(first), exclusions(then), exclusions(spared[0] if spared else []))
                        for first, then, *spared in spec.get("unless_in_order", [])),
                  exclusions(spec.get("shown", [])), exclusions(spec.get("shown_bare", [])))
        for name, spec in data.items()
    ), filler, (*(phrase(p) for p in phrases(elsewhere_spec)),
                *(Phrase(_marked_words(p), "") for p in phrases(elsewhere_marked))),
        exclusions(request_spec.get("addressed", [])), exclusions(request_spec.get("conditional", [])),
        tuple(request_spec.get("contrast", [])),
        Told(exclusions(request_spec.get("still", [])), exclusions(request_spec.get("done", [])),
             exclusions(request_spec.get("closes", [])), exclusions(request_spec.get("reported", [])),
             request.wants, *(exclusions(request_spec.get(k, [])) for k in
                              ("complained_of", "complained_elsewhere", "still_received", "resumed",
                               "stopped_by", "stopped_for_me", "complaint_asks"))),
        table(request_spec.get("for_others", [])),
        tuple(phrases(request_spec.get("asks_as", []))), tuple(phrases(request_spec.get("for_others_marked", []))),
        *(frozenset(_marked_words(w).strip() for w in phrases(words))
          for words in (vocabulary.get("on_behalf", []), request_spec.get("titles", []),
                        request_spec.get("not_named", []))),
        exclusions(request_spec.get("opens", [])),
        frozenset(form(w).strip() for w in phrases(request_spec.get("purpose", []) + request_spec.get("counted", []))
                  for form in (_marked_words, command_form)),
        tuple(dict.fromkeys(f" {command_form(p)} " for p in phrases(request_spec.get("for_others_folded", [])))),
        frozenset(command_form(w) for w in request_spec.get("speaks_as", [])),
        *(frozenset(command_form(w) for w in request_spec.get(k, [])) for k in ("pleads", "mine", "vocative")))


def _contrast(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """The "but" words as one pattern: typed with their marks anywhere as whole words, or folded right after a comma
    (unmarked "nhung" is also "những"). Longest first, so "nhưng mà" is taken whole."""
    if not words:
        return None
    ordered = sorted(dict.fromkeys(unicodedata.normalize("NFC", w.lower()) for w in words), key=len, reverse=True)
    marked = "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)
    folded = "|".join(r"\s+".join(map(re.escape, command_form(w).split())) for w in ordered)
    return re.compile(rf"(?<!\w)(?:{marked})(?!\w)|,\s*(?:{folded})(?!\w)", re.IGNORECASE)


def _asks_as(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """The "X hỏi" words followed by a colon, typed with their marks or without (folded), as whole words."""
    if not words:
        return None
    forms = {unicodedata.normalize("NFC", w.lower()) for w in words} | {command_form(w) for w in words}
    said = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{said})\s*:", re.IGNORECASE)


@lru_cache(maxsize=1)
def _intents() -> Intents:
    return load_intents()


def intents_table() -> Intents:
    """The commands of content/intents.toml, read once."""
    return _intents()


_CLAUSE_END = re.compile(r"(?<=[,.;!?…])\s+")


def _within(clauses: Iterable[str]) -> list[str]:
    """The clauses, in the order given, while their words stay within ``MAX_WORDS``."""
    taken: list[str] = []
    words = 0
    for clause in clauses:
        words += len(clause.split())
        if words > MAX_WORDS:
            break
        taken.append(clause)
    return taken


def _last_clauses(text: str) -> str:
    """The message's last clauses, whole, within ``MAX_WORDS`` (round 10): a long message that asks for a command
    says why first and asks last ("bà đọc không kịp, mắt kém, …, thôi đừng gửi bản tin cho bà nữa nghe con").
    The request is read there, with only the words said with it; "" when even the last clause is too long."""
    return " ".join(reversed(_within(reversed(_CLAUSE_END.split(text.strip())))))


def _first_clauses(text: str) -> str:
    """The message's first clauses, whole, within ``MAX_WORDS`` (round 11): a long message may ask first and say
    why after ("Ad ơi hủy bản tin giùm tui, tại dạo này tui đi làm ca đêm …"); "" when the first is too long."""
    return " ".join(_within(_CLAUSE_END.split(text.strip())))


def _windows(text: str) -> Iterator[tuple[int, str]]:
    """Each run of whole clauses within ``MAX_WORDS`` that ends before the message does, with the index of its first
    clause, from the first clause on. Round 11 read the first only ("Ad ơi hủy bản tin giùm tui, tại …"); a polite
    letter greets and introduces itself first, asks in the middle and thanks last (round 13: "Kính gửi quý kênh, tôi
    là hưu trí ở Gia Lâm, từ nay tôi xin phép thôi không nhận bản tin nữa vì …, và …. Xin cảm ơn."). A run that
    reaches the end lies within the last clauses, read before.

    Reasons do not ask: no run is read that holds or precedes a question mark, so the runs start after the last
    clause that asks. At most ``MAX_WINDOWS`` runs, found with a running word count (review 13, P2: one pass over
    the clauses, each joined into at most ``MAX_WINDOWS`` runs; it was quadratic in the clauses)."""
    clauses = _CLAUSE_END.split(text.strip())
    sizes = [len(c.split()) for c in clauses]
    first = 1 + max((i for i, c in enumerate(clauses) if "?" in c), default=-1)
    end = words = 0
    for start in range(first, min(len(clauses), first + MAX_WINDOWS)):
        if end <= start:
            end, words = start, 0
        while end < len(clauses) and words + sizes[end] <= MAX_WORDS:
            words += sizes[end]
            end += 1
        if end >= len(clauses):
            return
        if end > start:
            yield start, " ".join(clauses[start:end])
            words -= sizes[start]


@dataclass(frozen=True, slots=True)
class _Reading:
    """A message as the patterns read it: its words with their marks (when typed with them) and folded, each
    sentence apart, and its words one by one for the exclusions."""

    accented: bool
    marked: str
    folded: str
    message: tuple[Word, ...]

    @classmethod
    def of(cls, text: str) -> _Reading:
        words = _marked_words(text).split()
        accented = bool(words) and sum(not w.isascii() for w in words) * 3 >= len(words)
        # regional and English words read as the standard ones first, as the KB reads them ("Mần răng để dùng
        # cái kênh ni?" = "làm sao để dùng cái kênh này?", "stop gửi newsletter" = "stop gửi bản tin")
        text = standardize(text, marks=True)
        # a phrase is read within one sentence (round 11): "… mà bả quên. Tui cũng không nhớ" says no "quên tôi"
        sentences = [s for s in _SENTENCE_END.split(text) if s.strip()] or [text]
        marked = f" {_BREAK.join(' '.join(_shorthand(w) for w in _marked_words(s).split()) for s in sentences)} " \
            if accented else ""
        spoken = [command_words(s) for s in sentences]
        folded = f" {_BREAK.join(' '.join(w for w, _, _ in words) for words in spoken)} "  # = command_form
        return cls(accented, marked, folded, tuple(w for words in spoken for w in words))


def _read(text: str, intents: Intents, addressed: bool = False) -> str | None:
    """The command ``text`` (a message short enough to be read whole) asks for, or None. With ``addressed``, only
    when it also says the request to the channel (``[request] addressed``: a run read in the middle of a letter)."""
    if not text:
        return None
    r = _Reading.of(text)
    if addressed and not _any(intents.addressed, r.folded, r.message):
        return None
    bare = intents.bare(r.folded)
    found = intents.said(r.marked, r.folded, r.accented)
    name = next((c.name for c in intents.commands
                 if c.matches(r.marked, r.folded, r.accented, r.message, bare, found)), None)
    if name is None or not intents.elsewhere:
        return name
    # the words said of something else set aside, read again: setting aside only removes phrases, so a message
    # that reached no command above reaches none here, and most messages stop above (latency)
    found = intents.said(intents.set_aside(r.marked, True), intents.set_aside(r.folded, False), r.accented)
    return next((c.name for c in intents.commands
                 if c.matches(r.marked, r.folded, r.accented, r.message, bare, found)), None)


def plain_command(text: str, intents: Intents | None = None) -> str | None:
    """The command a plain-words message asks for (:func:`_plain_command`), unless it is the digest or a subscription
    that the message refuses in the clause asking for it ("không cần gửi bản tóm tắt tuần này", send_refused), or a
    stop said only of what a request spares the asker or of one issue ("đăng ký … để khỏi bỏ lỡ bản tin", "bản tin tuần
    này thì thôi nha", stop_bound)."""
    name = _plain_command(text, intents)
    if name in _INFORMED and _asks_information(text, name, intents):
        return None
    if name is None:
        from bot.nlp.resend_asked import asks_resend  # noqa: PLC0415 (it reads this module's phrases)

        # a missed issue asked again ("em chưa nhận được bản tin tuần này, gửi lại cho em nhé"): the digest, read as a
        # closed shape so that no refusal, question or other thing resent reaches it (round 27; review of cmd25, H1)
        return "digest" if asks_resend(text) else None
    if name == "unsubscribe":
        from bot.nlp.only_this_issue import asks_only_this_issue  # noqa: PLC0415 (it reads this module's phrases)
        from bot.nlp.stop_bound import stop_reread  # noqa: PLC0415 (it reads this module's phrases)

        # this issue asked for alone beside the stop ("không cần gửi mỗi tuần, chỉ gửi bản tin tuần này cho tôi", "gửi
        # mỗi bản tin tuần này thôi"): the digest, now (round 28); the other clauses must each be the stop read alone
        if asks_only_this_issue(text, lambda clause: _plain_command(clause, intents) == "unsubscribe"):
            return "digest"

        # a stop said only of what a request spares the asker, or of one issue, is no stop (review of cmd21, H3/H7).
        # Read again at most twice (review of cmd22, H1: a re-read per clause set aside was quadratic): the text
        # without its purpose holds none, and the issues refused are set aside to the fixed point in one pass
        for _ in range(2):
            again = stop_reread(text)
            if again is None:
                break
            if not again.strip():
                return None
            text, name = again, _plain_command(again, intents)
            if name != "unsubscribe":
                break
    if name in _SENDING_ASKED:
        from bot.nlp.sending_asked import asks_if_sent, asks_what_issue_says  # noqa: PLC0415 (reads this module's phrases)

        # whether sending goes on, asked, is no command; what the issue says, asked, is the digest, never the stop
        # (review of tidy23, M1/M2/H4: "bản tin tuần này còn gửi nữa không?", "… có đề cập tới việc hủy thẻ ATM không?")
        if asks_if_sent(text):
            return None
        if name == "unsubscribe" and asks_what_issue_says(text):
            name = "digest"
    if name == "subscribe":
        from bot.nlp.this_issue import asks_this_issue  # noqa: PLC0415 (it reads this module's phrases)

        name = "digest" if asks_this_issue(text) else name  # "gui tom tat tin nay cho minh": this issue, now
    if name in _SENT:
        from bot.nlp.send_refused import after_refusal, send_refused  # noqa: PLC0415 (it reads this module's phrases)
        from bot.nlp.this_issue import asks_about_an_issue  # noqa: PLC0415 (it reads this module's phrases)

        if asks_about_an_issue(text):
            return None
        if not send_refused(text, now=name == "digest"):
            return name
        # the digest refused, then something else asked ("bản tin tuần này thì thôi, kể chuyện này cho kênh nè: …"):
        # the rest read alone, once (no second refusal read: linear), and only for a command that sends no digest and
        # stops nothing (round 25)
        rest = after_refusal(text)
        name = _plain_command(rest, intents) if rest else None
        if name not in _AFTER_REFUSAL or (name == "story" and _rest_asks(rest)):
            return None
        text = rest  # what the command was read from
    if name == "help":
        from bot.nlp.features_shown import shows_other_features  # noqa: PLC0415 (it reads this module's phrases)
        from bot.nlp.help_besides import asks_besides_help  # noqa: PLC0415 (it reads this module's phrases)
        from bot.nlp.problem_told import tells_a_need  # noqa: PLC0415 (it reads this module's phrases)

        # a need told with the asker's help question is the knowledge base's ("ad giúp em được gì không, con em bị sốt
        # cao"; review of cmd25, M2), and so is another question asked beside the help request ("kênh này lập ra để
        # làm gì, cô có thể góp gì cho kênh không"; round 28): its answer offers the menu (handlers/qa.py)
        besides = shows_other_features(text) or tells_a_need(text) or asks_besides_help(text)
        return None if besides else name
    return name


# the commands a request for a piece of information is never taken by (round 29): their words said as what the piece
# is for ("cho xin địa chỉ gửi câu chuyện qua email") ask the knowledge base
_INFORMED = frozenset({"digest", "subscribe", "unsubscribe", "erase", "story", "help"})


def _asks_information(text: str, name: str, intents: Intents) -> bool:
    """Whether the command ``name`` read in ``text`` is only said as what a piece of information asked for is for
    (round 29: "cho xin địa chỉ gửi câu chuyện qua email", "cho tui xin số điện thoại để đăng ký nhận bản tin"): a
    clause asks for an address, a number, a link … with a request (``bot.nlp.information_asked``), and no clause that
    asks for none reads as the command alone. The knowledge base answers with the piece; "Hủy đăng ký cho tôi. Cho tôi
    xin số tổng đài VNeID" keeps its stop. Read only where a command was found: one pass over the message's words,
    then each clause once."""
    if not requests_information(text):
        return False
    clauses = [c for c in _CLAUSE_END.split(text.strip()) if c.strip()]
    return not any(_plain_command(c, intents) == name for c in clauses if not requests_information(c))


def _rest_asks(rest: str) -> bool:
    """Whether the rest after a refused issue asks something back ("kể chuyện cho kênh rồi có ai biết tên mình không")
    rather than asks the story told (review of cmd25, H2): a "?" or a question word (``[request] rest_asks``), read
    once over the rest."""
    if "?" in rest:
        return True
    reading = _Reading.of(rest)
    return _any(request_phrases("rest_asks"), reading.folded, reading.message)


_SENT = frozenset({"digest", "subscribe"})
_AFTER_REFUSAL = frozenset({"story", "help", "erase"})  # erasing still asks to confirm
_SENDING_ASKED = frozenset({"unsubscribe", "digest"})


def _plain_command(text: str, intents: Intents | None = None) -> str | None:
    """The command a plain-words message asks for (``"unsubscribe"``, ``"erase"``, ...), or None.

    A message longer than ``MAX_WORDS`` is read in its last clauses (the request after the reasons, round 10),
    then in its first (the request before them, round 11), then in the runs of clauses after the first (the request
    between a greeting and the reasons, round 13: ``_windows``). Read before the end, the request must not be undone
    by what follows: no question mark after it, and none of the command's ``unless`` or ``asks`` phrases anywhere in
    the message ("Zalo của tui bị khóa …, mất hết tin nhắn với nhóm. Làm sao mở khóa …?" stays a question)."""
    intents = intents if intents is not None else _intents()
    if intents.asks_as is not None and intents.asks_as.search(unicodedata.normalize("NFC", text)):
        return None  # "Tôi hỏi: kể chuyện lên kênh được không?" asks about the command (review 16, H2/H3)
    conceded = _conceded(text, intents)
    if conceded is not None:
        return STOP_COMPLAINT if conceded == _COMPLAINT else None if conceded == _COMPLAINT_BY_ANOTHER else conceded
    complained = _complains_of_stop(text, intents)
    if complained is not None:
        return None if complained == _COMPLAINT_BY_ANOTHER else complained
    if not text or len(text.split()) <= MAX_WORDS:
        if _subscribes_for_someone(text, intents):
            return SUBSCRIBE_FOR_OTHERS
        return _read(text, intents) or _short_asked_after(text, intents)
    last = _last_clauses(text)
    name = _read(last, intents)
    if name is not None and not _asks_besides(name, last, intents) and not _how_after_a_question(name, text, last,
                                                                                                   intents):
        return name
    told_how = _how_of_wish(text, last, intents) or _bare_subscription(text, last, intents)
    if told_how is not None:
        return told_how
    # a run after the first clause is a request only when said to the channel (review 13, M4: "…, hôm qua thằng cháu
    # lỡ tay xóa hết thông tin của tôi trong máy, tôi rất buồn …" tells of a deletion, it asks none). A run whose
    # request the rest of the letter undoes leaves the next runs to be read (round 14: "trước em có theo dõi để nhận
    # tin mỗi tuần …. Giờ em tốt nghiệp rồi, cho em dừng nhận tin …" tells a past subscription, then stops it)
    clauses = _CLAUSE_END.split(text.strip())
    whole = _Reading.of(" ".join(clauses))  # read once for every run (up to MAX_WINDOWS) whose request is checked
    for start, said in _windows(text):
        name = _read(said, intents, addressed=start > 0)
        if name is not None and not _undone(name, clauses, start, intents, whole):
            return name
    return _asked_after(text, intents) or _asked_help(text, intents)


def _how_of_wish(text: str, last: str, intents: Intents) -> str | None:
    """A long letter that tells what the citizen has first and asks how to do the command last (round 17: "Xóm tôi có
    bà cụ gần 80 tuổi tự học bán cam qua Zalo, …. Tôi muốn kể chuyện này gửi lên kênh để mọi người học hỏi thì làm
    thế nào?"): the last clauses say a pattern of the command and a how (``asks``), which alone keeps them a question,
    and what makes the how a wish in hand (``wish_patterns``: the story's place, "xóm tôi") was said earlier, out of
    their reach. The command, when the whole letter says its wish and none of its exclusions, and only its end holds a
    question mark (a letter that asks something else first stays a question; "mỗi vụ bán được mấy tấn." tells).

    Round 34: the how may be a sentence of its own after the wish ("Tôi muốn kể chuyện nhà tôi đổi mới thế nào cho kênh
    đăng lên, để bà con trong làng học theo. Gửi cho kênh thế nào?"), its object left unsaid: the last clauses then say
    one of the command's words and where a wish of it sends (a wish pattern's second group: "cho kênh", "lên kênh"),
    not a whole pattern."""
    clauses = _CLAUSE_END.split(text.strip())
    taken = len(_within(reversed(clauses)))
    if not last or taken >= len(clauses):
        return None
    if "?" in text.rstrip().rstrip("?"):
        return None
    said = _Reading.of(last)
    found = intents.said(said.marked, said.folded, said.accented)
    if not found:
        return None  # most letters: no command's phrase in their last clauses (latency: the whole is not read)
    for intent in intents.commands:
        if intent.wish_patterns and _says_wished_how(intent, said, found) and _asks_how(intent, said, intents) \
                and not intent.excluded(said.folded, said.message):
            whole = _Reading.of(text)
            if intent.wished(whole.folded, whole.message) and not intent.excluded(whole.folded, whole.message):
                return intent.name
    return None


def _how_after_a_question(name: str, text: str, last: str, intents: Intents) -> bool:
    """Whether the last clauses of a long letter ask how to do the command ``name`` (its ``asks``, given way to a wish
    said with them) after something else the letter asked earlier with a question mark ("Xóm tôi có bà cụ … bà bán
    được mấy tạ? Tôi muốn kể chuyện này gửi lên kênh … thì làm thế nào?"): the letter's question is the earlier one, as
    :func:`_how_of_wish` reads it (round 34: a story named "chuyện này" is a wish in hand, so the last clauses alone
    now reach the command that only the whole letter reached before). Read only where a command was found."""
    if "?" not in text.rstrip().rstrip("?"):
        return False
    intent = next(c for c in intents.commands if c.name == name)
    return _asks_how(intent, _Reading.of(last), intents)


def _asks_how(intent: Intent, said: _Reading, intents: Intents) -> bool:
    """Whether ``said`` asks how to do ``intent``'s command: one of its ``asks``, or its last word one that asks last
    ("… thì sao")."""
    return _any(intent.asks, said.folded, said.message) \
        or intents.bare(said.folded).rpartition(" ")[2] in intent.asks_last


def _says_wished_how(intent: Intent, said: _Reading, found: set[Phrase]) -> bool:
    """Whether the last clauses of a letter say a whole pattern of ``intent``, or one of its words with where a wish of
    it sends ("Gửi cho kênh thế nào?": the object was said in the wish before; :func:`_how_of_wish`)."""
    if any(all(not g.isdisjoint(found) for g in p) for p in intent.groups):
        return True
    return any(not g.isdisjoint(found) for p in intent.groups for g in p) \
        and any(len(w) > 1 and _any(w[1], said.folded, said.message) for w in intent.wish_patterns)


def _bare_subscription(text: str, last: str, intents: Intents) -> str | None:
    """A long letter that wishes the digest first and asks last with the object left unsaid (round 25: "Tui ở Quảng
    Nam, nghe bà con nói kênh có gửi bản tin chuyển đổi số mỗi tuần, tui cũng muốn nhận mà không biết làm sao. Kênh
    đăng ký cho tui luôn nghe."): the last clauses say a bare request to sign up (``[request] bare_subscribe``), one
    clause before them says the wish to receive (``digest_wished``), the letter names the digest, holds no "?", and
    neither the last clauses nor the wish's clause says an exclusion of the subscription. Read only when the last
    clauses say such a request (one lookup); then each clause once. A wish that leaves its object unsaid counts only
    after a clause saying the channel sends the digest ("kênh có gửi bản tin …"), not one quoting it ("đọc bản tin
    thấy nói có hỗ trợ tiền …, tui cũng muốn nhận": the benefit is wished; review of cmd25, H3)."""
    if not last or "?" in text:
        return None
    said = _Reading.of(last)
    if not _any(request_phrases("bare_subscribe"), said.folded, said.message):
        return None
    subscribe = next(c for c in intents.commands if c.name == "subscribe")
    whole = _Reading.of(text)
    if subscribe.excluded(said.folded, said.message) or not _any(_digest_named(), whole.folded, whole.message):
        return None
    offered = False  # the clause before says the channel sends the digest (review of cmd25, H3)
    for clause in _CLAUSE_END.split(text.strip()):
        reading = _Reading.of(clause)
        if _any(request_phrases("digest_wished"), reading.folded, reading.message):
            if subscribe.excluded(reading.folded, reading.message):
                return None
            named = _any(_digest_named(), reading.folded, reading.message)
            return "subscribe" if named or offered else None
        offered = _any(request_phrases("digest_offered"), reading.folded, reading.message)
    return None


@lru_cache(maxsize=1)
def _digest_named() -> tuple[Exclusion, ...]:
    return phrases_of(["@digest_named"])


def _complains_of_stop(text: str, intents: Intents) -> str | None:
    """Whether a message tells a stop of the digest done, then that the digest still comes, and asks nothing after it
    (round 17: "Tôi hủy bản tin rồi. Sao vẫn nhận?" unsubscribed again, silently): a clause says a whole stop with an
    act done (``[request] done``: "rồi", "đã"), and that clause or a later one reports a state that goes on (``still``:
    "vẫn", no wish said) of something received (``still_received``). The stop must be the digest's
    (:func:`_complaint_of_digest`). A clause after the stop that asks for a command by itself ("…, hủy giúp tôi lần
    nữa nhé"), asks how (``complaint_asks``: "…, tôi muốn nhận lại thì gõ gì", review 17 H2) or says a wish is no
    complaint: the
    message is read as before (None). ``_COMPLAINT_BY_ANOTHER`` (no command at all) when the stop told is someone
    else's (review 17, M5). Only read when the message says a ``still`` word (one substring test per phrase on its
    folded form)."""
    words = intents.told
    folded = f" {command_form(text)} "
    stop = next((c for c in intents.commands if c.name == "unsubscribe"), None)
    if stop is None or not any(p.folded in folded for p in words.still):
        return None
    # read whole clauses first ("tôi hủy rồi mà vẫn nhận tin": the stop needs its object), then "… rồi mà vẫn nhận" as
    # two (round 18: the wish a stop done for the asker says, "Con tôi hủy đăng ký giúp tôi rồi", is told)
    for split in (False, True):
        clauses = [c for c in _CLAUSE_END.split(_but_still().sub(", ", text.strip()) if split else text.strip())
                   if c.strip()]
        found = _complaint_in(clauses, text, stop, intents)
        if found is not None:
            return found
    return None


def _complaint_in(clauses: list[str], text: str, stop: Intent, intents: Intents) -> str | None:
    """:func:`_complains_of_stop` on the clauses ``clauses`` of ``text``."""
    from bot.nlp.erase_told import AGAIN, CHAT, erase_told  # noqa: PLC0415 (they read this module's phrases)
    from bot.nlp.stopped_for import stopped_for_another  # noqa: PLC0415

    words = intents.told
    readings = [_Reading.of(c) for c in clauses]
    told = next((i for i, r in enumerate(readings)
                 if _says(stop, r, intents) and _any(words.done, r.folded, r.message)), None)
    reading = STOP_COMPLAINT
    if told is None:  # an erase told done, the digest still seen (round 18): the erase also ended the subscription
        told, reading = _erased_before(readings, intents), ERASE_COMPLAINT
    if told is None or not any(_states(r, words) and _any(words.still_received, r.folded, r.message)
                               for r in readings[told:]):
        return None
    if not _complaint_of_digest(_Reading.of(text), intents):
        return None
    if any(not _states(r, words) and (_read_reading(r, intents) is not None
                                      or _any(words.complaint_asks, r.folded, r.message)
                                      or _any(words.wants, r.folded, r.message))
           for r in readings[told + 1 :]):
        return None
    if reading == ERASE_COMPLAINT:  # review 18 (H7, H2): asked again, a story kept, the chat deleted; a question after
        said = erase_told(clauses[told], clauses[told + 1 :])
        if said == AGAIN or any(not _states(r, words) and asks_by_itself(c)
                                for c, r in zip(clauses[told + 1 :], readings[told + 1 :], strict=True)):
            return None
        reading = STOP_COMPLAINT if said == CHAT else reading
    elif stopped_for_another(clauses[told], intents.on_behalf, _persons(intents)):
        return _COMPLAINT_BY_ANOTHER  # "Tôi đã hủy đăng ký giúp bà rồi mà vẫn nhận": her account (review 18, M2)
    return _COMPLAINT_BY_ANOTHER if _stopped_by_another(readings[told], intents) else reading


def _persons(intents: Intents) -> frozenset[str]:
    """The titles and the relatives named bare, folded."""
    return frozenset({command_form(t) for t in intents.titles} | {p.split()[-1] for p in intents.for_others_folded})


def _erased_before(readings: list[_Reading], intents: Intents) -> int | None:
    """The first clause that tells an erase of the asker's data done ("Tôi đã xóa dữ liệu rồi mà vẫn thấy bản tin"),
    or None: a complaint, not a request (round 18: it asked to confirm an erase). The digest must be what still comes
    (:func:`_complaint_of_digest`)."""
    erase = next((c for c in intents.commands if c.name == "erase"), None)
    if erase is None:
        return None
    return next((i for i, r in enumerate(readings)
                 if _says(erase, r, intents) and _any(intents.told.done, r.folded, r.message)), None)


@lru_cache(maxsize=1)
def _but_still() -> re.Pattern[str]:
    """Where "… rồi mà vẫn …" turns from the act told to the state that goes on (``[request] but_still``: its first
    word is the turn, the rest must follow it), typed with marks or without."""
    request = intents_file()[0]
    turns: list[str] = []
    for phrase in request.get("but_still", []):
        for form in {unicodedata.normalize("NFC", phrase.lower()), command_form(phrase)}:
            turn, _, rest = form.partition(" ")
            after = r"\s+".join(map(re.escape, rest.split()))
            turns.append(rf"\s+{re.escape(turn)}\s+(?={after}(?!\w))")
    return re.compile("|".join(turns) or r"(?!)", re.IGNORECASE)


def _subscribes_for_someone(text: str, intents: Intents) -> bool:
    """Whether a short message asks to subscribe someone else ("đăng ký nhận bản tin cho mẹ tôi", "… cho bố", round
    18): a clause whose words before a word said on someone's behalf ask to subscribe by themselves, and whose words
    from it on name someone else (:func:`_for_someone`). The channel cannot sign up another Zalo account; "cho mẹ tôi"
    went to the knowledge base (whose answer subscribes the asker), "cho bố" subscribed the asker. Read only where the
    message says a pattern of subscribe and one of ``on_behalf`` (a few set tests)."""
    from bot.nlp.digest_named import names_digest  # noqa: PLC0415 (it reads this module's phrases)

    sub = next((c for c in intents.commands if c.name == "subscribe"), None)
    if sub is None or not intents.for_others:
        return False
    behalf = intents.on_behalf | {command_form(w) for w in intents.on_behalf}
    speaks = _speaks_as(text, intents)
    clauses = _CLAUSE_END.split(text.strip())
    for at, clause in enumerate(clauses):
        raws = clause.split()
        marks = [k for k, w in enumerate(raws) if w.lower().strip(".,;:!?…") in behalf]  # round 19: k = 0 too
        if not marks:
            continue
        said = _Reading.of(clause)
        if not _says(sub, said, intents) or _any(sub.asks, said.folded, said.message):
            continue  # "… cho mẹ tôi thì làm sao" asks how: the knowledge base's
        # a name is read in the whole clause (how much of it is capitalised tells a name from a title case)
        if any(_for_someone(clause, _Reading.of(" ".join(raws[k:])), intents, speaks)
               and _read(" ".join(raws[:k]), intents) == "subscribe" and names_digest(" ".join(raws[:k]))
               and not asks_by_itself(" ".join(raws[k:]))  # "… cho me toi ma vneid la gi" (review 18, H2)
               for k in marks) or _someone_within(clause, said, intents, speaks):
            # a question asked besides is left to the knowledge base, as before (review 18, H2); the asker's own
            # command in another clause is not answered with its opposite (review 19, H5)
            return not any(_read(c, intents) is not None or asks_by_itself(c) for c in clauses[:at] + clauses[at + 1 :])
    return False


def _someone_within(clause: str, said: _Reading, intents: Intents, speaks: frozenset[str]) -> bool:
    """Whether someone else is named before or inside the request ("Cho mẹ tôi đăng ký nhận bản tin", "đăng ký cho bố
    tôi nhận bản tin", round 19): taken out, the words that name them leave a subscription to the digest. Not a
    subscription told done ("Tôi giúp mẹ tôi đăng ký nhận bản tin rồi": ``done``), nor, opening the request, an
    unmarked relative the asker calls himself ("cho ba dang ky …" is also "cho bà": ``speaks_as``)."""
    from bot.nlp.digest_named import names_digest  # noqa: PLC0415 (it reads this module's phrases)

    if _any(intents.told.done, said.folded, said.message) or _read(clause, intents) not in (None, "subscribe"):
        return False  # a clause that reads as another command ("Giúp mẹ tôi hủy đăng ký …") is that (review 19, H1)
    raws = clause.split()
    for at, person, rest in someone_taken_out(raws, intents.on_behalf, intents.vocative, intents.not_named,
                                              intents.mine):
        says = speaks | intents.speaks_as if at == 0 else speaks
        # the run and the words from it on both name someone: the word after the run may undo it ("cho vo danh sach")
        if (_for_someone(clause, _Reading.of(person), intents, says)
                and _for_someone(clause, _Reading.of(" ".join(raws[at:])), intents, says)
                and _read(rest, intents) == "subscribe" and names_digest(rest)):
            return True
    return False


def _stopped_by_another(clause: _Reading, intents: Intents) -> bool:
    """Whether the clause that tells the stop opens with someone else as its doer ("Mẹ tôi đã hủy …", ``[request]
    stopped_by``) and does not say it was for the asker ("… giúp tôi", ``stopped_for_me``) (review 17, M5)."""
    words = intents.told
    return (any(i == 0 for p in words.stopped_by if p.folded in clause.folded for i in p.at(clause.message))
            and not _any(words.stopped_for_me, clause.folded, clause.message))


def _complaint_of_digest(whole: _Reading, intents: Intents) -> bool:
    """Whether a complaint about a stop told done is about this channel's digest (review 17, H1): the message names the
    digest or the channel, or says the stop bare (``[request] complained_of``: "hủy bản tin rồi", "hủy đăng ký rồi"),
    names nothing else stopped (``complained_elsewhere``: "hủy đăng ký gói cước", "tài khoản Zalo", "quảng cáo") and
    no wish to get it back ("nhận lại": the complaint's reply offers a stop)."""
    words = intents.told
    return (_any(words.complained_of, whole.folded, whole.message)
            and not _any(words.complained_elsewhere, whole.folded, whole.message)
            and not _any(words.resumed, whole.folded, whole.message))


def _read_reading(r: _Reading, intents: Intents) -> str | None:
    """The command a clause already read asks for (:func:`_read` without reading it again)."""
    bare, found = intents.bare(r.folded), intents.said(r.marked, r.folded, r.accented)
    return next((c.name for c in intents.commands if c.matches(r.marked, r.folded, r.accented, r.message, bare, found)),
                None)


# What a complaint about a stop told done reads as (round 17): no command in content/intents.toml, a route of its own
# (``handlers.subscription.stop_complaint``) that checks the asker's subscription and says it, changing nothing
STOP_COMPLAINT = "stop_complaint"
# … and a complaint that the digest still comes after the asker erased their data (round 18), which ended it too
ERASE_COMPLAINT = "erase_complaint"
# … and a subscription asked for someone else (round 18): no command, a reply that says how that person subscribes
SUBSCRIBE_FOR_OTHERS = "subscribe_for_others"
_CONCEDED_MIN = 2  # words after "nhưng" that can say a request ("hủy giúp")
# What the concession reading decides: a command, the whole message read as before (None), or no command at all
_COMPLAINT = "\0complaint"
# … or a complaint of a stop someone else did (review 17, M5): no command, the knowledge base's
_COMPLAINT_BY_ANOTHER = "\0complaint by another"
# Commands that undo each other: a concession telling one, then asking the other, changed its mind ("Mẹ tôi bảo hủy
# bản tin nhưng tôi muốn tiếp tục nhận bản tin")
_REVERSED = (frozenset({"subscribe", "unsubscribe"}),)


def _conceded(text: str, intents: Intents) -> str | None:
    """The command asked after the last "nhưng" of a message, the words before it a concession (round 15: "Tôi không
    phải không muốn đọc, nhưng hủy bản tin giúp tôi" — the double negation before holds "phải không", which keeps the
    whole message from unsubscribing, and "muốn đọc" reads as the digest). What follows "nhưng" is what the speaker
    asks; what precedes it is granted, so its words neither ask for a command nor undo one. ``None`` (the whole
    message read as before) when no request follows "nhưng", or when the request after it is not said to the channel
    (``[request] addressed``), or when the words before it

    - ask something themselves (``asks_by_itself``), unless what follows says the wish outright (``[request]
      wants``: "Nếu hủy bản tin thì sao, nhưng mà hủy giúp tôi luôn đi", review 15, M3);
    - set a condition still open at "nhưng" (``[request] conditional`` with no ``closes`` word after it: "Nếu tôi
      không muốn đọc nữa nhưng lỡ đăng ký rồi thì hủy …" asks about a case);
    - ask for another command themselves, not its reversal (review 15, H3: "Xóa hết dữ liệu của tôi nhưng …"
      keeps the erase; "Mẹ tôi bảo hủy bản tin nhưng tôi muốn tiếp tục nhận" changed its mind).

    ``_COMPLAINT`` (no command at all) when what follows "nhưng" reports a state that goes on (``[request] still``:
    "… nhưng vẫn nhận bản tin hoài") with no wish said, and the words before it ask for no command or tell it done:
    "Tôi đã hủy đăng ký rồi nhưng vẫn nhận bản tin" complains that the stop did not work (review 15, H2: it
    subscribed)."""
    if intents.contrast is None:
        return None
    normalized = unicodedata.normalize("NFC", text)
    last = None
    for found in intents.contrast.finditer(normalized):
        last = found
    if last is None:
        return None
    before, after = normalized[: last.start()], normalized[last.end() :]
    if len(after.split()) < _CONCEDED_MIN or not before.strip():
        return None
    name = plain_command(after, intents)
    if name is None:
        return None
    told, words = _Reading.of(before), intents.told
    first = _read(before, intents)
    # the clauses after "nhưng" that report a state going on, no wish said with it, ask nothing ("vẫn nhận, hủy bản
    # tin giúp tôi lần nữa nhé" asks in its second clause only)
    clauses = [c for c in _CLAUSE_END.split(after.strip()) if c.strip()]
    asked = [c for c in clauses if not _states(_Reading.of(c), words)]
    if len(asked) < len(clauses):
        after = " ".join(asked)
        name = plain_command(after, intents) if after else None
        if name is None:
            if not _complaint_of_digest(_Reading.of(text), intents):
                return None  # a stop of something else ("… gói cước rồi nhưng vẫn nhận"): the knowledge base's
            if _stopped_by_another(told, intents):
                return _COMPLAINT_BY_ANOTHER  # "Vợ tôi hủy bản tin rồi nhưng vẫn nhận": no account of the asker's
            return _COMPLAINT if first is None or _any(words.done, told.folded, told.message) else None
    said = _Reading.of(after)
    wished = _any(words.wants, said.folded, said.message)
    if not _any(intents.addressed, said.folded, said.message):
        return None
    if asks_by_itself(before) and not wished:
        return None
    if _open_condition(told, intents):
        return None
    if first is not None and first != name and frozenset({first, name}) not in _REVERSED:
        return None
    return name


def _states(clause: _Reading, words: Told) -> bool:
    """Whether ``clause`` reports a state that goes on (``still``: "vẫn nhận bản tin hoài") and says no wish."""
    return _any(words.still, clause.folded, clause.message) and not _any(words.wants, clause.folded, clause.message)


def _open_condition(told: _Reading, intents: Intents) -> bool:
    """Whether ``told`` sets a condition (``[request] conditional``) that no ``closes`` word ("thì") after it ends."""
    opened = min((i for p in intents.conditional if p.folded in told.folded for i in p.at(told.message)), default=None)
    if opened is None:
        return False
    return not any(i > opened for p in intents.told.closes for i in p.at(told.message))


# The commands whose reply offers the question a letter asks after the request (``handlers/asked_too``, round 15)
ASKED_AFTER = ("unsubscribe", "subscribe")  # round 16: subscribe too ("Đăng ký bản tin cho tôi nhé. VNeID là gì?")


def _asked_after(text: str, intents: Intents) -> str | None:
    """A long letter's request said to the channel in a sentence of its own, then a question (round 15: "… Kênh cho
    tôi dừng nhận bản tin từ tuần này nhé. Tiện đây cho tôi hỏi Ngày Chuyển đổi số quốc gia là ngày nào?"): the
    question's "?" hides the request from the runs, and its wish to know made the whole letter a question, so the
    stop was dropped. The command is done and its reply offers the question (:func:`question_after`). Only for the
    commands of ``ASKED_AFTER``; the request sentence must say it to the channel (``[request] addressed``), what
    follows it must ask about something else — no whole pattern of the command ("Dừng nhận bản tin thì bao lâu mới
    hết?"), none of its how phrases ("Kênh có biết cách xóa … không?") and no condition ("Nếu dừng thì có nhận lại
    được không?") —, and what was told before it is read as :func:`_undone` reads it. At most ``MAX_WINDOWS``
    sentences of ``MAX_WORDS`` words or fewer are read, each before a sentence that asks (bounded work)."""
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    # a request for a piece of information asks too ("Hủy đăng ký cho tôi. Cho tôi xin số tổng đài VNeID", round 29)
    asking = [asks_by_itself(s) or requests_information(s) for s in sentences]
    last = max((i for i, a in enumerate(asking) if a), default=-1)
    # the request sentence asks nothing itself ("Hồi trước muốn hỏi gì ở phường phải xin nghỉ …, giờ … nhắn hỏi được
    # luôn" tells how it was: its "xin nghỉ … nhắn" is no stop)
    candidates = [i for i in range(last) if not asking[i] and len(sentences[i].split()) <= MAX_WORDS][:MAX_WINDOWS]
    for i in candidates:
        # a stop for someone else ("Hủy đăng ký cho mẹ tôi. VNeID là gì?", round 17) is said to the channel: its reply
        # says how that person stops it (``for_others``), then offers the question
        # that opens with the request, not with who did it ("Con tôi hủy đăng ký cho mẹ tôi." tells)
        reading = _Reading.of(sentences[i])
        someone = _for_someone(sentences[i], reading, intents) \
            and any(i == 0 for p in intents.opens if p.folded in reading.folded for i in p.at(reading.message))
        name = _read(sentences[i], intents, addressed=not someone)
        if name not in ASKED_AFTER:
            continue  # no request, or another command's words told in the story ("con tôi đăng ký cho tôi nhận …")
        request = _Reading.of(sentences[i])
        if ":" in sentences[i] or _any(intents.told.reported, request.folded, request.message):
            # review 15, H4: someone else's words ("Con gái tôi bảo kênh cho tôi dừng …", "… nói với tôi là: xin
            # dừng …") or a past slip ("Tuần trước tôi lỡ nhắn dừng …") ask nothing of the channel now
            return None
        intent = next(c for c in intents.commands if c.name == name)
        rest = _Reading.of(" ".join(sentences[i + 1 :]))
        if _says_command(rest, intents) or _any(intent.asks, rest.folded, rest.message) \
                or _any(intents.conditional, rest.folded, rest.message):
            return None
        for told, asks in zip(sentences[:i], asking[:i], strict=True):
            if asks:
                reading = _Reading.of(told)
                if intent.excluded(reading.folded, reading.message) or _any(intent.asks, reading.folded,
                                                                            reading.message):
                    return None
        return name
    return None


def _short_asked_after(text: str, intents: Intents) -> str | None:
    """:func:`_asked_after` for a short message of several sentences (round 16: "Hủy bản tin giúp tôi. VNeID là gì?"
    was read whole, its "là gì" and "vneid" kept the stop from it, and the question was answered with the stop
    dropped). Read only where a sentence break follows a word and a pattern of a command of ``ASKED_AFTER`` is said
    in the message (one lookup of its phrases), so a message that names no such command costs nothing more."""
    if not _SENTENCE_END.search(text.strip()):
        return None
    r = _Reading.of(text)
    found = intents.said(r.marked, r.folded, r.accented)
    if not any(c.name in ASKED_AFTER and any(all(not g.isdisjoint(found) for g in pattern) for pattern in c.groups)
               for c in intents.commands):
        return None
    return _asked_after(text, intents)


def _says_command(reading: _Reading, intents: Intents) -> bool:
    """Whether ``reading`` says a whole pattern or a wish of any command, exclusions aside (review 15, H4: the
    question after a stop that asks to get the digest back, "Giờ tôi muốn được nhận lại bản tin thì phải làm gì?",
    is about the commands, not something else)."""
    found = intents.said(reading.marked, reading.folded, reading.accented)
    return any(any(all(not group.isdisjoint(found) for group in pattern) for pattern in c.groups)
               or c.wished(reading.folded, reading.message) for c in intents.commands)


def pattern_said(name: str, text: str, intents: Intents | None = None) -> bool:
    """Whether ``text``, read whole, says a whole pattern of the command ``name``, its exclusions aside (round 25: the
    answer to a help request told with a problem, "ad giúp em được gì không, em bị lừa mất tiền", offers the menu;
    bot/nlp/problem_told.py). One lookup of the commands' phrases, as the router's own."""
    intents = intents if intents is not None else _intents()
    reading = _Reading.of(text)
    return any(_says(c, reading, intents) for c in intents.commands if c.name == name)


def _asked_help(text: str, intents: Intents) -> str | None:
    """Help asked as the letter's question ("Em mới vào lần đầu nên chưa biết gì cả. Anh chị chỉ giúp em kênh có
    những chức năng gì, em có thể nhắn những gì để được hỗ trợ ạ? Em cảm ơn, …"): what the channel can do is asked
    as a question, so its "?" hides it from the runs. The last sentence holding "?", read alone, reaches help as the
    same question does typed short, and no other sentence asks to know anything (round 14)."""
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    asking = [i for i, s in enumerate(sentences) if "?" in s]
    if not asking or _read(sentences[asking[-1]], intents) != "help":
        return None
    others = (s for i, s in enumerate(sentences) if i != asking[-1])
    return None if any(asks_to_know(s) for s in others) else "help"


def _asks_besides(name: str, text: str, intents: Intents) -> bool:
    """Whether a sentence of ``text`` asks and says the wish to know (``asks_to_know``) and is not the request ``name``
    itself: "… có đọc bản tin. Xin hỏi kênh này do cơ quan nào lập ra, có phải của Bộ không? Tôi cảm ơn." asks who set
    the channel up; its "đọc bản tin" is told (round 14: a long letter's last clauses were read with no such check)."""
    return any(asks_to_know(s) and _read(s, intents) != name for s in _SENTENCE_END.split(text) if s.strip())


def _undone(name: str, clauses: list[str], start: int, intents: Intents, whole: _Reading) -> bool:
    """Whether the rest of a long letter undoes the request ``name`` read in its run of clauses from ``start``.

    What follows the request is read as round 13 read the whole message: none of the command's ``unless`` phrases
    (spares aside), and none of its ``asks`` unless the letter also says the command's own wish (``wants``,
    ``wish_patterns``: "Tôi muốn gửi cho kênh một chuyện ở xóm tôi. … Kênh chỉ tôi gửi thế nào nhé" — starting the
    story is the how, as :meth:`Intent.matches` reads it in a short message). What the letter told *before* the
    request is context (round 14: "Nhà tôi có hai người cùng nhận tin …. Kênh ngừng gửi tin hằng tuần cho số này
    giùm tôi" — its "có hai" folds onto the exclusion "có hại", and "Con bác bảo cái gì trên mạng cũng lưu lại hết"
    names the internet erase excludes): only a sentence there that asks by itself (``asks_by_itself``) *and* holds
    one of the command's ``unless`` or ``asks`` phrases keeps the letter a question ("Bản tin gửi vào thứ mấy. Tôi
    muốn nhận mỗi tuần nhé"; "hôm trước em có nhắn kênh mấy câu" asks nothing of erasing)."""
    intent = next(c for c in intents.commands if c.name == name)
    after = _Reading.of(" ".join(clauses[start:]))
    if intent.excluded(after.folded, after.message):
        return True
    wished = _any(intent.wants, whole.folded, whole.message) or intent.wished(whole.folded, whole.message)
    if not wished and _any(intent.asks, *intent.spared(after.folded, after.message)):
        return True
    # a sentence from the request on that asks and says the wish to know (``asks_to_know``), question mark or not, and
    # is not the request itself ("…, sau đó tôi dừng nhận tin vì bận. Nay muốn biết năm 2025 Ngày Chuyển đổi số có chủ
    # đề gì, …": the stop was told, the question is what is asked)
    if not wished and _asks_besides(name, " ".join(clauses[start:]), intents):
        return True
    for sentence in _SENTENCE_END.split(" ".join(clauses[:start])):
        if sentence.strip() and asks_by_itself(sentence):
            told = _Reading.of(sentence)
            if intent.excluded(told.folded, told.message) or _any(intent.asks, told.folded, told.message):
                return True
    return False


def for_others(text: str, intents: Intents | None = None) -> bool:
    """Whether a request names someone else as the one it is for, within one clause (round 16: "hủy đăng ký cho mẹ
    tôi", "ngưng gửi bản tin giùm ba tui" — the channel can change only the subscription of the Zalo account that
    writes, so the asker's own would be stopped). Read per clause: "hủy giúp em, mình cảm ơn" names no one else. Only
    the clause that says the stop counts (review 16, H1: "Hủy đăng ký giúp tôi, tôi đọc cho mẹ tôi nghe …", "Tôi dùng
    zalo của mẹ tôi, hủy đăng ký giúp" stop the asker's own)."""
    intents = intents if intents is not None else _intents()
    if not intents.for_others:
        return False
    stop = next((c for c in intents.commands if c.name == "unsubscribe"), None)
    speaks = _speaks_as(text, intents)
    for clause in _CLAUSE_END.split(text.strip()):
        reading = _Reading.of(clause)
        if _for_someone(clause, reading, intents, speaks) and (stop is None or _says(stop, reading, intents)):
            return True
    return False


def _speaks_as(text: str, intents: Intents) -> frozenset[str]:
    """The unmarked relatives (``speaks_as``: "ba", "ma") the asker calls himself in ``text`` (round 18: "thoi dung gui
    ban tin cho ba nua, ba doc khong kip" — "bà" speaking): said again elsewhere, not after a word said on someone's
    behalf, not followed by "my" ("ba tui" is the asker's father)."""
    words = command_form(text).split()
    if words and words[-1] in intents.pleads:  # "huy dang ky gium ma": "giùm mà" (review 18, H5)
        return frozenset({words[-1]})
    if not intents.speaks_as.intersection(words):
        return frozenset()
    if words[-1] in intents.vocative:  # "dung gui ban tin cho ba nua nghe con": an elder speaking (review 18, M6)
        return intents.speaks_as.intersection(words)
    behalf = {command_form(w) for w in intents.on_behalf}
    return frozenset(w for i, w in enumerate(words) if w in intents.speaks_as and (i == 0 or words[i - 1] not in behalf)
                     and (i + 1 == len(words) or words[i + 1] not in intents.mine))


def _for_someone(clause: str, reading: _Reading, intents: Intents, speaks: frozenset[str] = frozenset()) -> bool:
    """Whether ``clause`` says it is for someone else: "cho mẹ tôi" (``for_others``), a relative named bare where the
    clause is typed with marks ("cho bố", "giùm vợ": ``for_others_marked``, round 17) or, for the relatives whose
    unmarked form is no other word, without them ("cho bo", "giup chong": ``for_others_folded``, review 17 M4), or a
    title and a name after a word said on someone's behalf ("hủy đăng ký giùm chị Lan": a name is capitalised; not a
    pronoun, the channel or a command's word — "cho Tôi", "giúp Ad", "cho em Hủy"). A relative followed by what "cho"
    means as "so that" (``purpose``: "cho vợ khỏi cằn nhằn", review 17 M3) is no one the request is for."""
    if any(reading.accented or not opens_place([w for w, _, _ in reading.message], i, clause)
           for i, _, _ in intents.for_others.said(reading.folded, reading.message)):
        return True
    if reading.accented and any(_named_for(p, reading.marked, intents) for p in intents.for_others_marked):
        return True
    if not reading.accented and any(_named_for(p, reading.folded, intents) for p in intents.for_others_folded
                                    if p.split()[-1] not in speaks):  # round 18: "cho ba …, ba đọc không kịp"
        return True
    return _names_someone(clause, intents)


def _named_for(phrase: str, padded: str, intents: Intents) -> bool:
    """Whether ``phrase`` (padded) is said in ``padded`` and, somewhere, not followed by a ``purpose`` word."""
    at = padded.find(phrase)
    while at >= 0:
        after = padded[at + len(phrase) :].split(" ", 1)[0]
        if after not in intents.purpose:
            return True
        at = padded.find(phrase, at + 1)
    return False


def _names_someone(clause: str, intents: Intents) -> bool:
    """A word said on someone's behalf, a title, then a name: a capitalised word that is no pronoun nor a command's
    word, alone or with the word after it ("cho em Hủy đăng ký": ``not_named``, review 17 M2). In a message that
    capitalises most of its words ("Hủy Đăng Ký Giùm Chị Lan", review 17 M4) every word is, so any word that is not
    one of ``not_named`` counts."""
    raws = [w.strip(".,;:!?…\"'()") for w in unicodedata.normalize("NFC", clause).split()]
    raws = [w for w in raws if w]
    if not raws:
        return False
    titled = sum(w[:1].isupper() for w in raws) * 2 > len(raws)
    if names_bare(raws, intents.on_behalf, intents.titles, intents.not_named, titled):
        return True  # "hủy đăng ký giùm Lan" (round 18)
    nexts = [*raws[3:], ""]
    plain = typed_plain(raws, titled)  # "huy dang ky cho chi Lan" (round 19)
    # typed without marks, the words before the name are read folded only as typed in lower case ("Ho Chi Minh")
    return any(said_as(a, intents.on_behalf, plain and a.islower())
               and said_as(b, intents.titles, plain and b.islower())
               # the name compared as typed: "huy dang ky cho em Huy" names Huy, no "hủy" (review 19, H3)
               and (titled or c[:1].isupper()) and c.lower() not in intents.not_named
               and f"{c} {d}".lower() not in intents.not_named
               for a, b, c, d in zip(raws, raws[1:], raws[2:], nexts, strict=False))


def _says(intent: Intent, reading: _Reading, intents: Intents) -> bool:
    """Whether ``reading`` says a whole pattern of ``intent``, exclusions aside."""
    found = intents.said(reading.marked, reading.folded, reading.accented)
    return any(all(not group.isdisjoint(found) for group in pattern) for pattern in intent.groups)


def question_after(text: str, name: str, intents: Intents | None = None) -> str | None:
    """The question a message asks after its request for the command ``name``, or None (round 15: "… Kênh cho tôi
    dừng nhận bản tin từ tuần này nhé. Mà Ngày Chuyển đổi số quốc gia là ngày nào vậy?" — the stop is done, and the
    question was dropped). The request is the first sentence that reads as ``name`` by itself; the question is the
    first sentence after it that asks by itself (``asks_by_itself``) and reads as no command. The chat does the
    command and offers the question's answer as a button."""
    intents = intents if intents is not None else _intents()
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    at = next((i for i, s in enumerate(sentences) if _read(s, intents) == name), None)
    if at is None:
        return None
    return next((s for s in sentences[at + 1 :] if (asks_by_itself(s) or requests_information(s))
                 and _read(s, intents) is None), None)
