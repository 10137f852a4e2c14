"""Whether a thing a question names is named in a sentence that asks (``bot.kb.asks.minor``,
``bot.kb.asks.recruitment``).

A message tells its asker's life around its question ("Em mới đủ 14 tuổi, vừa làm căn cước xong. … Em phải đi đâu để
làm mức 2 ạ?", "Tôi đang ôn thi công chức, … Mục tiêu đó do nghị quyết nào đặt ra?"): a child or a civil-service exam
told in a sentence that does not ask is context, not what is asked. A sentence ends after its mark, which stays with it
("…?" asks by its mark, "… được không rứa" by its words: ``bot.nlp.clauses.asks_by_itself``); a wish and its question
share one ("Tôi muốn nộp hồ sơ xin việc vào Cục …, gửi ở đâu?").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.nlp.clauses import asks_by_itself
from bot.nlp.normalize import analyze

_SENTENCE_END = re.compile(r"(?<=[.;!?\n])")


def named_where_asked(raw: str, names: Callable[[str, str], bool]) -> bool:
    """Whether a sentence of ``raw`` (as typed) that asks holds what ``names`` finds (given the sentence analysed and
    folded, and as typed); a
    message of one sentence (or no ``raw``) only has to ask. Each sentence is analysed: call it only when the whole
    message names the thing (rare)."""
    sentences = [c for c in _SENTENCE_END.split(raw) if c.strip()] if raw else []
    if len(sentences) > 1:
        return any(asks_by_itself(c) and names(analyze(c).text, c) for c in sentences)
    return not raw or asks_by_itself(raw)
