"""The places a question names, and whether an entry names them too.

An off-topic look-alike often asks the knowledge base's own question about a place it never talks about:
"Tỉnh Hà Giang có bao nhiêu tổ công nghệ số cộng đồng?" ranks the national count first, "Thái Lan có ngày
chuyển đổi số riêng không?" the Vietnamese day. The entry may be offered, but answering it with confidence
answers another question. ``bot.kb.asks`` turns each place named into a kind of fact asked (``place:<key>``)
that the entry must provide by naming the place in its answer, title, phrasings or keywords.

Places: the provinces and cities of ``content/provinces.toml`` — today's 34 under their names and aliases (key:
the official name, so "TPHCM" and "Hồ Chí Minh" are one place) and the old 63 merged into them (key: the old
name, since an entry about Tuyên Quang does not speak for Hà Giang) — and the countries of
``content/countries.toml``. Abbreviations of three letters or fewer ("HN", "CT", "SG") are left out: as a word
of a sentence they are other things ("ct" is also a programme). Everything is compared folded, as whole words.
"""

from __future__ import annotations

import itertools
import re
import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path

from bot.infra.provinces import PROVINCES_FILE, SHORT_ALIAS_CHARS
from bot.infra.texts import CONTENT_DIR
from bot.nlp.normalize import fold

COUNTRIES_FILE = CONTENT_DIR / "countries.toml"
# Folded spellings of provinces.toml that are also the syllables of common words read across a word boundary,
# never taken for a place here: "cộng đồng hồi 2022" (Đồng Hới), "xã hội an toàn" (Hội An), "thủ đô" of any
# country, "hòa bình" (peace, also the old province), "cao bằng" (as high as), "tấn an"/"tân an".
NOT_PLACES = frozenset({"dong hoi", "hoi an", "thu do", "hoa binh", "cao bang", "tan an"})


def _spellings(provinces: Path = PROVINCES_FILE, countries: Path = COUNTRIES_FILE) -> dict[str, str]:
    """Every folded spelling of a place → the place's key."""
    with provinces.open("rb") as fh:
        units = tomllib.load(fh)["province"]
    with countries.open("rb") as fh:
        nations = tomllib.load(fh)["country"]
    names: dict[str, str] = {}
    for unit in units:
        for alias in (unit["name"], *unit.get("aliases", ())):
            names.setdefault(fold(alias), unit["name"])
        for old in unit.get("formerly", ()):
            names[fold(old)] = old  # an old name is its own place, even where an alias repeats it
    for nation in nations:
        for alias in (nation["name"], *nation.get("aliases", ())):
            names.setdefault(fold(alias), nation["name"])
    return {name: key for name, key in names.items()
            if name and len(name.replace(" ", "")) > SHORT_ALIAS_CHARS and name not in NOT_PLACES}


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, int]]:
    """The spellings, and the most words of a spelling by its first word."""
    names = _spellings()
    longest: dict[str, int] = {}
    for name in names:
        words = name.split()
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return names, longest


# Where the speaker lives is context, not the subject asked: "tôi ở Hà Nội, …", "thôn tôi ở Đắk Lắk …", "em là sinh
# viên ở Đà Nẵng …": a place right after "ở"/"tại" with a first-person pronoun at most SPEAKER_SPAN words before.
# Round 11 (Central and Southern chat): where the speaker comes from or moved to is context too — "e quê Hà Tĩnh
# vô Bình Dương làm", "tui dân Quảng Nam vô Đồng Nai", "mạ tui ngoài Nghệ An hỏi" ("vô" = vào; "ngoài"/"ra" for the
# north of the speaker); "e" is chat's "em".
SPEAKER = frozenset({"toi", "tui", "minh", "em", "to", "tao", "e"})
SPEAKER_AT = frozenset({"o", "tai", "que", "dan", "vo", "vao", "ngoai", "ra", "xuong", "len", "ben"})
SPEAKER_SPAN = 4
# Round 26 (mixed typing): "bên" introduces where the speaker is as "ở" does, in the South and in chat ("tui bên Cần
# Thơ", "nhà em bên Long An", "e làm ở UBND xã bên Hải Dương"). An address goes on from one way word to the next
# ("ở UBND xã bên Hải Dương", "ở xóm trọ … ở Quế Võ"): a way word a few words after the speaker's own is the speaker's
# too. But where the pronoun is the subject of a verb of asking, knowing or hearing, the place after it is what is
# asked or reported ("cho tôi hỏi ở Hà Giang có bao nhiêu tổ …", "tui nghe nói ở Thái Lan cũng có ngày …"): not the
# speaker's. Only the verb right after the pronoun (an auxiliary between) counts: folded, the same syllables are
# other words inside the span ("dạy công nghệ ở Đà Nẵng", "xã hội", "Hà Nội").
REPORTING = frozenset({"hoi", "biet", "nghe", "noi", "thay", "doc", "xem", "coi"})
AUXILIARIES = frozenset({"muon", "co", "da", "moi", "vua", "cung", "duoc", "thi", "can", "dang"})
ADDRESS_WAYS = frozenset({"o", "tai", "ben"})
# Round 14b (session-14 workers and parents): the way to the place may name the unit or the way first — "mẹ tôi làm
# văn thư ở xã ngoài quê Nghệ An", "em mới xuống Bình Dương", "lên Bình Dương làm công nhân" ("xuống"/"lên": moved
# there) — and a sub-place of up to two words may stand between "ở" and the province ("tôi làm công ty giày ở Dĩ An
# Bình Dương"). The span to the pronoun counts from the first word of that way.
LOCALITIES = frozenset({"xa", "huyen", "tinh", "thon", "ap", "buon", "phuong", "quan", "lang"})
SUBPLACE_WORDS = 2
# Review 14c: words that cannot be a sub-place's — "tại sao"/"tại vì" (why/because), "ở nhà"/"ở đây" (at home/here)
# and the verbs of asking or looking that follow them ("ở nhà hỏi Hà Nội …", "ở nhà coi …"): with them the place is
# the one asked, not the speaker's address.
NOT_SUBPLACE = frozenset({"sao", "vi", "nha", "day", "do", "hoi", "coi", "xem", "biet", "muon", "thay", "la", "co",
                          "thi", "ma", "ve", "cho", "nghe", "doc", "tim"})


# Round 13 (factory workers from the Mekong): where the asker lodges is where they are — "coi tivi trong phòng trọ
# ở Biên Hòa", "xóm trọ tui ở Dĩ An": the rented room or row stands for the speaker (folded pairs).
LODGINGS = frozenset({("phong", "tro"), ("nha", "tro"), ("xom", "tro"), ("day", "tro"), ("khu", "tro")})


def _speaker_at(tokens: list[str], i: int) -> bool:
    """Whether the place starting at ``tokens[i]`` is where the speaker is ("nhà tôi ở <place>", "phòng trọ ở
    <place>")."""
    start = i
    if i > SUBPLACE_WORDS and tokens[i - 1] not in SPEAKER_AT and tokens[i - 1 - SUBPLACE_WORDS] in {"o", "tai"} \
            and not any(t in NOT_SUBPLACE for t in tokens[i - SUBPLACE_WORDS:i]):
        start = i - SUBPLACE_WORDS  # "ở Dĩ An Bình Dương": the sub-place's words are part of the way
    j = start
    while j > 0 and (tokens[j - 1] in SPEAKER_AT or (j < i and tokens[j - 1] in LOCALITIES)):
        j -= 1
        if tokens[j] in SPEAKER_AT:
            start = j  # the way's first word of moving or being ("ở", "quê", "xuống"), not a unit before it
    if start == i or tokens[start] not in SPEAKER_AT:
        return False
    return _spoken(tokens, start)


def _spoken(tokens: list[str], start: int, hops: int = 2) -> bool:
    """Whether the way word at ``tokens[start]`` tells where the speaker is: a first-person pronoun or the asker's
    lodging at most SPEAKER_SPAN words before it, with no verb of asking, knowing or hearing between (round 26), or
    another way word of the speaker's address there ("ở UBND xã bên …": at most ``hops`` of them, so the reading stays
    linear in the message)."""
    before = tokens[max(0, start - SPEAKER_SPAN):start]
    if any(pair in LODGINGS for pair in zip(before, before[1:], strict=False)):
        return True
    first = start - len(before)
    for k in range(len(before) - 1, -1, -1):
        word = before[k]
        if word in SPEAKER:
            return not reports(tokens, first + k + 1, start)
        if hops and word in ADDRESS_WAYS and _spoken(tokens, first + k, hops - 1):
            return True
    return False


def reports(tokens: list[str], after: int, end: int) -> bool:
    """Whether the words from ``tokens[after]`` (right after a pronoun) to ``end`` open with a verb of asking, knowing
    or hearing, an auxiliary or two before it ("tôi muốn biết", "cho tôi hỏi", "tui nghe nói")."""
    for word in tokens[after:end]:
        if word not in AUXILIARIES:
            return word in REPORTING
    return False


RELAY = frozenset({"hoi", "goi", "nhan"})


def _relays(tokens: list[str], i: int, size: int) -> bool:
    """Whether the place at ``tokens[i:i+size]`` is where someone lives who asked the speaker ("thằng nhỏ ở Quảng
    Ngãi gọi hỏi …", "bạn tôi ngoài Huế nhắn hỏi"): after "ở"/"ngoài"/…, and "hỏi", "gọi" or "nhắn" right after."""
    return i > 0 and tokens[i - 1] in SPEAKER_AT and bool(RELAY.intersection(tokens[i + size:i + size + 2]))


def places(folded: str, asked: bool = False) -> frozenset[str]:
    """The keys of the places named in ``folded`` text (folded: no diacritics, no punctuation, lower case);
    ``asked``: the text is a citizen's question, whose own whereabouts ("tôi ở Nghệ An, …") are not counted.

    Word n-grams that start with a place's first word, looked up in a table, the longest first (latency: one
    regular expression of all the names took 13 µs a question)."""
    names, longest = _table()
    tokens = folded.split()
    found: set[str] = set()
    i = 0
    while i < len(tokens):
        for size in range(min(longest.get(tokens[i], 0), len(tokens) - i), 0, -1):
            key = names.get(" ".join(tokens[i:i + size]))
            if key is not None:
                if not (asked and (_speaker_at(tokens, i) or _relays(tokens, i, size))):
                    found.add(key)
                i += size
                break
        else:
            i += 1
    return frozenset(found)


# Round 7: a place below the province ("xã Tân Phú", "phường Cầu Giấy", "quận 7"), read on the message as typed,
# marks and capitals kept: folded, the unit words of content/subplace_units.toml are common words ("xã hội", "từ
# xa", "cơ quan", "địa phương"), and only a capital (or a number) says a name follows.
UNITS_FILE = CONTENT_DIR / "subplace_units.toml"


@lru_cache(maxsize=1)
def _units(path: Path = UNITS_FILE) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The unit words (lower case, NFC, split in words) by their first word, the longest first ("thị xã" before
    "thị"): a word of the message is looked up once, not compared with every unit (latency)."""
    with path.open("rb") as fh:
        units = [tuple(unicodedata.normalize("NFC", u).lower().split()) for u in tomllib.load(fh)["units"]]
    firsts: dict[str, list[tuple[str, ...]]] = {}
    for unit in sorted(units, key=len, reverse=True):
        firsts.setdefault(unit[0], []).append(unit)
    return {first: tuple(group) for first, group in firsts.items()}


@lru_cache(maxsize=1)
def _first_words() -> re.Pattern[str]:
    """The units as one expression, any case, with the letter after: a message where no unit is followed by a
    capital or a digit is passed over at once ("tổ công nghệ số", "xã hội")."""
    units = sorted((" ".join(u) for group in _units().values() for u in group), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, units)) + r") +(\w)", re.IGNORECASE)


MAX_NAME_WORDS = 4
_WORD = re.compile(r"\w+|[^\w\s]")  # a mark of punctuation ends a name


def _is_name(word: str) -> bool:
    """A word of a proper name ("Tân", "Cầu") — not an all-capitals word of a shouted message ("HỘI")."""
    return word[0].isupper() and word.isalpha() and not (len(word) > 1 and word.isupper())


def subplaces(text: str, asked: bool = False) -> frozenset[str]:
    """The places below the province named in ``text`` as written, folded ("xa tan phu", "quan 7"): a unit word
    followed by capitalised words (up to MAX_NAME_WORDS) or a number. ``asked``: the text is a citizen's message,
    whose own whereabouts ("tôi ở xã Tân Phú, …", "tôi là cán bộ xã …") are not counted. Linear in the words."""
    units = _units()
    text = unicodedata.normalize("NFC", text)
    if not any(m.group(1).isupper() or m.group(1).isdigit() for m in _first_words().finditer(text)):
        return frozenset()  # most messages: no unit word at all
    words = _WORD.findall(text)
    lower = [w.lower() for w in words]
    found: set[str] = set()
    i = 0
    while i < len(words):
        unit = next((u for u in units.get(lower[i], ()) if tuple(lower[i:i + len(u)]) == u), None)
        if unit is None:
            i += 1
            continue
        j = i + len(unit)
        if j < len(words) and words[j].isdigit():
            name = [j]
        else:
            span = range(j, min(j + MAX_NAME_WORDS, len(words)))
            name = list(itertools.takewhile(lambda k: _is_name(words[k]), span))
        if name and not (asked and _speaker_context([fold(w) for w in lower[max(0, i - 1 - SPEAKER_SPAN):i + 1]])):
            found.add(fold(" ".join(lower[i:name[-1] + 1])))
        i = name[-1] + 1 if name else j
    return frozenset(found)


def _speaker_context(tokens: list[str]) -> bool:
    """Whether the unit, the last of the folded ``tokens`` (it and the SPEAKER_SPAN + 1 words before it), is where
    the speaker lives or works: right after "ở/tại" with a first-person pronoun before, or after "tôi là …"
    ("tôi là cán bộ xã …")."""
    i = len(tokens) - 1
    before = tokens[:i]
    return _speaker_at(tokens, i) or any(t in SPEAKER and "la" in before[k + 1:] for k, t in enumerate(before))
