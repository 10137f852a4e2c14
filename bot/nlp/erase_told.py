"""What an erase told done, the digest still seen, complains of ("Tôi đã xóa dữ liệu rồi mà vẫn thấy bản tin").

The erase complaint's reply says that erasing the asker's data also ended the subscription. It is no such complaint
when the message asks the erase again ("…, xóa lại giúp tôi": the erase, which asks to confirm), or worries about
what erasing keeps, a story published ("… vẫn thấy câu chuyện của tôi trên bản tin": the erase explains what stays).
A deletion of the chat on the asker's phone ("xóa lịch sử chat", ``[request] erased_chat``) erased nothing the
channel keeps: it is a stop complaint, whose reply says the subscription's state. The phrases live in
content/intents.toml ``[request]``: ``erase_again``, ``erase_kept``, ``erased_chat``, ``erased_data``.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlp.intents import Exclusion, request_phrases
from bot.nlp.normalize import command_form, command_words

AGAIN = "again"  # asks the erase again or worries about what stays: the message is read as before
CHAT = "chat"  # the chat deleted on the phone: a stop complaint
DATA = "data"  # the asker's data erased: the erase complaint


def _found(phrases: tuple[Exclusion, ...], text: str) -> bool:
    folded, words = f" {command_form(text)} ", tuple(command_words(text))
    return any(p.folded in folded and p.found(folded, words) for p in phrases)


def erase_told(told: str, after: Sequence[str]) -> str:
    """What the clause ``told`` (an erase told done) and the clauses ``after`` it say: :data:`AGAIN`, :data:`CHAT`
    or :data:`DATA`."""
    again, kept = request_phrases("erase_again"), request_phrases("erase_kept")
    if any(_found(again, a) or _found(kept, a) for a in (told, *after)):
        return AGAIN
    if _found(request_phrases("erased_chat"), told) and not _found(request_phrases("erased_data"), told):
        return CHAT
    return DATA
