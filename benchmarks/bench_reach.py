"""Reach of the weekly digest (issue 14): share of subscribers who received it within 24 h of its slot, today's
per-user path vs the article broadcast, side by side in one run against the local emulator (a separate process).

100,000 followers, all subscribed, with a realistic spread of last interaction: 10 % within 48 h, 15 % 48 h–7 d,
75 % older (emulator `POST /_emulator/users/bulk`; the bot's own record of each band agrees with the emulator's).
Each path fires a digest with `dxbot worker --burst` workers; then the emulator's clock is moved to the end of
Zalo's review (the broadcast is delivered inside its sending hours) and the emulator's message log, not the bot's
report, says who received what: a CS message or the broadcast, within 24 h of the slot.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta
from typing import Any

import requests

from benchmarks.common import bench_env, burst_workers, free_port, process, redis_server
from bot.config import Settings
from bot.core import runtime
from bot.digest import fanout as digest
from bot.digest import subscribers
from bot.digest.stories import DigestStory, add_fixture_story
from bot.infra import keys

DAY_MS = 86_400_000
# (share, emulator's band of last interaction in days, the bot's record in days ago)
BANDS = [(0.10, [0.0, 1.9], 1.0), (0.15, [2.1, 6.9], 4.5), (0.75, [7.1, 60.0], 30.0)]
STORIES = [("RE01", "Chợ 4.0 ở xã vùng cao", "Lào Cai"), ("RE02", "Sổ sức khỏe điện tử cho người cao tuổi", "Hà Nội")]
BODY = "Bà con trong xã đã quen bán nông sản qua mạng và thanh toán bằng mã QR. " * 3


def _followers(emu: str, client: Any, count: int, now_ms: int) -> list[str]:
    users: list[str] = []
    for n, (share, days, recorded) in enumerate(BANDS):
        made = requests.post(f"{emu}/_emulator/users/bulk", json={"count": int(count * share),
                             "last_interaction_days": days, "seed": n + 1}, timeout=120).json()
        band = [str(u) for u in range(int(made["first_user_id"]), int(made["last_user_id"]) + 1)]
        for start in range(0, len(band), 5000):
            with client.pipeline(transaction=False) as pipe:
                for user in band[start:start + 5000]:
                    subscribers.subscribe(pipe, user, interaction_ms=now_ms - int(recorded * DAY_MS))
                pipe.execute()
        users += band
    return users




def _received(emu: str, wanted: set[str], slot_ms: int) -> tuple[int, int, int]:
    """(subscribers who received it within 24 h of the slot, by CS, by broadcast), from the emulator's log."""
    messages = requests.get(f"{emu}/_emulator/messages", timeout=600).json()["messages"]
    by_cs, by_broadcast = set(), set()
    for m in messages:
        at_ms = datetime.fromisoformat(m["at"]).timestamp() * 1000
        if m["user_id"] in wanted and slot_ms <= at_ms <= slot_ms + DAY_MS:
            (by_broadcast if m.get("endpoint") == "broadcast" else by_cs).add(m["user_id"])
    return len(by_cs | by_broadcast), len(by_cs), len(by_broadcast)


def _run_path(env: dict[str, str], client: Any, slot: str) -> dict[str, int]:
    runtime.configure(Settings.from_env(env, load_dotenv_file=False))
    client.delete(keys.DIGEST_INCLUDED_STORIES)
    assert digest.fire(slot, force=True) == "started"
    seconds = burst_workers(env, 2)
    return {**digest.report(client, slot), "seconds": int(seconds)}


def run(count: int = 100_000) -> dict[str, float]:
    with redis_server() as url:
        emu_port = free_port()
        emu = f"http://127.0.0.1:{emu_port}"
        env = bench_env(REDIS_URL=url, ZALO_API_BASE=emu, ZALO_OAUTH_BASE=emu, DIGEST_RATE_PER_SECOND="0",
                        DIGEST_FANOUT_JOBS="4", DIGEST_PREVIEW_MINUTES="0", MODERATOR_IDS="9000000000000000009",
                        ARTICLE_VERIFY_INTERVAL_SECONDS="0.5", ARTICLE_VERIFY_TRIES="20")
        emulator_cmd = [sys.executable, "-m", "bot.zalo.emulator", "--port", str(emu_port), "--log-level", "WARNING"]
        with process(emulator_cmd, env, ready_url=f"{emu}/_emulator/health"):
            requests.post(f"{emu}/_emulator/config", json={"article_processing_s": 1}, timeout=10)
            rt = runtime.configure(Settings.from_env(env, load_dotenv_file=False))
            client = rt.redis
            now = datetime.now(rt.settings.tz)
            for code, title, locality in STORIES:
                add_fixture_story(client, DigestStory(code, title, locality, BODY, int(time.time() * 1000)))
            print(f"\nDigest reach: {count:,} followers, all subscribed (10 % < 48 h, 15 % 48 h–7 d, 75 % older)…",
                  flush=True)
            users = set(_followers(emu, client, count, int(now.timestamp() * 1000)))
            slot_ms = int(now.timestamp() * 1000)

            today = _run_path({**env, "DIGEST_BROADCAST": "0"}, client, now.strftime("%Y%m%dT0000"))
            today_got, today_cs, _ = _received(emu, users, slot_ms - 60_000)
            requests.delete(f"{emu}/_emulator/messages", timeout=60)

            wide = _run_path({**env, "DIGEST_BROADCAST": "1"}, client, now.strftime("%Y%m%dT0001"))
            [sent] = requests.get(f"{emu}/_emulator/broadcasts", timeout=60).json()["broadcasts"]
            due = datetime.fromisoformat(sent["due_at"])
            wait_s = max(0.0, (due - datetime.now(due.tzinfo)).total_seconds()) + 1
            requests.post(f"{emu}/_emulator/clock", json={"advance": wait_s}, timeout=60)  # review, sending hours
            wide_got, wide_cs, wide_bc = _received(emu, users, slot_ms - 60_000)
            [sent] = requests.get(f"{emu}/_emulator/broadcasts", timeout=60).json()["broadcasts"]
    share_today, share_wide = today_got / len(users), wide_got / len(users)
    late = (due - now) > timedelta(days=1)
    print(f"{'':<46} {'today (per user)':>17} {'broadcast':>12}")
    print(f"{'received within 24 h of the slot':<46} {today_got:>17,} {wide_got:>12,}")
    print(f"{'  by CS message':<46} {today_cs:>17,} {wide_cs:>12,}")
    print(f"{'  by broadcast (emulator log)':<46} {0:>17,} {wide_bc:>12,}")
    print(f"{'kept for their next message (bot report)':<46} {today['deferred']:>17,} {wide['deferred']:>12,}")
    print(f"{'share of subscribers reached':<46} {share_today:>16.1%} {share_wide:>11.1%}  target ≥ 95 % "
          f"(broadcast){' — MISSED' if share_wide < 0.95 else ''}")
    print(f"{'fan-out wall time, s (2 burst workers)':<46} {today['seconds']:>17} {wide['seconds']:>12}")
    print(f"broadcast reviewed and delivered by Zalo at {due:%Y-%m-%d %H:%M}"
          f"{' (more than 24 h after the slot)' if late else ''}; matched {sent['matched']:,}, "
          f"skipped at their cap {sent['skipped_at_cap']:,}")
    return {"share_today": share_today, "share_broadcast": share_wide}


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
