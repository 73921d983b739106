"""A setting written in a code block ("restartPolicy: unless-stopped", "proofMinutes = 45") answers the "what"/"which"
question naming its key, though a prose line nearby shares more of the question's words (rag.answer.keys).
Of several lines setting the key, the one under the thing asked about ("rye:") ranks first. Invented home-lab, bakery and sailing notes."""

from __future__ import annotations

from test_compose import _ask_notes, _grounded

from rag.answer.keys import asked_thing, bare_key, key_words, line_setting, named, setting_key
from rag.answer.units import units_of
from rag.chunk import Chunk

HOMELAB = {
    "homelab.md": """# Home server

## Web service
The web service runs behind the reverse proxy and is restarted by the host when it crashes, so a web restart
policy question comes up whenever the proxy restarts the web service.

```yaml
web:
  image: caddy:2
  restartPolicy: unless-stopped
```

## Containers
The backup container mounts the nas share over NFS each night, and the backup container volumes fill up fast.

```yaml
services:
  proxy:
    image: caddy:2
    ports:
      - "443:443"
  backup:
    image: restic:0.16
    restartPolicy: on-failure
    volumes:
      - /srv/photos
      - /srv/documents
    environment:
      RETENTION: 30d
  dns:
    image: unbound:1.19
```
""",
}

BAKERY = {
    "bread.md": """# Bakery timings

The oven temperature for rye depends on the crust you want, and rye bakes hotter than wheat at the start.

```yaml
wheat:
  proofMinutes: 60
  ovenTemp: 220
  steam: yes
rye:
  proofMinutes: 45
  ovenTemp: 250
  steam: no
spelt:
  proofMinutes: 50
  ovenTemp: 230
  steam: yes
```
""",
}


def _chunk(text: str) -> Chunk:
    lines = text.split("\n")
    return Chunk(id=0, file="boat.md", start_line=1, end_line=len(lines), heading="Boat", text=text, hash="h",
                 line_numbers=list(range(1, len(lines) + 1)))


def test_a_code_line_setting_a_key_is_read_as_that_key():
    assert setting_key("  restartPolicy: unless-stopped") == "restartPolicy"
    assert setting_key("proofMinutes = 45") == "proofMinutes"
    assert setting_key("- name: jib") == "name"
    assert setting_key("reefPoints:") == "reefPoints"
    # a command, a comment, an address and a bare value set nothing
    for line in ("rsync -av /srv /nas", "# keep three copies", "see http://example.org", "- /srv/site"):
        assert setting_key(line) == "", line
    assert bare_key("  volumes:") == "volumes" and bare_key("image: caddy:2") == ""
    assert line_setting("    - /srv/site", "  volumes:") == "volumes"
    assert key_words("restartPolicy") == ["restart", "polici"] and key_words("max_wind_knots")[:2] == ["max", "wind"]


def test_the_words_a_what_question_asks_for_are_those_right_after_it():
    assert asked_thing("what restart policy does the web service use") == ["restart", "policy"]
    assert asked_thing("what's the proofMinutes for rye") == ["proofminutes"]
    assert asked_thing("how do I restart the web service") == []
    assert named(["restart", "policy"], "restartPolicy") == 2
    assert named(["restartpolicy"], "restartPolicy") == 2
    assert named(["restart", "policy"], "restart") == 1  # names part of what is asked: a weaker match
    assert named(["restart", "policy"], "image") == 0


def test_a_value_under_a_bare_key_is_read_as_setting_it():
    text = "```yaml\nsails:\n  jib:\n    reefPoints:\n      - second batten\n```"
    settings = {u.quote.strip(): u.setting for u in units_of(_chunk(text))}
    assert settings.get("second batten") == "reefPoints", settings
    # outside a code block a "key: value" line is prose, and sets nothing
    assert all(u.setting == "" for u in units_of(_chunk("Reef points: 2 on the main sail")))


def test_a_question_naming_a_key_is_answered_by_the_line_setting_it(tmp_path):
    answer = _ask_notes(tmp_path, HOMELAB, "what restart policy does the web service use")
    assert not answer.refused
    assert "unless-stopped" in answer.answer, answer.answer
    assert answer.citations[0].quote.strip().startswith("restartPolicy"), answer.citations
    _grounded(answer, HOMELAB)


def test_a_list_question_naming_a_bare_key_quotes_its_values(tmp_path):
    answer = _ask_notes(tmp_path, HOMELAB, "which volumes does the backup container mount")
    assert "/srv/photos" in answer.answer and "/srv/documents" in answer.answer, answer.answer
    _grounded(answer, HOMELAB)


def test_a_key_written_as_one_word_in_the_question(tmp_path):
    answer = _ask_notes(tmp_path, BAKERY, "what ovenTemp does the rye bake at")
    assert answer.citations and answer.citations[0].quote.strip() == "ovenTemp: 250", answer.answer
    _grounded(answer, BAKERY)
