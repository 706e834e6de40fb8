"""``coopcheck rules coverage``: the matrix is complete today, and it notices when it is not.

Each negative test copies features/ (or rules/) to a temporary folder, breaks one thing a jurist
or a rule author could break, and checks the command names that gap and exits 1.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from coopcheck.cli import main
from coopcheck.coverage import article_tag, read_scenarios
from coopcheck.rulebook import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
FEATURES = ROOT / "features"
RULE = "MA-112-14-137-grouping-foreign-state"
FR_FILE = "ma/ol-112-14_2018-04-25.fr.feature"


def _coverage(*args: str) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(main, ["rules", "coverage", "--format", "json", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture
def features(tmp_path: Path) -> Path:
    copy = tmp_path / "features"
    shutil.copytree(FEATURES, copy)
    return copy


def _remove_scenario(features: Path, rel: str, claim: str) -> None:
    """Delete the first scenario of ``rel`` tagged ``@{claim}-{RULE}``: its tag line to the line
    before the next scenario's tags (or the next comment)."""
    path = features / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    scenario = next(s for s in read_scenarios(features) if s.path == rel and RULE in getattr(s, claim))
    start = scenario.line - 2                      # the tag line above «Scénario:»
    end = scenario.line
    while end < len(lines) and not lines[end].lstrip().startswith(("@", "#")):
        end += 1
    del lines[start:end]
    path.write_text("\n".join(lines), encoding="utf-8")


def test_the_rulebook_is_covered_in_both_languages() -> None:
    code, cov = _coverage()
    assert code == 0, cov["gaps"]
    assert cov["ok"] is True and cov["gaps"] == []
    ids = {r.id for r in load_rulebook().rules}
    assert {row["rule"] for row in cov["rules"]} == ids
    for row in cov["rules"]:
        for lang in row["languages"]:
            assert row["scenarios"][lang]["fires"] and row["scenarios"][lang]["escapes"], row


def test_the_matrix_links_scenarios_and_fixtures() -> None:
    _, cov = _coverage()
    row = next(r for r in cov["rules"] if r["rule"] == "MA-112-14-109-visa")
    assert row["instrument"] == "MA-OL-112-14" and row["article"] == "109"
    assert any(loc.startswith("ma/ol-112-14_2018-04-25.ar.feature:") for loc in row["scenarios"]["ar"]["fires"])
    assert "ma/rabat-bamako-2018" in row["fixtures"]


@pytest.mark.parametrize("claim", ["escapes", "fires"])
def test_removing_a_scenario_is_a_gap(features: Path, claim: str) -> None:
    for _ in range(3):   # every scenario of that kind, in French only
        if not any(RULE in getattr(s, claim) for s in read_scenarios(features) if s.path == FR_FILE):
            break
        _remove_scenario(features, FR_FILE, claim)
    code, cov = _coverage("--features", str(features))
    assert code == 1
    expected = "rule.no_escaping_scenario" if claim == "escapes" else "rule.no_firing_scenario"
    gaps = [g for g in cov["gaps"] if g["code"] == expected]
    assert [g["where"] for g in gaps] == [RULE], cov["gaps"]
    assert "«fr»" in gaps[0]["message"]


def test_a_scenario_citing_an_article_no_rule_encodes(features: Path) -> None:
    path = features / FR_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"@art-137 @fires-{RULE}", f"@art-137 @art-999 @fires-{RULE}", 1), encoding="utf-8")
    code, cov = _coverage("--features", str(features))
    assert code == 1
    assert [g["code"] for g in cov["gaps"]] == ["scenario.article"]
    assert "@art-999" in cov["gaps"][0]["message"] and cov["gaps"][0]["where"].startswith(FR_FILE + ":")


def test_a_tag_naming_no_rule_or_not_citing_its_article(features: Path) -> None:
    path = features / FR_FILE
    text = path.read_text(encoding="utf-8")
    text = text.replace(f"@art-137 @fires-{RULE}", "@art-137 @fires-MA-112-14-137-grouping-foreign-stat", 1)
    text = text.replace(f"@art-137 @escapes-{RULE}", f"@art-85 @escapes-{RULE}", 1)
    path.write_text(text, encoding="utf-8")
    code, cov = _coverage("--features", str(features))
    assert code == 1
    messages = [g["message"] for g in cov["gaps"] if g["code"] == "scenario.rule"]
    assert any("no such rule" in m for m in messages), messages
    assert any("does not cite its article (@art-137)" in m for m in messages), messages


def test_a_readme_article_without_its_rule(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    readme = rules / "ma" / "README.md"
    text = readme.read_text(encoding="utf-8")
    row = "| MA-OL-112-14 | 109 | `MA-112-14-109-visa` |"
    assert row in text
    readme.write_text(text.replace(row, "| MA-OL-112-14 | 110 | `MA-112-14-110-visa` |", 1), encoding="utf-8")
    code, cov = _coverage("--rules", str(rules), "--features", str(FEATURES),
                          "--fixtures", str(ROOT / "fixtures" / "expected"))
    assert code == 1
    assert [g["code"] for g in cov["gaps"]] == ["readme.no_rule"]
    assert "MA-112-14-110-visa" in cov["gaps"][0]["message"]


def test_markdown_and_text_formats() -> None:
    md = CliRunner().invoke(main, ["rules", "coverage", "--format", "markdown"])
    assert md.exit_code == 0
    assert "| MA-OL-112-14 | 94 | `MA-112-14-94-exchange-governor` |" in md.stdout
    text = CliRunner().invoke(main, ["rules", "coverage"])
    assert text.exit_code == 0 and "MA-112-14-94-exchange-governor" in text.stdout


def test_article_tags() -> None:
    assert article_tag("94") == "art-94"
    assert article_tag("(procedure; article not identified)") == "art-unidentified"


def test_a_new_scenario_needs_only_a_feature_file(tmp_path: Path) -> None:
    """A jurist writes a .feature file with existing steps and nothing else: it runs, and a wrong
    expectation in it fails."""
    folder = tmp_path / "features"
    folder.mkdir()
    scenario = """\
        # language: fr
        @french @MA-OL-113-14
        Fonctionnalité: Un cas nouveau écrit par une juriste
          Contexte:
            Étant donné que l'on lit la loi organique 113-14 à la date du 2024-06-01

          @art-86 @fires-MA-113-14-86-public-authorities
          Scénario: Article 86 : un jumelage avec une commune sénégalaise requiert l'approbation des autorités publiques
            Soit une convention du type "jumelage" entre les parties suivantes :
              | id     | pays | type                      | niveau  |
              | belfaa | MA   | collectivité territoriale | commune |
              | thies  | SN   | collectivité territoriale | commune |
            Quand la convention est vérifiée
            Alors il manque "approbation des autorités publiques" selon l'article 86 alinéa 1
            Et le verdict est "{verdict}"
        """
    module = tmp_path / "test_new_case.py"
    module.write_text(textwrap.dedent(f"""\
        from pytest_bdd import scenarios
        from tests.bdd_steps import *  # noqa: F403
        scenarios({str(folder)!r})
        """), encoding="utf-8")

    def run(verdict: str) -> subprocess.CompletedProcess[str]:
        (folder / "new_2024-06-01.fr.feature").write_text(textwrap.dedent(scenario).format(verdict=verdict),
                                                           encoding="utf-8")
        return subprocess.run([sys.executable, "-m", "pytest", str(module), "-q", "-p", "no:cacheprovider",
                               "--rootdir", str(ROOT), "-c", str(ROOT / "pyproject.toml"),
                               "-p", "tests.conftest", "-o", "bdd_features_base_dir=/"],
                              cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)

    ok = run("non conforme")
    assert ok.returncode == 0 and "1 passed" in ok.stdout, ok.stdout[-3000:] + ok.stderr[-2000:]
    wrong = run("conforme")
    assert wrong.returncode == 1 and "1 failed" in wrong.stdout, wrong.stdout[-3000:]
