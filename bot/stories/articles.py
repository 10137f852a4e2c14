"""A published story becomes an OA article ("Bài viết", zalo-oa-api.md §11.1), at most one per story.

Publishing is a job (`workers.articles.publish_story`, job id `article-<code>`) queued in the approval's own
transaction, by `/dang` and by the sweeper. Zalo's create answers a token and only `verify` gives the id once
the media are processed, so the job is a small state machine kept in the story's hash:

    (wanted) ──create──▶ article_token stored ──verify (polled)──▶ article_id + link stored, submitter told

Every step is written before the next call, so a retry or a new worker after a SIGKILL resumes from the token
and never creates a second article. A create whose answer was lost (a kill between Zalo accepting it and the
token being stored, a timeout) is an unknown outcome and is never blindly repeated: each create is recorded
first (`article_attempt_ms`, `article_attempts`, and the first one's time on the bot's clock), and while such a
record has no token the job pages back through the OA's articles to that first create looking for the story's
marker (`#code` ending the description; bot/zalo/article_search.py) and adopts what it finds. Zalo lists an
article only once processed, so when nothing is found the job ends and the sweeper brings it back until
`article_reconcile_s` after the attempt; only then is create called again, and after
`article_create_attempts` unconfirmed creates the moderators are told (`mod_publish_failed`) instead. A search
stopped by its page bound (`article_adopt_pages`) never leads to a create: the moderators are told
(`mod_publish_unverified`) and their `/dang` starts afresh. `article_wanted` says what moderators and the
submitter want (`/gobai` and erasure set it to 0): a publication that finishes after a take-down removes
what it made. One worker per story at a time (a lock with a TTL); the sweeper re-queues what nobody does.
"""

from __future__ import annotations

import logging
import time

import redis
from rq import Queue

from bot.config import Settings
from bot.core import runtime
from bot.core.ingest import QUEUE_NAME
from bot.core.notify import queue_text
from bot.infra import clock, keys
from bot.infra.texts import render
from bot.stories.article_alerts import tell_moderators_once
from bot.stories.article_body import build_article, marker, public_photos
from bot.zalo.article_search import Search, find_created
from bot.zalo.articles import public_link, verify_when_ready
from bot.zalo.client import ZaloClient
from bot.zalo.errors import BadRequest, ZaloError

log = logging.getLogger(__name__)

LOCK_S = 120  # a worker silent this long on one story is presumed dead (the sweeper re-queues)
RECHECK_S = 60  # while reconciling, how often the article list is searched again
MEDIA_FAILED = -200  # verify: "Upload media failed" (a cover or photo Zalo cannot fetch) [C: C2, C3]
# cleared once the article id is known (a moderator's `/dang` after an unverified search clears them too)
ATTEMPT_FIELDS = ("article_attempt_ms", "article_attempts", "article_first_attempt_ms", "article_unverified",
                  "article_plain")


def publish_job_id(code: str) -> str:
    return f"article-{code}"


def enqueue_publish(pipe: redis.client.Pipeline, client: redis.Redis, code: str, *, afresh: bool = False) -> None:
    """Queue the publication of `code` inside `pipe` (the approval's or `/dang`'s transaction). `afresh`: a
    moderator has checked the OA's articles after an unverified search, so earlier creates are forgotten."""
    pipe.hset(keys.story(code), "article_wanted", "1")
    pipe.hdel(keys.story(code), "article_attempts", "article_failed_told")  # a fresh budget of creates
    if afresh:
        pipe.hdel(keys.story(code), "article_creating", *ATTEMPT_FIELDS)
    pipe.zadd(keys.STORY_ARTICLES_PENDING, {code: int(time.time() * 1000)})
    Queue(QUEUE_NAME, connection=client).enqueue(
        "workers.articles.publish_story", code, job_id=publish_job_id(code), pipeline=pipe, job_timeout=300,
        result_ttl=3600, failure_ttl=30 * 24 * 3600)


def enqueue_remove(pipe: redis.client.Pipeline, client: redis.Redis, code: str, *, by: str | None = None) -> None:
    """Queue the take-down of `code`'s article inside `pipe` (`/gobai`, erasure); moderator `by` is told when
    it is done."""
    pipe.hset(keys.story(code), "article_wanted", "0")
    pipe.hdel(keys.story(code), "article_remove_told")
    if by:
        pipe.hset(keys.story(code), "article_remove_by", by)
    pipe.zadd(keys.STORY_ARTICLES_PENDING, {code: int(time.time() * 1000)})
    Queue(QUEUE_NAME, connection=client).enqueue(
        "workers.articles.publish_story", code, job_id=f"article-remove-{code}-{time.time_ns()}", pipeline=pipe,
        job_timeout=300, result_ttl=3600, failure_ttl=30 * 24 * 3600)


def article_link(client: redis.Redis, code: str) -> str | None:
    raw = client.hget(keys.story(code), "article_link")
    return raw.decode() if raw else None


# --- the job ---

def publish_story(code: str) -> str:
    """RQ job: bring `code`'s article to what `article_wanted` says (published, or removed)."""
    rt = runtime.get()
    lock = rt.redis.lock(keys.story_article_lock(code), timeout=LOCK_S, blocking=False,
                         raise_on_release_error=False)
    if not lock.acquire():
        return "busy"
    try:
        return _converge(rt.redis, rt.zalo, rt.settings, code)
    finally:
        lock.release()


def _converge(client: redis.Redis, zalo: ZaloClient, settings: Settings, code: str) -> str:
    raw = {k.decode(): v.decode() for k, v in client.hgetall(keys.story(code)).items()}
    wanted = raw.get("article_wanted") == "1" and raw.get("status") == "approved" and bool(raw.get("user")) \
        and raw.get("anonymized") != "1"
    if not wanted:
        outcome = _remove(client, zalo, code, raw, settings)
        if outcome != "reconciling":
            client.zrem(keys.STORY_ARTICLES_PENDING, code)
        return outcome
    if raw.get("article_id"):
        client.zrem(keys.STORY_ARTICLES_PENDING, code)
        return "live"
    token = raw.get("article_token")
    if not token:
        if raw.get("show_name") == "1" and not raw.get("display_name"):  # chosen at consent (default: anonymous)
            raw["display_name"] = _display_name(zalo, raw["user"])
        photos = [] if raw.get("article_plain") == "1" else public_photos(raw.get("photos", ""))
        article = build_article(raw, photos, settings)
        attempts = int(raw.get("article_attempts") or 0)
        if raw.get("article_attempt_ms") or raw.get("article_creating"):  # an earlier create may have reached Zalo
            search = _search(zalo, settings, code, raw)
            if search.article_id:
                return _live(client, zalo, code, search.article_id, raw)
            if not search.complete:  # an article may exist beyond the bound: never create blindly
                return tell_moderators_once(client, settings, code, "unverified",
                                        render("mod_publish_unverified", code=code, pages=search.pages))
            due_ms = int(raw.get("article_attempt_ms") or 0) + settings.article_reconcile_s * 1000
            if _now_ms() < due_ms:  # not listed yet may still mean processing: come back, do not hold a worker
                _come_back(client, code, due_ms)
                return "reconciling"
            if attempts >= settings.article_create_attempts:
                log.warning("story %s: no article confirmed after %d creates", code, attempts)
                return tell_moderators_once(client, settings, code, "failed",
                                        render("mod_publish_failed", code=code, attempts=attempts))
        # durable before the call: see the docstring
        with client.pipeline() as pipe:
            pipe.hset(keys.story(code), mapping={"article_attempt_ms": _now_ms(), "article_attempts": attempts + 1})
            pipe.hsetnx(keys.story(code), "article_first_attempt_ms", clock.now_ms(client, settings))
            pipe.execute()
        token = zalo.article_create(article=article)
        client.hset(keys.story(code), "article_token", token)
    # still processing after the polls: the job fails, the sweeper re-queues it and the token is reused
    try:
        article_id = verify_when_ready(zalo, token, tries=settings.article_verify_tries,
                                       interval_s=settings.article_verify_interval_s)
    except ZaloError as exc:
        if exc.code != MEDIA_FAILED:
            raise
        return _media_failed(client, code, raw)
    return _live(client, zalo, code, article_id, raw)


def _media_failed(client: redis.Redis, code: str, raw: dict[str, str]) -> str:
    """Zalo could not process the article's media (a photo it cannot fetch, §11.1): the token is dead. Whether
    Zalo kept an article is unknown, so the token is treated like a lost create (looked for, then created again
    after the window), and the next create is plain: the channel's own cover, no photos."""
    due_ms = int(raw.get("article_attempt_ms") or _now_ms()) + runtime.get().settings.article_reconcile_s * 1000
    with client.pipeline() as pipe:
        pipe.hdel(keys.story(code), "article_token")
        pipe.hset(keys.story(code), "article_plain", "1")
        pipe.execute()
    _come_back(client, code, due_ms)
    log.warning("story %s: Zalo could not process the article's media; a plain article follows", code)
    return "media-failed"


def _now_ms() -> int:
    return int(time.time() * 1000)


def _search(zalo: ZaloClient, settings: Settings, code: str, raw: dict[str, str]) -> Search:
    """Zalo's article list back to the first create not yet confirmed (its bot-clock time; the whole list up to
    the bound for records older than that field), for the story's marker."""
    first = raw.get("article_first_attempt_ms")
    return find_created(zalo, marker(code), since_ms=int(first) if first else None,
                        max_pages=settings.article_adopt_pages)


def _come_back(client: redis.Redis, code: str, due_ms: int) -> None:
    """Have the sweeper (which re-queues `LOCK_S` after the score) look again soon, and at the latest at `due_ms`."""
    again_ms = min(due_ms, _now_ms() + RECHECK_S * 1000)
    client.zadd(keys.STORY_ARTICLES_PENDING, {code: again_ms - LOCK_S * 1000})


def _display_name(zalo: ZaloClient, user_id: str) -> str:
    """The submitter's Zalo display name; "" (the anonymous author line) when Zalo does not give it."""
    try:
        return str(zalo.user_detail(user_id=user_id).get("display_name") or "").strip()
    except ZaloError as exc:
        log.warning("display name of a submitter not available (%s); the article stays anonymous", exc.code)
        return ""


def _live(client: redis.Redis, zalo: ZaloClient, code: str, article_id: str, raw: dict[str, str]) -> str:
    """Record the article and tell the submitter, once; if it was taken down meanwhile, remove it."""
    link = public_link(zalo, article_id)
    story_key = keys.story(code)
    with client.pipeline() as pipe:
        try:
            pipe.watch(story_key)
            now = {k.decode(): v.decode() for k, v in pipe.hgetall(story_key).items()}
            pipe.multi()
            if now.get("article_wanted") != "1" or not now.get("user"):  # taken down meanwhile
                pipe.hset(story_key, "article_id", article_id)  # recorded first: a failed removal is retried
                pipe.hdel(story_key, "article_token", "article_creating", *ATTEMPT_FIELDS)
                pipe.execute()
                _remove(client, zalo, code, {"article_id": article_id}, runtime.get().settings)
                client.zrem(keys.STORY_ARTICLES_PENDING, code)
                return "removed-late"
            pipe.hset(story_key, mapping={"article_id": article_id, "article_link": link})
            pipe.hdel(story_key, "article_token", "article_creating", *ATTEMPT_FIELDS)
            pipe.zrem(keys.STORY_ARTICLES_PENDING, code)
            if not now.get("article_told"):
                pipe.hset(story_key, "article_told", "1")
                queue_text(pipe, now["user"], render("story_notice_article", title=now.get("title", ""), code=code,
                                                     link=link), keep_if_unreachable=True)
            pipe.execute()
        except redis.WatchError:
            raise ZaloError(-1, "story changed while publishing; retried") from None
    runtime.get().jobs.claim(raw.get("user") or now["user"])
    log.info("story %s published as article %s", code, article_id)
    return "published"


def _remove(client: redis.Redis, zalo: ZaloClient, code: str, raw: dict[str, str], settings: Settings) -> str:
    article_id = raw.get("article_id")
    if not article_id:
        token = raw.get("article_token")
        if token:  # created but never verified: verify (ArticleProcessing → retried later) to remove it
            article_id = zalo.article_verify(token=token)
        elif raw.get("article_attempt_ms"):  # a create whose answer was lost: find it, or wait for it to show
            search = _search(zalo, settings, code, raw)
            article_id = search.article_id
            if not article_id and not search.complete:
                client.hdel(keys.story(code), *ATTEMPT_FIELDS)
                return tell_moderators_once(client, settings, code, "unverified",
                                        render("mod_unpublish_unverified", code=code, pages=search.pages),
                                        told_field="article_remove_told")
            due_ms = int(raw["article_attempt_ms"]) + settings.article_reconcile_s * 1000
            if not article_id and _now_ms() < due_ms:
                _come_back(client, code, due_ms)
                return "reconciling"
    if article_id:
        try:
            zalo.article_remove(article_id=article_id)
        except BadRequest:  # removed already (a retry after a kill)? only if Zalo no longer knows the id at all
            if _exists(zalo, article_id):
                raise
    with client.pipeline() as pipe:
        pipe.hdel(keys.story(code), "article_id", "article_link", "article_token", "article_creating",
                  "article_remove_by", *ATTEMPT_FIELDS)
        moderator = (client.hget(keys.story(code), "article_remove_by") or b"").decode()
        if moderator:  # the moderator who asked with /gobai
            queue_text(pipe, moderator, render("mod_unpublish_done" if article_id else "mod_unpublish_none",
                                               code=code), max_chars=settings.max_text_chars)
        pipe.execute()
    log.info("story %s: article %s removed", code, article_id or "(none)")
    return "removed" if article_id else "nothing"


def _exists(zalo: ZaloClient, article_id: str) -> bool:
    try:
        zalo.article_detail(article_id=article_id)
    except BadRequest:
        return False
    return True


def recover(client: redis.Redis, settings: Settings, *, now_ms: int | None = None) -> int:
    """Sweeper: re-queue publications and take-downs that nobody is doing (worker killed, verify gave up)."""
    now_ms = now_ms if now_ms is not None else int(time.time() * 1000)
    stale = client.zrangebyscore(keys.STORY_ARTICLES_PENDING, "-inf", now_ms - LOCK_S * 1000, start=0, num=100)
    requeued = 0
    for raw in stale:
        code = raw.decode()
        if client.exists(keys.story_article_lock(code)):
            continue
        with client.pipeline() as pipe:
            pipe.multi()
            Queue(QUEUE_NAME, connection=client).enqueue(
                "workers.articles.publish_story", code, job_id=f"article-retry-{code}-{now_ms}", pipeline=pipe,
                job_timeout=300, result_ttl=3600, failure_ttl=30 * 24 * 3600)
            pipe.zadd(keys.STORY_ARTICLES_PENDING, {code: now_ms})
            pipe.execute()
        requeued += 1
    return requeued
