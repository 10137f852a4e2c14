"""Moderators' `/dang <mã>` (publish an approved story as an OA article, again if it was taken down) and
`/gobai <mã>` (take the article down). The work is a job (bot/stories/articles.py) queued with the event's
commit; the moderator is told now, the submitter gets the link when the article is live."""

from __future__ import annotations

from bot.core.context import Context
from bot.core.events import Event, TextMessage
from bot.core.routing import command_args
from bot.infra import keys
from bot.stories import articles
from bot.stories import model as stories


def _code(event: Event) -> str | None:
    args = command_args(event.text if isinstance(event, TextMessage) else "").split()
    return stories.parse_code(args[0]) if args else None


def publish(event: Event, ctx: Context) -> None:
    code = _code(event)
    if code is None:
        ctx.say("mod_usage_publish")
        return
    story = stories.load(ctx.redis, code)
    refusal = "mod_not_found" if story is None else \
        "mod_publish_not_approved" if story.status != stories.APPROVED or not story.user_id else None
    if refusal:
        ctx.say(refusal, code=code)
        return
    link = articles.article_link(ctx.redis, code)
    if link:
        ctx.say("mod_publish_live", code=code, link=link)
        return
    # after a search that could not reach back to an earlier create, the moderator has checked the OA's articles
    afresh = bool(ctx.redis.hget(keys.story(code), "article_unverified"))
    ctx.on_commit(lambda pipe: articles.enqueue_publish(pipe, ctx.redis, code, afresh=afresh))
    ctx.say("mod_publish_queued", code=code)


def unpublish(event: Event, ctx: Context) -> None:
    code = _code(event)
    if code is None:
        ctx.say("mod_usage_unpublish")
        return
    raw = ctx.redis.hmget(keys.story(code), "status", "article_id", "article_token", "article_wanted")
    if raw[0] is None:
        ctx.say("mod_not_found", code=code)
        return
    if not (raw[1] or raw[2] or raw[3] == b"1"):
        ctx.say("mod_unpublish_none", code=code)
        return
    ctx.on_commit(lambda pipe: articles.enqueue_remove(pipe, ctx.redis, code, by=ctx.user_id))
    ctx.say("mod_unpublish_queued", code=code)
