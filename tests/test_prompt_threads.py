"""The prompt is read on the cores other programs left free (rag/models/cores.py); the threads never change the text."""

from __future__ import annotations

import pytest

from rag.models.cores import CoreMeter, cpu_seconds_busy, free_cores

HZ = 100  # ticks per second in the fake /proc/stat lines (os.sysconf is 100 on Linux)


class FakeMachine:
    """A 2-core machine's /proc/stat, wall clock and this process's CPU time, advanced by hand."""

    def __init__(self):
        self.wall = 0.0
        self.busy = 0.0  # core-seconds busy, all programs (ours included)
        self.mine = 0.0  # core-seconds this process used

    def run(self, seconds: float, ours: float, others: float):
        self.wall += seconds
        self.mine += ours * seconds
        self.busy += (ours + others) * seconds

    def stat_line(self) -> str:
        busy, idle = int(self.busy * HZ), int((2 * self.wall - self.busy) * HZ)
        return f"cpu {busy} 0 0 {idle} 0 0 0 0 0 0"

    def meter(self) -> CoreMeter:
        return CoreMeter(2, read=self.stat_line, clock=lambda: self.wall, own=lambda: self.mine)


@pytest.fixture
def machine(monkeypatch) -> FakeMachine:
    """A fake 2-core machine whose /proc/stat counts in HZ ticks."""
    monkeypatch.setattr("os.sysconf", lambda name: HZ)
    return FakeMachine()


def test_stat_line_is_read_as_busy_and_idle_seconds(monkeypatch):
    monkeypatch.setattr("os.sysconf", lambda name: HZ)
    assert cpu_seconds_busy("cpu 100 50 30 700 20 0 10 0 0 0") == (1.9, 7.2)  # iowait counts as idle
    assert cpu_seconds_busy("cpu0 1 2 3 4") is None and cpu_seconds_busy("") is None
    assert cpu_seconds_busy("cpu a b c d e") is None


@pytest.mark.parametrize("others, free", [(0.0, 2), (0.3, 2), (0.6, 1), (1.0, 1), (1.9, 1), (3.5, 1)])
def test_a_core_another_program_keeps_busy_half_the_time_is_taken(others, free):
    assert free_cores(2, others) == free


def test_free_cores_never_exceeds_the_machine_nor_falls_below_one():
    assert free_cores(8, -1.0) == 8 and free_cores(8, 2.2) == 6 and free_cores(1, 0.0) == 1


def test_a_quiet_machine_leaves_every_core(machine):
    meter = machine.meter()
    machine.run(2.0, ours=1.5, others=0.0)  # our own answer kept 1.5 cores busy: still ours to use
    assert meter.free() == 2


def test_another_program_on_one_core_leaves_one(machine):
    meter = machine.meter()
    machine.run(2.0, ours=1.0, others=1.0)
    assert meter.free() == 1
    machine.run(2.0, ours=1.0, others=0.1)  # the other program finished: both cores again
    assert meter.free() == 2


def test_a_window_too_short_to_measure_keeps_the_last_answer_and_measures_on(machine):
    meter = machine.meter()
    machine.run(1.0, ours=0.0, others=1.0)
    assert meter.free() == 1
    machine.run(0.05, ours=0.0, others=0.0)
    assert meter.free() == 1  # 50 ms: too short, the last figure stands
    machine.run(0.5, ours=0.0, others=0.0)
    assert meter.free() == 2  # measured over the 0.55 s since the last real reading


def test_without_proc_stat_every_core_is_used():
    meter = CoreMeter(4, read=lambda: "")
    assert meter.free() == 4 and meter.free() == 4


@pytest.mark.model
def test_the_prompt_threads_change_the_speed_never_the_text():
    from llama_cpp import llama_n_threads_batch

    from rag.answer import SYSTEM_PROMPT
    from rag.config import Settings
    from rag.models.gguf import GgufGenerator

    class Fixed:
        def __init__(self, n):
            self.n = n

        def free(self):
            return self.n

    generator = GgufGenerator(Settings.load())
    user = ("Sources:\n[1] pond.md: The koi pond holds 4,000 litres and is cleaned every 3 weeks.\n"
            "[2] pond.md: Koi eat pellets twice a day in summer.\n\nQuestion: how big is the koi pond?")
    texts = {}
    for n in (1, 2, 1):
        generator.meter = Fixed(n)
        generator.llm.reset()  # read the whole prompt again on n threads, not from the KV cache
        texts.setdefault(n, []).append("".join(generator.stream(SYSTEM_PROMPT, user, max_tokens=24)))
        assert llama_n_threads_batch(generator.llm.ctx) == n and generator.threads_batch == n
    assert texts[1][0] == texts[1][1] == texts[2][0] and texts[1][0].strip()
