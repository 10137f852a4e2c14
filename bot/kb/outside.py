"""The out-of-scope class: questions the channel does not answer although they share its words.

Rasa and Dialogflow refuse look-alikes with an *out-of-scope intent* trained on negative examples, not with a
lower threshold: "số điện thoại ngân hàng" shares "số điện thoại" with the channel's hotline entry and "đăng ký"
with VNeID, so the ranker's signals alone see a good match. Here the editors write such requests in
``content/out_of_scope.toml`` (groups of phrasings, in their own words); each group is indexed like an entry
(``bot.kb.records``) and a question is measured against it with the entries' own phrasing match
(``bot.kb.signals.content_match``). A question that says one of those phrasings as closely as the top entry's is
not answered with confidence (``bot.kb.decision.floors``): the citizen gets the apology and the closest topics.
"""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from bot.kb.lexicon import CONTENT, View
from bot.kb.loader import CONTENT_DIR, Entry
from bot.kb.offtopic_model import Model, QuestionFeatures, load_model, question_features
from bot.kb.records import EntryRecord, build_record

DEFAULT_OUTSIDE = CONTENT_DIR / "out_of_scope.toml"
ALPHA = 0.5  # additive smoothing of the classifier's counts
TOPIC = "ngoai-pham-vi-lop"  # the pseudo-entries' topic (never shown: they have no answer)


@dataclass(frozen=True, slots=True)
class Question:
    """What :meth:`Outside.against` reads of a question whatever the top entry: its best phrasing match and that
    group's record, the classifier's probability, the trained model's question features and the question's content
    words (made once per question view: latency, round 22)."""

    best: float
    record: EntryRecord | None
    p: float
    features: QuestionFeatures | None
    said: frozenset[str]


@dataclass(frozen=True, slots=True)
class Group:
    """One kind of request the channel does not answer ("xổ số", "tỷ giá"), as citizens would phrase it."""

    name: str
    phrasings: tuple[str, ...]


def load_outside(path: Path | None = None) -> tuple[list[Group], list[str]]:
    """The groups of ``content/out_of_scope.toml`` (or ``path``) and the problems found; a missing file is no
    problem (a KB without the class answers as before)."""
    path = path or DEFAULT_OUTSIDE
    if not path.is_file():
        return [], []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return [], [f"{path.name}: {exc}"]
    groups, problems = [], []
    for i, raw in enumerate(data.get("group", [])):
        name = raw.get("name") if isinstance(raw, dict) else None
        phrasings = raw.get("phrasings") if isinstance(raw, dict) else None
        if not isinstance(name, str) or not isinstance(phrasings, list) or not phrasings \
                or not all(isinstance(p, str) and p.strip() for p in phrasings):
            problems.append(f"{path.name}: group {i + 1} needs a name and a non-empty list of phrasings")
            continue
        groups.append(Group(name, tuple(p.strip() for p in phrasings)))
    return groups, problems


class Outside:
    """The out-of-scope groups, indexed once at load like entries (one record per group), with an inverted index
    from each content item (word or pair) to the phrasings that say it: a question is compared only with the
    phrasings that share an item with it, whatever the size of the class (session 6: 60 groups, 539 phrasings;
    latency, ``bot.kb.reading`` measures every reading against it)."""

    def __init__(self, groups: Sequence[Group], model: Model | None | bool = True) -> None:
        """``model``: the trained off-topic model (``bot.kb.offtopic_model``); True loads the committed one,
        None or False goes without."""
        self.groups = tuple(groups)
        self.model: Model | None = load_model() if model is True else model or None
        self.records: tuple[EntryRecord, ...] = tuple(build_record(_pseudo(g))[0] for g in self.groups)
        # every phrasing of every group: (required, optional, size) as content_match reads them, and its group
        self.phrasings: tuple[tuple[frozenset[str], frozenset[str], int], ...] = tuple(
            p for rec in self.records for p in rec.content_phrasings)
        self.owner: tuple[int, ...] = tuple(g for g, rec in enumerate(self.records) for _ in rec.content_phrasings)
        # per phrasing: every item it says, and the optional items that lengthen the Dice denominator when the
        # question says them (``phrasings_match``'s ``extra``: not tone keys), precomputed (latency)
        self.said: tuple[frozenset[str], ...] = tuple(r | o for r, o, _ in self.phrasings)
        self.spare: tuple[frozenset[str], ...] = tuple(
            frozenset(t for t in o - r if not t.startswith("#")) for r, o, _ in self.phrasings)
        postings: dict[str, list[int]] = defaultdict(list)
        for i, said in enumerate(self.said):
            for item in said:
                postings[item].append(i)
        # each item's phrasings, shortest first (by size, the Dice denominator's share): ``match`` stops reading a
        # common word's list where no phrasing left in it can reach the best match found
        sizes = [size for _, _, size in self.phrasings]
        self.postings: dict[str, tuple[int, ...]] = {
            k: tuple(sorted(v, key=lambda i: (sizes[i], i))) for k, v in postings.items()}
        self.weights: dict[str, float] = {}  # per content item, its log-likelihood ratio out / in (see fit)

    def fit(self, entries: Sequence[EntryRecord], alpha: float = ALPHA) -> None:
        """Train the naive Bayes classifier "out of scope or not" on the entries' phrasings (in scope: titles,
        questions, extra phrasings, keywords) against the class's phrasings, over their content items (words,
        tone keys and pairs, each counted once per phrasing): the out-of-scope intent of Rasa and Dialogflow.
        Equal priors; a question is then one look-up per item (:meth:`probability`)."""
        inside = [r | o for rec in entries for r, o, _ in rec.content_phrasings]
        outside = [r | o for r, o, _ in self.phrasings]
        if not inside or not outside:
            return
        n_in, n_out = Counter(t for d in inside for t in d), Counter(t for d in outside for t in d)
        vocab = n_in.keys() | n_out.keys()
        total_in, total_out = sum(n_in.values()) + alpha * len(vocab), sum(n_out.values()) + alpha * len(vocab)
        self.weights = {t: math.log((n_out[t] + alpha) / total_out) - math.log((n_in[t] + alpha) / total_in)
                        for t in vocab}

    def probability(self, qv: View) -> float:
        """The classifier's probability that the question is out of scope (0.5 with nothing known of it)."""
        # a set: summed in a fixed order; looked up in C (latency: no generator step per word)
        z = sum(map(self.weights.get, sorted(qv.required | qv.optional), repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def match(self, qv: View) -> tuple[float, EntryRecord | None]:
        """The best phrasing match of the question (its content view, as the ranker reads it) in any group, and
        that group's record (None when none shares a word): ``content_match`` over the phrasings the inverted
        index finds, with the same Dice value (the first group in file order among equal best matches).

        Max-score pruning (latency: "số", "năm", "công" post to a fifth of the class, and a long message says
        several): the question's items are read rarest first. A phrasing first met in the list of the j-th item
        says none of the earlier items, so it shares at most ``left`` items (this one and those after it), and
        its Dice value ``2·common / (n_items + size + extra)`` is at most ``2·left / (n_required + size)``. A
        list is sorted by size, so once that bound is below the best value found, no later phrasing of the list
        can reach it — not even tie it — and the rest of the list is skipped. The bound is compared in integers
        (best kept as numerator and denominator): exact. The result is the full scan's, whatever is skipped.
        """
        q_required, q_optional = qv.required, qv.optional
        q_all = q_required | q_optional if q_optional else q_required
        lists = sorted(filter(None, map(self.postings.get, q_all)), key=len)
        if not lists:
            return 0.0, None
        q_extra = q_optional - q_required
        n_required = len(q_required)
        said, spare, phrasings, owners = self.said, self.spare, self.phrasings, self.owner
        best, owner, best_num, best_den = 0.0, -1, 0, 1
        seen: set[int] = set()
        left = len(lists)
        for plist in lists:
            bound = 2 * left  # twice the most items a phrasing first met in this list can share with the question
            left -= 1
            for i in plist:
                size = phrasings[i][2]
                if bound * best_den < best_num * (n_required + size):
                    break  # this one and every later (longer) one: below the best, cannot tie it
                if i in seen:
                    continue
                seen.add(i)
                items = said[i]
                den = (n_required + len(q_extra & items) if q_extra else n_required) + size
                if spare[i]:
                    den += len(q_all & spare[i])
                num = 2 * len(q_all & items)
                value = num / den
                if value > best or (value == best and owners[i] < owner):
                    best, owner, best_num, best_den = value, owners[i], num, den
        return min(1.0, best), self.records[owner]

    def question(self, qv: View) -> Question:
        """What :meth:`against` reads of the question ``qv`` whatever the top entry (``bot.kb.index`` keeps it with
        the question's query: a message's question gates the whole message's ranking and is ranked alone too)."""
        best, record = self.match(qv)
        return Question(best, record, self.probability(qv),
                        question_features(qv) if self.model is not None else None,
                        frozenset(t for uv in qv.units if uv.role == CONTENT for alt in uv.alts for t in alt))

    def against(self, qv: View, top: EntryRecord, question: Question | None = None) -> tuple[float, bool, float, float]:
        """How closely the question says an out-of-scope phrasing that says a word of the question the ``top``
        entry's phrasings do not ("số điện thoại *ngân hàng*", "GDP *tăng* bao nhiêu"), else 0: "kênh có số
        điện thoại tổng đài không" says the bank group's "số điện thoại tổng đài" too, but nothing the
        channel's hotline entry does not. Its answer's words do not count: an answer mentions much.
        Also the naive Bayes classifier's probability and the trained model's (0 without one), given ``top``.
        ``question``: :meth:`question` of ``qv``, when the caller holds it."""
        read = question if question is not None else self.question(qv)
        best, record, p = read.best, read.record, read.p
        trained = self.model.probability(qv, top, read.features) if self.model is not None else 0.0
        if record is None:
            return 0.0, False, p, trained
        beyond = any(t in record.q_vocab and t not in top.q_vocab for t in read.said)
        beyond = beyond or any(p in record.q_cpairs and p not in top.q_cpairs for p in qv.pairs)
        return best, beyond, p, trained


def _pseudo(group: Group) -> Entry:
    """A group as an entry without answer or sources, so that it is read exactly as entries are."""
    return Entry(f"oos-{group.name}", TOPIC, group.phrasings[0], group.phrasings[1:], (), "", dt.date.min, ())
