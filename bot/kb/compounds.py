"""A two-syllable word the question asks about must be said by the entry that answers it (issue 12).

The confident wrong answers left on fresh sets are neighbouring facts: the question names a thing — a body, a
sector, a scope — and a close entry that never says it answers instead ("chuyển đổi số ngân hàng là gì" with the DX
Day entry, "Bộ Tài chính có tham gia chuyển đổi số không" with what a citizen can do, "ngày chuyển đổi số thế giới"
with the national day). ``bot.kb.explained.unexplained`` checks the question's words one syllable at a time, and a
long answer says almost every common syllable somewhere ("hàng" in "hằng năm", "tài" in "tài khoản", "chính" in
"chính phủ"): the thing asked passes unnoticed.

:func:`unsaid_compound` reads the question's content word pairs (``View.pairs``) that are a two-syllable word of the
knowledge base (``Index.known_pair``: the KB says it *elsewhere*, so it is a thing the channel knows, not a chat
word) and that the top entry says nowhere as a pair — neither in its title, questions, phrasings and keywords, nor
in its answer — while one of the two syllables is missing from the entry altogether (a word the entry rephrases
keeps both syllables: "hồ sơ trực tuyến" answered by "hồ sơ … giải quyết trực tuyến"). The decision
(``bot.kb.decision``) does not answer such a question with confidence; the entry is offered first.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.kb.lexicon import View
from bot.kb.records import EntryRecord


def unsaid_compound(question: View | None, record: EntryRecord | None,
                    known: Callable[[str], bool]) -> str | None:
    """The first content pair of ``question`` ("ngan_hang") that is a word of the KB (``known``: the index's
    pair test on the joined form) which the entry of ``record`` does not say, one of its syllables unsaid too;
    None when there is none. A question of one content word has no pair: nothing is computed."""
    if question is None or record is None or not question.pairs:
        return None
    q_pairs, a_pairs, q_vocab, a_vocab = record.q_pairs, record.a_pairs, record.q_vocab, record.a_vocab
    for pair in question.pairs:
        if pair in q_pairs or pair in a_pairs or not known(pair):
            continue
        first, _, second = pair.partition("_")
        if (first not in q_vocab and first not in a_vocab) or (second not in q_vocab and second not in a_vocab):
            return pair
    return None
