"""What kind of fact a question asks for, and whether an entry's answer holds one.

The ranker finds the entry *about* the question's topic; it cannot tell whether that entry *says* the fact
asked. "Kế hoạch năm 2022 là quyết định số mấy?" ranks the 2022 entry first although its answer names no
document number; "cuối năm 2023 có bao nhiêu…" ranks the entry with the end-2024 count. Such an entry may be
offered ("Ý bạn là…?") but never answered with confidence (``bot.kb.decision``). Kinds are read on the folded text
(so unmarked and telex/VNI questions count alike), and on the message as typed where folding would confuse words.

Each family of kinds is a module that registers what reads its kinds in a question and what finds them said by an
entry (``bot.kb.asks.registry``); the module's docstring says each kind and why:

* ``amounts`` — ``percent``, ``pay``, ``fee``, ``compute``, ``currency``;
* ``services`` — ``amount``, ``bank``, ``hours``, ``list:<n>``, ``count:<noun>``, ``block``, ``change``,
  ``certificate`` (read after ``fee`` and ``pay``: they look at them);
* ``documents`` — ``docnumber``, ``document:<n>``, ``which:<sort>``, ``law:<name>``;
* ``reasons`` — ``reason``;
* ``people`` — ``age``, ``hometown``, ``personal``, ``role:<title>``, ``phone``;
* ``dates`` — ``year:NNNN``, ``quarter:<n>``, ``day:<name>``, ``weekday``;
* ``places`` — ``place:<key>``, ``province``, ``subplace:<unit name>``;
* ``opinion`` — ``opinion`` (asked of the bot, a guess, a judgement asked by kinship address, a feat or a claim
  doubted);
* ``ranks`` — ``rank:<index>``, ``leader``, ``broadband:fixed``, ``region``;
* ``procedures`` — ``procedure:<name>``, ``duration``, ``login``, ``admission``;
* ``world`` — ``disaster``, ``origin``;
* ``elsewhere`` — ``taste``, ``effect:<domain>``, ``dayoff``, ``sale`` (another domain's predicate asked of the
  channel's subjects: a person's tastes, a cure, the weather, luck, a day off, a sale);
* ``lookups`` — ``lookup:<record>`` (one's own tax code, insurance, fines, exam results … looked up).

``addresses`` reads web addresses for the decision (no kind). The history of each kind is in
docs/question-answering.md (rounds 2–15).
"""

from __future__ import annotations

import weakref
from functools import partial

# Each family registers its kinds on import (``bot.kb.asks.registry``); ``services`` imports ``amounts`` itself, as
# it reads the fee and pay that ``amounts`` reads first.
from bot.kb.asks import (  # noqa: F401
    amounts,
    dates,
    documents,
    elsewhere,
    hours_by_day,
    lookups,
    minor,
    opinion,
    parts,
    people,
    places,
    procedures,
    ranks,
    reasons,
    recruitment,
    registry,
    services,
    world,
)
from bot.kb.asks.addresses import asks_address, typed_address, web_addresses
from bot.kb.asks.elsewhere import ELSEWHERE
from bot.kb.asks.places import named_places
from bot.kb.loader import Entry

__all__ = ["asked", "asks_address", "asks_elsewhere", "named_places", "provided", "typed_address", "unanswered",
           "web_addresses"]


def asked(normalized: str, raw: str = "", with_places: bool = True) -> frozenset[str]:
    """The kinds of fact a question asks for: ``normalized`` is its analysed text (folded, telex and VNI
    decoded, abbreviations expanded), ``raw`` the message as typed; ``with_places=False`` leaves the places out, for
    a caller that reads them from the question's own clauses."""
    kinds: set[str] = set()
    for reader in registry.ASKED:
        kinds.update(reader(normalized, raw, kinds))
    if with_places:
        for reader in registry.PLACES:
            kinds.update(reader(normalized, raw, kinds))
    return frozenset(kinds)


# by id(entry), with a weak reference to it: entries are immutable, and an entry's kinds go when it does (review of
# lat22: a strong reference kept every reloaded KB's old entries alive, up to a cap)
_PROVIDED: dict[int, tuple[weakref.ref[Entry], frozenset[str]]] = {}


def provided(entry: Entry) -> frozenset[str]:
    """The kinds of fact ``entry`` can give (years and places: any of its answer, title, questions or keywords)."""
    cached = _PROVIDED.get(id(entry))
    if cached is not None and cached[0]() is entry:
        return cached[1]
    said = registry.Said(entry)
    kinds = frozenset().union(*(test(said) for test in registry.PROVIDED))
    key = id(entry)
    _PROVIDED[key] = (weakref.ref(entry, partial(_forget, key)), kinds)
    return kinds


def _forget(key: int, ref: weakref.ref[Entry]) -> None:
    """Drop a dead entry's kinds (called as it is freed, before its id can be reused), unless an entry made since
    holds the key."""
    cached = _PROVIDED.get(key)
    if cached is not None and cached[0] is ref:
        del _PROVIDED[key]


def unanswered(asks: frozenset[str], entry: Entry) -> frozenset[str]:
    """What the question asks that ``entry`` does not say (empty: nothing missing). Of several years asked
    ("giai đoạn 2021–2025") one named by the entry is enough."""
    if not asks:
        return frozenset()
    missing = asks - provided(entry)
    years = {k for k in asks if k.startswith("year:")}
    return missing - years if years - missing else missing


def asks_elsewhere(asks: frozenset[str], entry: Entry) -> bool:
    """Whether the question asks ``entry`` for a predicate of another domain it does not say (a person's tastes, a
    cure, the weather, luck, a day off, a sale: ``bot.kb.asks.elsewhere``): a look-alike of the channel's topic,
    given the out-of-scope apology rather than "Ý bạn là…?" (round 25)."""
    return any(k.startswith(ELSEWHERE) for k in unanswered(asks, entry))
