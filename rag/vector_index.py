"""Which FAISS index holds the chunk vectors, by their number: exact search, HNSW or IVF; and reading one back."""

from __future__ import annotations

from pathlib import Path

import numpy as np

# Which FAISS index a build makes, by number of vectors (measured on 2 cores, benchmarks/README.md "Crossover"):
# exact search below HNSW_MIN_VECTORS (its p95 passed 10 ms at 66k-220k vectors, by the machine's load), HNSW
# up to IVF_MIN_VECTORS (where an HNSW build passes a minute; every refresh rebuilds the index), IVF above
# (1M vectors: IVF built in 10-36 s, HNSW in ~7 min).
HNSW_MIN_VECTORS = 100_000
IVF_MIN_VECTORS = 150_000
HNSW_EF_SEARCH = 128  # not saved by faiss.write_index: set again on every load


def index_kind(n: int) -> str:
    """The FAISS index type for ``n`` vectors: "flat" (exact), "hnsw" or "ivf"."""
    if n >= IVF_MIN_VECTORS:
        return "ivf"
    return "hnsw" if n >= HNSW_MIN_VECTORS else "flat"


def ivf_nlist(n: int) -> int:
    """IVF list count: the power of two nearest sqrt(n), with at least 39 training points per list."""
    nlist = 2 ** round(np.log2(max(np.sqrt(max(n, 1)), 1)))
    while nlist > 1 and nlist * 39 > n:
        nlist //= 2
    return nlist


def ivf_nprobe(nlist: int) -> int:
    """Lists an IVF query visits: 2 sqrt(nlist) (recall@10 0.97-0.99 at 10k-1M vectors, benchmarks/README.md)."""
    return max(1, min(nlist, round(2 * np.sqrt(nlist))))


def make_faiss_index(vectors: np.ndarray, kind: str | None = None):
    """Exact inner-product search for small sets, HNSW from ``HNSW_MIN_VECTORS``, IVF from ``IVF_MIN_VECTORS``."""
    import faiss

    dim = vectors.shape[1]
    kind = kind or index_kind(len(vectors))
    if kind == "hnsw":
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = HNSW_EF_SEARCH
    elif kind == "ivf":
        nlist = ivf_nlist(len(vectors))
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
        index.cp.niter = 10  # k-means rounds (faiss: 25); training time grows with them, recall met the target
        sample = min(len(vectors), 64 * nlist)
        rows = np.sort(np.random.default_rng(0).choice(len(vectors), sample, replace=False))
        index.train(np.ascontiguousarray(vectors[rows]))
        index.nprobe = ivf_nprobe(nlist)
    elif kind == "flat":
        index = faiss.IndexFlatIP(dim)
    else:
        raise ValueError(f"unknown FAISS index kind {kind!r}")
    if len(vectors):
        index.add(vectors)
    return index


def read_faiss_index(path: Path):
    """Read a saved index into memory, with the search settings that faiss does not save.

    Not memory-mapped: searched through the mapping, a 1M-vector IVF index answered in p50 7-10 ms against
    4-5 ms from memory, p95 up to 3x (benchmarks/README.md). It costs RSS the size of vectors.npy (still mapped).
    """
    import faiss

    index = faiss.read_index(str(path))
    if hasattr(index, "hnsw"):
        index.hnsw.efSearch = HNSW_EF_SEARCH  # faiss.write_index drops it: a loaded index would search with 16
    return index
