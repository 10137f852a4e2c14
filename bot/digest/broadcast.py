"""The weekly digest as an article broadcast to every follower (zalo-oa-api.md §11.2), once per slot.

A CS message reaches only followers who wrote in the last 48 h (7 days, paid); a broadcast reaches all of them,
free, at most one a day and four a month each. So the digest is published as an article (each story linking to
its own article) and broadcast: one national edition, plus optional province editions (DIGEST_EDITIONS, today's
province names, each mapped to Zalo's city codes by bot/config/cities.py: the old codes of the provinces it was
formed from, or new ones). Zalo targets by the follower's own province, and the national edition then names
every other code, so no follower gets two broadcasts the same day.

`run(slot)` is idempotent: the state of each edition (token, article id, link, "sending", message id) lives in
the digest's run hash and is written before the next Zalo call; a broadcast whose call may have reached Zalo
("sending" without an answer) is never sent again. Before anything is sent, the OA's monthly quota and the
followers' monthly cap are checked against our own counters; when either is spent, or Zalo answers with its
quota error, the digest falls back to the per-user path (CS in the window, kept otherwise) and the moderators'
report says so. Zalo reviews a broadcast (~30 min) and delivers it inside its sending hours: the expected
delivery time is in the report.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import redis

from bot.config import Settings, cities
from bot.digest.compose import Fact, order_for, shorten
from bot.digest.stories import DigestStory
from bot.infra import clock, keys
from bot.infra.texts import render
from bot.nlp.normalize import command_form
from bot.zalo.article_search import find_created
from bot.zalo.articles import public_link, verify_when_ready
from bot.zalo.client import ZaloClient
from bot.zalo.errors import ArticleProcessing, BroadcastQuotaExceeded, OutcomeUnknown, ZaloError

log = logging.getLogger(__name__)

NATIONAL = "all"
LOCK_S = 600
SENT, QUOTA, CAP, FAILED, OFF, PENDING = "sent", "quota", "cap", "failed", "off", "pending"


def target(settings: Settings, edition: str, provinces: list[str]) -> dict[str, str]:
    """Zalo's `recipient.target`: a province edition's city codes; for the national one every code not taken by
    a province edition Zalo accepted (`provinces`; none: every follower)."""
    if edition == NATIONAL and not provinces:
        return {}
    table = cities.table(settings.zalo_cities_file, settings.broadcast_city_codes)
    codes = table.national(tuple(provinces)) if edition == NATIONAL else table.of(edition)
    return {"cities": ",".join(str(c) for c in codes)}


def _editions(client: redis.Redis, settings: Settings, slot: str) -> list[str] | None:
    """The province editions of this run, decided once (stored in the run) so a resumed run keeps them: those
    of DIGEST_EDITIONS when the quota covers them and the national one, none when it covers only the national
    one. None when not even that is left."""
    raw = client.hget(keys.digest_run(slot), "bc_editions")
    if raw is not None:
        return json.loads(raw)
    left = quota_left(client, settings)
    if left < 1:
        return None
    provinces = list(settings.digest_editions) if left > len(settings.digest_editions) else []
    client.hset(keys.digest_run(slot), mapping={"bc_editions": json.dumps(provinces, ensure_ascii=False),
                                                "bc_dropped": len(settings.digest_editions) - len(provinces)})
    return provinces


def article(stories: list[DigestStory], fact: Fact | None, week: str, edition: str, cover: str,
            marker: str) -> dict[str, Any]:
    """The digest article: each story with its excerpt and a link to its own article (or `đọc #MÃ`); the
    description ends with the edition's marker."""
    province = "" if edition == NATIONAL else edition
    title = render("digest_article_title_province", week=week, province=province) if province else \
        render("digest_article_title", week=week)
    body: list[dict[str, Any]] = []
    for n, story in enumerate(order_for(stories, command_form(province)), 1):
        body.append({"type": "text", "content": render("digest_article_story", n=n, title=shorten(story.title, 120),
                                                        locality=story.locality,
                                                        excerpt=shorten(story.excerpt, 400))})
        more = render("digest_article_story_link", url=story.url) if story.url else \
            render("digest_article_story_code", code=story.code)
        body.append({"type": "text", "content": more})
    if fact is not None:
        body.append({"type": "text", "content": render("digest_fact", fact=fact.text, source=fact.source)})
    return {"type": "normal", "title": shorten(title, 140), "author": render("digest_article_author")[:50],
            "description": shorten(render("digest_article_description"), 299 - len(marker)) + " " + marker,
            "cover": {"cover_type": "photo", "photo_url": cover, "status": "show"},
            "body": body, "status": "show", "comment": "show"}


def month_of(client: redis.Redis, settings: Settings) -> str:
    """The follower-cap month (calendar month: caps reset on the 1st [S: V])."""
    return clock.now(client, settings).strftime("%Y%m")


def quota_period(client: redis.Redis, settings: Settings) -> str:
    """The OA quota's month, which starts on BROADCAST_QUOTA_RESET_DAY (the package-registration day [S: V])."""
    now = clock.now(client, settings)
    if now.day < settings.broadcast_quota_reset_day:
        now = now.replace(day=1) - timedelta(days=1)
    return now.strftime("%Y%m")


def quota_left(client: redis.Redis, settings: Settings) -> int:
    used = int(client.get(keys.digest_broadcast_count(quota_period(client, settings))) or 0)
    return max(0, settings.broadcast_oa_monthly - used)


def expected_delivery(settings: Settings, now: datetime) -> datetime:
    """After Zalo's review, inside its sending hours (a broadcast approved after hours goes the next morning)."""
    due = now + timedelta(seconds=settings.broadcast_review_s)
    start, end = settings.broadcast_hours
    if due.hour < start:
        return due.replace(hour=start, minute=0, second=0, microsecond=0)
    if due.hour >= end:
        return (due + timedelta(days=1)).replace(hour=start, minute=0, second=0, microsecond=0)
    return due


def run(client: redis.Redis, zalo: ZaloClient, settings: Settings, slot: str, stories: list[DigestStory],
        fact: Fact | None, week: str, cover: str) -> str:
    """Publish and broadcast every edition of `slot` (resuming where an earlier attempt stopped); returns the
    run's broadcast state: sent, or why the per-user path is used instead."""
    run_key = keys.digest_run(slot)
    state = (client.hget(run_key, "broadcast") or b"").decode()
    if state != PENDING:
        return state
    month, period = month_of(client, settings), quota_period(client, settings)
    digests_this_month = int(client.get(keys.digest_broadcast_count(month, "weeks")) or 0)
    if client.hget(run_key, "bc_editions") is None and digests_this_month >= settings.broadcast_follower_monthly:
        return _finish(client, settings, slot, CAP)
    provinces = _editions(client, settings, slot)
    if provinces is None:
        return _finish(client, settings, slot, QUOTA)
    accepted: list[str] = []  # province editions Zalo took (or may have): the national edition leaves them out
    for edition in [*provinces, NATIONAL]:  # provinces first: one refused is then covered by the national one
        field = functools.partial("bc:{}:{}".format, edition)
        message = (client.hget(run_key, field("message")) or b"").decode()
        if not message and client.hget(run_key, field("sending")):  # it may have reached Zalo: never sent twice
            message = "unknown"
            client.hset(run_key, field("message"), message)
        if message:
            if not message.startswith(("quota", "error")):
                accepted.append(edition)
            continue
        article_id = (client.hget(run_key, field("article")) or b"").decode()
        if not article_id:
            article_id = _publish(client, zalo, settings, slot, edition,
                                  lambda e=edition: article(stories, fact, week, e, cover, edition_marker(slot, e)))
            client.hset(run_key, mapping={field("article"): article_id, field("link"): public_link(zalo, article_id)})
        with client.pipeline() as pipe:  # counted before the call: a lost answer still spent the quota
            pipe.hset(run_key, field("sending"), "1")
            pipe.incr(keys.digest_broadcast_count(period))
            pipe.expire(keys.digest_broadcast_count(period), 40 * 24 * 3600)
            pipe.execute()
        try:
            message_id = zalo.broadcast(article_ids=[article_id], target=target(settings, edition, accepted))
        except BroadcastQuotaExceeded:
            client.hset(run_key, field("message"), "quota")
            if edition == NATIONAL:
                client.set(keys.digest_broadcast_count(period), settings.broadcast_oa_monthly, keepttl=True)
                return _finish(client, settings, slot, QUOTA)
            continue
        except OutcomeUnknown:
            message_id = "unknown"
        except ZaloError as exc:
            client.hset(run_key, mapping={field("message"): f"error {exc.code}", "broadcast_error": exc.code})
            if edition == NATIONAL:
                return _finish(client, settings, slot, FAILED)
            continue
        client.hset(run_key, field("message"), message_id)
        accepted.append(edition)
    due = expected_delivery(settings, clock.now(client, settings))
    client.incr(keys.digest_broadcast_count(month, "weeks"))
    client.expire(keys.digest_broadcast_count(month, "weeks"), 40 * 24 * 3600)
    return _finish(client, settings, slot, SENT, due_ms=int(due.timestamp() * 1000))


def edition_marker(slot: str, edition: str) -> str:
    """Ends the description of an edition's article, so that a create whose answer was lost is found again."""
    return f"#{slot}" + ("" if edition == NATIONAL else "-" + "".join(cities.fold(edition).split()))


def _publish(client: redis.Redis, zalo: ZaloClient, settings: Settings, slot: str, edition: str,
             compose: Callable[[], dict[str, Any]]) -> str:
    """The id of the edition's article: create (recorded first), then verify. A create whose answer was lost is
    looked for by its marker (bot/zalo/article_search.py) and adopted; while it may still be processing the job
    comes back later (ArticleProcessing). Past `article_reconcile_s`, or when the search hits its page bound, it
    is created again: an orphan digest page is a smaller harm than a digest that never goes out."""
    run_key, field = keys.digest_run(slot), functools.partial("bc:{}:{}".format, edition)
    token = (client.hget(run_key, field("token")) or b"").decode()
    if not token:
        created = int(client.hget(run_key, field("create_ms")) or 0)
        if created:
            search = find_created(zalo, edition_marker(slot, edition), since_ms=created,
                                  max_pages=settings.article_adopt_pages)
            if search.article_id:
                return search.article_id
            if search.complete and clock.now_ms(client, settings) < created + settings.article_reconcile_s * 1000:
                raise ArticleProcessing(0, f"digest article {edition} may still be processing; looked for later")
            log.warning("digest %s: the %s article of a lost create was not found; created again", slot, edition)
        client.hset(run_key, field("create_ms"), clock.now_ms(client, settings))
        token = zalo.article_create(article=compose())
        client.hset(run_key, field("token"), token)
    return verify_when_ready(zalo, token, tries=settings.article_verify_tries,
                             interval_s=settings.article_verify_interval_s)


def _finish(client: redis.Redis, settings: Settings, slot: str, state: str, due_ms: int = 0) -> str:
    client.hset(keys.digest_run(slot), mapping={"broadcast": state, "broadcast_due_ms": due_ms,
                                                "broadcast_quota_left": quota_left(client, settings)})
    log.info("digest %s: broadcast %s", slot, state)
    return state


def summary(client: redis.Redis, settings: Settings, slot: str) -> str:
    """One line for the moderators' report and `dxbot digest status`."""
    run = {k.decode(): v.decode() for k, v in client.hgetall(keys.digest_run(slot)).items()}
    state = run.get("broadcast", OFF)
    left = quota_left(client, settings)
    if state == SENT:
        due = datetime.fromtimestamp(int(run.get("broadcast_due_ms", 0)) / 1000, settings.tz)
        sent = sum(1 for k, v in run.items() if k.endswith(":message") and not v.startswith(("quota", "error")))
        text = render("digest_mod_broadcast_sent", editions=sent, due=due.strftime("%H:%M %d/%m"), quota_left=left)
        refused = [name for name, _, message in province_editions(client, slot)
                   if message.startswith(("quota", "error"))]
        if refused:
            text += "\n" + render("digest_mod_broadcast_edition_refused", provinces=", ".join(refused))
        if int(run.get("bc_dropped", 0)):
            text += "\n" + render("digest_mod_broadcast_editions_dropped", dropped=run["bc_dropped"])
        return text
    if state == QUOTA:
        return render("digest_mod_broadcast_quota", quota_left=left)
    if state == CAP:
        return render("digest_mod_broadcast_cap", cap=settings.broadcast_follower_monthly)
    if state == FAILED:
        return render("digest_mod_broadcast_failed", code=run.get("broadcast_error", "?"))
    return render("digest_mod_broadcast_off")


def province_editions(client: redis.Redis, slot: str) -> list[tuple[str, str, str]]:
    """(province, article link, Zalo's message id or what became of the call) of each province edition."""
    run = {k.decode(): v.decode() for k, v in client.hgetall(keys.digest_run(slot)).items()}
    names = sorted({k.split(":")[1] for k in run if k.startswith("bc:")} - {NATIONAL})
    return [(name, run.get(f"bc:{name}:link", ""), run.get(f"bc:{name}:message", "")) for name in names]


def national_link(client: redis.Redis, slot: str) -> str | None:
    raw = client.hget(keys.digest_run(slot), f"bc:{NATIONAL}:link")
    return raw.decode() if raw else None
