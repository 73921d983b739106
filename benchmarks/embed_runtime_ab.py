"""Does MiniLM on onnxruntime change any answer? Each eval set is indexed once per runtime, and every question's
prompt to the model, refusal and nearest notes are compared (same prompt => same greedy answer). No LLM runs.

    python benchmarks/embed_runtime_ab.py            # prints one JSON object per set, writes embed-runtime-ab.json
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {"aws": (ROOT / "corpus", ROOT / "evals" / "qa.jsonl"),
        "govnotes": (ROOT / "evals" / "govnotes" / "notes", ROOT / "evals" / "govnotes" / "qa.jsonl")}
COLD = ("import time; t = time.perf_counter(); from pathlib import Path; from rag.embed import Embedder; "
        "Embedder({runtime!r}, Path({cache!r})).encode_query('how long is the default timeout?'); "
        "print(time.perf_counter() - t)")


class Recorder:
    """A model that records the prompt it is given and writes nothing (the rag.models.Generator protocol)."""

    name = "recorder"
    n_ctx = 2048

    def __init__(self):
        self.prompts: list[str] = []

    def prompt_tokens(self, system: str, user: str) -> int:
        from rag.tokens import count_tokens

        return count_tokens(system) + count_tokens(user) + 32

    def stream(self, system, user, max_tokens=None, stats=None):
        self.prompts.append(user)
        return iter(())


def main() -> int:
    from rag.config import Settings
    from rag.embed import Embedder
    from rag.evaluate import load_dataset
    from rag.pipeline import Pipeline

    result = {}
    with tempfile.TemporaryDirectory(prefix="notesqa-runtime-ab-") as scratch:
        cache = Path(scratch) / "models"
        for runtime in ("torch", "onnx"):  # the load time of a new process, after a first load made any export
            code = COLD.format(runtime=runtime, cache=str(cache))
            subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=ROOT)
            done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT)
            result[f"{runtime}_cold_query_s"] = round(float(done.stdout.strip().splitlines()[-1]), 2)
        for name, (corpus, dataset) in SETS.items():
            questions = [item["question"] for item in load_dataset(dataset)]
            seen = {}
            for runtime in ("torch", "onnx"):
                recorder = Recorder()
                settings = Settings.load(corpus=corpus, index=Path(scratch) / f"{name}-{runtime}")
                pipeline = Pipeline(settings, embedder=Embedder(runtime, cache), generator=recorder)
                started = time.perf_counter()
                pipeline.build(progress=False, rebuild=True)
                built = time.perf_counter() - started
                rows = []
                for question in questions:
                    recorder.prompts.clear()
                    answer = pipeline.ask(question)
                    rows.append((recorder.prompts[-1] if recorder.prompts else None, answer.refused,
                                 [(n["file"], n["start_line"]) for n in answer.nearest]))
                seen[runtime] = rows
                result[f"{name}_{runtime}_build_s"] = round(built, 1)
            pairs = list(zip(seen["torch"], seen["onnx"]))
            result[name] = {"questions": len(pairs), "same_prompt": sum(a[0] == b[0] for a, b in pairs),
                            "same_refusal_and_nearest": sum(a[1:] == b[1:] for a, b in pairs)}
            print(name, json.dumps(result[name]), flush=True)
    (Path(__file__).parent / "embed-runtime-ab.json").write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
