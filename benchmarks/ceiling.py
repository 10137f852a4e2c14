"""The search for the highest rate a stack holds, as a state machine the benchmark drives one step at a time.

bench_replies measures two latencies; searching one after the other gave each a different host (the second
search ran on the load the first one left, and on whatever other people ran meanwhile), so their ratio was
mostly the host's drift. A `Search` only says which rate to measure next and learns whether it was held:
the benchmark interleaves the two latencies' searches step by step, so both see the same host, and repeats
them (`summarize` reports the median and the spread of the repeats, and the ratio of each repeat's pair).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field


def round_rate(rate: float) -> float:
    """Offered rates in steps of 5/s."""
    return round(rate / 5) * 5


@dataclass
class Search:
    """Raise the rate from `start` by `raise_step` until one is not held, then bisect between the highest held
    and the lowest not held until they are `resolution` apart. A failure at `start` walks down by `raise_step`
    first (to `raise_step` at least: below it nothing is held). `max_rate` bounds the offer: a search that holds
    it ends with `failed` None (a bound, not a ceiling)."""

    start: float
    raise_step: float
    resolution: float
    max_rate: float
    held: float = 0.0
    failed: float | None = None
    rates: list[float] = field(default_factory=list)  # every rate measured, in order
    _next: float | None = None

    def __post_init__(self) -> None:
        self._next = round_rate(self.start) if self.start <= self.max_rate else None

    @property
    def done(self) -> bool:
        return self._next is None

    def next_rate(self) -> float:
        """The rate to measure now (only while not `done`)."""
        if self._next is None:
            raise RuntimeError("the search is over")
        return self._next

    def record(self, rate: float, held: bool) -> None:
        """What the step at `rate` found; decides the next rate (or ends the search)."""
        self.rates.append(rate)
        if held:
            self.held = max(self.held, rate)
        else:
            self.failed = rate if self.failed is None else min(self.failed, rate)
        self._next = self._decide()

    def _decide(self) -> float | None:
        if self.failed is None:  # every rate so far held: raise
            rate = self.held + self.raise_step
            return rate if rate <= self.max_rate else None
        if self.held == 0.0:  # the start was not held: walk down
            rate = self.failed - self.raise_step
            return rate if rate >= self.raise_step else None
        if self.failed - self.held <= self.resolution:
            return None
        rate = round_rate((self.held + self.failed) / 2)
        if rate <= self.held or rate >= self.failed:  # the 5/s grid has no rate left in between
            return None
        return rate


@dataclass(frozen=True)
class Spread:
    """The repeats of one latency's search: each held rate, their median, lowest and highest."""

    held: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.held) if self.held else 0.0

    @property
    def low(self) -> float:
        return min(self.held, default=0.0)

    @property
    def high(self) -> float:
        return max(self.held, default=0.0)


def ratios(low_latency: Spread, high_latency: Spread) -> list[float]:
    """Each repeat's own ratio (its two searches were interleaved: the same host for both)."""
    return [b / a if a else 0.0 for a, b in zip(low_latency.held, high_latency.held, strict=True)]


def median_ratio(low_latency: Spread, high_latency: Spread) -> float:
    """The target's ratio: the median of the paired ratios (one noisy repeat moves neither median)."""
    paired = ratios(low_latency, high_latency)
    return statistics.median(paired) if paired else 0.0
