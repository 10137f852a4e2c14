"""Counters kept in Redis so every web and worker process, on any machine, adds to one total.

prometheus_client's own multiprocess mode needs a shared directory on one host; Redis is already the
one thing all processes share, so counts live in one hash and `/metrics` renders them with
prometheus_client's text format. Field names are `name` or `name|label=value`.
"""

from __future__ import annotations

from collections.abc import Iterable

import redis
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.registry import Collector

from bot.infra import keys

LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

DESCRIPTIONS = {
    "events_received_total": "Webhook events accepted and queued",
    "events_duplicate_total": "Webhook deliveries recognised as already seen",
    "events_ignored_total": "Webhook events acknowledged but not processed (echoes, receipts, unknown)",
    "leases_reclaimed_total": "Users handed to a new job because the job holding their lease died before starting",
    "webhook_rejected_total": "Webhook requests refused, by reason",
    "events_processed_total": "Events handled by a worker, by outcome",
    "events_dead_total": "Events that failed for good and wait for `dxbot events replay`",
    "messages_sent_total": "Messages Zalo accepted",
    "messages_failed_total": "Messages not delivered, by reason",
    "messages_waited_total": "Times a sender left a message in flight under another, live process and came back later",
    "messages_resent_total": "Messages sent again because the process sending them died in flight (the kill window)",
    "zalo_errors_total": "Failed Zalo calls, by Zalo error code",
    "token_refresh_total": "Access-token refreshes",
    "messages_degraded_total": "Messages sent in a plainer form, by form and cause (refused / remembered)",
    "zalo_form_switches_total": "Times this install switched a message form to plain (Zalo refused it) or back to rich",
}


def field(name: str, **labels: str) -> str:
    if not labels:
        return name
    return name + "|" + ",".join(f"{k}={v}" for k, v in sorted(labels.items()))


def incr(client: redis.Redis | redis.client.Pipeline, name: str, amount: int = 1, **labels: str) -> None:
    client.hincrby(keys.METRICS, field(name, **labels), amount)


def observe_latency(client: redis.Redis | redis.client.Pipeline, seconds: float) -> None:
    """Record one webhook→reply latency (non-cumulative buckets; cumulated when rendered)."""
    bucket = latency_bucket(seconds)
    client.hincrby(keys.LATENCY, bucket, 1)
    client.hincrby(keys.LATENCY, "count", 1)
    client.hincrbyfloat(keys.LATENCY, "sum", seconds)


def latency_bucket(seconds: float) -> str:
    """The (non-cumulative) latency bucket `seconds` falls in: a field of `keys.LATENCY`."""
    return next((str(b) for b in LATENCY_BUCKETS if seconds <= b), "+Inf")


class _RedisCollector(Collector):
    def __init__(self, client: redis.Redis, queue_depths: dict[str, int]) -> None:
        self.client = client
        self.queue_depths = queue_depths

    def collect(self) -> Iterable[object]:
        raw = {k.decode(): int(v) for k, v in self.client.hgetall(keys.METRICS).items()}
        families: dict[str, CounterMetricFamily] = {}
        for key, value in sorted(raw.items()):
            name, _, label_text = key.partition("|")
            labels = dict(item.split("=", 1) for item in label_text.split(",") if "=" in item)
            base = name.removesuffix("_total")
            family = families.get(base)
            if family is None:
                family = CounterMetricFamily(f"dxbot_{base}", DESCRIPTIONS.get(name, name),
                                             labels=sorted(labels))
                families[base] = family
            if sorted(labels) != list(family._labelnames):
                continue
            family.add_metric([labels[k] for k in sorted(labels)], value)
        yield from families.values()
        depth = GaugeMetricFamily("dxbot_queue_depth", "Jobs waiting in each RQ queue", labels=["queue"])
        for queue, size in self.queue_depths.items():
            depth.add_metric([queue], size)
        yield depth
        yield self._plain_forms()
        yield self._latency()
        yield from self._digest_reach()

    def _digest_reach(self) -> Iterable[GaugeMetricFamily]:
        """The latest digest's subscribers by how they were reached (bot/digest: the report's counters)."""
        reach = GaugeMetricFamily("dxbot_digest_reach", "Subscribers of the latest digest, by how it reached them",
                                  labels=["digest", "path"])
        quota = GaugeMetricFamily("dxbot_broadcast_quota_left", "Broadcasts the OA may still send this month "
                                  "(as of the latest digest)")
        raw_slot = self.client.get(keys.DIGEST_LATEST)
        if raw_slot:
            slot = raw_slot.decode()
            counts = {k.decode(): int(v) for k, v in self.client.hgetall(keys.digest_report(slot)).items()}
            paths = {"broadcast": ("sent_broadcast",), "cs": ("sent_cs_free", "sent_cs_paid", "sent_promotion"),
                     "kept": ("deferred_window", "deferred_quota", "deferred_night"),
                     "unreachable": ("unreachable", "failed")}
            for path, names in paths.items():
                reach.add_metric([slot, path], sum(counts.get(n, 0) for n in names))
            left = self.client.hget(keys.digest_run(slot), "broadcast_quota_left")
            if left is not None:
                quota.add_metric([], int(left))
        yield reach
        yield quota

    def _plain_forms(self) -> GaugeMetricFamily:
        family = GaugeMetricFamily("dxbot_zalo_form_plain",
                                   "1 while this install sends a form plain because Zalo refused it",
                                   labels=["form"])
        for form in sorted(self.client.hkeys(keys.ZALO_REFUSED_FORMS)):
            family.add_metric([form.decode()], 1)
        return family

    def _latency(self) -> HistogramMetricFamily:
        raw = {k.decode(): v for k, v in self.client.hgetall(keys.LATENCY).items()}
        cumulative, buckets = 0, []
        for bound in [*map(str, LATENCY_BUCKETS), "+Inf"]:
            cumulative += int(raw.get(bound, 0))
            buckets.append((bound, cumulative))
        family = HistogramMetricFamily("dxbot_reply_latency_seconds",
                                       "Time from webhook receipt to Zalo accepting the reply")
        family.add_metric([], buckets, float(raw.get("sum", 0)))
        return family


def render(client: redis.Redis, queue_depths: dict[str, int]) -> bytes:
    """Prometheus text exposition of everything counted so far."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_RedisCollector(client, queue_depths))
    return generate_latest(registry)
