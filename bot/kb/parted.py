"""A letter an emoji parted is still one letter to the off-topic readers (round 34).

``bot.nlp.keyboard_habits.ends_questions`` reads an emoji typed right after a question as that question's end, so the
question is read apart from the story around it. The off-topic readers then read only the question — their gate is
the question (``bot.kb.index.Index.search_gated``) — and a question that names the channel's words but leans on the
story for what it is about ("tổng đài số mấy vậy ad 😰 thẻ atm agribank của e bị nuốt", "mức 2 là bao nhiêu vậy ad
🤔 lương tối thiểu vùng ấy") lost the story's words, which had kept the letter unanswered (round 32's one held-out
off-topic letter answered). So the cut's confident answer is measured once more by the off-topic readers over the
letter as typed, against the entry answered: the out-of-scope class's rule (``bot.kb.decision.outside``) and the
trained model where the naive Bayes leans out too (``trained_outside``'s thresholds, with no exemption for the KB's
redirect entries: a redirect about VNeID accounts is no answer to a swallowed bank card). Where they lean out, the
letter is read as typed, as it was before the cut; never an answer the letter as typed would not have had.
"""

from __future__ import annotations

from bot.kb.decision import outside, trained_leans_out
from bot.kb.index import Hit, Index
from bot.kb.signals import content_match
from bot.nlp.dialect import standardize
from bot.nlp.normalize import analyze


def leans_out(index: Index, letter: str, entry_id: str) -> bool:
    """Whether the off-topic readers, reading the whole ``letter`` (as typed, no emoji read as a sentence's end),
    refuse it as answered by the entry ``entry_id``."""
    if index.outside is None or entry_id not in index.doc_of:
        return False
    query = index.query(analyze(standardize(letter, index.known_pair)))
    if query is None:
        return False
    record = index.records[index.doc_of[entry_id]]
    best, beyond, p, trained = index.outside.against(query.view, record)
    read = Hit(record.entry, 0.0, 0.0, 0.0, 0.0, 0.0, match=content_match(query.view, record), outside=best,
               beyond=beyond, oos=p, trained=trained)
    return outside(read) or trained_leans_out(read)  # no exemption for the KB's redirect entries (above)
