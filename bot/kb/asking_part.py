"""The readers of a long letter's asking part, where the letter's story leads them out of scope (round 26).

Round 24's long-letter reading (``bot.kb.named``) answers the ranker's first entry where the trained intent reader
names it over the whole letter and neither off-topic reader leans out of the whole letter. Both off-topic readers and
the intent reader's ``(outside)`` class learned the dev sets' off-topic questions, whose words are a life beyond the
channel: a bank, a market, a harvest, a father's temper. A citizen's letter tells such a life before it asks, and
over the whole letter the readers then lean out ("Tui bán hủ tiếu trên ghe …", "Bố em … bảo nhà nước làm khổ dân")
though its question is plainly the channel's. The story is the asker's, not what is asked: the part of the letter
that asks (``bot.kb.question_part``) is read by the same three readers as though sent alone, and where all three find
it plainly in scope with the same entry, the letter's story gives no reason to refuse. Every floor that says the
entry cannot answer is still read by the caller (``bot.kb.named``); only the readers' verdict on the story is set
aside, and only where the question read alone is plainly in scope for both off-topic readers (``OOS_CONFIRM``,
``PLAIN_TRAINED``) — stricter than their leaning-out thresholds — and the intent reader names the entry at
``NAMED_P``, never at the readers' usual agreement.

Round 27: the asking part is read two ways. A story clause with a question word of its own ("ít ai đưa tiền mặt",
"mua bảy ngàn mấy", "Mấy năm trước có thấy cơ quan nào dùng đâu") is read as a question too, and the asking part that
holds it leads its readers out as the story did; the question clauses of the letter's last sentence that asks
(:func:`last_asked`) are read alone as well, whole: rambling letters ask last. A letter of one clause run on by commas
(no clause read as a question) has an asking part too: its comma pieces that ask.

Round 29: over a letter of ``bot.kb.named.LONG_WORDS`` and more, the asking part need not be *plainly* in scope for
both off-topic readers, only not leaning out by the bars at which the decision itself refuses (the caller's
``plain_oos`` and ``plain_trained``); and where the intent reader names the ranker's first entry over the whole
letter, the asking part's off-topic readers stand for the whole letter's (:func:`asking_part_in_scope`). Both readers
sum evidence over every word they read, so a story of sixty words about coffee, rain and a son in Đà Nẵng saturates
them (1.00 and 1.00 on dev28a's ue-0009) whatever it asks; read on what is asked, they still keep long off-topic
letters out (on the tuned sets, none reached an answer this way).

Round 30: on that long letter's asking part the naive Bayes no longer refuses alone (the caller's ``plain_oos`` is
None): only the out-of-scope rule and the trained model do. That is how the decision itself reads the two
(``bot.kb.decision``): the naive Bayes, which weighs each word of the question whatever the entry says, refuses only
with the out-of-scope rule (``outside``) or with the trained model (``trained_outside``), never alone. Read alone on a
question of a dozen words it leans out on a citizen's own way of asking — "mất bao lâu", "cty nào làm", "lùi sang hôm
nào, mà sao lại lùi" (1.00) — words the KB's short phrasings never say. The trained model keeps its bar: it reads
what the entry lacks (a province, a country the question names), and on the tuned sets it alone is what leans out
of the long off-topic look-alikes' asking parts ("Vậy riêng tỉnh Bình Dương có bao nhiêu tổ …", 0.94).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.kb.decision import OOS_CONFIRM, TIE_MARGIN, outside
from bot.kb.index import Hit
from bot.kb.intent_model import OUTSIDE
from bot.kb.message import resolved_parts, sentences_of
from bot.kb.question_part import asking_pieces, only_confirms
from bot.kb.texts import Texts
from bot.nlp.clauses import clauses


def asking_part(text: str, asks: Sequence[str]) -> str:
    """The part of the letter ``text`` that asks: the asking pieces of its question clauses ``asks`` — of the letter
    itself where no clause was read as a question (round 27: "…, chu de nam 2022 la chi rua ad, nho giup voi") — or ""
    where the pieces are the whole letter (no story to set aside)."""
    found = asking_pieces(asks or [text])
    part = " ".join([p for p in found if not only_confirms(p)] or found)  # a tag question names nothing (round 31)
    return part if len(part.split()) < len(text.split()) else ""


def last_asked(text: str, asks: Sequence[str]) -> str:
    """The question clauses of ``asks`` in the last sentence of ``text`` that holds one, joined whole, where an
    earlier sentence holds one too; else "" (the asking part already is that sentence's). An earlier sentence read as a
    question by a question word of the story ("Giờ khách toàn quét mã, ít ai đưa tiền mặt.") is left out, and the
    clause that fronts the subject asked keeps it ("Vậy khảo sát … năm 2024 mình tăng hay giảm, tăng mấy bậc"), where
    the asking pieces keep only the short piece before a question. The clauses are cut again (only for a long letter
    whose readers refused it: latency)."""
    if len(asks) < 2:
        return ""
    cut = clauses(text)
    where = {p: s.index for p, s in zip(resolved_parts(cut), sentences_of(cut, text), strict=True) if s is not None}
    found = [where.get(a) for a in asks]
    if any(i is None for i in found) or len(set(found)) < 2:
        return ""
    last = max(i for i in found if i is not None)
    return " ".join(a for a, i in zip(asks, found, strict=True) if i == last)


def asking_part_agrees(texts: Texts, top: Hit, text: str, asks: Sequence[str], named_p: float,
                       plain_trained: float, plain_oos: float | None = OOS_CONFIRM) -> bool:
    """Whether an asking part of ``text`` (:func:`asking_part`, :func:`last_asked`), read alone, is plainly ``top``'s
    entry's:

    - the intent reader reads the whole letter as that entry or as none (``OUTSIDE``), never as another: a question
      pointing back ("Trang đó địa chỉ là gì?") names its subject only in the story, and read alone it is another
      entry's;
    - it names the entry over the asking part alone at ``named_p`` (``bot.kb.named.NAMED_P``);
    - the whole letter ranked, with the asking part measured, ranks the entry first; where the intent reader read
      the whole letter as none, the entry leads its runner-up by ``TIE_MARGIN`` of the asking part (no reader of
      the whole letter then tells it from a neighbour that says as much);
    - neither the out-of-scope rule nor the naive Bayes (``plain_oos``, ``OOS_CONFIRM`` unless the caller says) nor the
      trained model (``plain_trained``) finds the asking part anywhere near out of scope.

    Read only where the whole letter's readers refused (latency: one more intent reading and one ranking, for a
    long letter nothing else answered)."""
    whole = texts.intent(texts.whole)
    if whole.top not in (top.entry.id, OUTSIDE):
        return False
    return any(_part_first(texts, top.entry.id, text, part, whole.top, named_p, plain_trained, plain_oos) is not None
               for part in asking_parts(text, asks))


def asking_part_entry(texts: Texts, top: Hit, text: str, asks: Sequence[str], named_p: float,
                      plain_trained: float, plain_oos: float | None = OOS_CONFIRM) -> list[Hit] | None:
    """The asking part's own entry where it is not the whole letter's first (round 27): the intent reader names it over
    the whole letter and over an asking part alone at ``named_p``, the whole letter ranked with that asking part
    measured ranks it first, and both off-topic readers and the out-of-scope rule find the asking part plainly in
    scope — the story's words put a neighbour first in the whole letter's ranking ("Hồi 2022 xã em mới lập tổ …"
    ranks what the teams are over how far they reach in 2025). That ranking (the entry first), or None."""
    own = texts.intent(texts.whole).top
    if own is None or own in (top.entry.id, OUTSIDE):
        return None
    return next((first for part in asking_parts(text, asks)
                 if (first := _part_first(texts, own, text, part, own, named_p, plain_trained, plain_oos)) is not None),
                None)


def asking_parts(text: str, asks: Sequence[str]) -> list[str]:
    """The asking parts of ``text`` to read alone, each once: :func:`asking_part`, then :func:`last_asked`."""
    return [part for part in dict.fromkeys((asking_part(text, asks), last_asked(text, asks))) if part]


def _part_first(texts: Texts, entry: str, text: str, part: str, whole: str | None, named_p: float,
                plain_trained: float, plain_oos: float | None) -> list[Hit] | None:
    """The whole letter's hits with ``part`` measured, where ``part`` read alone is plainly ``entry``'s and ranks it
    first (the conditions of :func:`asking_part_agrees`; ``whole``: the intent reader's first over the whole letter),
    else None."""
    reading = texts.read_alone(part, lambda: texts.intent(part))
    if reading.top != entry or reading.p < named_p:
        return None
    gated = texts.index.hits(texts.query(text), gate=texts.query(part))
    if not gated or gated[0].entry.id != entry:
        return None
    first = gated[0]
    if whole == OUTSIDE and len(gated) > 1 and gated[1].coverage > first.coverage - TIE_MARGIN:
        return None
    return gated if _leans_in(first, plain_oos, plain_trained) else None


def asking_part_in_scope(texts: Texts, top: Hit, text: str, asks: Sequence[str], oos_bar: float | None,
                         trained_bar: float) -> bool:
    """Whether an asking part of the letter ``text`` (:func:`asking_parts`), measured in the whole letter's ranking,
    keeps ``top`` first with neither the out-of-scope rule nor the naive Bayes (``oos_bar``) nor the trained model
    (``trained_bar``) leaning out of it (round 29). The caller has the intent reader name ``top`` over the whole
    letter: then the story's words are what both off-topic readers of the whole letter read, and the question's
    words are what they must judge. Read only for a long letter nothing else answered (latency: at most two gated
    rankings, each a cut of the whole letter's ranking)."""
    query = texts.query(text)
    for part in asking_parts(text, asks):
        gated = texts.index.hits(query, gate=texts.query(part))
        if gated and gated[0].entry.id == top.entry.id and _leans_in(gated[0], oos_bar, trained_bar):
            return True
    return False


def _leans_in(hit: Hit, oos_bar: float | None, trained_bar: float) -> bool:
    """Whether neither the out-of-scope rule nor the naive Bayes (``oos_bar``; not read alone where None) nor the
    trained model (``trained_bar``) leans out of ``hit``: the one test of :func:`_part_first` and
    :func:`asking_part_in_scope`, at their bars."""
    return not outside(hit) and (oos_bar is None or hit.oos < oos_bar) and hit.trained < trained_bar
