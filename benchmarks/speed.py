"""The speed targets of issue 14, before and after, measured in one run: `python benchmarks/speed.py`.

Every figure is taken in fresh processes against two source trees: a baseline revision (``git archive`` of
``--baseline``, default the commit before this work) and the working tree, alternating baseline / current
in each round, so the machine's load (2 cores shared with others) falls on both alike. The load average is
recorded at the start and the end. ``probe NAME`` is the child side: it imports ``rag`` from ``PYTHONPATH``
(the tree under test) and prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "48ce90e"  # main before issue 14
EDIT_MARK = " (edited)"
TARGETS = {  # name -> (target, unit); the figures on this 2-core machine
    "help_s": (0.5, "s"),
    "noop_index_s": (2.0, "s"),
    "refresh_s": (1.0, "s"),
    "build_s": (10.0, "s"),
    "bulk_1mb_s": (60.0, "s"),
    "app_serving_s": (5.0, "s"),
    "app_first_answer_s": (None, "s"),
    "first_token_p50_s": (0.35, "s"),
    "answer_p50_s": (1.0, "s"),
    "build_peak_rss_mb": (None, "MB"),
    "app_peak_rss_mb": (None, "MB"),
}
QUESTIONS = 12


def log(message: str) -> None:
    print(f"[speed {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def load_avg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def median(values):
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


# -- child side: runs inside the tree under test -------------------------------------------------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _edit_one_line(path: Path) -> None:
    """Change one line in the middle of a note (the longest line of its middle third): an edit, not an append."""
    lines = path.read_text(encoding="utf-8").split("\n")
    third = len(lines) // 3
    middle = range(third, max(third + 1, 2 * third))
    target = max(middle, key=lambda i: (len(lines[i]), -i))
    lines[target] += EDIT_MARK
    path.write_text("\n".join(lines), encoding="utf-8")


def probe(name: str, work: Path) -> dict:
    from rag.config import Settings

    out: dict = {}
    if name in ("build", "refresh", "bulk"):
        from rag.embed import Embedder
        from rag.store import build_index

        embedder = Embedder()
        embedder.encode(["warm up"])  # the model is loaded before the clock starts (both trees)
        corpus = work / ("bulk" if name == "bulk" else "corpus")
        settings = Settings.load(corpus=corpus, index=work / f"index-{name}")
        if name in ("build", "bulk"):
            from rag.pipeline import Pipeline

            started = time.perf_counter()  # what `rag index --rebuild` does (the evidence sentences too, where stored)
            stats = Pipeline(settings, embedder=embedder).build(progress=False, rebuild=True)
            out.update(seconds=time.perf_counter() - started, chunks=stats.chunks, embedded=stats.embedded,
                       sentences_embedded=getattr(stats, "sentences_embedded", 0))
        else:
            from rag.pipeline import Pipeline
            from rag.store import Store

            prebuilt = work / "index-noop"  # an up-to-date index of corpus/, when the run made one
            if prebuilt.exists() and not settings.index.exists():
                shutil.copytree(prebuilt, settings.index)
            else:
                build_index(settings, embedder, progress=False, rebuild=True)
            pipeline = Pipeline(settings, embedder=embedder)
            pipeline.retriever(progress=False)
            files = Store.load(settings.index, settings, embedder.id).manifest["files"]
            by_size = sorted(files, key=lambda f: (files[f]["chunks"], f))
            note = by_size[len(by_size) // 2]  # the median note by chunk count
            _edit_one_line(corpus / note)
            started = time.perf_counter()
            stats = pipeline.build(progress=False)
            pipeline.retriever(progress=False)  # what the UI's Refresh does next: reload the index and BM25
            out.update(seconds=time.perf_counter() - started, note=note, note_chunks=files[note]["chunks"],
                       embedded=stats.embedded)
    elif name == "answer":
        from rag.pipeline import Pipeline

        pipeline = Pipeline(Settings.load(index=work / "index-answer", corpus=work / "corpus"))
        pipeline.answerer()
        questions = json.loads((work / "questions.json").read_text())
        firsts, totals, answers = [], [], []
        for i, question in enumerate(["What is the default visibility timeout?"] + questions):
            started = time.perf_counter()
            first, answer = None, None
            for kind, value in pipeline.ask_stream(question):
                if kind == "token" and first is None:
                    first = time.perf_counter() - started
                elif kind == "answer":
                    answer = value
            if i == 0:
                continue  # warm-up
            firsts.append(first)
            totals.append(time.perf_counter() - started)
            answers.append(answer.answer)
        out.update(first_token_s=firsts, total_s=totals, answers=answers)
    else:
        raise SystemExit(f"unknown probe {name}")
    out["peak_rss_mb"] = round(_peak_mb(), 1)
    return out


# -- parent side -------------------------------------------------------------------------------------------


def export_tree(rev: str, dest: Path) -> Path:
    """The files of ``rev`` (no .git) in ``dest``, with the working tree's corpus (identical bytes)."""
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def _env(tree: Path, **extra) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
               GRADIO_ANALYTICS_ENABLED="False", TOKENIZERS_PARALLELISM="false")
    for name in list(env):
        if name.startswith("RAG_"):
            del env[name]
    env.update({k: str(v) for k, v in extra.items()})
    return env


def run_probe(tree: Path, name: str, work: Path, timeout: float = 900) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "probe", name, "--work", str(work)]
    done = subprocess.run(cmd, cwd=tree, env=_env(tree), capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"probe {name} in {tree} failed: {done.stderr[-1500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def timed_cli(tree: Path, args: list[str], work: Path) -> float:
    env = _env(tree, RAG_CORPUS=work / "corpus", RAG_INDEX=work / "index-noop")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "rag.cli", *args], cwd=tree, env=env, capture_output=True, text=True,
                          timeout=600)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"rag {' '.join(args)} failed in {tree}: {done.stderr[-800:]}")
    return seconds


def app_start(tree: Path, work: Path, question: str) -> dict:
    """``python app.py`` (or ``-m rag.web`` where the UI moved) until GET / answers, then one question."""
    import urllib.request

    import psutil
    from gradio_client import Client

    sock = __import__("socket").socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    env = _env(tree, RAG_CORPUS=work / "corpus", RAG_INDEX=work / f"index-app-{tree.name}", RAG_PORT=port)
    entry = [sys.executable, "app.py"] if (tree / "app.py").exists() else [sys.executable, "-m", "rag.web"]
    logfile = (work / f"app-{tree.name}.log").open("w")
    started = time.perf_counter()
    proc = subprocess.Popen(entry, cwd=tree, env=env, stdout=logfile, stderr=subprocess.STDOUT)
    out: dict = {}
    peak = 0.0
    try:
        def sample() -> float:
            total = 0.0
            try:
                me = psutil.Process(proc.pid)
                total = me.memory_info().rss + sum(c.memory_info().rss for c in me.children(recursive=True))
            except psutil.Error:
                pass
            return total / 2**20

        while True:
            peak = max(peak, sample())
            if proc.poll() is not None:
                raise RuntimeError(f"app exited with {proc.returncode}; see {logfile.name}")
            if time.perf_counter() - started > 240:
                raise TimeoutError("app not serving after 240 s")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                time.sleep(0.05)
        out["app_serving_s"] = time.perf_counter() - started
        import threading

        stop = threading.Event()
        peaks = [peak]

        def sampler():
            while not stop.is_set():
                peaks.append(sample())
                stop.wait(0.05)

        thread = threading.Thread(target=sampler, daemon=True)
        thread.start()
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        params = client.view_api(return_format="dict", print_info=False)["named_endpoints"]["/ask"]["parameters"]
        args = []
        for param in params:  # by name, so a reshuffled UI still gets its question
            name = param.get("parameter_name") or param.get("label", "")
            if "question" in name or name in ("message", "value"):
                args.append(question)
            elif "chat" in name or "history" in name:
                args.append([])
            elif name == "k":
                args.append(4)
            elif param.get("parameter_has_default"):
                args.append(param.get("parameter_default"))
            else:
                args.append(False)
        client.predict(*args, api_name="/ask")
        out["app_first_answer_s"] = time.perf_counter() - started
        stop.set()
        thread.join(2)
        out["app_peak_rss_mb"] = round(max(peaks), 1)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        logfile.close()
    return out


def make_bulk_notes(dest: Path, target_bytes: int = 1_000_000, seed: int = 7) -> int:
    """About ``target_bytes`` of new markdown notes: headings and bullets of words drawn from the corpus'
    vocabulary (Zipf-weighted), so no chunk repeats one already indexed. Returns the bytes written."""
    import re
    from collections import Counter

    counts = Counter(w.lower() for p in (ROOT / "corpus").glob("*") for w in re.findall(r"[A-Za-z][A-Za-z0-9-]{1,}",
                                                                                        p.read_text(errors="ignore")))
    vocab = [w for w, _ in counts.most_common()]
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    rng = random.Random(seed)
    dest.mkdir(parents=True, exist_ok=True)
    written, n = 0, 0
    while written < target_bytes:
        parts = [f"# Note {n}\n"]
        for s in range(8):
            parts.append(f"\n## {' '.join(rng.choices(vocab, weights, k=3)).title()}\n")
            for _ in range(rng.randint(4, 9)):
                parts.append("- " + " ".join(rng.choices(vocab, weights, k=rng.randint(8, 24))).capitalize() + ".\n")
        text = "".join(parts)
        (dest / f"note-{n:03d}.md").write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
        n += 1
    return written


def compare(baseline: str = BASELINE, rounds: int = 2, only: set[str] | None = None, questions: int = QUESTIONS,
            keep: Path | None = None) -> dict:
    """Before/after figures for every target, interleaved baseline/current in each round."""
    want = only or {"help", "noop", "build", "refresh", "bulk", "answer", "app"}
    scratch = Path(tempfile.mkdtemp(prefix="notesqa-speed-"))
    result: dict = {"baseline": baseline, "rounds": rounds, "load_avg_start": load_avg(),
                    "before": {}, "after": {}, "samples": {"before": {}, "after": {}}}
    try:
        trees = {"before": export_tree(baseline, scratch / "before"), "after": ROOT}
        works = {}
        shutil.copytree(ROOT / "corpus", scratch / "corpus")
        for side in trees:  # one notes folder for both: an index answers only for the folder it was built from
            work = scratch / f"work-{side}"
            work.mkdir()
            (work / "corpus").symlink_to(scratch / "corpus")
            works[side] = work
        if "bulk" in want:
            size = make_bulk_notes(scratch / "bulk")
            result["bulk_bytes"] = size
            for work in works.values():
                shutil.copytree(scratch / "bulk", work / "bulk")
        from rag.evaluate import load_dataset  # the working tree's eval set for both sides

        qs = [item["question"] for item in load_dataset() if item.get("answerable")][:questions]
        for work in works.values():
            (work / "questions.json").write_text(json.dumps(qs))

        def record(side: str, key: str, value) -> None:
            result["samples"][side].setdefault(key, []).append(value)

        # indexes for the CLI, answer and app figures: built once per side by that side's code (the index
        # format may differ between them), untimed, then copied for each use
        if want & {"noop", "refresh", "answer", "app"}:
            for side, tree in trees.items():
                built = scratch / f"index-{side}"
                env = _env(tree, RAG_CORPUS=works[side] / "corpus", RAG_INDEX=built)
                subprocess.run([sys.executable, "-m", "rag.cli", "index", "--quiet"], cwd=tree, env=env, check=True,
                               capture_output=True, timeout=1800)
                for name in ("index-noop", "index-answer", f"index-app-{tree.name}"):
                    shutil.copytree(built, works[side] / name)
        for r in range(rounds):
            for side in (("before", "after") if r % 2 == 0 else ("after", "before")):
                tree, work = trees[side], works[side]
                log(f"round {r + 1}/{rounds}: {side}")
                if "help" in want:
                    for _ in range(3):
                        record(side, "help_s", timed_cli(tree, ["--help"], work))
                if "noop" in want:
                    for _ in range(3):
                        record(side, "noop_index_s", timed_cli(tree, ["index", "--quiet"], work))
                if "build" in want:
                    got = run_probe(tree, "build", work)
                    record(side, "build_s", got["seconds"])
                    record(side, "build_peak_rss_mb", got["peak_rss_mb"])
                    result.setdefault("chunks", got["chunks"])
                if "refresh" in want:
                    shutil.rmtree(work / "index-refresh", ignore_errors=True)
                    got = run_probe(tree, "refresh", work)
                    for note in (ROOT / "corpus").iterdir():  # undo the edit
                        shutil.copy2(note, scratch / "corpus" / note.name)
                    record(side, "refresh_s", got["seconds"])
                    record(side, "refresh_embedded", got["embedded"])
                    result.setdefault("refresh_note", f"{got['note']} ({got['note_chunks']} chunks)")
                if "bulk" in want and r == 0:  # ~1-2 minutes a side: once
                    got = run_probe(tree, "bulk", work, timeout=1800)
                    record(side, "bulk_1mb_s", got["seconds"])
                    record(side, "bulk_chunks", got["chunks"])
                if "answer" in want:
                    got = run_probe(tree, "answer", work)
                    record(side, "first_token_p50_s", median(got["first_token_s"]))
                    record(side, "answer_p50_s", median(got["total_s"]))
                    result.setdefault("answers", {})[side] = got["answers"]
                if "app" in want:
                    got = app_start(tree, work, "What is the default visibility timeout?")
                    for key, value in got.items():
                        record(side, key, value)
        for side in ("before", "after"):
            result[side] = {k: round(median(v), 3) for k, v in result["samples"][side].items()}
        if "answers" in result:
            a, b = result["answers"].get("before"), result["answers"].get("after")
            result["same_answers"] = f"{sum(x == y for x, y in zip(a, b))}/{len(a)}" if a and b else None
    finally:
        result["load_avg_end"] = load_avg()
        if keep:
            shutil.copytree(scratch, keep, dirs_exist_ok=True, ignore=shutil.ignore_patterns("before"))
        shutil.rmtree(scratch, ignore_errors=True)
    return result


def table(result: dict) -> str:
    lines = [f"load average {result['load_avg_start']} -> {result['load_avg_end']}; baseline {result['baseline']}, "
             f"{result['rounds']} interleaved round(s); medians",
             "| target | figure | before | after | after / before |", "| --- | --- | ---: | ---: | ---: |"]
    for key, (target, unit) in TARGETS.items():
        b, a = result["before"].get(key), result["after"].get(key)
        if a is None and b is None:
            continue
        ratio = f"{a / b:.2f}x" if a is not None and b else ""
        goal = f"<= {target} {unit}" if target is not None else ("no higher" if "rss" in key else "")
        met = "" if target is None or a is None else (" (met)" if a <= target else " (not met)")
        lines.append(f"| {goal}{met} | {key} | {b} {unit} | {a} {unit} | {ratio} |")
    if result.get("same_answers"):
        lines.append(f"\nsame answers before/after: {result['same_answers']}")
    if result.get("refresh_note"):
        lines.append(f"refresh: one line edited in {result['refresh_note']}; embedded before/after: "
                     f"{result['samples']['before'].get('refresh_embedded')} / {result['samples']['after'].get('refresh_embedded')}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd")
    p = sub.add_parser("probe")
    p.add_argument("name")
    p.add_argument("--work", type=Path, required=True)
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--only", help="comma-separated: help,noop,build,refresh,bulk,answer,app")
    parser.add_argument("--questions", type=int, default=QUESTIONS)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "speed.json")
    args = parser.parse_args(argv)
    if args.cmd == "probe":
        import logging
        import warnings

        warnings.filterwarnings("ignore")
        logging.disable(logging.WARNING)
        print(json.dumps(probe(args.name, args.work)))
        return 0
    only = {s.strip() for s in args.only.split(",")} if args.only else None
    result = compare(args.baseline, args.rounds, only, args.questions)
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    print(table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
