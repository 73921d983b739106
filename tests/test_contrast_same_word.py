"""The contrast check (rag.answer.gate.contrasted) takes "an oral lease" for a near miss on "a written lease"; a
word sharing only a stem with the asked head ("Berth Manager" beside "fuel management") is another word, a person,
no other kind of the asked thing (knob Policy.contrast_same_word). Invented marina notes, fake embedder and a model
that never answers."""

from __future__ import annotations

import dataclasses

from test_gate_near_misses import _ask

from rag.answer.kindword import word_before
from rag.answer.policy import DEFAULT

MARINA = {
    "marina.md": """# Marina office

## Duties and responsibilities
* **DOCK**
  * FUEL MANAGEMENT - _Dock Officer_
* **PONTOON MANAGEMENT**
  * PONTOON OPERATIONS - _Harbour Master, Berth Manager (BM)_
  * VISITOR BERTHS - _Berth Manager_
""",
}

QUESTION = "who is responsible for fuel management on the pontoon"


def test_word_before_reads_the_asked_word_only():
    assert word_before("BERTH OPERATIONS - Harbour Master, Berth Manager", "manag") == "berth"
    assert word_before("BERTH OPERATIONS - Harbour Master, Berth Manager", "manag", "management") is None
    assert word_before("an oral leases clause", "leas", "lease") == "oral"


def test_a_stem_shared_with_a_persons_title_is_no_contrast(tmp_path):
    answer = _ask(tmp_path, MARINA, QUESTION)
    assert not answer.refused, answer.reason
    assert "Dock Officer" in answer.answer
    off = dataclasses.replace(DEFAULT, contrast_same_word=False)
    assert "not 'fuel management'" in (_ask(tmp_path, MARINA, QUESTION, off).reason or "")
