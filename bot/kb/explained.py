"""What the question asks must be explained by the entry (round 8, issue 12).

Off-topic look-alikes are an entry's own question with a word that changes what is asked: another province or
country, a person's age, a fee, a prediction. Each round added a *kind* of fact for the look-alikes its dev sets
showed (``bot.kb.asks``), and the fresh writers invented new ones. This is the general rule behind those kinds.

1. :func:`unexplained` — the question's content words (``bot.kb.lexicon.view`` of the question the decision
   measures: typos repaired, politeness, dialect and question scaffolding already left out) that the top entry —
   its title, questions, phrasings, keywords, answer and source titles — does not say, grouped into runs of
   neighbouring words ("hà giang", "dự đoán").
2. :func:`gap` — whether one of them changes what is asked: every word of the run belongs to a **name** the
   citizen typed capitalised (two or more capitalised syllables in a row: "Hà Giang", "Nguyễn Văn A", "Thái
   Lan") in a word pair no entry of the KB says (:func:`names`: "Việt Nam" is the whole KB's country and explains
   itself); a name right after "ở / tại / từ" is where the speaker is ("tui ở An Giang, …"), context rather than
   the subject asked.

   Measured and dropped (docs/qa-history/round-08.md): rarity in the tuning sets' in-scope questions
   (rare words alone cost 1.6–3 % of right answers: each fresh writer brings chat words nobody used before),
   unexplained numbers (three right answers on dev: "1 năm", "sinh viên năm 3"), and a word the KB never uses
   while the out-of-scope class leans out (no right answer lost on the sets as written, but 4–5 on the same
   questions re-typed by ``tools/retype_probe``: the class is sure of chat words cut to keywords).

3. :func:`borrowed_subject` (round 9) — a short follow-up question that says no subject of its own ("…, có mất phí
   không?", "…, đăng nhập bằng gì?") asks about the subject of the question before it; an entry that explains
   too little of that first question answers another subject ("Làm căn cước cho bé 5 tuổi ở đâu, có mất phí
   không?" with the fee of online public services).

The decision (``bot.kb.decision``) never answers a gap with confidence: it offers the entry ("Ý bạn là…?", or the
apology with the entry first) or, when the class leans out, the out-of-scope reply with the entry as a button.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from bot.kb.lexicon import CONTENT, UnitView, View
from bot.kb.records import EntryRecord
from bot.nlp.normalize import analyze, fold, is_syllable


class Unexplained(NamedTuple):
    """A run of neighbouring question words the entry does not say."""

    words: tuple[str, ...]  # folded syllables, in the question's order


def _source_words(record: EntryRecord) -> frozenset[str]:
    """Folded words of the entry's source titles (a question may name the page the answer cites)."""
    found = _SOURCES.get(record.entry.id)
    if found is None or found[0] is not record:
        words = frozenset(t for s in record.entry.sources for t in analyze(s.title).tokens)
        _SOURCES[record.entry.id] = found = (record, words)
    return found[1]


_SOURCES: dict[str, tuple[EntryRecord, frozenset[str]]] = {}


def unexplained(view: View, record: EntryRecord) -> tuple[Unexplained, ...]:
    """The question's content words that the entry does not say, as runs of neighbouring words.

    A unit is explained when one of its readings is said whole by the entry (an ambiguous abbreviation needs
    one reading); optional units (an unmarked "de" that may be "để") are never counted against an entry, and
    a scaffolding word between two unexplained ones ends the run.
    """
    runs: list[list[str]] = []
    last = -2
    for i, uv in _unsaid(view, record):
        if i == last + 1:
            runs[-1].extend(uv.alts[0])
        else:
            runs.append(list(uv.alts[0]))
        last = i
    return tuple(Unexplained(words) for words in dict.fromkeys(tuple(run) for run in runs))


def _unsaid(view: View, record: EntryRecord) -> Iterator[tuple[int, UnitView]]:
    """The content units of ``view`` (with their positions) that the entry does not say (see :func:`unexplained`)."""
    said_q, said_a = record.q_vocab, record.a_vocab
    sources: frozenset[str] | None = None
    for i, uv in enumerate(view.units):
        if uv.role != CONTENT or not uv.alts:
            continue
        if any(all(t in said_q or t in said_a for t in alt) for alt in uv.alts):
            continue
        if sources is None:
            sources = _source_words(record)
        if any(all(t in said_q or t in said_a or t in sources for t in alt) for alt in uv.alts):
            continue
        yield i, uv


# A word typed with a capital, its letters only (digits and punctuation end it).
_WORD = re.compile(r"[^\W\d_]+")
# "ở / tại / từ <name>", "tôi / tui / mình / em / nhà / chúng <…> <name>": where the speaker lives or works
_SPEAKER = frozenset({"o", "tai", "tu", "toi", "tui", "minh", "em", "nha", "chung", "que"})
CONTEXT_WORDS = 3  # words before a name read for the speaker's whereabouts
_TOLD = frozenset({"noi", "ke"})  # "<name> nói / kể …": the source of what the citizen heard (like "nghe nói")


@lru_cache(maxsize=8192)
def _fold(word: str) -> str:
    """``fold`` of one word (latency: the words of chat messages repeat)."""
    return fold(word)


# Round 19: an exclamation, wherever it stands ("Ủa Bộ Thông tin …") is capitalised but no part of a name (content/)
_INTERJECTIONS = frozenset(w for w in tomllib.loads((Path(__file__).resolve().parents[2] / "content"
                                                      / "interjections.toml").read_text(encoding="utf-8"))["words"]
                           if " " not in w)


@lru_cache(maxsize=8192)
def _capital(word: str) -> bool:
    """A capitalised Vietnamese syllable ("Giang"), not an abbreviation ("UBND") nor another word ("Global"), nor
    an exclamation (``_INTERJECTIONS``: "Ủa")."""
    return word[0].isupper() and not word.isupper() and is_syllable(_fold(word)) \
        and unicodedata.normalize("NFC", word).lower() not in _INTERJECTIONS


def names(text: str, known_pair: Callable[[str, str], bool]) -> frozenset[str]:
    """The folded syllables of the names typed capitalised in ``text`` that the knowledge base does not know.

    A name is a run of two or more capitalised Vietnamese syllables next to each other ("Tỉnh Hà Giang", "Thái
    Lan", "Nguyễn Văn A"): a sentence may start with a capital, so one capitalised syllable is no name, and
    all-capital abbreviations ("UBND") are none either. Of a name, the syllables that stand in a pair no entry
    says (``known_pair``) are kept: "Việt Nam" is the whole KB's country and keeps nothing, "Nghệ An" keeps
    both words although "nghệ" (công nghệ) and "an" (an toàn) are common. Left out, because the capital then
    says nothing about what is asked: a name shortly after "ở / tại / từ" or a first-person word (where the
    speaker lives or works: "tui ở An Giang, …", "xã tôi là Tân Lập"), a name followed by "nói / kể" (who told
    the citizen: "Cô Lê Thị Hoa nói cả nước có …"), and every name of a message typed in
    title case ("Cho Tôi Hỏi Ngày Chuyển Đổi Số …"), where half or more of the words are capitalised.
    """
    parts = text.split()  # no name without two capitalised words in a row (latency: most messages, read in C)
    if not any(a[:1].isupper() and b[:1].isupper() for a, b in zip(parts, parts[1:], strict=False)):
        return frozenset()
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    capitals = [w[0].isupper() and _capital(w) for w, _, _ in words]
    if sum(capitals) < 2 or sum(capitals) * 2 >= len(words):
        return frozenset()
    # a capitalised word joins the name before it when only spaces stand between them ("Hà Giang", not "Hà, Giang")
    joins = [capitals[k] and capitals[k - 1] and not text[words[k - 1][2] : words[k][1]].strip()
             for k in range(1, len(words))]
    found: set[str] = set()
    i = 0
    while i < len(words):
        j = i
        while j < len(joins) and joins[j]:
            j += 1
        if j > i:
            folded = [_fold(w) for w, _, _ in words[max(0, i - CONTEXT_WORDS) : j + 2]]
            start = i - max(0, i - CONTEXT_WORDS)  # the name's first word in ``folded``
            name = folded[start : start + j - i + 1]
            told = len(folded) > start + j - i + 1 and folded[start + j - i + 1] in _TOLD
            if not told and not _SPEAKER.intersection(folded[:start]):
                for a, b in zip(name, name[1:], strict=False):
                    if not known_pair(a, b):
                        found.update((a, b))
        i = j + 1
    return frozenset(found)


def gap(question: View | None, record: EntryRecord | None, typed_names: frozenset[str]) -> Unexplained | None:
    """The first run of the question's words the entry does not say that lies in a name the KB does not know
    (see the module docstring), or None. ``question``: the view the decision measures (``Hit.question``);
    ``record``: the top entry's; ``typed_names``: :func:`names` of the question's own clauses. Most messages type
    no name, and then nothing is computed (latency)."""
    if not typed_names or question is None or record is None:
        return None
    return next((run for run in unexplained(question, record) if all(w in typed_names for w in run.words)), None)


# Round 9: a follow-up with at most this many content syllables names no subject of its own ("có mất phí không")
ELLIPTICAL_WORDS = 3
BORROWED_SHARE = 0.5  # ... and the entry answering it leaves at least this share of the first question unexplained
# Round 14: after a first question the channel refused as out of scope, a follow-up of up to this many ("có phải đăng
# nhập bằng VNeID không" after "Quyết toán thuế … trên eTax làm sao") still borrows that question's subject
OUTSIDE_ELLIPTICAL_WORDS = 5


def content_words(view: View) -> int:
    """How many content units ``view`` has (words or compounds that say what the question is about)."""
    return sum(1 for uv in view.units if uv.role == CONTENT and uv.alts)


def borrowed_subject(first: View | None, follow_up: View | None, record: EntryRecord | None,
                     elliptical: int = ELLIPTICAL_WORDS) -> bool:
    """Whether the entry of ``record``, found for a short ``follow_up`` clause, answers it without the subject the
    ``first`` question of the same sentence gave it (round 9, see the module docstring).

    A follow-up that names its own subject ("…, tên đăng nhập là gì vậy?" has two content words, "tên đăng
    nhập"; "chủ trì chuyển đổi số từ đầu" more) is read on its own as before, and so is a first clause the
    entry mostly explains ("Cái VNeID đó là của bên công an làm hả": VNeID and the police are in the answer). Of
    the first question's content words, those the entry does not say are counted one by one
    as units, like the total."""
    if first is None or follow_up is None or record is None or content_words(follow_up) > elliptical:
        return False
    total = content_words(first)
    if total < 2:
        return False
    missing = sum(1 for _ in _unsaid(first, record))
    return missing >= BORROWED_SHARE * total


def subject_left(context: View | None, question: View | None, alone: EntryRecord | None,
                 whole: EntryRecord | None, elliptical: int = ELLIPTICAL_WORDS) -> bool:
    """Whether the entry ``alone`` found for a short ``question`` read by itself drops the subject the ``context``
    told before it, which the entry ``whole`` found for the whole message keeps (round 15: "Tôi đọc báo thấy nói
    Quyết định 749 về chương trình chuyển đổi số quốc gia. Rốt cuộc ai ký vậy?" — alone, "ai ký" is any signing, and
    the DX day's Decision 505 answered it; Vietnamese drops the subject the talk already holds). The question must
    name little (``elliptical`` content words or fewer); the context's subject is lost when ``alone`` leaves half of
    the context unexplained (:func:`borrowed_subject`) or leaves out a number the context names (a document's number,
    a year) that ``whole`` says."""
    if context is None or question is None or alone is None or whole is None \
            or content_words(question) > elliptical:
        return False
    if borrowed_subject(context, question, alone, elliptical):
        return True
    lost = {alt for _, uv in _unsaid(context, alone) if uv.unit.kind == "number" for alt in uv.alts}
    if not lost:
        return False
    kept = {alt for _, uv in _unsaid(context, whole) if uv.unit.kind == "number" for alt in uv.alts}
    return bool(lost - kept)
