"""Someone else named before or inside a request, not after it: "Cho mẹ tôi đăng ký nhận bản tin", "đăng ký cho bố tôi
nhận bản tin", "Mình muốn đăng ký cho mẹ nhận bản tin" (round 19). Round 18 read a subscription for someone else only
where the person came last ("đăng ký nhận bản tin cho mẹ tôi"); in the other word orders "cho mẹ tôi" made the
request no subscription at all (the knowledge base's, whose answer subscribes the asker) or, bare, subscribed the asker.

:func:`someone_taken_out` yields each run of words from a word said on someone's behalf (two to ``_PERSON_WORDS``
words: "cho mẹ", "giúp bà ngoại tôi") with the words around it; the caller reads whether the run names someone else and
whether what is left asks to subscribe. A run never takes in a command's word ("Giúp mẹ tôi hủy đăng ký …" is a stop:
the words left must not turn it into a subscription). Where the request opens with the run ("Cho mẹ đăng ký …"), or
the message calls the channel "con" / "cháu" ("Con ơi cho mẹ …", "… nhé con"), a relative said without "my" is an
elder speaking of himself (as on main before round 19): only a run with "my" ("mẹ tôi") or a name counts there.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from bot.nlp.bare_names import said_as
from bot.nlp.normalize import fold_token

_PERSON_WORDS = 5  # "cho ông bà nội tôi"
_STRIP = ".,;:!?…\"'()"
_CALLED = frozenset({"oi", "a", "ah", "ui"})  # "Con ơi", "Cháu à": the channel called, then the request


def someone_taken_out(raws: Sequence[str], on_behalf: frozenset[str], vocative: frozenset[str],
                      not_named: frozenset[str] = frozenset(),
                      mine: frozenset[str] = frozenset()) -> Iterator[tuple[int, str, str]]:
    """Each (where, person, rest): a run of ``raws`` that opens with a word of ``on_behalf`` and ends before the last
    word, takes in no command's word (``not_named`` other than "my", ``mine``), and the words before and after it.
    At the request's opening, or where the channel is called "con" / "cháu" (``vocative``, folded), only a run that
    says "my" (``mine``, folded) or names someone capitalised."""
    words = [w.strip(_STRIP) for w in raws]
    folded = [fold_token(w.lower()) for w in words]
    plain = all(w.isascii() for w in words)
    opening = _opening(folded, vocative)
    called = opening > 0 or bool(folded) and folded[-1] in vocative
    for k, word in enumerate(words):
        if not said_as(word, on_behalf, plain and word.islower() or k == opening):
            continue
        for n in range(2, min(_PERSON_WORDS, len(words) - k - 1) + 1):
            last = words[k + n - 1]
            if n > 2 and folded[k + n - 1] not in mine and said_as(last, not_named, plain):
                break  # "Giúp mẹ tôi hủy …": the stop's own word is no part of the person ("cho bo": "bố", not "bỏ")
            if (k == opening or called) and not _owned_or_named(words[k + 1 : k + n], folded[k + 1 : k + n], mine):
                continue  # "Cho mẹ đăng ký …", "Con ơi cho mẹ …": a mother speaking of herself
            yield k, " ".join(raws[k : k + n]), " ".join([*raws[:k], *raws[k + n :]])


def _opening(folded: Sequence[str], vocative: frozenset[str]) -> int:
    """Where the request opens: after the channel called "con" / "cháu" (and "ơi"), else at the first word."""
    if not folded or folded[0] not in vocative:
        return 0
    return 2 if len(folded) > 1 and folded[1] in _CALLED else 1


def _owned_or_named(words: Sequence[str], folded: Sequence[str], mine: frozenset[str]) -> bool:
    """Whether a run's person words say "my" ("mẹ tôi") or a capitalised name ("Cho Lan")."""
    return any(f in mine for f in folded) or any(w[:1].isupper() for w in words)
