"""Many users: 16 concurrent sessions x 5 questions against the web UI, model in-process vs. behind servers.

The remote run uses two llama_cpp.server processes (it has no parallel slots: one answer at a time per
process, under a lock) as a pool (RAG_LLM_URL=a,b) with RAG_CONCURRENCY=4; the in-process run keeps the
model's lock. Same questions, same machine, one after the other: compare the two as a ratio. Figures are
printed and copied to /tmp/notesqa-load-<mode>.json. Slow: run it alone (`-m slow -k sixteen`).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import SERVER_KEY, LlamaServer, free_port, stop
from test_hardening_load import BUSY, QUESTIONS, ROOT, RssSampler, _final_message, _percentile

SESSIONS = 16
QUESTIONS_PER_SESSION = 5
REQUEST_TIMEOUT_S = 400  # queue wait included: 16 sessions on a shared 2-core machine


def _serve(env: dict, log_path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    with log_path.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "rag.cli", "serve", "--port", str(port)], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 300
    while "notesqa is running" not in log_path.read_text():
        assert proc.poll() is None, log_path.read_text()[-3000:]
        assert time.monotonic() < deadline, "the app did not start in time"
        time.sleep(0.5)
    return proc, f"http://127.0.0.1:{port}/"


def _load(url: str, pids: list[int]) -> dict:
    from gradio_client import Client

    api = Client(url, verbose=False).view_api(print_info=False, return_format="dict")
    endpoint = next(name for name in api["named_endpoints"] if "ask" in name)
    samplers = [RssSampler(pid) for pid in pids]
    for sampler in samplers:
        sampler.start()
    records, lock = [], threading.Lock()
    # every user opens the page first: clients connect one by one, before the clock starts (on a busy machine 16
    # connecting at once while answers are written timed out reading the page's API description)
    clients = [Client(url, verbose=False, httpx_kwargs={"timeout": 120}) for _ in range(SESSIONS)]

    def session(n: int) -> None:
        client = clients[n]
        for i in range(QUESTIONS_PER_SESSION):
            question = QUESTIONS[(n + i * 3) % len(QUESTIONS)]
            t0 = time.monotonic()
            record = {"session": n, "question": question}
            try:
                message = _final_message(client.submit(question, [], 4, False, api_name=endpoint).result(REQUEST_TIMEOUT_S))
                record["status"] = "error" if "nq-error" in message else "answered"
                record["detail"] = message[:200]
            except Exception as err:  # noqa: BLE001 - classified below
                text = f"{type(err).__name__}: {err}"
                record["status"] = "busy" if BUSY.search(text) else ("timeout" if "Timeout" in text else "failed")
                record["detail"] = text[:200]
            record["latency_s"] = round(time.monotonic() - t0, 3)
            with lock:
                records.append(record)

    load_before = os.getloadavg()
    wall0 = time.monotonic()
    with ThreadPoolExecutor(SESSIONS) as pool:
        list(pool.map(session, range(SESSIONS)))
    wall = time.monotonic() - wall0
    for sampler in samplers:
        sampler.stop.set()
        sampler.join(timeout=5)
    answered = [r["latency_s"] for r in records if r["status"] == "answered"]
    peaks = [round(max([rss for _, rss in s.samples] or [0]) / 2**20, 1) for s in samplers]
    return {
        "sessions": SESSIONS, "questions_per_session": QUESTIONS_PER_SESSION, "requests": len(records),
        "answered": len(answered), "busy": sum(r["status"] == "busy" for r in records),
        "failures": sum(r["status"] in ("failed", "timeout", "error") for r in records),
        "p50_latency_s": round(statistics.median(answered), 2) if answered else None,
        "p95_latency_s": round(_percentile(answered, 0.95), 2) if answered else None,
        "answers_per_s": round(len(answered) / wall, 3), "wall_s": round(wall, 1),
        "peak_rss_mb_app": peaks[0], "peak_rss_mb_model_servers": peaks[1:],
        "load_average_before": [round(x, 2) for x in load_before], "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "cpu_count": os.cpu_count(),
        "problems": [r for r in records if r["status"] not in ("answered", "busy")][:5],
    }


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.timeout(3000)
@pytest.mark.parametrize("mode", ["in-process", "remote"])
def test_sixteen_concurrent_sessions(mode, corpus_index, tmp_path):
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False",
               RAG_CORPUS=str(corpus_index.corpus), RAG_INDEX=str(corpus_index.index))
    servers = []
    if mode == "remote":
        servers = [LlamaServer(tmp_path).start(), LlamaServer(tmp_path).start()]
        env.update(RAG_LLM_URL=",".join(s.url for s in servers), RAG_LLM_MODEL="smollm2", RAG_LLM_API_KEY=SERVER_KEY,
                   RAG_CONCURRENCY="4")
    proc, url = _serve(env, tmp_path / "app.log")
    try:
        figures = _load(url, [proc.pid] + [s.proc.pid for s in servers])
        figures["mode"] = mode
        print(f"\nload figures ({mode}):", json.dumps(figures, indent=1))
        (tmp_path / "load.json").write_text(json.dumps(figures, indent=1))
        shutil.copy(tmp_path / "load.json", f"/tmp/notesqa-load-{mode}.json")
        assert proc.poll() is None, (tmp_path / "app.log").read_text()[-3000:]
        assert figures["requests"] == SESSIONS * QUESTIONS_PER_SESSION
        assert figures["failures"] == 0, figures["problems"]
        assert figures["answered"] + figures["busy"] == figures["requests"]
        assert figures["answered"] >= figures["requests"] // 2
        assert "Traceback" not in (tmp_path / "app.log").read_text()
    finally:
        stop(proc)
        for server in servers:
            server.kill()
