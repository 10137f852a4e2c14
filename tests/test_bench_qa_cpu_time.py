"""``benchmarks/bench_qa.py`` reports the CPU time of each question beside its wall-clock time.

Why: the shared host's load blurs wall-clock percentiles (a question waits for a core longer than it runs), so the
bench also measures ``time.thread_time_ns`` around each ``answer()`` and prints its p50 and p99 per knowledge base
and for the chat messages. The clocks are replaced here by counters the fake knowledge base advances: the test
checks which clock each figure comes from and how the percentiles are taken, never how long anything takes.
"""

from __future__ import annotations

import pytest

from benchmarks import bench_qa


class _Clocks:
    """A wall clock and a thread CPU clock in ns that only ``answer()`` advances."""

    def __init__(self) -> None:
        self.wall = 0
        self.cpu = 0

    def perf_counter_ns(self) -> int:
        return self.wall

    def thread_time_ns(self) -> int:
        return self.cpu


class _FakeKb:
    """Question ``i`` (after the warm-up) runs ``i`` ms on the CPU and waits 10 ms more for a core."""

    def __init__(self, clocks: _Clocks) -> None:
        self.clocks = clocks
        self.asked: list[str] = []

    def answer(self, question: str) -> None:
        self.asked.append(question)
        ms = int(question) if question.isdigit() else 0
        self.clocks.cpu += ms * 1_000_000
        self.clocks.wall += (ms + 10) * 1_000_000


@pytest.fixture
def clocks(monkeypatch: pytest.MonkeyPatch) -> _Clocks:
    fake = _Clocks()
    monkeypatch.setattr(bench_qa.time, "perf_counter_ns", fake.perf_counter_ns)
    monkeypatch.setattr(bench_qa.time, "thread_time_ns", fake.thread_time_ns)
    return fake


def test_cpu_percentiles_come_from_the_thread_clock_and_wall_ones_from_the_wall_clock(clocks: _Clocks) -> None:
    kb = _FakeKb(clocks)
    questions = [str(ms) for ms in range(1, 101)]  # 1 … 100 ms of CPU each
    lat = bench_qa.latency(kb, questions)  # type: ignore[arg-type]
    assert kb.asked == questions[:50] + questions  # the warm-up is not measured
    assert (lat.cpu_p50, lat.cpu_p99) == (50.5, 100.0)
    assert (lat.p50, lat.p95, lat.p99, lat.worst) == (60.5, 106.0, 110.0, 110.0)


def test_every_row_prints_cpu_p50_and_p99_beside_the_wall_figures(clocks: _Clocks) -> None:
    lat = bench_qa.latency(_FakeKb(clocks), ["3"] * 10)  # type: ignore[arg-type]
    row = bench_qa._row("real KB", f"{1.0:>8.1f}", f"{2.0:>9.1f}", lat)
    assert row.split()[-6:] == ["13.000", "13.000", "13.000", "13.000", "3.000", "3.000"]
