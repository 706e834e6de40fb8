"""The Gherkin suite jurists review (features/**, Arabic and French), run by pytest-bdd.

Every scenario of every ``.feature`` file under features/ becomes a test here; the step
definitions, shared by both languages, are in tests/bdd_steps.py. The last test re-runs this
module in a child pytest and reads its Cucumber JSON report, so that a suite where pytest-bdd
silently collected nothing (a renamed keyword, a file without ``# language:``, a misplaced
directory) fails instead of passing with zero scenarios.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_bdd import scenarios

from .bdd_steps import *  # noqa: F403  (step definitions are fixtures: they must be in this module)
from .bdd_steps import GLOSSARY

ROOT = Path(__file__).resolve().parent.parent
FEATURES = ROOT / "features"

scenarios("ma", "dz", "fr", "tn")


def _feature_files() -> list[Path]:
    return sorted(FEATURES.rglob("*.feature"))


def test_every_feature_has_its_translation() -> None:
    """Each ``X.ar.feature`` has an ``X.fr.feature`` with as many scenarios (and the converse)."""
    files = _feature_files()
    assert files, f"no feature file under {FEATURES}"
    for path in files:
        m = re.fullmatch(r"(.+)_(\d{4}-\d{2}-\d{2})\.(ar|fr)\.feature", path.name)
        assert m, f"{path.name}: name it <instrument>_<YYYY-MM-DD>.<ar|fr>.feature"
        other = path.with_name(f"{m[1]}_{m[2]}.{'fr' if m[3] == 'ar' else 'ar'}.feature")
        assert other.exists(), f"{path.name} has no translation {other.name}"
        text = path.read_text(encoding="utf-8")
        assert text.startswith(f"# language: {m[3]}\n"), f"{path.name}: first line must be '# language: {m[3]}'"
        assert m[2] in text, f"{path.name}: the Background must read the law at {m[2]}"
        keyword = {"ar": r"^\s*سيناريو( مخطط)?:", "fr": r"^\s*(Scénario|Plan du scénario):"}
        count = len(re.findall(keyword[m[3]], text, re.M))
        other_lang = "fr" if m[3] == "ar" else "ar"
        other_count = len(re.findall(keyword[other_lang], other.read_text(encoding="utf-8"), re.M))
        assert count == other_count, f"{path.name}: {count} scenarios, {other.name}: {other_count}"


def test_glossary_matches_step_tables() -> None:
    """features/README.md lists every legal word the steps understand, with its contract word."""
    readme = (FEATURES / "README.md").read_text(encoding="utf-8")
    rows = set()
    for line in readme.splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) == 4:
            rows.add(tuple(cells))
    for table, langs in GLOSSARY.items():
        for lang, words in langs.items():
            for legal, contract in words.items():
                column = 0 if lang == "ar" else 1
                assert any(r[column] == legal and r[3] == contract for r in rows), (
                    f"features/README.md: the {table} word «{legal}» ({lang}) → {contract} is not in the glossary")


def test_both_languages_collected_and_passed(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """Run this module's scenarios in a child pytest; read which feature files ran and passed."""
    if os.environ.get("COOPCHECK_BDD_CHILD"):
        pytest.skip("inside the child run")
    report = tmp_path / "cucumber.json"
    args = [sys.executable, "-m", "pytest", str(Path(__file__)), "-q", "-p", "no:cacheprovider",
            "-k", "not test_both_languages_collected_and_passed", f"--cucumberjson={report}",
            "--rootdir", str(ROOT), "-c", str(ROOT / "pyproject.toml")]
    # The child reads the same configuration; pass on markers given on this run's command line.
    args += ["-o", "markers=" + "\n".join(request.config.getini("markers"))]
    env = dict(os.environ, COOPCHECK_BDD_CHILD="1")
    run = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, f"the scenarios do not all pass:\n{run.stdout[-4000:]}\n{run.stderr[-2000:]}"
    results = json.loads(report.read_text(encoding="utf-8"))
    ran: dict[str, dict[str, int]] = {"ar": {}, "fr": {}}
    for feature in results:
        lang = feature["uri"].rsplit(".", 2)[-2]
        assert lang in ran, f"{feature['uri']}: not a .ar.feature or .fr.feature file"
        passed = sum(1 for s in feature["elements"]
                     if s["steps"] and all(st["result"]["status"] == "passed" for st in s["steps"]))
        ran[lang][feature["uri"]] = passed
    for lang in ("ar", "fr"):
        assert sum(ran[lang].values()) > 0, f"no {lang} scenario ran and passed: {ran}"
    files = {p.name for p in _feature_files()}
    seen = {Path(uri).name for per_lang in ran.values() for uri in per_lang}
    assert files == seen, f"feature files that did not run: {sorted(files - seen)}"
    assert all(n > 0 for per_lang in ran.values() for n in per_lang.values()), ran
    assert sum(ran["ar"].values()) == sum(ran["fr"].values()), f"ar and fr scenario counts differ: {ran}"
