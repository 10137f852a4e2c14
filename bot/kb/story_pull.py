"""A story told before a question that names its own subject pulls the ranking away from what the question asks.

"Thằng cháu nội tôi … làm cho một công ty phần mềm, nó cứ nói … đem ra nước ngoài cạnh tranh. … Xin hỏi Chương trình
Chuyển đổi số quốc gia có đặt mục tiêu chi về doanh nghiệp công nghệ số Việt Nam không?": the whole message ranks the
entries its story's words fit ("cạnh tranh", "nước ngoài": the international rankings), the question's gate picks among
those, and the question's own entry (the dual goal, all of whose words the question says) never reaches the gate. The
gated reading was answered confidently with an entry explaining three quarters of the question.

Where the gated answer leaves part of the question unexplained (its coverage of the question under ``EXPLAINED``) and
the question names its own subject (self-contained, with ``OWN_SUBJECT`` content words or more), the question is read
alone; its own answer is taken where it is confident, of another entry, and explains clearly more of the question
(``CLEARER`` of coverage more) without dropping the subject the story told (``subject_left``, the caller's). One
extra search, only for such messages (latency: most gated answers explain their question).
"""

from __future__ import annotations

from collections.abc import Callable

from bot.kb.explained import content_words
from bot.kb.several import Decided
from bot.kb.texts import Texts
from bot.nlp.clauses import self_contained

EXPLAINED = 0.8  # coverage of the question from which the gated answer is taken as it is
CLEARER = 0.15  # how much more of the question the question's own answer must explain
OWN_SUBJECT = 4  # content words from which a question names its own subject, whatever the story told


def question_own(texts: Texts, question: str, gated: Decided, read: Callable[[str], Decided]) -> Decided | None:
    """The question's own confident reading where the story pulled the gated answer away from it (see the module's
    doc), else ``None``. ``read`` decides on one text of the message."""
    result, hits = gated
    if not hits or hits[0].coverage >= EXPLAINED or not self_contained(question):
        return None
    asked = texts.query(question)
    if asked is None or content_words(asked.view) < OWN_SUBJECT:
        return None
    alone = read(question)
    own = alone[1][0] if alone[1] else None
    if not alone[0].confident or own is None or alone[0].entry == result.entry \
            or own.coverage < hits[0].coverage + CLEARER:
        return None
    return alone
