"""Documents asked: a document's number, a numbered document, which document of a sort, a law.

The ranker finds the entry *about* the question's topic, not one that *says* the document asked ("Kế hoạch năm 2022
là quyết định số mấy?" ranks the 2022 entry first although its answer names no number; ``bot.kb.asks``). Kinds (read
on the folded question):

* ``docnumber`` — "quyết định / công văn / kế hoạch … số mấy", "số hiệu": the answer names a numbered document;
* ``document:<n>`` — a numbered document the question names ("Nghị định 13", "quyết định số 749"): the entry says
  that number ("Nghị định 13 có hiệu lực từ ngày nào?" was answered with the entry on Nghị định 69);
* ``which:<sort>`` — which scheme, programme, decision, law … ("được dùng trong đề án nào", "theo quyết định nào"):
  the entry names a document of that sort ("văn bản nào": any sort; "Văn bản 793/BTTTT-THH" is the letter people
  call a "công văn");
* ``law:<name>`` — a law the question names ("Luật Đất đai", "Luật Dữ liệu"): the entry names it ("… có hiệu lực từ
  ngày nào?" over the decree on electronic identification).

(docnumber from round 2, law and which from round 7, document from round 9; docs/question-answering.md)
"""

from __future__ import annotations

import re
from collections.abc import Set

from bot.kb.asks.patterns import Either
from bot.kb.asks.registry import Said, register

_DOC = r"(?:quyet dinh|cong van|nghi dinh|ke hoach|thong tu|nghi quyet|chi thi|van ban)"
_DOC_NAMED = re.compile(rf"\b{_DOC}\b")
_DOCNUMBER = Either(((_DOC_NAMED, re.compile(r"\bso (?:may|bao nhieu|hieu|gi)\b")), re.compile(r"\bso hieu\b"),
                      (re.compile(r"\bso bao nhieu\b"), _DOC_NAMED)))
# A numbered document said by an answer (as written): "749/QĐ-TTg", "số 13", "Nghị định 13".
_NUMBERED_DOC = re.compile(r"\d+[/-](?:\d{4}/)?[A-ZĐ]|\b(?:số|Số) \d+|(?:Quyết định|Nghị định|Nghị quyết|Công văn|"
                           r"Kế hoạch|Thông tư|Chỉ thị) (?:số )?\d+")
# A numbered document named ("Nghị định 13", "quyết định số 749"): the entry must name that number.
_DOCUMENT = re.compile(rf"\b{_DOC} (?:so )?0*(\d+)\b")
# "Luật <name>": the name's first word, not a function word ("luật nào", "luật về …"), nor "pháp luật", "luật sư".
_LAW = re.compile(r"(?<!phap )(?<!quy )\bluat (?!(?:nao|gi|ve|moi|cua|la|nay|do|su|phap|le|choi|chung)\b)(\w+)")
# Which document of a sort is asked ("… trong đề án nào", "theo quyết định gì"): the sort must be the entry's.
_SORTS = (r"de an|chuong trinh|quyet dinh|nghi dinh|nghi quyet|ke hoach|chien luoc|thong tu|chi thi|cong van"
          r"|van ban|luat|du an")
_WHICH_DOC = re.compile(rf"\b({_SORTS}) (?:nao|gi)\b")
_SORT_SAID = re.compile(rf"\b({_SORTS})\b")
_DIGIT = re.compile(r"\d")


def _asks_document(normalized: str) -> frozenset[str]:
    """The numbered documents a question names ("Nghị định 13", "quyết định số 749"): ``document:<n>``."""
    if _DIGIT.search(normalized) is None:  # ``_DOCUMENT`` needs a ``\d``: looked for in C (latency)
        return frozenset()
    return frozenset(f"document:{m.group(1)}" for m in _DOCUMENT.finditer(normalized))



def _asked(normalized: str, _raw: str, _found: Set[str]) -> set[str]:
    kinds = {"docnumber"} if _DOCNUMBER.search(normalized) else set()
    if "luat" in normalized:
        kinds.update(f"law:{m.group(1)}" for m in _LAW.finditer(normalized))
    kinds.update(_asks_document(normalized))
    if ("nao" in normalized or "gi" in normalized):
        kinds.update(f"which:{m.group(1)}" for m in _WHICH_DOC.finditer(normalized))
    return kinds


def _provided(said: Said) -> set[str]:
    kinds = {"docnumber"} if _NUMBERED_DOC.search(said.answer) else set()
    everything = said.everything
    kinds.update(f"law:{m.group(1)}" for m in _LAW.finditer(everything))
    kinds.update(f"document:{n.lstrip('0') or '0'}" for n in re.findall(r"\b(\d+)(?=\b|/)", everything))
    sorts = {m.group(1) for m in _SORT_SAID.finditer(everything)}
    kinds.update(f"which:{sort}" for sort in sorts)
    if sorts:
        kinds.add("which:van ban")  # a document of any sort answers "văn bản nào"
    if "van ban" in sorts:
        kinds.add("which:cong van")  # "Văn bản 793/BTTTT-THH" is the letter people call a "công văn"
    return kinds


register(_asked, _provided)
