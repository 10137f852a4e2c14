"""A digest run's counters and the moderators' report, read from the run's report hash.

Kept apart from the fan-out that writes the counters: `dxbot digest status`, the soak and the final report
read them; only `bot/digest/fanout.py` and `delivery.py` write them.
"""

from __future__ import annotations

import redis

from bot.config import Settings
from bot.digest import broadcast as digest_broadcast
from bot.digest.delivery import OUTCOMES
from bot.infra import keys
from bot.infra.texts import render


def report(client: redis.Redis, slot: str) -> dict[str, int]:
    """Counters of a run; `unknown` includes recipients claimed by a worker that died mid-send."""
    raw = {k.decode(): int(v) for k, v in client.hgetall(keys.digest_report(slot)).items()}
    counts = {name: raw.get(name, 0) for name in OUTCOMES.values()}
    counts["unsubscribed"] = raw.get("unsubscribed", 0)
    counts["delivered_later"] = raw.get("delivered_later", 0)
    counts["claimed"] = raw.get("claimed", 0)
    counts["in_flight"] = max(0, counts["claimed"] - sum(counts[n] for n in OUTCOMES.values()))
    counts["sent"] = counts["sent_cs_free"] + counts["sent_cs_paid"] + counts["sent_promotion"]
    counts["reached"] = counts["sent"] + counts["sent_broadcast"]
    counts["deferred"] = counts["deferred_window"] + counts["deferred_quota"] + counts["deferred_night"]
    counts["processed"] = counts["claimed"] + counts["unsubscribed"]
    return counts


def report_text(client: redis.Redis, settings: Settings, slot: str, *, final: bool) -> str:
    run = client.hgetall(keys.digest_run(slot))
    counts = report(client, slot)
    if final:  # nobody is sending any more: a claim without an outcome is an unknown outcome
        counts["unknown"] += counts["in_flight"]
    return render("digest_mod_report", week=run.get(b"week", b"").decode(), total=int(run.get(b"total", 0)),
                  broadcast=digest_broadcast.summary(client, settings, slot), **counts)
