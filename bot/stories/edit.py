"""A moderator's edit of a story's text before approval (`/sua`).

Published stories kept "[SĐT đã ẩn]" in mid-sentence because nobody could fix the text. The edit replaces
the masked text that would be published; the citizen's original (story_original) is never touched, so
`/xem <mã> --goc` still shows what was sent. The new text is masked like a submission (a moderator can
paste a phone number too). The change is a compare-and-set on the story's status, so an edit can never
land on a story that was decided meanwhile, and is audited (length only, never the text).
"""

from __future__ import annotations

import redis

from bot.infra import audit, keys
from bot.stories import model as stories
from bot.stories import pii


def edit_body(client: redis.Redis, code: str, body: str, *, moderator: str, now_ms: int) -> str:
    """"ok" | "missing" | "closed:<status>" | "unscreened"."""
    masked = pii.mask(body).text
    with client.pipeline() as pipe:
        while True:
            try:
                pipe.watch(keys.story(code))
                status, screened, parked, before, at = pipe.hmget(
                    keys.story(code), "status", "screened_at", "screen_parked", "body", "edited_at")
                if status is None:
                    return "missing"
                if status.decode() not in stories.OPEN:
                    return f"closed:{status.decode()}"
                if screened is None and parked is None:
                    return "unscreened"  # screening would overwrite the edit
                if before is not None and before.decode() == masked and at == str(now_ms).encode():
                    pipe.reset()
                    return "ok"  # this event's edit, run again after a crash: not audited twice
                pipe.multi()
                pipe.hset(keys.story(code), mapping={"body": masked, "edited_by": moderator, "edited_at": now_ms})
                audit.record(pipe, "edited", who=audit.moderator(moderator), code=code, at_ms=now_ms,
                             chars=len(masked))
                pipe.execute()
                return "ok"
            except redis.WatchError:
                continue
