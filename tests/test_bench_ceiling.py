"""The rate search bench_replies drives step by step (benchmarks/ceiling.py), and the repeats' summary.

bench_replies interleaves the two latencies' searches, so a search must say which rate comes next and learn
whether it was held, one step at a time; these tests drive it with a stack that holds every rate up to a known
ceiling (no stack, no timing)."""

from __future__ import annotations

import pytest

from benchmarks.ceiling import Search, Spread, median_ratio, ratios, round_rate


def drive(search: Search, ceiling: float) -> list[float]:
    """Run the search against a stack that holds every rate ≤ `ceiling`; the rates it measured."""
    while not search.done:
        rate = search.next_rate()
        search.record(rate, rate <= ceiling)
    return search.rates


def test_raises_until_a_rate_fails_then_bisects_to_the_resolution() -> None:
    search = Search(150, 50, 12.5, 600)
    rates = drive(search, 277)
    assert rates[:4] == [150, 200, 250, 300]  # raised by 50 while held
    assert search.held <= 277 < search.failed  # the ceiling is between them ...
    assert search.failed - search.held <= 12.5  # ... to the resolution
    assert all(r % 5 == 0 for r in rates)


def test_a_start_above_the_ceiling_walks_down_then_bisects() -> None:
    search = Search(150, 50, 12.5, 600)
    rates = drive(search, 72)
    assert rates[:3] == [150, 100, 50]
    assert search.held <= 72 < search.failed <= search.held + 12.5


def test_nothing_held_ends_at_the_lowest_step() -> None:
    search = Search(150, 50, 12.5, 600)
    assert drive(search, 10) == [150, 100, 50]
    assert search.held == 0.0 and search.failed == 50


def test_a_search_that_holds_the_highest_rate_is_a_bound_not_a_ceiling() -> None:
    search = Search(500, 50, 12.5, 600)
    assert drive(search, 10_000) == [500, 550, 600]
    assert search.held == 600 and search.failed is None


def test_a_refining_search_starts_at_a_given_rate_and_steps_finer() -> None:
    search = Search(262.5, 25, 12.5, 600)
    rates = drive(search, 290)
    assert rates[0] == round_rate(262.5)
    assert rates[1] == rates[0] + 25
    assert search.held <= 290 < search.failed <= search.held + 12.5


def test_a_flaky_stack_still_ends_with_a_bracket() -> None:
    """A rate held after a higher one failed, or failed below one held (a noisy host), never loops forever."""
    search = Search(150, 50, 12.5, 600)
    answers = iter([True, True, False, False, True, False, True, True, False, True])
    while not search.done:
        search.record(search.next_rate(), next(answers))
    assert search.failed is not None
    assert len(search.rates) <= 10


def test_next_rate_after_the_end_is_refused() -> None:
    search = Search(150, 50, 12.5, 150)
    search.record(150, True)
    assert search.done
    with pytest.raises(RuntimeError):
        search.next_rate()


def test_the_spread_and_the_paired_ratios_of_the_repeats() -> None:
    low, high = Spread((300, 250, 350)), Spread((270, 240, 280))
    assert (low.median, low.low, low.high) == (300, 250, 350)
    assert ratios(low, high) == pytest.approx([0.9, 0.96, 0.8])
    assert median_ratio(low, high) == pytest.approx(0.9)  # each repeat's own pair, not 270 / 300 by chance
    assert median_ratio(Spread(()), Spread(())) == 0.0
    assert ratios(Spread((0,)), Spread((100,))) == [0.0]  # nothing held at the low latency: no ratio to claim


def _step(rate: float, held: bool) -> dict[str, object]:
    return {"rate": rate, "held": held, "p95_ms": 900.0, "cpu_ms": 2.0, "sender_cpu_ms": 1.0, "other_cores": 0.0,
            "breakdown": {"worker": 2.0, "machine": 7.0}, "load": (0.5, 0.7)}


def _searched(ceiling: float, repeats: int) -> tuple[list[Search], list[dict[str, object]]]:
    runs, steps = [], []
    for _ in range(repeats):
        search = Search(150, 50, 12.5, 600)
        while not search.done:
            rate = search.next_rate()
            steps.append(_step(rate, rate <= ceiling))
            search.record(rate, rate <= ceiling)
        runs.append(search)
    return runs, steps


@pytest.mark.parametrize(("ceiling_150", "mark"), [(230, "MISSED"), (290, "ok")])
def test_the_report_prints_the_ratio_of_the_medians_and_a_miss_as_missed(
        capsys: pytest.CaptureFixture[str], ceiling_150: float, mark: str) -> None:
    from benchmarks import bench_replies

    runs0, steps0 = _searched(300, 3)
    runs150, steps150 = _searched(ceiling_150, 3)
    searches = {0: runs0, 150: runs150}
    spreads = {lat: Spread(tuple(r.held for r in runs)) for lat, runs in searches.items()}
    bench_replies._report(searches, spreads, {0: steps0, 150: steps150}, {}, {}, 0.5)
    ratio_line = next(line for line in capsys.readouterr().out.splitlines() if "of the 0 ms rate" in line)
    figure, said = ratio_line.split("ratios): ", 1)[1].split()[:2]
    assert said.rstrip(";") == mark
    assert float(figure) == pytest.approx(ceiling_150 / 300, abs=12.5 / 300)


class FakeRedis:
    """Redis's persistence section as bench_replies reads it: an AOF of `size` bytes over a base of `base`."""

    def __init__(self, size: int, base: int, enabled: int = 1) -> None:
        self.persistence = {"aof_enabled": enabled, "aof_current_size": size, "aof_base_size": base,
                            "aof_rewrite_in_progress": 0, "aof_rewrite_scheduled": 0}
        self.rewrites = 0
        self.polls_left = 0

    def info(self, section: str) -> dict[str, int]:
        assert section == "persistence"
        if self.polls_left:  # a rewrite runs for a few polls
            self.polls_left -= 1
            return {**self.persistence, "aof_rewrite_in_progress": 1}
        return self.persistence

    def bgrewriteaof(self) -> None:
        self.rewrites += 1
        self.polls_left = 2


@pytest.mark.parametrize(("size_mb", "base_mb", "enabled", "rewrites"), [
    (40, 10, 1, 1),  # grown 30 MB since its last rewrite: rewritten between steps
    (40, 30, 1, 0),  # grown 10 MB: left
    (20, 0, 1, 0),  # still small
    (40, 10, 0, 0),  # no AOF
])
def test_the_aof_is_rewritten_between_steps_only_when_due(size_mb: int, base_mb: int, enabled: int,
                                                          rewrites: int) -> None:
    from benchmarks.bench_replies import rewrite_aof_if_due

    fake = FakeRedis(size_mb * 2**20, base_mb * 2**20, enabled)
    assert rewrite_aof_if_due(fake, timeout_s=5) is bool(rewrites)  # type: ignore[arg-type]
    assert fake.rewrites == rewrites
    assert fake.polls_left == 0  # waited until the rewrite ended
