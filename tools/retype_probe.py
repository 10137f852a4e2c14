"""Re-type the marked in-scope questions of the dev splits in other styles and count the answers lost.

Why: the dev splits are tuned on, so their own misses say little about the next blind split. A question the bot
answers right as written should be answered the same way typed in NFD, without marks, in raw Telex or VNI keys,
with one slip, with Southern words, after a context sentence that asks nothing, or cut to its keywords. Each
re-typing is mechanical, so a loss points at a rule (how the message is read), not at one question's phrasing::

    python -m tools.retype_probe tests/eval/blind/dev.toml tests/eval/blind/dev5.toml
    python -m tools.retype_probe --only telex,context1 tests/eval/blind/dev*.toml

Never pass a test split (``tests/eval/blind/test*.toml``): those are measured by the lead only. Sources are the
cases written with marks (styles diacritics, polite, north, need, rambling, centre, south, keywords); a row
counts, of those answered confidently and right as written, the ones still right re-typed ("lost" = not), the
re-typed questions answered wrongly, and those whose right entry left what the bot shows.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.kb.engine import KnowledgeBase, load_kb  # noqa: E402
from bot.kb.evaluate import Case, is_right, load_cases  # noqa: E402
from bot.kb.lexicon import STOP_TEXT  # noqa: E402

SOURCE_STYLES = frozenset({"diacritics", "polite", "north", "need", "rambling", "centre", "south", "keywords"})
_TELEX_TONES = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
_VNI_TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_SOUTH = (("không", "hông"), ("vậy", "dzậy"), ("thế", "vậy"), ("xem", "coi"), ("tôi", "tui"), ("nhất", "nhứt"),
          ("bao nhiêu", "nhiêu"), ("ạ", "nghen"))
CONTEXTS = (  # context sentences that ask nothing ("không … ai" negates inside a sentence)
    "Tôi ở quê, hôm qua nghe loa xã đọc mà không nghe rõ, con cháu đi làm xa nên không hỏi được ai.",
    "Tôi ở quê, hôm qua nghe loa xã đọc mà nghe loáng thoáng, con cháu đi làm xa hết.",
    "Nhà tôi làm ruộng, con cháu đi làm xa nên ở nhà không ai rành điện thoại.",
)


def _keys(word: str, telex: bool) -> str:
    """One word as typed with the input method off: quality marks after their letter, the tone key last."""
    out, tone = [], ""
    for ch in word:
        if ch in "đĐ":
            out.append(("dd" if telex else "d9") if ch == "đ" else ("DD" if telex else "D9"))
            continue
        base, *marks = unicodedata.normalize("NFD", ch)
        typed = base
        for mark in marks:
            if mark in _TELEX_TONES:
                tone = (_TELEX_TONES if telex else _VNI_TONES)[mark]
            elif mark == "\u0302":
                typed += base.lower() if telex else "6"
            elif mark in ("\u0306", "\u031b"):
                typed += "w" if telex else ("8" if mark == "\u0306" else "7")
        out.append(typed)
    return "".join(out) + tone


def raw_keys(text: str, telex: bool) -> str:
    """``text`` in raw Telex (``telex``) or VNI keystrokes."""
    return re.sub(r"\w+", lambda m: _keys(m.group(0), telex), unicodedata.normalize("NFC", text))


def unmarked(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def one_slip(text: str, kind: int) -> str | None:
    """One slip in a word of four letters or more (not the first word, no digits): a letter left out (0), two
    swapped (1) or one doubled (2); the word and the place are fixed by a hash, so runs compare."""
    words = [m for m in re.finditer(r"\w{4,}", text) if not any(ch.isdigit() for ch in m.group(0))][1:]
    if not words:
        return None
    m = words[zlib.crc32((text + str(kind)).encode()) % len(words)]
    w = m.group(0)
    i = 1 + zlib.crc32(w.encode()) % (len(w) - 2)
    typo = (w[:i] + w[i + 1 :], w[:i] + w[i + 1] + w[i] + w[i + 2 :], w[:i] + w[i] + w[i:])[kind]
    return text[: m.start()] + typo + text[m.end() :]


def southern(text: str) -> str | None:
    out = text
    for standard, regional in _SOUTH:
        out = re.sub(rf"\b{standard}\b", regional, out)
    return out if out != text else None


_QUESTION_WORDS = frozenset(w for w in STOP_TEXT.split()) | {"đâu", "ai", "mấy", "sao", "chưa", "hả", "à", "năm"}


def keywords_only(text: str) -> str | None:
    """The question as a bare keyword query ("ngày cđs 2025"): its scaffolding, question and politeness words
    (``bot.kb.lexicon.STOP_TEXT``, with their marks) and punctuation left out; a year keeps its number only."""
    words = [w.strip("?.,!:;…\"“”()") for w in text.split()]
    kept = [w for w in words if w and w.lower() not in _QUESTION_WORDS]
    return " ".join(kept) if kept and len(kept) < len(words) else None


# Chat shorthand as people type it (each is a key of bot.nlp.abbreviations, read back by the bot), applied to the
# unmarked text, longest first; a regional particle then ends the question.
_TEENCODE = (("bao nhieu", "bn"), ("nhu the nao", "ntn"), ("khong", "k"), ("duoc", "dc"), ("gi", "j"),
             ("vay", "z"), ("voi", "vs"), ("biet", "bik"), ("nguoi", "ng"), ("roi", "r"), ("cung", "cx"),
             ("chuyen doi so", "cds"), ("dich vu cong", "dvc"), ("thong tin", "ttin"), ("dang ky", "dky"),
             ("to", "t"))
_PARTICLES = ("ha", "nhe", "z ta", "vay a")


def mixed(text: str) -> str | None:
    """Several styles at once: no marks, teencode for common words, a regional particle at the end."""
    out = unmarked(text).rstrip(" ?.!").lower()
    for word, code in _TEENCODE[:-1]:
        out = re.sub(rf"\b{word}\b", code, out)
    return f"{out} {_PARTICLES[zlib.crc32(text.encode()) % len(_PARTICLES)]}"


# Round 30 (mixed30): one message mixing habits, each one a single-habit reader of the bot already knows, applied
# to the marked question at once. Each habit is also a re-typing of its own ("m_" + name), so a loss under
# "mixed2" can be traced to the habit (or the pair of habits) behind it.
_TEEN_MARKED = (("không", "ko"), ("được", "đc"), ("gì", "j"), ("vậy", "zậy"), ("rồi", "r"), ("biết", "bít"),
                ("với", "vs"), ("bao nhiêu", "bn"), ("như thế nào", "ntn"), ("người", "ng"), ("muốn", "mún"),
                ("nhiều", "nhìu"), ("cũng", "cx"), ("thế", "z"))
_ABBREVIATIONS = (("chuyển đổi số quốc gia", "cdsqg"), ("chuyển đổi số", "cđs"), ("dịch vụ công", "dvc"),
                  ("căn cước công dân", "cccd"), ("ủy ban nhân dân", "ubnd"), ("Ủy ban nhân dân", "UBND"),
                  ("thông tin và truyền thông", "TT&TT"), ("Thông tin và Truyền thông", "TT&TT"),
                  ("công nghệ số", "cns"), ("thủ tục hành chính", "tthc"), ("tài khoản", "tk"),
                  ("Chuyển đổi số", "CĐS"), ("điện thoại", "đt"), ("số điện thoại", "sđt"))
_EMOJI = ("😅", "🙏", "😢", ":((", "🤔")


def _words_with_marks(text: str) -> list[re.Match[str]]:
    return [m for m in re.finditer(r"\w+", text) if not m.group(0).isascii() and not m.group(0).isdigit()]


def m_half(text: str) -> str | None:
    """The second half of the message typed without marks (the keyboard's marks switched off midway)."""
    words = list(re.finditer(r"\S+", text))
    if len(words) < 4:
        return None
    cut = words[len(words) // 2].start()
    return text[:cut] + unmarked(text[cut:])


def m_teen(text: str) -> str | None:
    """Common words in their teencode forms, the rest kept with its marks."""
    out = text
    for word, code in _TEEN_MARKED:
        out = re.sub(rf"(?<!\w){word}(?!\w)", code, out)
    return out if out != text else None


def m_abbr(text: str) -> str | None:
    """The domain's names by their initials ("cđs", "dvc", "ubnd", "TT&TT")."""
    out = text
    for name, code in _ABBREVIATIONS:  # not the "thông tin và truyền thông" of "công nghệ thông tin …" (ICT)
        out = re.sub(rf"(?<!\w)(?<!nghệ ){name}(?!\w)", code, out)
    return out if out != text else None


def m_stretch(text: str) -> str | None:
    """The last word's last letter held down ("điiii", "ạaaa")."""
    words = [m for m in re.finditer(r"[^\W\d_]{2,}", text)]
    if not words:
        return None
    m = words[-1]
    return text[: m.end()] + m.group(0)[-1] * 3 + text[m.end() :]


def m_emoji(text: str) -> str | None:
    """An emoji or emoticon after the question (or glued to it)."""
    e = _EMOJI[zlib.crc32(text.encode()) % len(_EMOJI)]
    return f"{text.rstrip()}{e}" if zlib.crc32(text.encode()) % 2 else f"{text.rstrip()} {e}"


def m_nospace(text: str) -> str | None:
    """No space after a comma or a full stop, and none before the question mark's word dropped."""
    out = re.sub(r"([,.;:!?])\s+(?=\S)", r"\1", text)
    return out if out != text else None


def m_telex1(text: str) -> str | None:
    """One marked word (fixed by a hash) typed with the input method off, in raw Telex."""
    words = _words_with_marks(text)
    if len(words) < 2:
        return None
    m = words[zlib.crc32(text.encode()) % len(words)]
    return text[: m.start()] + _keys(m.group(0), True) + text[m.end() :]


def m_telexfix(text: str) -> str | None:
    """Round 33 (mixed33): one word with a breve or a horn on "a" or "o" (fixed by a hash) typed in raw Telex with
    the mark corrected from a circumflex ("trăm" → "traawm", "mới" → "mooiws"): UniKey lets the "w" replace the
    circumflex the doubled vowel made, and with the input method off the keystrokes stay."""
    words = [m for m in _words_with_marks(text)
             if any(c in unicodedata.normalize("NFD", m.group(0).lower()) for c in ("\u0306", "\u031b"))]
    words = [m for m in words if re.search(r"[ao]w", _keys(m.group(0), True), re.IGNORECASE)]
    if not words:
        return None
    m = words[zlib.crc32(text.encode()) % len(words)]
    return text[: m.start()] + re.sub(r"([aoAO])([wW])", r"\1\1\2", _keys(m.group(0), True)) + text[m.end() :]


def m_lower(text: str) -> str | None:
    """All lower case, no final question mark."""
    out = text.lower().rstrip(" ?")
    return out if out != text else None


_MIXED_HABITS = (m_abbr, m_teen, m_telex1, m_half, m_nospace, m_lower, m_stretch, m_emoji)


def mixed2(text: str) -> str | None:
    """Several habits in one message: the domain's initials, teencode beside marked words, one word in raw Telex,
    the second half unmarked, no space after punctuation, lower case, a held-down last letter and an emoji. Each
    habit is applied where it finds something; the result counts only where three or more did."""
    out, applied = text, 0
    for habit in _MIXED_HABITS:
        changed = habit(out)
        if changed and changed != out:
            out, applied = changed, applied + 1
    return out if applied >= 3 else None


RAMBLES = (  # personal context that names the domain's own words (a commune, an official, a phone) and asks nothing
    "Mình là cán bộ văn hóa xã, tuần sau phải nói chuyện với bà con ở nhà văn hóa thôn. Sếp giao tìm hiểu kỹ.",
    "Con trai tôi đi làm ở thành phố, gửi cho tôi cái điện thoại mới. Tôi cũng muốn theo kịp thời đại.",
    "Em là sinh viên năm 3, đang làm tiểu luận về chuyển đổi số ở địa phương. Thầy hướng dẫn bảo em phải có số"
    " liệu chính thức.",
)


def need(text: str) -> str | None:
    """The question announced by a statement of need: "Tôi đang cần thông tin về việc này: <question>"."""
    return f"Tôi đang cần thông tin về việc này: {text[0].lower()}{text[1:].rstrip(' ?')}."


def need2(text: str) -> str | None:
    """The question after a need told first, joined by a comma: "Mình đang cần tìm hiểu, <question>"."""
    return f"Mình đang cần tìm hiểu, {text[0].lower()}{text[1:]}"


RETYPINGS: dict[str, Callable[[str], str | None]] = {
    "nfd": lambda q: unicodedata.normalize("NFD", q),
    "unmarked": unmarked,
    "telex": lambda q: raw_keys(q, telex=True),
    "vni": lambda q: raw_keys(q, telex=False),
    **{f"slip{k}": (lambda q, k=k: one_slip(q, k)) for k in range(3)},
    "south": southern,
    **{f"context{i + 1}": (lambda q, c=c: f"{c} {q}") for i, c in enumerate(CONTEXTS)},
    "keywords": keywords_only,
    "mixed": mixed,
    "mixed2": mixed2,
    **{h.__name__: h for h in _MIXED_HABITS},
    "m_telexfix": m_telexfix,
    **{f"ramble{i + 1}": (lambda q, c=c: f"{c} {q}") for i, c in enumerate(RAMBLES)},
    "need": need,
    "need2": need2,
}


def _judge(kb: KnowledgeBase, case: Case, text: str) -> tuple[str, bool]:
    """("right" | "wrong" | "none", right entry among what is shown)."""
    result = kb.answer(text)
    answered = kb.by_id.get(result.entry) if result.confident and result.entry else None
    shown = [e for e in (answered, *(kb.by_id.get(i) for i in result.choice_entries)) if e is not None]
    verdict = "none" if answered is None else "right" if is_right(answered, case) else "wrong"
    return verdict, any(is_right(e, case) for e in shown)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--only", default="", help="comma-separated re-typings (default: all)")
    parser.add_argument("--lost", action="store_true", help="print each re-typed question that lost its answer")
    args = parser.parse_args(argv)
    if any(p.name.startswith("test") for p in args.files):
        parser.error("the test splits are the lead's to measure")
    kb = load_kb()
    cases = [c for p in args.files for c in load_cases(p)
             if not c.off_topic and not c.command and c.category in SOURCE_STYLES]
    as_written = {id(c): _judge(kb, c, c.question) for c in cases}
    only = {o for o in args.only.split(",") if o}
    print(f"{'re-typing':<10} {'n':>5} {'right':>6} {'lost':>5} {'wrong':>6} {'left shown':>10}")
    for name, retype in RETYPINGS.items():
        if only and name not in only:
            continue
        n = right = lost = wrong = unshown = 0
        for case in cases:
            text = retype(case.question)
            if not text or text == case.question:
                continue
            n += 1
            verdict, shown = _judge(kb, case, text)
            before, shown_before = as_written[id(case)]
            wrong += verdict == "wrong"
            unshown += shown_before and not shown
            if before == "right":
                right += 1
                if verdict != "right":
                    lost += 1
                    if args.lost:
                        print(f"  {case.id} {verdict}: {text}")
        print(f"{name:<10} {n:>5} {right:>6} {lost:>5} {wrong:>6} {unshown:>10}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
