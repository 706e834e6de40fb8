"""The project's own checks, so the one README test command runs them all."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from coopcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name
    return str(path) if path.exists() else (shutil.which(name) or name)


def test_rulebook_lints_clean() -> None:
    result = CliRunner().invoke(main, ["rules", "lint", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Rulebook is clean" in result.output


def test_ruff_is_clean() -> None:
    proc = subprocess.run([_tool("ruff"), "check", "src", "tests"], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_is_clean() -> None:
    proc = subprocess.run([_tool("mypy"), "src"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _imports(path: Path) -> set[str]:
    import ast

    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_engine_imports_durable() -> None:
    """durable-rules stays behind engine.py (design.md)."""
    offenders = [p.name for p in (ROOT / "src" / "coopcheck").rglob("*.py")
                 if p.name != "engine.py" and "durable" in _imports(p)]
    assert offenders == []


def test_committed_json_schema_matches_the_model() -> None:
    """agreement.schema.json (referenced by fixtures for editor completion) is regenerated, not edited."""
    import json

    from coopcheck.model import json_schema

    committed = json.loads((ROOT / "agreement.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "regenerate: python -c 'from coopcheck.model import json_schema ...'"


def test_schema_command_prints_the_committed_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == (ROOT / "agreement.schema.json").read_text(encoding="utf-8")
