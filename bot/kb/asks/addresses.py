"""Web addresses: whether a question asks for an address or a link, the address a question consists of, and the
addresses an entry's answer gives (``bot.kb.decision``: a tie is moot when both entries give the address asked).
Not a kind of fact: the decision reads these itself (added in rounds 7 and 9; docs/question-answering.md)."""

from __future__ import annotations

import re

from bot.kb import wh
from bot.kb.loader import Entry

# A web address asked ("địa chỉ trang …", "link", "website"), and the web addresses an answer gives.
_ADDRESS = re.compile(r"\bdia chi\b|\blink\b|\bduong (?:dan|link)\b|\btrang web\b|\bwebsite\b|\bweb gi\b")
_WEB = re.compile(r"\b(?:[a-z0-9-]+\.)+(?:gov\.vn|com\.vn|vn|com|net|org)\b")


# What a question asks when it names a site but wants something else of it ("Cái web dichvucong.gov.vn ấy
# mở từ bao giờ nhỉ?" asks when it opened, not where it is)
_NOT_ADDRESS_KINDS = frozenset({"when", "who", "why", "count"})


def asks_address(normalized: str) -> bool:
    """Whether a question (its analysed, folded text) asks for an address or a link ("địa chỉ trang … là gì"),
    not a time, a person, a reason or a count of the site it names."""
    return _ADDRESS.search(normalized) is not None and not (wh.kinds(normalized) & _NOT_ADDRESS_KINDS)


# a question that is a web address and nothing else, as the analyser leaves it ("dichvucong.gov.vn" → "dichvucong
# gov viet nam": the dots gone, "vn" read as the country)
_BARE_ADDRESS = re.compile(
    r"^(?:www )?((?:[a-z0-9-]+ )+?)(gov viet nam|com viet nam|org viet nam|viet nam|com|net|org)$")
_SUFFIX = {"gov viet nam": "gov.vn", "com viet nam": "com.vn", "org viet nam": "org.vn", "viet nam": "vn"}


def typed_address(normalized: str) -> str | None:
    """The web address a question consists of, dotted ("dichvucong.gov.vn"), or None: the citizen typed only
    the site and asks what it is (dev9a's bare keyword query)."""
    found = _BARE_ADDRESS.match(normalized.strip())
    if found is None:
        return None
    return ".".join([*found.group(1).split(), _SUFFIX.get(found.group(2), found.group(2))])


def web_hosts(text: str) -> frozenset[str]:
    """The web addresses ``text`` gives, without scheme or "www." ("dichvucong.gov.vn")."""
    return frozenset(a.removeprefix("www.") for a in _WEB.findall(text.lower()))


def web_addresses(entry: Entry) -> frozenset[str]:
    """The web addresses ``entry``'s answer gives, without scheme or "www." ("dichvucong.gov.vn")."""
    return web_hosts(entry.answer)
