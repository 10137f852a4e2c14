"""Noise-robustness harness: re-type what the bot already answers right, with compounded noise, and count what holds.

Why: rules tuned on one writer's dev set transfer poorly to the next writer; the weakest styles of fresh blind
writers are the ones that stack several noises at once (no marks + teencode + a typo + a regional word + a story
around the question). This harness takes every in-scope question of the TUNED sets that the engine answers
confidently and right as written, applies seeded, realistic perturbations — alone and composed two or three at
a time — and reports, per perturbation, the share still answered right, the share whose right entry is still
shown (the answer or a choice), and the share answered confidently wrong::

    python -m tools.qa_noise                       # the default sample (fixed seed), every perturbation
    python -m tools.qa_noise --sample 0            # every source question (slower)
    python -m tools.qa_noise --only typo,mixed3 --examples 20   # print broken examples of those rows

Every perturbation is a pure function of (question id, perturbation name, seed): runs compare across commits and
do not depend on ``PYTHONHASHSEED``. What the noise is made of comes from outside the reader where possible: the
teencode table of ``/work/shared/vietnamese-text.md`` §5 (the real-world list the project started from, with forms
the reader may not know: "khum", "bít", "gj"), the regional words of ``bot.nlp.dialect.REGIONAL`` whose sources
that module cites (each swap is checked to be one of its entries), a QWERTY phone keyboard for slips. Synthetic
noise is not a real writer: use the table as a guide to what breaks, judge changes on the blind dev sets.

Never pass a held-out or test split (``dev8b`` … ``dev13b``, ``test*``): they are figures only, never read.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.kb.engine import KnowledgeBase, load_kb  # noqa: E402
from bot.kb.evaluate import Case, is_right, load_cases  # noqa: E402
from bot.nlp.dialect import REGIONAL  # noqa: E402
from tools.retype_probe import raw_keys  # noqa: E402  (a word as typed with the input method off)

BLIND = ROOT / "tests" / "eval" / "blind"
TUNED = (ROOT / "tests" / "eval" / "questions.toml", *(BLIND / f"{n}.toml" for n in (
    "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8a", "dev9a", "dev10a")))
HELD_OUT = re.compile(r"^(test|dev\d+b)")
DEFAULT_SAMPLE = 700
DEFAULT_OFF_TOPIC = 250
DEFAULT_SEED = 11

# --- diacritics -------------------------------------------------------------------------------------------------

TONE_MARKS = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # sắc, huyền, hỏi, ngã, nặng
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def unmarked(text: str) -> str:
    """``text`` with every mark removed ("đ" → "d")."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _marked_words(text: str) -> list[re.Match[str]]:
    return [m for m in _WORD.finditer(text) if not m.group(0).isascii()]


def _replace(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    out, at = [], 0
    for start, end, new in sorted(spans):
        out.append(text[at:start])
        out.append(new)
        at = end
    return "".join(out) + text[at:]


def partial_marks(text: str, rng: random.Random) -> str | None:
    """About half of the marked words typed without their marks (the writer gave up half-way)."""
    words = _marked_words(text)
    if len(words) < 2:
        return None
    chosen = [m for m in words if rng.random() < 0.5] or [rng.choice(words)]
    return _replace(text, [(m.start(), m.end(), unmarked(m.group(0))) for m in chosen])


def leftovers(text: str, rng: random.Random, telex: bool) -> str | None:
    """One to three marked words typed with the input method off (Telex "chuyeenr", VNI "chuye6n3")."""
    words = _marked_words(text)
    if not words:
        return None
    chosen = rng.sample(words, min(len(words), rng.randint(1, 3)))
    return _replace(text, [(m.start(), m.end(), raw_keys(m.group(0), telex)) for m in chosen])


# --- teencode (/work/shared/vietnamese-text.md §5, "Common forms" and "Domain"; not the reader's table) ---------

TEENCODE: dict[str, tuple[str, ...]] = {
    "không": ("k", "ko", "kh", "khg", "kg", "hk", "hok", "hong", "hông", "khum"),
    "được": ("dc", "đc"), "gì": ("j", "ji", "gj"), "như thế nào": ("ntn",), "bao nhiêu": ("bn",),
    "bạn": ("bn",), "mình": ("mik", "mh", "mk"), "người": ("ng",), "rồi": ("r",), "với": ("vs",),
    "trước": ("trc",), "làm": ("lm",), "biết": ("bik", "bít"), "cũng": ("cx",), "số điện thoại": ("sdt", "sđt"),
    "tài khoản": ("tk",), "mật khẩu": ("mk",), "vậy": ("z", "v"), "quá": ("wa",), "chuyển khoản": ("ck",),
    "ứng dụng": ("app",), "chuyển đổi số": ("cds", "cđs", "dx"), "dịch vụ công": ("dvc",),
    "căn cước công dân": ("cccd",), "chứng minh nhân dân": ("cmnd",), "thủ tục hành chính": ("tthc",),
    "ủy ban nhân dân": ("ubnd",), "công nghệ thông tin": ("cntt",), "thông tin và truyền thông": ("tttt",),
    "khoa học và công nghệ": ("khcn",), "quốc gia": ("qg",), "chính phủ số": ("cps",), "kinh tế số": ("kts",),
    "xã hội số": ("xhs",), "bảo hiểm y tế": ("bhyt",), "bảo hiểm xã hội": ("bhxh",),
    "giấy phép lái xe": ("gplx",),
}
_TEEN_PATTERN = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(k) for k in sorted(TEENCODE, key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE)


def teencode(text: str, rng: random.Random, share: float = 0.7) -> str | None:
    """Most of the words the table knows typed as their chat shorthand, each form drawn from the table."""
    def sub(m: re.Match[str]) -> str:
        forms = TEENCODE[m.group(0).lower()]
        return rng.choice(forms) if rng.random() < share else m.group(0)

    out = _TEEN_PATTERN.sub(sub, unicodedata.normalize("NFC", text))
    return out if out != text else None


# --- regional words: only entries of bot.nlp.dialect.REGIONAL (its module docstring cites the sources) -----------

CENTRAL = (("làm sao", "mần răng"), ("làm gì", "mần chi"), ("là gì", "là chi"), ("cái gì", "cái chi"),
           ("ở đâu", "ở mô"), ("khi nào", "khi mô"), ("bây giờ", "chừ"), ("năm nay", "năm ni"), ("này", "ni"),
           ("gì", "chi"), ("vậy", "rứa"), ("sao", "răng"), ("đâu", "mô"), ("làm", "mần"), ("tôi", "tau"),
           ("bà", "mệ"))
SOUTHERN = (("không", "hông"), ("không", "hổng"), ("vậy", "dzậy"), ("xem", "coi"), ("tôi", "tui"),
            ("nhất", "nhứt"), ("bao nhiêu", "nhiêu"), ("khi nào", "chừng nào"), ("khi nào", "hồi nào"),
            ("chính", "chánh"), ("nhân", "nhơn"), ("hiểu", "hỉu"), ("gửi", "gởi"), ("nhé", "nghen"),
            ("để", "đặng"))
CENTRAL_ENDS = ("rứa", "hè", "hỉ", "rứa hè")
SOUTHERN_ENDS = ("nghen", "vậy ta", "hen")
for _standard, _regional in (*CENTRAL, *SOUTHERN):
    assert REGIONAL[_regional] == _standard, (_regional, _standard)  # a swap the reader's cited table holds
for _end in (*CENTRAL_ENDS, *SOUTHERN_ENDS):
    assert _end in REGIONAL or all(w in REGIONAL for w in _end.split()), _end


def regional(text: str, rng: random.Random) -> str | None:
    """One region's words for the standard ones (about two in three), and sometimes its particle at the end."""
    swaps, ends = (CENTRAL, CENTRAL_ENDS) if rng.random() < 0.5 else (SOUTHERN, SOUTHERN_ENDS)
    out = unicodedata.normalize("NFC", text)
    for standard, local in swaps:
        pattern = re.compile(rf"(?<!\w){re.escape(standard)}(?!\w)", re.IGNORECASE)
        out = pattern.sub(lambda m, local=local: local if rng.random() < 0.67 else m.group(0), out)
    if rng.random() < 0.4:
        stripped = out.rstrip(" ?.!")
        out = f"{stripped} {rng.choice(ends)}{out[len(stripped):]}"
    return out if out != text else None


# --- typos on a phone (QWERTY, the layout Telex is typed on) ----------------------------------------------------

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEAR: dict[str, str] = {}
for _r, _row in enumerate(_ROWS):
    for _c, _ch in enumerate(_row):
        _near = {_row[i] for i in (_c - 1, _c + 1) if 0 <= i < len(_row)}
        if _r > 0:
            _near |= {_ROWS[_r - 1][i] for i in (_c, _c + 1) if i < len(_ROWS[_r - 1])}
        if _r + 1 < len(_ROWS):
            _near |= {_ROWS[_r + 1][i] for i in (_c - 1, _c) if 0 <= i < len(_ROWS[_r + 1])}
        _NEAR[_ch] = "".join(sorted(_near))
# the tone people confuse most is hỏi/ngã; otherwise any other tone, or none
_TONE_SWAP = {"\u0309": "\u0303", "\u0303": "\u0309"}


def _tone_slip(word: str, rng: random.Random) -> str:
    nfd = unicodedata.normalize("NFD", word)
    tones = [i for i, c in enumerate(nfd) if c in TONE_MARKS]
    if not tones:
        return word
    i = tones[0]
    new = _TONE_SWAP.get(nfd[i]) if rng.random() < 0.5 else None
    new = new or rng.choice([t for t in (*TONE_MARKS, "") if t != nfd[i]])
    # the new tone goes after every mark of its vowel ("ệ" = e + dot below + circumflex): before the circumflex, a
    # tone of the same class would block composition and print as a stray mark
    end = i + 1
    while end < len(nfd) and unicodedata.combining(nfd[end]):
        end += 1
    return unicodedata.normalize("NFC", nfd[:i] + nfd[i + 1:end] + new + nfd[end:])


def _slip(word: str, rng: random.Random) -> str:
    """One phone slip in ``word``: a neighbouring key, a letter left out, a letter doubled, two letters swapped,
    or a wrong tone mark."""
    kinds = ["near", "drop", "double", "swap"] + (["tone"] if any(c in TONE_MARKS for c in
                                                                   unicodedata.normalize("NFD", word)) else [])
    kind = rng.choice(kinds)
    if kind == "tone":
        return _tone_slip(word, rng)
    i = rng.randrange(len(word))
    ch = word[i]
    if kind == "near":
        base = unmarked(ch).lower()
        near = _NEAR.get(base)
        if not near:
            return word
        new = rng.choice(near)
        return word[:i] + (new.upper() if ch.isupper() else new) + word[i + 1:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i + 1] + ch + word[i + 1:]
    if i == len(word) - 1:
        i -= 1
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def typos(text: str, rng: random.Random, per_chars: int = 12) -> str | None:
    """Phone slips at about one per ``per_chars`` letters, at most one per word of three letters or more (a
    number, a code or a capitalised name is left alone: "VNeID", "06", "Hà Nội")."""
    words = [m for m in _WORD.finditer(text) if len(m.group(0)) >= 3 and m.group(0)[:1].islower()]
    if not words:
        return None
    letters = sum(len(m.group(0)) for m in words)
    wanted = max(1, round(letters / per_chars + rng.random() - 0.5))
    chosen = rng.sample(words, min(wanted, len(words)))
    return _replace(text, [(m.start(), m.end(), _slip(m.group(0), rng)) for m in chosen])


# --- what people say around the question ------------------------------------------------------------------------

POLITE = (("Dạ cho cháu hỏi ", " ạ"), ("Thưa anh chị, cho em hỏi ", " ạ"), ("Chú ơi cho con hỏi ", " với ạ"),
          ("Ad ơi cho mình hỏi chút, ", ""), ("Bác cho em hỏi ", " ạ"), ("Anh chị ơi, ", " vậy ạ"),
          ("Xin chào, cho tôi hỏi ", ""), ("Dạ em chào anh chị, em muốn hỏi ", " ạ"))
CONTEXTS = (
    "Tui năm nay 60 tuổi, ở quê làm ruộng.",
    "Em là sinh viên năm hai, đang làm bài tập nhóm.",
    "Hôm qua họp tổ dân phố, mọi người bàn tán mãi.",
    "Con tui đi làm trên thành phố, ít khi về.",
    "Mình bán hàng online ở chợ huyện đã lâu.",
    "Tôi làm cán bộ văn phòng ở xã, sắp phải báo cáo.",
    "Cháu đọc trên mạng thấy mỗi trang nói một kiểu.",
    "Bố mẹ em lớn tuổi nên em hay phải làm giúp.",
    "Nhà tui ở xa trung tâm, đi lại cũng khó.",
    "Tuần sau lớp em có buổi thuyết trình.",
    "Ông nhà tôi cứ hỏi hoài mà tôi không trả lời được.",
    "Em mới đổi điện thoại nên chưa quen lắm.",
)
TRAILING = ("Cảm ơn ạ.", "Mình cần gấp cho bài thuyết trình.", "Em cảm ơn nhiều.", "Tks ad nhiều nha.",
            "Tôi hỏi để còn nói lại với bà con.", "Mong được trả lời sớm.", "Em hỏi vì ở quê chưa thấy ai làm.",
            "Chúc ad một ngày vui.")
EMOJI = ("😅", "🙏", "😭", "🥲", "🤔", "👍", "❤️")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def polite(text: str, rng: random.Random) -> str:
    before, after = rng.choice(POLITE)
    body = text.rstrip(" ?.!")
    return f"{before}{_lower_first(body)}{after}{text[len(body):] or '?'}"


def context(text: str, rng: random.Random) -> str:
    told = rng.sample(CONTEXTS, rng.randint(1, 3))
    return " ".join((*told, text))


def trailing(text: str, rng: random.Random) -> str:
    body = text.rstrip()
    if body[-1:] not in "?.!":
        body += "?"
    return f"{body} {rng.choice(TRAILING)}"


# --- the surface of the message ---------------------------------------------------------------------------------

def casing(text: str, rng: random.Random) -> str:
    return text.upper() if rng.random() < 0.3 else text.lower()


def sloppy(text: str, rng: random.Random) -> str:
    """No final punctuation, a doubled space or two, an emoji at the end or after the first words."""
    out = text.rstrip(" ?.!")
    spaces = [m.start() for m in re.finditer(" ", out)]
    for at in sorted(rng.sample(spaces, min(len(spaces), 2)), reverse=True):
        out = out[:at] + "  " + out[at:]
    emoji = rng.choice(EMOJI)
    return f"{out} {emoji}" if rng.random() < 0.7 or not spaces else out.replace(" ", f" {emoji} ", 1)


# --- the perturbations and their compositions -------------------------------------------------------------------

Noise = Callable[[str, random.Random], "str | None"]
# Applied in this order when composed: what is said (frames, words) before how it is typed (marks, slips, surface),
# as a writer who types without marks types the context without marks too.
NOISES: dict[str, Noise] = {
    "polite": polite,
    "context": context,
    "trailing": trailing,
    "regional": regional,
    "teencode": teencode,
    "unmarked": lambda t, _rng: unmarked(t),
    "partial": partial_marks,
    "telex": lambda t, rng: leftovers(t, rng, telex=True),
    "vni": lambda t, rng: leftovers(t, rng, telex=False),
    "typo": typos,
    "typo-light": lambda t, rng: typos(t, rng, per_chars=30),
    "case": casing,
    "sloppy": sloppy,
}
COMPOSED: dict[str, tuple[str, ...]] = {
    "unmarked+teencode": ("teencode", "unmarked"),
    "unmarked+typo": ("unmarked", "typo"),
    "unmarked+typo-light": ("unmarked", "typo-light"),
    "partial+typo": ("partial", "typo"),
    "teencode+typo": ("teencode", "typo"),
    "regional+unmarked": ("regional", "unmarked"),
    "regional+teencode": ("regional", "teencode"),
    "telex+typo-light": ("telex", "typo-light"),
    "context+unmarked+sloppy": ("context", "unmarked", "sloppy"),
    "context+trailing": ("context", "trailing"),
    "trailing+unmarked+sloppy": ("trailing", "unmarked", "sloppy"),
    "polite+teencode+unmarked": ("polite", "teencode", "unmarked"),
    "regional+teencode+typo-light": ("regional", "teencode", "typo-light"),
    "mixed3": ("teencode", "unmarked", "typo-light"),  # the blind writers' "mixed": marks off, shorthand, a slip
    "mixed4": ("regional", "teencode", "unmarked", "typo-light"),
    "mixed5": ("context", "regional", "teencode", "unmarked", "typo-light"),
}
ORDER = tuple(NOISES)


def perturb(question: str, key: str, names: Sequence[str], seed: int = DEFAULT_SEED) -> str | None:
    """``question`` with the noises ``names`` applied in :data:`ORDER`, each drawing from its own generator seeded
    by (``key``, the noise, ``seed``); ``None`` when the text comes back unchanged (the noise has nothing to act
    on: no marks to strip, no word the teencode table knows)."""
    text = question
    for name in sorted(names, key=ORDER.index):
        rng = random.Random(zlib.crc32(f"{seed}\0{key}\0{name}".encode()))
        out = NOISES[name](text, rng)
        if out is not None:
            text = out
    return text if text != question else None


# --- measuring --------------------------------------------------------------------------------------------------

@dataclass
class Row:
    """One perturbation's counts over the source questions it changed."""

    name: str
    n: int = 0
    right: int = 0
    shown: int = 0
    wrong: int = 0
    taken: int = 0  # a command took the message

    def pct(self, part: int) -> str:
        return f"{100 * part / self.n:5.1f}" if self.n else "    -"


Route = Callable[[str], "str | None"]


def judge(kb: KnowledgeBase, case: Case, text: str, route: Route | None = None) -> str:
    """"right", "shown" (offered, not answered), "wrong" (answered with another entry), "taken" (a command took
    it) or "none"."""
    if route is not None and route(text) is not None:
        return "right" if case.command and route(text) == case.command else "taken"
    result = kb.answer(text)
    answered = kb.by_id.get(result.entry) if result.confident and result.entry else None
    if answered is not None:
        return "right" if is_right(answered, case) else "wrong"
    return "shown" if any(is_right(kb.by_id.get(i), case) for i in result.choice_entries) else "none"


def sources(kb: KnowledgeBase, files: Sequence[Path], route: Route | None, sample: int,
            seed: int) -> list[tuple[str, Case]]:
    """In-scope questions answered confidently and right as written, keyed by set and id (or position), sampled
    with ``seed`` when ``sample`` is below their number (0: all)."""
    keyed = []
    for path in files:
        for i, case in enumerate(load_cases(path)):
            if case.off_topic or case.command_only:
                continue
            keyed.append((f"{path.stem}:{case.id or i}", case))
    if 0 < sample < len(keyed):
        keyed = sorted(random.Random(seed).sample(keyed, sample), key=lambda kc: kc[0])
    return [(k, c) for k, c in keyed if judge(kb, c, c.question, route) == "right"]


def off_topic_sources(kb: KnowledgeBase, files: Sequence[Path], route: Route | None, sample: int,
                      seed: int) -> list[tuple[str, Case]]:
    """Off-topic questions the bot does not answer as written (nor a command takes), sampled like
    :func:`sources`: noise must not make them look answerable."""
    keyed = [(f"{path.stem}:{case.id or i}", case) for path in files for i, case in enumerate(load_cases(path))
             if case.off_topic]
    if 0 < sample < len(keyed):
        keyed = sorted(random.Random(seed).sample(keyed, sample), key=lambda kc: kc[0])
    return [(k, c) for k, c in keyed if (route is None or route(c.question) is None)
            and not kb.answer(c.question).confident]


def answered_off_topic(kb: KnowledgeBase, cases: Sequence[tuple[str, Case]], names: Sequence[str],
                       route: Route | None = None, seed: int = DEFAULT_SEED) -> tuple[int, int]:
    """(perturbed off-topic questions, of which answered confidently)."""
    n = answered = 0
    for key, case in cases:
        text = perturb(case.question, key, names, seed)
        if text is None or (route is not None and route(text) is not None):
            continue
        n += 1
        answered += kb.answer(text).confident
    return n, answered


def measure(kb: KnowledgeBase, cases: Sequence[tuple[str, Case]], names: Sequence[str], route: Route | None = None,
            seed: int = DEFAULT_SEED, broken: list[str] | None = None, label: str = "") -> Row:
    """The row of one perturbation (or composition) over ``cases``; misses appended to ``broken``."""
    row = Row(label or "+".join(names))
    for key, case in cases:
        text = perturb(case.question, key, names, seed)
        if text is None:
            continue
        row.n += 1
        verdict = judge(kb, case, text, route)
        row.right += verdict == "right"
        row.shown += verdict in ("right", "shown")
        row.wrong += verdict == "wrong"
        row.taken += verdict == "taken"
        if verdict != "right" and broken is not None:
            broken.append(f"  [{verdict}] {key}: {text}")
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="tuned sets (default: questions.toml, dev…dev10a)")
    parser.add_argument("--only", default="", help="comma-separated rows (default: all)")
    parser.add_argument("--sample", type=int, default=DEFAULT_SAMPLE, help="source questions drawn (0: all)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--off-topic", type=int, default=DEFAULT_OFF_TOPIC,
                        help="off-topic source questions drawn (0: all, -1: none)")
    parser.add_argument("--examples", type=int, default=0, help="print up to N broken messages per row")
    parser.add_argument("--no-route", action="store_true", help="skip the command routes (faster)")
    args = parser.parse_args(argv)
    files = args.files or list(TUNED)
    if any(HELD_OUT.match(p.name) for p in files):
        parser.error("held-out and test splits are figures only: never perturbed")
    started = time.perf_counter()
    kb = load_kb()
    route: Route | None = None
    if not args.no_route:
        from handlers.probe import router_probe
        route = router_probe()  # type: ignore[assignment]
    cases = sources(kb, files, route, args.sample, args.seed)
    outside = off_topic_sources(kb, files, route, args.off_topic, args.seed) if args.off_topic >= 0 else []
    only = {o for o in args.only.split(",") if o}
    rows = [(n, (n,)) for n in NOISES] + list(COMPOSED.items())
    print(f"{len(cases)} in-scope source questions answered right as written, {len(outside)} off-topic ones not"
          f" answered (seed {args.seed})")
    print(f"{'perturbation':<30} {'n':>5} {'right%':>7} {'shown%':>7} {'wrong%':>7} {'taken':>5} {'off n':>6}"
          f" {'off ans%':>8}")
    for label, names in rows:
        if only and label not in only:
            continue
        broken: list[str] = []
        row = measure(kb, cases, names, route, args.seed, broken, label)
        off_n, off_answered = answered_off_topic(kb, outside, names, route, args.seed)
        off = f"{100 * off_answered / off_n:8.1f}" if off_n else "       -"
        print(f"{label:<30} {row.n:>5} {row.pct(row.right):>7} {row.pct(row.shown):>7} {row.pct(row.wrong):>7} "
              f"{row.taken:>5} {off_n:>6} {off}")
        for line in broken[: args.examples]:
            print(line)
    print(f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
