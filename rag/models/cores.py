"""How many cores other programs leave free: llama.cpp reads a prompt on that many threads.

llama.cpp's threads meet at a barrier after every operation, so one thread that shares its core with another
program holds all the others back. Reading the prompt on both cores of a 2-core machine while another program
kept one busy took 2.6x as long as reading it on one (16 eval prompts, interleaved, load average 5; the same
16 answers byte for byte), while on a quiet machine both cores read it faster. So the prompt is read on the
cores that were free since the last answer: measured, not guessed.
"""

from __future__ import annotations

import os
import time


def cpu_seconds_busy(stat_line: str) -> tuple[float, float] | None:
    """(busy, idle) seconds of all cores from /proc/stat's first line ("cpu user nice system idle ...")."""
    fields = stat_line.split()
    if len(fields) < 5 or fields[0] != "cpu":
        return None
    try:
        ticks = [int(x) for x in fields[1:]]
    except ValueError:
        return None
    hz = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle + iowait
    busy = sum(ticks[:8]) - idle  # user, nice, system, irq, softirq, steal (guest time is inside user)
    return busy / hz, idle / hz


def free_cores(cores: int, others_busy: float) -> int:
    """Cores left to us when other programs kept ``others_busy`` cores busy on average: at least one.

    A core another program kept busy half the time or more counts as taken (rounding to the nearest core).
    """
    return max(1, min(cores, round(cores - max(0.0, others_busy))))


class CoreMeter:
    """Measures, between two calls, how many cores programs other than this one kept busy (Linux /proc/stat).

    ``free()`` returns the cores left free since the previous call; ``cores`` when it cannot tell (first
    call, no /proc/stat, a window too short to measure).
    """

    MIN_WINDOW_S = 0.2  # /proc/stat counts in ticks of 10 ms: a shorter window says little

    def __init__(self, cores: int | None = None, read=None, clock=time.monotonic, own=time.process_time):
        self.cores = cores or os.cpu_count() or 1
        self._read = read or _read_proc_stat
        self._clock = clock
        self._own = own
        self._last = self._sample()
        self.last_free = self.cores

    def _sample(self):
        line = self._read()
        counted = cpu_seconds_busy(line) if line else None
        return (self._clock(), self._own(), counted) if counted else None

    def free(self) -> int:
        now = self._sample()
        before, self._last = self._last, now if now is not None else self._last
        if now is None or before is None:
            return self.last_free
        wall = now[0] - before[0]
        if wall < self.MIN_WINDOW_S:
            self._last = before  # keep measuring from the older sample
            return self.last_free
        others = (now[2][0] - before[2][0]) - (now[1] - before[1])  # busy core-seconds that were not ours
        self.last_free = free_cores(self.cores, others / wall)
        return self.last_free


def _read_proc_stat() -> str:
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            return fh.readline()
    except OSError:
        return ""
