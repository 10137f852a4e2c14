"""Rules a cited source must meet so a citizen can check the answer against it (``dxbot kb check``).

* A source's title is Vietnamese: citizens read the page, so cite the Vietnamese original where one exists.
  Heuristic: a title of 4 or more words with no Vietnamese diacritic (no ``đ``, no tone mark, no â/ă/ê/ô/ơ/ư)
  is taken as non-Vietnamese. A genuinely English-only source is marked ``lang = "en"`` with a short ``why``.
* The old Ministry of Information and Communications' subdomains ``c63.mic.gov.vn`` (55 "bài toán") and
  ``t63.mic.gov.vn`` (21 "câu chuyện") are no longer online; the only text of them we have is the channel's
  founding article (``content/sources/``), which names them. A source on those hosts must quote that article
  (so it is cited only for what the article says), and must not be labelled as the Zalo channel.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from bot.kb.loader import CONTENT_DIR, Source

SEED_ARTICLE = CONTENT_DIR / "sources" / "chuyen-doi-so-nhan-thuc-2022.txt"  # cited as a document (round 29)
OLD_MINISTRY_HOSTS = frozenset({"c63.mic.gov.vn", "t63.mic.gov.vn"})
MIN_WORDS_FOR_LANGUAGE = 4

# Combining marks of Vietnamese after NFD: grave, acute, tilde, hook above, dot below, circumflex, breve, horn.
_VIETNAMESE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")
_WORD = re.compile(r"[^\W\d_]+")
_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")


def looks_vietnamese(title: str) -> bool:
    """False only for a title of 4+ words without a single Vietnamese diacritic (short titles pass)."""
    if len(_WORD.findall(title)) < MIN_WORDS_FOR_LANGUAGE:
        return True
    decomposed = unicodedata.normalize("NFD", title)
    return any(ch in "đĐ" or ch in _VIETNAMESE_MARKS for ch in decomposed)


def fold(text: str) -> str:
    """NFC, one space for any run of whitespace, and straight quotes: how quotes are compared."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
    return " ".join(text.split())


def quote_in(quote: str, text: str) -> bool:
    """Whether ``quote`` appears in ``text``; "…" in the quote stands for omitted words (fragments in order)."""
    haystack, position = fold(text), 0
    for fragment in _ELLIPSIS.split(fold(quote)):
        if not fragment:
            continue
        found = haystack.find(fragment, position)
        if found < 0:
            return False
        position = found + len(fragment)
    return True


def is_old_ministry(url: str) -> bool:
    return (urlsplit(url).hostname or "").lower() in OLD_MINISTRY_HOSTS


def source_problems(source: Source, seed_text: str | None) -> list[str]:
    """What is wrong with one (loaded) source under the rules above; empty when nothing is."""
    problems = []
    if source.lang != "en" and not looks_vietnamese(source.title):
        problems.append(f"title {source.title!r} is not Vietnamese (no diacritics in {MIN_WORDS_FOR_LANGUAGE}+ "
                        "words): cite the Vietnamese original, or mark an English-only page lang = \"en\" "
                        "with a 'why'")
    if is_old_ministry(source.url):
        host = urlsplit(source.url).hostname
        if "zalo" in f"{source.title} {source.publisher}".casefold():
            problems.append(f"{host} is the old ministry's site, not the Zalo channel: do not label it "
                            "as the channel")
        if seed_text is None:
            problems.append(f"{host} can only be cited with the seed article at hand ({SEED_ARTICLE.name})")
        elif source.quote and not quote_in(source.quote, seed_text):
            problems.append(f"{host} is cited for a quote the only text we have of it (the 2022 seed article) "
                            f"does not contain: {source.quote[:60]!r}")
    return problems


def read_seed(path: Path | None = None) -> str | None:
    try:
        return (path or SEED_ARTICLE).read_text(encoding="utf-8")
    except OSError:
        return None
