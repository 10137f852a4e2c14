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
import tomllib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, groupby
from pathlib import Path

from bot.kb.lexicon import CONTENT, View
from bot.kb.loader import CONTENT_DIR, Entry
from bot.kb.records import EntryRecord, build_record
from bot.kb.signals import phrasings_match

DEFAULT_OUTSIDE = CONTENT_DIR / "out_of_scope.toml"
TOPIC = "ngoai-pham-vi-lop"  # the pseudo-entries' topic (never shown: they have no answer)


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
    """The out-of-scope groups, indexed once at load like entries (one record per group)."""

    def __init__(self, groups: Sequence[Group]) -> None:
        self.groups = tuple(groups)
        self.records: tuple[EntryRecord, ...] = tuple(build_record(_pseudo(g))[0] for g in self.groups)
        # Every group's phrasings in one flat list (file order), and which of them hold each content item: a
        # question is compared only with the phrasings that share an item with it (content_match of the others is
        # 0), so the class can grow to hundreds of phrasings for the price of a few look-ups (latency, round 6).
        self.phrasings = tuple(p for record in self.records for p in record.content_phrasings)
        self.group_of = tuple(g for g, record in enumerate(self.records) for _ in record.content_phrasings)
        postings: dict[str, list[int]] = defaultdict(list)
        for i, (required, optional, _) in enumerate(self.phrasings):
            for item in required | optional:
                postings[item].append(i)
        self.postings = {item: tuple(found) for item, found in postings.items()}

    def match(self, qv: View) -> tuple[float, EntryRecord | None]:
        """The best phrasing match of the question (its content view, as the ranker reads it) in any group, and
        that group's record (None when none shares a word): the first group, in file order, with the best
        :func:`~bot.kb.signals.content_match`."""
        touched = sorted(set(chain.from_iterable(filter(None, map(self.postings.get, qv.required | qv.optional)))))
        best, found = 0.0, None
        phrasings = self.phrasings
        for g, numbers in groupby(touched, key=self.group_of.__getitem__):
            value = min(1.0, phrasings_match(qv, [phrasings[i] for i in numbers]))
            if value > best:
                best, found = value, self.records[g]
        return best, found

    def against(self, qv: View, top: EntryRecord) -> tuple[float, bool]:
        """How closely the question says an out-of-scope phrasing that says a word of the question the ``top``
        entry's phrasings do not ("số điện thoại *ngân hàng*", "GDP *tăng* bao nhiêu"), else 0: "kênh có số
        điện thoại tổng đài không" says the bank group's "số điện thoại tổng đài" too, but nothing the
        channel's hotline entry does not. Its answer's words do not count: an answer mentions much."""
        best, record = self.match(qv)
        if record is None:
            return 0.0, False
        said = {t for uv in qv.units if uv.role == CONTENT for alt in uv.alts for t in alt}
        beyond = any(t in record.q_vocab and t not in top.q_vocab for t in said)
        beyond = beyond or any(p in record.q_cpairs and p not in top.q_cpairs for p in qv.pairs)
        return best, beyond


def _pseudo(group: Group) -> Entry:
    """A group as an entry without answer or sources, so that it is read exactly as entries are."""
    return Entry(f"oos-{group.name}", TOPIC, group.phrasings[0], group.phrasings[1:], (), "", dt.date.min, ())
