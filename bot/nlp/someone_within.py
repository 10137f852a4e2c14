"""Someone else named before or inside a request, not after it: "Cho mẹ tôi đăng ký nhận bản tin", "đăng ký cho bố tôi
nhận bản tin", "Mình muốn đăng ký cho mẹ nhận bản tin" (round 19). Round 18 read a subscription for someone else only
where the person came last ("đăng ký nhận bản tin cho mẹ tôi"); in the other word orders "cho mẹ tôi" made the
request no subscription at all (the knowledge base's, whose answer subscribes the asker) or, bare, subscribed the asker.

:func:`someone_taken_out` yields each run of words from a word said on someone's behalf (two to ``_PERSON_WORDS``
words: "cho mẹ", "giúp bà ngoại tôi") with the words around it; the caller reads whether the run names someone else and
whether what is left asks to subscribe. A clause that opens by calling the channel "con" / "cháu" ("Con giúp mẹ đăng
ký …") is an elder speaking of himself.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from bot.nlp.bare_names import said_as

_PERSON_WORDS = 5  # "cho ông bà nội tôi"
_STRIP = ".,;:!?…\"'()"


def someone_taken_out(raws: Sequence[str], on_behalf: frozenset[str],
                      vocative: frozenset[str]) -> Iterator[tuple[int, str, str]]:
    """Each (where, person, rest): a run of ``raws`` that opens with a word of ``on_behalf`` and ends before the last
    word, and the words before and after it."""
    words = [w.strip(_STRIP) for w in raws]
    plain = all(w.isascii() for w in words)
    for k, word in enumerate(words):
        if not said_as(word, on_behalf, plain and word.islower() or k == 0):
            continue
        if k == 1 and said_as(words[0], vocative, plain):
            continue  # "Con giúp mẹ đăng ký nhận bản tin nhé": the channel called "con" by a mother
        for n in range(2, min(_PERSON_WORDS, len(words) - k - 1) + 1):
            yield k, " ".join(raws[k : k + n]), " ".join([*raws[:k], *raws[k + n :]])
