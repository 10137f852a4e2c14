"""`dxbot digest status | preview | send [--now] [--wait]` (CONTRACT §4)."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot.digest import subscribers
from bot.infra import clock, keys

if TYPE_CHECKING:
    from bot.core.runtime import Runtime


# what each broadcast state of a run means, for an operator reading `dxbot digest status`
BROADCAST_STATES = {
    "sent": "accepted by Zalo; it reviews it and delivers inside its sending hours",
    "quota": "not sent: the OA's broadcast quota for this month is spent; subscribers got the per-user path",
    "cap": "not sent: followers already had {cap} broadcasts this month; subscribers got the per-user path",
    "failed": "not sent: Zalo refused the national edition (error {code}); subscribers got the per-user path",
    "off": "DIGEST_BROADCAST=0: per-user path only",
    "pending": "being published",
}


def _edition_outcome(message: str) -> str:
    """What became of one edition's broadcast call (the run hash keeps Zalo's message id, or why not)."""
    if not message:
        return "not sent yet"
    if message == "unknown":
        return "its answer was lost: it may have reached Zalo and is never sent again"
    if message == "quota":
        return "refused by Zalo: broadcast quota spent"
    if message.startswith("error"):
        return f"refused by Zalo ({message})"
    return f"accepted by Zalo, message {message}"


def register(sub: Any) -> None:
    digest = sub.add_parser("digest", help="the weekly digest").add_subparsers(dest="digest_command")
    status = digest.add_parser("status", help="schedule, progress and report of the latest digest")
    status.add_argument("--slot", help="a digest id such as 20261130T0800 (default: the latest)")
    status.set_defaults(func=cmd_status)
    digest.add_parser("preview", help="show this week's digest as it would go out now").set_defaults(func=cmd_preview)
    send = digest.add_parser("send", help="make sure this week's digest is scheduled; --now sends it now")
    send.add_argument("--now", action="store_true", help="send the upcoming digest now instead of at its slot")
    send.add_argument("--wait", action="store_true", help="follow the progress until the report")
    send.set_defaults(func=cmd_send)


def _runtime() -> Runtime:
    from bot.config import Settings
    from bot.core import runtime

    return runtime.configure(Settings.from_env())


def _print_status(rt: Any, slot: str | None) -> str | None:
    from bot.digest.report import report

    run = rt.redis.hgetall(keys.digest_run(slot)) if slot else {}
    if not run:
        print("no digest has been sent yet")
        return None
    status = run[b"status"].decode()
    counts = report(rt.redis, slot)
    total = int(run.get(b"total", 0))
    percent = 100 * counts["processed"] / total if total else 100.0
    print(f"digest {slot} (week {run[b'week'].decode()}): {status}, {counts['processed']}/{total} processed "
          f"({percent:.0f}%)")
    if status == "skipped":
        print("  no approved stories: nothing was sent")
        return status
    unknown = counts["unknown"] + (counts["in_flight"] if status == "done" else 0)
    from bot.digest import broadcast as digest_broadcast

    run_broadcast = run.get(b"broadcast", b"off").decode()
    why = BROADCAST_STATES.get(run_broadcast, "").format(cap=rt.settings.broadcast_follower_monthly,
                                                         code=run.get(b"broadcast_error", b"?").decode())
    print(f"  broadcast   {run_broadcast}{': ' + why if why else ''} (quota left this month "
          f"{digest_broadcast.quota_left(rt.redis, rt.settings)}/{rt.settings.broadcast_oa_monthly})")
    if run_broadcast == digest_broadcast.SENT:
        due = datetime.fromtimestamp(int(run.get(b"broadcast_due_ms", 0)) / 1000, rt.settings.tz)
        print(f"  article     {digest_broadcast.national_link(rt.redis, slot)} (delivered by Zalo from about "
              f"{due:%Y-%m-%d %H:%M})")
    for edition, link, message in digest_broadcast.province_editions(rt.redis, slot):
        print(f"  edition     {edition}: {link or 'no article yet'} ({_edition_outcome(message)})")
    print(f"  reached     {counts['reached']:>8}  (broadcast {counts['sent_broadcast']}, "
          f"cs/promotion {counts['sent']})")
    print(f"  sent        {counts['sent']:>8}  (cs free {counts['sent_cs_free']}, cs paid {counts['sent_cs_paid']}, "
          f"promotion {counts['sent_promotion']})")
    print(f"  deferred    {counts['deferred']:>8}  (window {counts['deferred_window']}, "
          f"quota {counts['deferred_quota']}, night {counts['deferred_night']}; "
          f"delivered later {counts['delivered_later']})")
    print(f"  unreachable {counts['unreachable']:>8}  (unsubscribed)")
    print(f"  failed      {counts['failed']:>8}")
    print(f"  unknown     {unknown:>8}  (never re-sent)" + (f"; {counts['in_flight']} in flight" if status ==
                                                             "sending" else ""))
    print(f"  unsubscribed before their turn {counts['unsubscribed']}")
    return status


def cmd_status(args: argparse.Namespace) -> int:
    from bot.digest import schedule as digest_schedule
    from bot.digest.inbox import latest_slot

    rt = _runtime()
    print(f"bot time      {clock.now(rt.redis, rt.settings).isoformat(timespec='seconds')}")
    print(f"next digest   {digest_schedule.next_send(rt.redis, rt.settings).isoformat(timespec='minutes')}")
    print(f"subscribers   {subscribers.count(rt.redis)}")
    upcoming = digest_schedule.slot_id(digest_schedule.next_send(rt.redis, rt.settings))
    if not args.slot and rt.redis.exists(keys.digest_run(upcoming)):  # sent early, or skipped
        args.slot = upcoming
    _print_status(rt, args.slot or latest_slot(rt.redis))
    return 0


def cmd_preview(args: argparse.Namespace) -> int:
    from bot.digest import schedule as digest_schedule
    from bot.digest.compose import pick_fact, pick_stories, render_text

    rt = _runtime()
    at = digest_schedule.next_send(rt.redis, rt.settings)
    stories = pick_stories(rt.redis, rt.settings.digest_max_stories)
    print(f"next digest {at.isoformat(timespec='minutes')} to {subscribers.count(rt.redis)} subscriber(s)")
    if not stories:
        print("no approved stories since the previous digest: nothing would be sent")
        return 0
    print(render_text(stories, pick_fact(digest_schedule.slot_id(at)), at.strftime("%d/%m/%Y"),
                      max_chars=rt.settings.max_text_chars))
    return 0


def cmd_send(args: argparse.Namespace) -> int:
    from bot.digest import fanout as digest
    from bot.digest import schedule as digest_schedule

    rt = _runtime()
    if not args.now:
        for planned in digest_schedule.ensure(rt.redis, rt.settings):
            print(f"scheduled {planned.job_id} at {planned.at.isoformat(timespec='minutes')}")
        print(f"next digest {digest_schedule.next_send(rt.redis, rt.settings).isoformat(timespec='minutes')}")
        return 0
    # "now" sends the upcoming digest early; its slot id makes the scheduled firing a no-op later
    slot = digest_schedule.slot_id(digest_schedule.next_send(rt.redis, rt.settings))
    outcome = digest.fire(slot, force=True)
    print(f"digest {slot}: {outcome}" + (" (this week's digest already exists)" if outcome == "already" else ""))
    if outcome not in ("started", "already") or not args.wait:
        return 0 if outcome in ("started", "already", "skipped") else 1
    while True:
        status = _print_status(rt, slot)
        if status != "sending":
            return 0
        sys.stdout.flush()
        time.sleep(2)
