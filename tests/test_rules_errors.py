"""Broken rule files never crash ``coopcheck rules lint``: exit 2 and ``file:line:col: field: message``.

One file per case under ``tests/bad_rules/``, each linted ALONE (copied into an empty rules
directory, as ``<dir>/ma/<name>``), its expectations in ``tests/bad_rules/expected.yaml``. Rule
files go through the same reader as agreements (``yamlio.read_document``): size, encoding, alias,
depth and bidi guards included.
"""

from __future__ import annotations

import shutil
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from ruamel.yaml import YAML

from coopcheck.cli import main
from coopcheck.errors import RulebookError
from coopcheck.rulebook import load_rulebook

from .located import cases, no_crash, problems

HERE = Path(__file__).resolve().parent / "bad_rules"
EXPECTED: dict[str, dict[str, Any]] = YAML(typ="safe").load((HERE / "expected.yaml").read_text(encoding="utf-8"))


def _lint(rules_dir: Path, lang: str = "en") -> Result:
    return CliRunner().invoke(main, ["rules", "lint", "--rules", str(rules_dir), "--lang", lang])


def _alone(tmp_path: Path, name: str) -> Path:
    """A rules directory holding only ``name``; returns the copy's path."""
    (tmp_path / "ma").mkdir()
    return Path(shutil.copy(HERE / name, tmp_path / "ma" / name))






def test_every_bad_rule_file_has_an_expectation() -> None:
    files = {p.name for p in HERE.iterdir() if p.name != "expected.yaml"}
    assert files == set(EXPECTED)
    assert len(files) - 1 >= 12, "at least 12 broken rule files besides valid.yaml"


@pytest.mark.parametrize(("name", "case"), cases(EXPECTED))
def test_bad_rule_file(tmp_path: Path, name: str, case: dict[str, Any]) -> None:
    path = _alone(tmp_path, name)
    result = _lint(tmp_path)
    no_crash(result)
    assert result.exit_code == case["exit"], result.output
    if case["exit"] == 0:
        assert result.stderr == ""
        return
    assert result.stdout == ""
    got = problems(result)
    lines = result.stderr.splitlines()
    assert lines[-1] == f"{len(got)} error(s)"
    assert len(lines) == len(got) + 1, "every line of stderr is a located problem, except the count"
    assert all(p["path"] == str(path) for p in got), result.stderr
    # the expected problems, in order, among those printed
    remaining = iter(got)
    for want in case["errors"]:
        assert any((p["line"], p["col"]) == (want["line"], want["col"]) and want["field"] in p["field"]
                   and want["message"] in p["message"] for p in remaining), (want, result.stderr)


LANGUAGE_CASES = {
    # file: {lang: fragments that must all appear in its first problem's message}
    "unknown_approval_kind.yaml": {"fr": ["valeur non admise", "vouliez-vous dire 'interior_visa'"],
                                   "ar": ["قيمة غير مقبولة", "هل تقصد 'interior_visa'"]},
    "missing_quote.yaml": {"fr": ["dans sa langue originale"], "ar": ["بلغته الأصلية"]},
    "missing_status.yaml": {"fr": ["champ obligatoire manquant"], "ar": ["حقل إلزامي ناقص"]},
    "bad_date_in_force.yaml": {"fr": ["date inexistante"], "ar": ["تاريخ غير موجود"]},
    "alias_bomb.yaml": {"fr": ["ancres, alias"], "ar": ["المراسي"]},
    "bidi_text.yaml": {"fr": ["caractère de contrôle bidirectionnel", "U+202E"], "ar": ["حرف تحكم في اتجاه الكتابة"]},
    "dangling_field.yaml": {"fr": ["condition invalide"], "ar": ["شرط غير صالح"]},
    # issue 15: a wrong word in a condition is quoted back in the user's language (was English in fr/ar)
    "bad_condition_value.yaml": {"fr": ["valeur non admise pour agreement.kind : 'twining'",
                                        "vouliez-vous dire 'twinning'"],
                                 "ar": ["قيمة غير مقبولة لـ agreement.kind: 'twining'", "هل تقصد 'twinning'"]},
    "unknown_status.yaml": {"fr": ["valeur non admise : 'verifed'"], "ar": ["قيمة غير مقبولة: 'verifed'"]},
    "empty.yaml": {"fr": ["le fichier est vide"], "ar": ["الملف فارغ"]},
}


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("name", sorted(LANGUAGE_CASES))
def test_lint_messages_in_the_users_language(tmp_path: Path, name: str, lang: str) -> None:
    _alone(tmp_path, name)
    result = _lint(tmp_path, lang)
    assert result.exit_code == 2
    first = problems(result)[0]
    for fragment in LANGUAGE_CASES[name][lang]:
        assert fragment in first["message"], first["message"]
    assert result.stderr.splitlines()[-1] in ("1 erreur(s)", "1 خطأ")


def test_alias_bomb_rule_file_is_refused_fast_in_bounded_memory(tmp_path: Path) -> None:
    """30 levels of 9 aliases would be 9**30 nodes: refused at the first anchor."""
    lines = ['  - &l0 "lol"'] + [f"  - &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 30)]
    base = (HERE / "valid.yaml").read_text(encoding="utf-8")
    (tmp_path / "ma").mkdir()
    (tmp_path / "ma" / "bomb.yaml").write_text(base.replace("rules:\n", "x-lol:\n" + "\n".join(lines) + "\nrules:\n"),
                                               encoding="utf-8")
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(RulebookError) as info:
            load_rulebook(tmp_path)
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    (problem,) = info.value.problems
    assert problem.code == "yaml.alias" and (problem.line, problem.column) == (20, 5)
    assert elapsed < 1.0, elapsed
    assert peak < 20 * 1024 * 1024, peak
