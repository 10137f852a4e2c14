"""A given name said bare after a word said on someone's behalf: "hủy đăng ký giùm Lan", "ngưng gửi bản tin hộ Tuấn
nhé" (round 18). Round 17 read a name only after a title ("giùm chị Lan"); a bare one stopped the asker's own digest.

A name is one capitalised word that is a Vietnamese syllable (a product or a shorthand is not: "Zalo", "OA"), that is
no title ("giùm Anh" may be the asker, an "anh") and no word the message may capitalise otherwise (``not_named``: a
pronoun, the channel, a command's word). After "cho", a second capitalised word that follows makes it a place or a
full name read as such elsewhere ("cho Hà Nội"), so only a bare word counts there. In a message that capitalises most
of its words every word is capitalised, so there the word only has to be none of the above.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlp.normalize import fold_token, is_syllable

_PLACE_OPENER = "cho"  # "đăng ký nhận tin cho Hà Nội" names a province, not a person


def names_bare(raws: Sequence[str], on_behalf: frozenset[str], titles: frozenset[str], not_named: frozenset[str],
               titled: bool) -> bool:
    """Whether ``raws`` (a clause's words, punctuation stripped) say a word of ``on_behalf`` then a bare given name."""
    nexts = [*raws[2:], ""]
    for a, b, c in zip(raws, raws[1:], nexts, strict=False):
        if a.lower() not in on_behalf or not (titled or b[:1].isupper()):
            continue
        word = b.lower()
        if word in titles or word in not_named or f"{word} {c.lower()}" in not_named:
            continue
        if not is_syllable(fold_token(word)):
            continue
        if a.lower() == _PLACE_OPENER and not titled and c[:1].isupper():
            continue
        return True
    return False
