"""The router: an ordered list of (matcher, handler); the first match wins.

Matchers are plain values (`on_event(Follow)`, `command("trợ giúp", "menu")`, `in_state("story:")`,
`any_text()`), so the order of every handler is visible in one place (`handlers/__init__.py`).
Permission checks live in the route (`require=`), never inside a handler: a command that matches but
is not permitted goes to the router's `forbidden` handler, so it can neither fall through to question
answering nor run.

The router is also where features register with the core, which never names them: commit hooks run
inside every event's transaction (`add_commit_hook`), warm-ups run once when a worker starts, before its first
job (`add_warm_up`), and a handler that has done its part and wants the event routed again with the state it left
returns `REDISPATCH` instead of reaching for the router.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

import redis
from redis.client import Pipeline

from bot.config import Settings
from bot.core.context import Context
from bot.core.events import Event, TextMessage
from bot.infra.safe_text import command_text
from bot.nlp.intents import plain_command
from bot.nlp.normalize import command_form

log = logging.getLogger(__name__)
# The route table asks about one message's text many times (each keyword command, each plain-words intent,
# each moderator command); these answers depend on the text alone, so each is computed once per message.
# Measured on bench_replies' traffic: the repeated forms cost about as much worker CPU as answering questions.
TEXT_CACHE = 64  # texts kept: only the message being routed needs to hit


class Redispatch(Enum):
    """A handler's result asking the router to route the same event again (at most once)."""

    REDISPATCH = "redispatch"


REDISPATCH = Redispatch.REDISPATCH
Handler = Callable[[Event, Context], Redispatch | None]
Matcher = Callable[[Event, Context], bool]
Check = Callable[[Context], bool]
# Called inside the event's commit after WATCH (the pipeline reads immediately); the write it returns is
# queued in the event's MULTI, so a feature's bookkeeping is atomic with the event.
Write = Callable[[Pipeline], None]
CommitHook = Callable[[Pipeline, Context], Write | None]
CommitReads = Callable[[Context], list[str]]  # the keys a commit hook reads for an event
WarmUp = Callable[["Router", Settings, redis.Redis], None]  # builds a process's tables; reads Redis, writes nothing


@dataclass(frozen=True)
class Route:
    name: str
    matcher: Matcher
    handler: Handler
    require: Check | None = None


class Router:
    def __init__(self) -> None:
        self.routes: list[Route] = []
        self.forbidden: Handler | None = None
        self.commit_hooks: list[CommitHook] = []
        self.commit_reads: list[CommitReads] = []
        self.warm_ups: list[WarmUp] = []

    def add_commit_hook(self, hook: CommitHook, *, reads: CommitReads | None = None) -> CommitHook:
        """Run `hook` in every event's commit, in registration order. `reads` names the keys the hook GETs for
        an event: they are fetched with the commit's lease check (`ctx.read`), not in a round trip each."""
        self.commit_hooks.append(hook)
        if reads is not None:
            self.commit_reads.append(reads)
        return hook

    def add_warm_up(self, warm: WarmUp) -> WarmUp:
        """Run `warm` when a worker starts, before it takes a job (`warm_up`): the tables its handlers would
        otherwise build on the first message that needs them, while that citizen's reply and every event queued
        behind it waited."""
        self.warm_ups.append(warm)
        return warm

    def warm_up(self, settings: Settings, client: redis.Redis) -> None:
        """Run the registered warm-ups, in registration order (a router with none, as tests build, does nothing).
        A Redis error propagates (the worker waits for Redis and warms up again); any other failure is logged and
        the worker starts anyway: its first messages build what the warm-up did not."""
        for warm in self.warm_ups:
            try:
                warm(self, settings, client)
            except redis.RedisError:
                raise
            except Exception:  # noqa: BLE001 - a warm-up's bug must not keep a worker from taking jobs
                log.exception("warm-up %s failed; the first messages build its tables instead",
                              getattr(warm, "__qualname__", warm))

    def add(self, matcher: Matcher, handler: Handler, *, require: Check | None = None,
            name: str | None = None) -> Handler:
        self.routes.append(Route(name or handler.__name__, matcher, handler, require))
        return handler

    def dispatch(self, event: Event, ctx: Context) -> str | None:
        """Run the first matching handler; returns its name (None when nothing matched). A handler that
        returns `REDISPATCH` has the event routed once more; the name is then `first>second`."""
        name, again = self._dispatch_once(event, ctx)
        if not again:
            return name
        second, _ = self._dispatch_once(event, ctx)  # a second REDISPATCH is ignored: no loop
        return f"{name}>{second}"

    def _dispatch_once(self, event: Event, ctx: Context) -> tuple[str | None, bool]:
        for route in self.routes:
            if not route.matcher(event, ctx):
                continue
            if route.require is not None and not route.require(ctx):
                log.warning("forbidden command user=%s route=%s", ctx.user_id, route.name)
                if self.forbidden is not None:
                    self.forbidden(event, ctx)
                return f"forbidden:{route.name}", False
            ctx.handler_name = route.name
            return route.name, route.handler(event, ctx) is REDISPATCH
        return None, False


# --- matchers ---

def on_event(*types: type[Event]) -> Matcher:
    return lambda event, ctx: isinstance(event, types)


def any_text() -> Matcher:
    return lambda event, ctx: isinstance(event, TextMessage)


def command(*phrases: str, args: bool = False) -> Matcher:
    """Text equal to one of `phrases` (compared by `command_form`: case, diacritics, Telex, NFD don't
    matter). With `args=True` the phrase may be followed by arguments (`/duyet 7KQ2`)."""
    forms = tuple(command_form(p) for p in phrases)

    def match(event: Event, ctx: Context) -> bool:
        if not isinstance(event, TextMessage):
            return False
        said = command_form(event.text)  # memoized (bot/nlp/normalize.py)
        if said in forms:
            return True
        return args and any(said.startswith(f + " ") for f in forms)

    return match


def plain_words(name: str) -> Matcher:
    """A command said in plain words ("ngưng nhận tin giùm" → ``unsubscribe``), see content/intents.toml."""
    return lambda event, ctx: isinstance(event, TextMessage) and _plain_command(event.text) == name


@lru_cache(maxsize=TEXT_CACHE)
def _plain_command(text: str) -> str | None:
    return plain_command(text)


def slash_command(name: str) -> Matcher:
    """`/name` with optional arguments; the slash form is what moderators type."""
    form = command_form(name)
    return lambda event, ctx: isinstance(event, TextMessage) and _slash_word(event.text) == form


@lru_cache(maxsize=TEXT_CACHE)
def _slash_word(text: str) -> str | None:
    """The command form of the message's first word when it starts with `/`, else None."""
    head = command_text(text).strip().split(maxsplit=1)
    return command_form(head[0].lstrip("/")) if head and head[0].startswith("/") else None


def command_args(text: str) -> str:
    """Everything after the first word of a command, stripped."""
    parts = command_text(text).strip().split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def in_state(prefix: str) -> Matcher:
    """The user's conversation `step` starts with `prefix` (e.g. "story:")."""
    return lambda event, ctx: ctx.state.get("step", "").startswith(prefix)


def all_of(*matchers: Matcher) -> Matcher:
    return lambda event, ctx: all(m(event, ctx) for m in matchers)


def is_moderator(ctx: Context) -> bool:
    return ctx.is_moderator
