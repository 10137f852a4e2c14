"""A question that names its own subject with the head of the entry's subject (round 24, issue 12).

Vietnamese compounds put the head first and the modifier after it: "kinh tế số" (digital economy) and "kinh tế vĩ
mô" (macroeconomics) share the head "kinh tế", "xã hội số" (digital society) and "xã hội học" (sociology) share
"xã hội", and "định danh điện tử" (electronic identification) and "định danh cây lan" (identifying an orchid) share
"định danh". The ranker sees the head, the question words ("là gì") and a phrasing of the entry's, and answers the
look-alike with confidence; the word the entry lacks is only one of several.

Round 23 measured a guard on every word the entry does not say and dropped it: typing leftovers and a citizen's own
words are such words too. This reads one narrower shape, where the question's head is the entry's *subject* and
the question continues it otherwise:

1. the question says a two-syllable head ``x a`` that the entry's title or keywords (what the entry is about, not
   every phrasing of it) say, and those continue it with ``a z`` ("kinh tế" → "tế số");
2. the question never continues ``a`` as the subject does (no "tế số" anywhere in the question), but with a content
   word ``b`` ("tế vĩ");
3. no text of the knowledge base says ``a b`` (so "chính phủ điện tử" beside "chính phủ số" is the KB's own
   wording), the entry never says ``b``, ``b`` is a Vietnamese syllable (a typing leftover is not), no slip of
   ``z`` (one edit or two letters swapped: "kinh tế sốp", "quốc gai"), and not the first half of a word the KB
   knows (a verb after the subject: "Quyết định 942 *ban hành* ngày nào");
4. the question asks what something is, of an entry whose title asks what its subject is (the look-alikes copy
   the entry's own question with a subject of their own: "xã hội học là gì?"), or the modifier is a name of its
   own: two syllables or more, each typed with its marks ("định danh *cây lan*"). One unmarked or one-syllable
   word after the subject is as often a verb or a slip of a question of the channel's ("hai cấp *làm* từ bữa
   nào", "tiện *ít*", "quốc gia *lap* ra": the tuned sets' in-scope questions this reader would have refused);
5. the question says nothing else: every content word of it is a word of the entry's title or keywords or of the
   modifier's run ("kinh tế" + "vĩ mô").

Round 25: a question typed without marks reads its optional words as its own too ("kinh te vi mo la gi": "vi"
folds like "vì", so the ranker holds it optional and "tế vĩ" was no content pair); rules 1–5 are unchanged.

Such an entry is not answered with confidence (``bot.kb.decision``): the citizen gets the out-of-scope apology
with the closest topics as buttons, or the choices where the model was unsure anyway.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.kb import wh
from bot.kb.lexicon import CONTENT, OPTIONAL, View, view
from bot.kb.records import EntryRecord
from bot.nlp.normalize import analyze
from bot.nlp.syllables import is_syllable

KnownPair = Callable[[str, str], bool]
WHAT = "what"  # the kind of a question asking what something is (``bot.kb.wh``)
NAMED = 2  # syllables of a modifier typed with marks that name a thing of their own ("cây lan", "vĩ mô")

LONGEST = 4  # words of the question besides its subject's: a modifier of its own is a short name, not a sentence


@dataclass(frozen=True, slots=True)
class _Subject:
    """What an entry's title and keywords say it is about, read once per entry (latency: every decision asks)."""

    record: EntryRecord  # the record it was read from (identifies the KB read)
    after: dict[str, frozenset[str]]  # each word of the subject's pairs -> the words that follow it
    words: frozenset[str]  # the words of the title and keywords, folded
    defines: bool  # the title asks what the subject is ("Kinh tế số là gì?")


_SUBJECTS: dict[str, _Subject] = {}


def _continuations(pairs: Iterable[str]) -> dict[str, frozenset[str]]:
    """Each word of ``pairs`` ("a_b") mapped to the words that follow it."""
    after: dict[str, set[str]] = defaultdict(set)
    for pair in pairs:
        a, _, b = pair.partition("_")
        if a and b:
            after[a].add(b)
    return {a: frozenset(bs) for a, bs in after.items()}


def subject_pairs(record: EntryRecord) -> frozenset[str]:
    """The content pairs of the entry's title and keywords: the words that name what the entry is about (its
    questions and phrasings are how citizens ask, and say much else)."""
    entry = record.entry
    return frozenset(p for text in (entry.title, *entry.keywords) for p in view(analyze(text), entry=True).pairs)


def _subject(record: EntryRecord) -> _Subject:
    """The entry's :class:`_Subject`, read once per entry."""
    found = _SUBJECTS.get(record.entry.id)
    if found is None or found.record is not record:
        entry = record.entry
        words = frozenset(t for text in (entry.title, *entry.keywords) for t in analyze(text).tokens)
        defines = WHAT in wh.kinds(" ".join(analyze(entry.title).tokens))
        found = _SUBJECTS[entry.id] = _Subject(record, _continuations(subject_pairs(record)), words, defines)
    return found


def _folded(question: View) -> str:
    """The question's words, folded, in order (what ``bot.kb.wh`` reads)."""
    return " ".join(t for uv in question.units for t in uv.unit.tokens)


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by at most one inserted, deleted or replaced letter, or two neighbouring
    letters swapped ("gai" for "gia")."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b) and a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1]:
        return True
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def other_subject(question: View | None, record: EntryRecord | None, known_pair: KnownPair) -> tuple[str, str] | None:
    """The head word and the modifier the question gives it where the entry's subject gives it another
    ("tế", "vĩ" for "kinh tế vĩ mô" against "Kinh tế số là gì?"), else None. Linear in the question: a pass
    over its pairs, then at most ``LONGEST`` candidate words, each run read no further than that."""
    if question is None or record is None or not question.pairs:
        return None
    read = _subject(record)
    subject = read.after
    if not subject:
        return None
    # Round 25: typed without marks, a word that folds like a function word ("vi" is "vì", "hoi" is "hỏi") is only
    # optional to the ranker, so "kinh te vi mo" has no content pair "tế vĩ": such a question reads its optional
    # words and pairs as its own too. Marked, "vĩ" is content already.
    unmarked = not any(uv.keyed for uv in question.units)
    pairs = (*question.pairs, *(p for _, p in question.optional_pairs)) if unmarked else question.pairs
    roles = (CONTENT, OPTIONAL) if unmarked else (CONTENT,)
    heads: set[str] = set()  # words the question says as the second half of one of the subject's pairs
    for pair in pairs:
        a, _, b = pair.partition("_")
        if b in subject and b in subject.get(a, ()):
            heads.add(b)
    if not heads:
        return None
    asked = frozenset(t for uv in question.units if uv.role in roles for alt in uv.alts for t in alt)
    extra = asked - read.words
    if not extra or len(extra) > LONGEST:
        return None
    after = _continuations(pairs)
    defining = read.defines and WHAT in wh.kinds(_folded(question))
    marked = frozenset(t for uv in question.units if uv.keyed for t in uv.unit.tokens)
    for head in sorted(heads):
        wanted, said = subject[head], after.get(head, frozenset())
        if not said or said & wanted or not is_syllable(head):
            continue
        for word in sorted(said & extra):
            if not _foreign(head, word, wanted, record.q_vocab, after, known_pair):
                continue
            run = _run(word, record.q_vocab, after, len(extra))
            named = len(run) >= NAMED and run <= marked  # a name of its own, typed with its marks: "cây lan"
            if (defining or named) and extra <= run:
                return head, word
    return None


def _run(word: str, entry_words: frozenset[str], after: dict[str, frozenset[str]], most: int) -> set[str]:
    """``word`` and the question's words that follow it which the entry does not say ("vĩ mô", "cây lan"); read
    no further than ``most`` words (the run must be the question's few words besides its subject)."""
    run, todo = {word}, [word]
    while todo and len(run) <= most:
        for nxt in after.get(todo.pop(), ()):
            if nxt not in run and nxt not in entry_words:
                run.add(nxt)
                todo.append(nxt)
    return run


def _foreign(head: str, word: str, wanted: frozenset[str], entry_words: frozenset[str],
             after: dict[str, frozenset[str]], known_pair: KnownPair) -> bool:
    """Whether ``word``, following the subject's ``head`` in the question, is a modifier of the question's own:
    a syllable no phrasing of the entry says, in a pair no text of the KB says, no slip of the subject's own
    continuation, and not the first half of a word the KB knows ("ban" of "942 ban hành", "thay" of "69 thay
    thế": a verb after the subject, not a modifier of it)."""
    return (is_syllable(word) and word not in entry_words and not known_pair(head, word)
            and not any(_one_edit(word, z) for z in wanted)
            and not any(known_pair(word, c) for c in after.get(word, ())))
