"""What a faster first token would cost: the default GGUF (Q4_1) against a Q8_0 copy of it.

llama.cpp reads a prompt (the first token's wait) through matrix kernels that exist for Q4_0, Q8_0 and F16 on
AVX2 but not for Q4_1, the format of the packaged SmolLM2. This re-quantizes the packaged file to Q8_0 in a temp
folder (``llama_model_quantize``; the weights change slightly) and answers the same eval questions with both,
alternating, in one process each after a warm-up; it reports p50 first token and answer and how many answers
are the same.

    python benchmarks/model_format_ab.py [N]     # N answerable AWS questions (default 40); writes model-format-ab.json
"""

from __future__ import annotations

import ctypes
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WARM_UP = "What is the default visibility timeout?"


def requantize(source: Path, target: Path) -> None:
    import llama_cpp

    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = llama_cpp.LLAMA_FTYPE_MOSTLY_Q8_0
    params.allow_requantize = True  # the source is already quantized: Q4_1 -> Q8_0 keeps its values closely
    params.nthread = os.cpu_count() or 1
    if llama_cpp.llama_model_quantize(str(source).encode(), str(target).encode(), ctypes.byref(params)) != 0:
        raise SystemExit(f"could not re-quantize {source}")


def answer_all(settings, questions: list[str]) -> dict:
    from rag.pipeline import Pipeline

    pipeline = Pipeline(settings)
    firsts, totals, answers = [], [], []
    for i, question in enumerate([WARM_UP] + questions):
        started, first, answer = time.perf_counter(), None, None
        for kind, value in pipeline.ask_stream(question):
            if kind == "token" and first is None:
                first = time.perf_counter() - started
            elif kind == "answer":
                answer = value
        if i:  # the warm-up is not counted
            firsts.append(first)
            totals.append(time.perf_counter() - started)
            answers.append(answer.answer)
    return {"first_token_p50_s": round(statistics.median(f for f in firsts if f is not None), 3),
            "answer_p50_s": round(statistics.median(totals), 3), "answers": answers}


def main(n: int = 40) -> dict:
    from rag.config import Settings
    from rag.evaluate import load_dataset
    from rag.models.gguf import resolve_model
    from rag.pipeline import Pipeline

    questions = [item["question"] for item in load_dataset() if item.get("answerable")][:n]
    with tempfile.TemporaryDirectory(prefix="notesqa-format-") as scratch:
        base = Settings.load(corpus=ROOT / "corpus", index=Path(scratch) / "index")
        Pipeline(base).build(progress=False)
        q8 = Path(scratch) / "model-q8_0.gguf"
        requantize(resolve_model(base.model), q8)
        sides = {"q4_1": base, "q8_0": Settings.load(corpus=base.corpus, index=base.index, model=str(q8))}
        result = {"questions": n, "load_avg_start": [round(x, 2) for x in os.getloadavg()], "runs": []}
        for side in ("q4_1", "q8_0", "q4_1", "q8_0"):  # alternating: the machine's load falls on both
            got = answer_all(sides[side], questions)
            result["runs"].append({"side": side, **{k: v for k, v in got.items() if k != "answers"}})
            result.setdefault("answers", {})[side] = got["answers"]
        result["load_avg_end"] = [round(x, 2) for x in os.getloadavg()]
    same = sum(a == b for a, b in zip(result["answers"]["q4_1"], result["answers"]["q8_0"]))
    result["same_answers"] = f"{same}/{n}"
    (Path(__file__).parent / "model-format-ab.json").write_text(json.dumps(result, indent=1))
    print(json.dumps({k: v for k, v in result.items() if k != "answers"}, indent=1))
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
