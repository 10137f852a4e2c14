"""Events and contexts for the unit layer (the fixtures that use them are in conftest.py)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from itertools import count

import redis

from bot.config import Settings
from bot.core import runtime
from bot.core.context import Context, OutMessage
from bot.core.events import Attachment, AttachmentMessage, Event, Follow, TextMessage, Unfollow
from bot.core.routing import Router
from bot.infra import keys

CITIZEN = "1000000000000000001"
MODERATOR = "9000000000000000009"
NOW_MS = 1_790_000_000_000  # a fixed Zalo timestamp: handlers measure time on events, never on the clock
_msg_ids = count(1)

MakeCtx = Callable[..., Context]


def text_event(text: str, *, user: str = CITIZEN, at_ms: int = NOW_MS) -> TextMessage:
    return TextMessage(name="user_send_text", app_id="", timestamp_ms=at_ms, user_id=user,
                       msg_id=f"m{next(_msg_ids)}", text=text)


def photo_event(url: str, *, user: str = CITIZEN, at_ms: int = NOW_MS) -> AttachmentMessage:
    return AttachmentMessage(name="user_send_image", app_id="", timestamp_ms=at_ms, user_id=user,
                             msg_id=f"m{next(_msg_ids)}", attachments=(Attachment(type="image", url=url),))


def replies(ctx: Context) -> list[str]:
    return [m.text for m in ctx.outbox]


def link_event(url: str, title: str, *, user: str = CITIZEN, at_ms: int = NOW_MS) -> AttachmentMessage:
    return AttachmentMessage(name="user_send_link", app_id="", timestamp_ms=at_ms, user_id=user,
                             msg_id=f"m{next(_msg_ids)}", attachments=(Attachment(type="link", url=url, title=title),))


class Chat:
    """Messages of several users, each routed by the real table and committed as the drain commits them
    (the user's state hash, the handler's writes, the outbox, the features' commit hooks, in one transaction):
    a conversation without HTTP, the emulator or an RQ worker. What lands in any outbox, from a handler or a
    job body run with `run_job`, counts as delivered at once (Zalo's windows and faults are the e2e layer's).

    Handlers measure time on Zalo's event timestamps, so `advance(seconds)` is the clock; `reconfigure(**env)`
    changes settings as the environment would.
    """

    def __init__(self, router: Router, client: redis.Redis) -> None:
        self.router = router
        self.redis = client
        self.settings = Settings.from_env({"MODERATOR_IDS": MODERATOR}, load_dotenv_file=False)
        self.at_ms = NOW_MS
        self.sent: dict[str, list[OutMessage]] = defaultdict(list)
        self.routes: list[str | None] = []

    def reconfigure(self, **env: str) -> None:
        self.settings = Settings.from_env({"MODERATOR_IDS": MODERATOR, **env}, load_dotenv_file=False)

    def advance(self, seconds: float) -> None:
        self.at_ms += int(seconds * 1000)

    def say(self, what: str | Event, user: str = CITIZEN) -> list[str]:
        """One message (text, or an event made with `at_ms=chat.at_ms`); returns what the bot answered it."""
        self.at_ms += 1000
        event = text_event(what, user=user, at_ms=self.at_ms) if isinstance(what, str) else what
        user = event.user_id or user
        state = {k.decode(): v.decode() for k, v in self.redis.hgetall(keys.state(user)).items()}
        ctx = Context(event=event, user_id=user, settings=self.settings, client=self.redis, state=state,
                      received_ms=self.at_ms)
        self.routes.append(self.router.dispatch(event, ctx))
        self._commit(ctx)
        return [m.text for m in self._deliver() if m.user_id == user]

    def run_job(self, job: Callable[..., object], *args: object) -> object:
        """A background job's body, called as an RQ worker would call it (its runtime is this chat's)."""
        runtime.configure(self.settings, self.redis)
        result = job(*args)
        self._deliver()
        return result

    def follow(self, user: str = CITIZEN, *, unfollow: bool = False) -> list[str]:
        kind = Unfollow if unfollow else Follow
        return self.say(kind(name="unfollow" if unfollow else "follow", app_id="", timestamp_ms=self.at_ms + 1000,
                             user_id=user), user)

    def replies(self, user: str = CITIZEN) -> list[str]:
        return [m.text for m in self.sent[user]]

    def messages(self, user: str = CITIZEN) -> list[OutMessage]:
        return list(self.sent[user])

    def state(self, user: str = CITIZEN) -> dict[str, str]:
        return {k.decode(): v.decode() for k, v in self.redis.hgetall(keys.state(user)).items()}

    def _commit(self, ctx: Context) -> None:
        with self.redis.pipeline() as pipe:
            pipe.watch(keys.state(ctx.user_id))  # hooks read before the MULTI, as in the drain
            hook_writes = [w for hook in self.router.commit_hooks if (w := hook(pipe, ctx)) is not None]
            pipe.multi()
            pipe.delete(keys.state(ctx.user_id))
            if ctx.state:
                pipe.hset(keys.state(ctx.user_id), mapping=ctx.state)
            for write in ctx.writes:
                write(pipe)
            for message in ctx.outbox:
                pipe.rpush(keys.outbox(message.user_id), json.dumps(message.to_json()))
            for write in hook_writes:
                write(pipe)
            pipe.execute()

    def _deliver(self) -> list[OutMessage]:
        """Every outbox, emptied in order: what Zalo would now show."""
        delivered = []
        for key in sorted(self.redis.scan_iter(match=keys.outbox("*"))):
            with self.redis.pipeline() as pipe:
                pipe.lrange(key, 0, -1)
                pipe.delete(key)
                raw, _ = pipe.execute()
            for item in raw:
                message = OutMessage.from_json(json.loads(item))
                self.sent[message.user_id].append(message)
                delivered.append(message)
        return delivered
