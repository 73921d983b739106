"""Hybrid retrieval: fast checks with the fake embedder, and a hit-rate check on the real notes."""

from __future__ import annotations

import pytest

from rag.retrieve import BM25, RRF_K, Hit


def test_retrieve_returns_ranked_hits(small_retriever):
    hits = small_retriever.retrieve("What is the default visibility timeout of SQS?", k=3)
    assert len(hits) == 3
    assert all(isinstance(h, Hit) for h in hits)
    assert [h.rank for h in hits] == [1, 2, 3]
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert hits[0].chunk.file == "sqs.md" and "30 seconds" in hits[0].chunk.text
    assert hits[0].score <= 2 / (RRF_K + 1) + 1e-9  # at best first in both rankings
    assert -1.0 <= hits[0].dense <= 1.0 and hits[0].lexical > 0


def test_k_is_capped_by_the_number_of_chunks(small_retriever):
    n = len(small_retriever.store.chunks)
    hits = small_retriever.retrieve("lambda memory", k=50)
    assert len(hits) == n
    assert len({h.chunk.id for h in hits}) == n


def test_blank_question_returns_nothing(small_retriever):
    assert small_retriever.retrieve("   ", k=3) == []


def test_lexical_match_finds_rare_term(small_retriever):
    hits = small_retriever.retrieve("ChangeMessageVisibility", k=1)
    assert "ChangeMessageVisibility" in hits[0].chunk.text


def test_bm25_uses_stems_and_skips_unknown_words():
    bm25 = BM25(["queues hold messages", "buckets hold objects", "functions run code"])
    ranked = bm25.search("which queue holds a message", k=3)
    assert ranked[0][0] == 0 and ranked[0][1] > 0
    assert all(score > 0 for _, score in ranked)
    assert bm25.search("zebra giraffe", k=3) == []


def test_idf_weights_rare_terms_higher(small_retriever):
    idf = small_retriever.idf
    assert idf["glacier"] > idf["lambda"]


# -- the real notes with the real embedder ---------------------------------------------------------

# (question written in other words than the note, file that answers it, text the chunk must hold)
QUESTIONS = [
    ("How long does a message stay hidden from other consumers after it is polled from an SQS queue?",
     "002_7fb0504609d8a022.txt", "30 seconds"),
    ("Which proxy does App Mesh inject next to each microservice?", "000_589cdc5781c49bfb.txt", "Envoy"),
    ("What is the largest amount of memory I can give a Lambda function?", "002_7fb0504609d8a022.txt", "10240"),
    ("How many health checkers does Route 53 use to check an endpoint?",
     "002_7fb0504609d8a022.txt", "15 global health checkers"),
    ("Which S3 storage tiers are there?", "004_8e372f65d56d4820.txt", "Intelligent-Tiering"),
    ("What is an IAM role?", "004_8e372f65d56d4820.txt", "Temporary permissions"),
    ("What do VPC flow logs record?", "002_7fb0504609d8a022.txt", "IP traffic"),
    ("How does DynamoDB work out the read capacity units a request consumes?",
     "002_7fb0504609d8a022.txt", "read capacity units"),
    ("Can I remove records from a Kinesis data stream once written?",
     "002_7fb0504609d8a022.txt", "deleted from Kinesis"),
    ("Where does CloudFront Functions code run and what can it modify?", "002_7fb0504609d8a022.txt", "viewer"),
    ("What is DynamoDB Streams used for?", "000_589cdc5781c49bfb.txt", "change data capture"),
    ("What causes a Lambda cold start?", "001_2ab54867701c3e12.txt", "idle"),
]


@pytest.mark.model
def test_real_corpus_hits_in_top5(corpus_retriever):
    ranks = []
    for question, file, text in QUESTIONS:
        hits = corpus_retriever.retrieve(question, k=5)
        assert len(hits) == 5
        rank = next((h.rank for h in hits if h.chunk.file == file and text.lower() in h.chunk.text.lower()), None)
        ranks.append((rank, question))
    print("\nretrieval hit ranks (top 5):")
    for rank, question in ranks:
        print(f"  {rank or '-'}  {question}")
    found = [r for r, _ in ranks if r]
    print(f"  hit@5 {len(found)}/{len(ranks)}, hit@1 {found.count(1)}/{len(ranks)}, MRR {sum(1 / r for r in found) / len(ranks):.2f}")
    missed = [q for r, q in ranks if r is None]
    assert not missed, f"not in the top 5: {missed}"


@pytest.mark.model
def test_real_index_has_no_secret_and_all_notes(corpus_index, corpus_retriever):
    from conftest import CORPUS

    line = (CORPUS / "003_7357156ceb9514df.txt").read_text(encoding="utf-8").split("\n")[38]
    secret = line.rsplit(":", 1)[1].strip()
    assert secret
    chunks = corpus_retriever.store.chunks
    assert 400 <= len(chunks) <= 520
    assert {c.file for c in chunks} == {p.name for p in CORPUS.glob("*.txt")}
    assert not [c for c in chunks if secret in c.text]
    assert corpus_retriever.store.manifest["embedder"] == "sentence-transformers/all-MiniLM-L6-v2"
    hits = corpus_retriever.retrieve("mysql password for the RDS database", k=5)
    assert all(secret not in h.chunk.text for h in hits)


@pytest.mark.model
def test_real_embedder_vectors_are_unit_length(real_embedder):
    import numpy as np

    vectors = real_embedder.encode(["SQS visibility timeout", "Lambda memory"])
    assert vectors.shape == (2, real_embedder.dim) == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    query = real_embedder.encode_query("SQS visibility timeout")
    assert real_embedder.encode_query("SQS visibility timeout") is query  # cached
    assert float(query @ vectors[0]) > float(query @ vectors[1])
