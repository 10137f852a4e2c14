"""What the screening job finds in a story: links, spam, abuse, a topic, and a near-duplicate fingerprint.

Pure functions (no Redis), so each check is tested on its own and the job only glues them together.
Flags help a moderator decide; none of them rejects a story by itself.

Near-duplicates: MinHash over word 3-shingles of the folded text (no diacritics, lowercase), 64 hash
functions; the share of equal minima estimates the Jaccard similarity of the two shingle sets. A copy
with a changed title, a few words edited or the tone marks stripped still scores well above the threshold.
"""

from __future__ import annotations

import hashlib
import re
import struct
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from bot.infra.texts import CONTENT_DIR, render
from bot.nlp.normalize import fold

SCREENING_FILE = CONTENT_DIR / "screening.toml"
SHINGLE = 3
PERMUTATIONS = 64
DUPLICATE_THRESHOLD = 0.5  # distinct stories share almost no 3-word sequences; copies share most
_PRIME = (1 << 61) - 1
_MASK32 = (1 << 32) - 1

# Links: a scheme or "www." up to the next space, or a bare dotted name whose last kept label is a known
# top-level domain ("bit.ly", "abc.vn.xyz"). The name is matched as one possessive run of labels and cut at
# its last TLD in code: a pattern that backtracked over the labels to find the TLD was quadratic on
# "a.a.a.a…" (docs/security.md, T6).
_TLDS = frozenset(("vn", "com", "net", "org", "info", "xyz", "top", "site", "online", "io", "me", "link", "click",
                   "shop", "biz", "cc", "co", "ly", "gl", "gd", "to", "tk", "ml", "ga", "cf", "gq", "ru", "cn", "app",
                   "dev", "live", "vip", "club", "fun", "asia"))
_LINK = re.compile(
    r"(?i)(?P<url>\b(?:https?://|www\.)[^\s<>\"']++)"
    r"|(?<![\w-])(?P<name>[a-z0-9-]++(?:\.[a-z0-9-]++)++)(?P<path>/[^\s<>\"']*+)?"
)


@dataclass(frozen=True)
class Flag:
    kind: str  # "pii" | "duplicate" | "link" | "spam" | "abuse"
    detail: str = ""

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "detail": self.detail}


@lru_cache(maxsize=1)
def _data() -> dict:
    with SCREENING_FILE.open("rb") as fh:
        return tomllib.load(fh)


def _phrase_pattern(words: list[str], *, accents: bool) -> re.Pattern[str] | None:
    forms = [unicodedata.normalize("NFC", w.lower()) if accents else fold(w) for w in words]
    forms = [f for f in forms if f]
    if not forms:
        return None
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


# --- links ----------------------------------------------------------------------------------------

def urls_in(text: str) -> list[str]:
    """Every link in `text`, in order; linear in its length (each character is scanned at most twice)."""
    found: list[str] = []
    pos = 0
    while (m := _LINK.search(text, pos)) is not None:
        if m.group("url"):
            found.append(m.group("url").rstrip(".,;:!?)]"))
            pos = m.end()
            continue
        labels = m.group("name").split(".")
        last = next((i for i in range(len(labels) - 1, 0, -1) if labels[i].lower() in _TLDS), 0)
        if last == 0:
            pos = m.end("name")  # no TLD: not a link; what follows the name is scanned on its own
            continue
        if last == len(labels) - 1:
            found.append((m.group("name") + (m.group("path") or "")).rstrip(".,;:!?)]"))
            pos = m.end()
        else:
            name = ".".join(labels[:last + 1])
            found.append(name)
            pos = m.start("name") + len(name)
    return found


def host_of(url: str) -> str:
    raw = url if "://" in url else "http://" + url
    try:
        host = urlsplit(raw).hostname or ""
    except ValueError:
        return ""
    return host.lower().rstrip(".")


def is_official(host: str, allowlist: tuple[str, ...]) -> bool:
    """`host` is an allow-listed domain or one of its subdomains ("dichvucong.gov.vn" under "gov.vn");
    look-alikes such as "gov.vn.example.com" or "dichvucong-gov.vn" are not."""
    return bool(host) and any(host == d or host.endswith("." + d) for d in allowlist)


def link_flags(urls: list[str], allowlist: tuple[str, ...]) -> list[Flag]:
    hosts = dict.fromkeys(host_of(u) or u[:60] for u in urls)
    return [Flag("link", h) for h in hosts if not is_official(h, allowlist)]


# --- spam, abuse, topic -------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]:
    data = _data()
    spam = _phrase_pattern(data["spam"]["phrases"], accents=False)
    abuse = _phrase_pattern(data["abuse"]["words"], accents=True)
    abbreviations = _phrase_pattern(data["abuse"]["abbreviations"], accents=True)
    return spam, abuse, abbreviations


def spam_abuse_flags(text: str, link_count: int) -> list[Flag]:
    spam, abuse, abbreviations = _patterns()
    folded = fold(text)
    lower = unicodedata.normalize("NFC", text.lower())
    flags: list[Flag] = []
    reasons = sorted({m.group(0) for m in spam.finditer(folded)}) if spam else []
    if link_count > int(_data()["spam"]["max_links"]):
        reasons.append(f"{link_count} links")
    words = folded.split()
    if len(words) >= 20 and len(set(words)) / len(words) < 0.3:
        reasons.append("repetitive")
    if re.search(r"(.)\1{9,}", text):
        reasons.append("repeated characters")
    if reasons:
        flags.append(Flag("spam", ", ".join(reasons[:3])))
    found = {m.group(0) for p in (abuse, abbreviations) if p for m in p.finditer(lower)}
    if found:
        flags.append(Flag("abuse", str(len(found))))  # a count, not the words: the flag is shown in chat
    return flags


@dataclass(frozen=True)
class Topic:
    id: str
    label: str


@lru_cache(maxsize=1)
def _topics() -> tuple[tuple[Topic, re.Pattern[str] | None], ...]:
    return tuple((Topic(t["id"], t["label"]), _phrase_pattern(t["keywords"], accents=False))
                 for t in _data()["topic"])


def topic_of(text: str) -> Topic:
    """The topic whose keywords occur most often (first listed wins a tie), else "Khác"."""
    folded = fold(text)
    best, best_hits = None, 0
    for topic, pattern in _topics():
        hits = len(pattern.findall(folded)) if pattern else 0
        if hits > best_hits:
            best, best_hits = topic, hits
    other = _data()["other"]
    return best or Topic(other["id"], other["label"])


def topic_label(topic_id: str) -> str:
    for topic, _ in _topics():
        if topic.id == topic_id:
            return topic.label
    return _data()["other"]["label"]


# --- near-duplicates ----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _coefficients() -> tuple[tuple[int, int], ...]:
    seed = hashlib.sha256(b"dxbot-minhash").digest()
    out = []
    for i in range(PERMUTATIONS):
        digest = hashlib.sha256(seed + i.to_bytes(2, "big")).digest()
        out.append((int.from_bytes(digest[:8], "big") % (_PRIME - 1) + 1, int.from_bytes(digest[8:16], "big") % _PRIME))
    return tuple(out)


def signature(text: str) -> bytes | None:
    """64 × 32-bit MinHash minima of the word 3-shingles; None when the text is too short to compare."""
    words = fold(text).split()
    if len(words) < SHINGLE:
        return None
    shingles = {int.from_bytes(hashlib.blake2b(" ".join(words[i:i + SHINGLE]).encode(), digest_size=8).digest(),
                               "big") for i in range(len(words) - SHINGLE + 1)}
    mins = [min(((a * s + b) % _PRIME) & _MASK32 for s in shingles) for a, b in _coefficients()]
    return struct.pack(f">{PERMUTATIONS}I", *mins)


def similarity(a: bytes, b: bytes) -> float:
    if len(a) != len(b) or not a:
        return 0.0
    left = struct.unpack(f">{PERMUTATIONS}I", a)
    right = struct.unpack(f">{PERMUTATIONS}I", b)
    return sum(x == y for x, y in zip(left, right, strict=True)) / PERMUTATIONS


def nearest(sig: bytes, others: dict[str, bytes]) -> tuple[str, float] | None:
    """The most similar earlier story at or above the threshold, as (code, similarity)."""
    best = max(((code, similarity(sig, other)) for code, other in others.items()), key=lambda x: x[1], default=None)
    if best is None or best[1] < DUPLICATE_THRESHOLD:
        return None
    return best


# --- for people -----------------------------------------------------------------------------------

def describe(flags: list[dict[str, str]], *, screened: bool = True, parked: bool = False) -> str:
    """Flags as one short Vietnamese phrase for moderators ("giống #7KQ2; link ngoài …")."""
    if parked:
        return render("flag_parked")
    if not screened:
        return render("flag_unscreened")
    if not flags:
        return render("flag_none")
    return "; ".join(render(f"flag_{f['kind']}", detail=f.get("detail", "")) for f in flags)
