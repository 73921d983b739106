"""Issue 14's sentence-vector change alone: the same code and models answer the same questions from an index with the
evidence sentences' vectors stored and from one without them (the scorer then embeds them while the question
waits, as before). Questions alternate between the two; each side has its own llama.cpp instance, so neither
reads the other's prompt from its KV cache. Prints p50 first token and answer, and how many answers are the same.

    python benchmarks/sentence_vectors_ab.py [N]     # N answerable questions of evals/qa.jsonl (default 20)
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main(n: int = 20) -> dict:
    from rag.answer.evidence import sentence_texts
    from rag.config import Settings
    from rag.embed import Embedder
    from rag.evaluate import load_dataset
    from rag.models import load_generator
    from rag.pipeline import Pipeline
    from rag.store import build_index

    scratch = Path(tempfile.mkdtemp(prefix="notesqa-ab-"))
    embedder = Embedder().load()
    sides = {}
    for name, splitter in (("stored", sentence_texts), ("embedded", None)):
        settings = Settings.load(index=scratch / name)
        build_index(settings, embedder, progress=False, sentences=splitter)
        sides[name] = Pipeline(settings, embedder=embedder, generator=load_generator(settings)).answerer()
    questions = [item["question"] for item in load_dataset() if item.get("answerable")][:n]
    out = {name: {"first": [], "total": [], "answers": []} for name in sides}
    for answerer in sides.values():
        answerer.ask(questions[0])  # warm-up
    for i, question in enumerate(questions):
        for name in (list(sides) if i % 2 == 0 else list(sides)[::-1]):
            started, first, answer = time.perf_counter(), None, None
            for kind, value in sides[name].ask_stream(question):
                if kind == "token" and first is None:
                    first = time.perf_counter() - started
                elif kind == "answer":
                    answer = value
            total = time.perf_counter() - started
            out[name]["total"].append(total)
            out[name]["first"].append(first if first is not None else total)  # a refusal: its whole time
            out[name]["answers"].append((answer.answer, [(c.file, c.start_line, c.end_line) for c in answer.citations]))
    same = sum(a == b for a, b in zip(out["stored"]["answers"], out["embedded"]["answers"]))
    result = {name: {"first_token_p50_s": round(statistics.median(v["first"]), 3),
                     "answer_p50_s": round(statistics.median(v["total"]), 3)} for name, v in out.items()}
    result.update(same_answers=f"{same}/{len(questions)}", load_avg_end=[round(x, 2) for x in os.getloadavg()])
    return result


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20), indent=1))
