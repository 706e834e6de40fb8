"""Bad input never crashes: exit 2 and ``file:line:col: field: message`` for every problem.

One file per case under ``tests/bad_inputs/``, its expected exit code, positions, fields and
message fragments in ``tests/bad_inputs/expected.yaml``. Cases the tool does not yet get right
are written as they SHOULD behave and marked there with ``xfail`` (strict).

click >= 8.2 keeps stdout and stderr apart in ``CliRunner`` results (``mix_stderr`` is gone):
``result.stdout`` must stay empty on bad input, the problems are on ``result.stderr``.
"""

from __future__ import annotations

import gc
import json
import re
import shutil
import warnings
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from ruamel.yaml import YAML

from coopcheck.cli import main
from coopcheck.loader import load_agreement

HERE = Path(__file__).resolve().parent / "bad_inputs"
EXPECTED: dict[str, dict[str, Any]] = YAML(typ="safe").load((HERE / "expected.yaml").read_text(encoding="utf-8"))
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<field>[^:]+): (?P<message>.*)$")
VALID = HERE / "valid.json"


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", *args])


def _problems(result: Result) -> list[dict[str, Any]]:
    out = []
    for line in result.stderr.splitlines():
        m = LINE.match(line)
        if m:
            out.append({"path": m["path"], "line": int(m["line"]), "col": int(m["col"]),
                        "field": m["field"], "message": m["message"]})
    return out


def _no_crash(result: Result) -> None:
    """The command ended by its own exit code, without a traceback or a stray exception."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


def _cases() -> list[Any]:
    params = []
    for name, case in EXPECTED.items():
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
        params.append(pytest.param(name, case, id=name, marks=marks))
    return params


def test_every_bad_input_file_has_an_expectation() -> None:
    files = {p.name for p in HERE.iterdir() if p.name != "expected.yaml"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize(("name", "case"), _cases())
def test_bad_input(name: str, case: dict[str, Any]) -> None:
    path = HERE / name
    before = path.read_bytes()
    result = _run(str(path), "--format", "json", "--lang", "en")
    _no_crash(result)
    assert result.exit_code == case["exit"], result.output
    assert path.read_bytes() == before
    if case["exit"] != 2:
        assert result.stderr == ""
        json.loads(result.stdout)  # a report, not an error
        return
    assert result.stdout == "", "nothing but the errors is printed on bad input"
    got = _problems(result)
    assert len(got) == len(case["errors"]), result.stderr
    for problem, want in zip(got, case["errors"], strict=True):
        assert problem["path"] == str(path)
        assert (problem["line"], problem["col"]) == (want["line"], want["col"]), result.stderr
        assert want["field"] in problem["field"], result.stderr
        assert want["message"] in problem["message"], result.stderr
    # every line of stderr is a located problem, except the closing count
    lines = result.stderr.splitlines()
    assert lines[-1] == f"{len(got)} error(s)"
    assert len(lines) == len(got) + 1


def test_all_errors_of_a_file_are_reported_together() -> None:
    result = _run(str(HERE / "multi_error.yaml"), "--lang", "en")
    assert result.exit_code == 2
    problems = _problems(result)
    assert len(problems) >= 3
    assert len({(p["line"], p["col"]) for p in problems}) == len(problems), "each at its own place"
    assert {p["field"] for p in problems} == {"kind", "signing_date", "parties.1.country", "approvals.0.of"}


def test_country_no_stays_norway() -> None:
    """YAML 1.1 would read NO as false; the loader is YAML 1.2: Norway, accepted."""
    agreement = load_agreement(HERE / "country_no.yaml")
    assert agreement.party("commune-fr").country == "NO"


def test_bom_and_json_inputs_load_like_the_yaml() -> None:
    bom = load_agreement(HERE / "bom.yaml")
    assert bom.id == "bad-input" and bom.schema_ == "coopcheck/agreement/v1"
    js = load_agreement(VALID)
    assert js.id == "json-input"
    assert [p.id for p in js.parties] == [p.id for p in bom.parties]
    a = json.loads(_run(str(VALID), "--format", "json", "--lang", "en").stdout)
    b = json.loads(_run(str(HERE / "bom.yaml"), "--format", "json", "--lang", "en").stdout)
    assert a["verdict"] == b["verdict"] == "non_compliant"
    assert a["findings"] == b["findings"]


# --- languages -------------------------------------------------------------------------------

LANGUAGE_CASES = {
    # file: (field, {lang: fragments that must all appear in the message})
    "misspelt_kind.yaml": ("kind", {"fr": ["valeur non admise", "vouliez-vous dire 'twinning'"],
                                    "ar": ["قيمة غير مقبولة", "هل تقصد 'twinning'"]}),
    "unknown_field.yaml": ("signing_dat", {"fr": ["champ inconnu", "vouliez-vous dire 'signing_date'"],
                                           "ar": ["حقل غير معروف", "هل تقصد 'signing_date'"]}),
    "dangling_subject.yaml": ("subject", {"fr": ["n'est l'identifiant d'aucune partie", "vouliez-vous dire"],
                                          "ar": ["ليس معرف طرف", "هل تقصد"]}),
    "missing_kind.yaml": ("kind", {"fr": ["champ obligatoire manquant"], "ar": ["حقل إلزامي ناقص"]}),
    "missing_parties.yaml": ("parties", {"fr": ["champ obligatoire manquant"], "ar": ["حقل إلزامي ناقص"]}),
}
ENGLISH_WORDS = re.compile(r"\b(did you mean|required|unknown field|Field|Input should|not allowed|is not the id)\b")


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("name", sorted(LANGUAGE_CASES))
def test_messages_in_the_users_language(name: str, lang: str) -> None:
    field, fragments = LANGUAGE_CASES[name]
    result = _run(str(HERE / name), "--lang", lang)
    _no_crash(result)
    assert result.exit_code == 2
    (problem,) = _problems(result)
    assert problem["field"] == field          # field names are the file's own keys, untranslated
    for fragment in fragments[lang]:
        assert fragment in problem["message"], problem["message"]
    assert not ENGLISH_WORDS.search(problem["message"]), problem["message"]
    assert result.stderr.splitlines()[-1] == {"fr": "1 erreur(s)", "ar": "1 خطأ"}[lang]


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_allowed_words_list_is_in_the_users_language(lang: str) -> None:
    result = _run(str(HERE / "misspelt_kind.yaml"), "--lang", lang)
    (problem,) = _problems(result)
    assert " or " not in problem["message"], problem["message"]


def test_default_language_comes_from_the_locale() -> None:
    result = CliRunner().invoke(main, ["check", str(HERE / "missing_kind.yaml")],
                                env={"LC_ALL": "fr_FR.UTF-8", "LC_MESSAGES": "", "LANG": ""})
    assert result.exit_code == 2
    assert "champ obligatoire manquant" in result.stderr


# --- -o never writes over what it should not --------------------------------------------------

def test_output_refuses_to_overwrite_the_input(tmp_path: Path) -> None:
    agreement = tmp_path / "agreement.json"
    shutil.copy(VALID, agreement)
    before = agreement.read_bytes()
    # (json only here: text with -o leaks a file handle, see test_text_output_closes_its_files)
    result = _run(str(agreement), "--format", "json", "-o", str(agreement), "--lang", "en")
    _no_crash(result)
    assert result.exit_code == 2
    assert "input" in result.stderr
    assert agreement.read_bytes() == before
    # not even with --force
    result = _run(str(agreement), "--format", "json", "-o", str(agreement), "--force")
    assert result.exit_code == 2
    assert agreement.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agreement.json"], "no temporary file left"


def test_output_refuses_an_existing_file_without_force(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("keep me\n", encoding="utf-8")
    result = _run(str(VALID), "--format", "json", "-o", str(target), "--lang", "en")
    _no_crash(result)
    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"], "no temporary file left"

    result = _run(str(VALID), "--format", "json", "-o", str(target), "--force", "--lang", "en")
    assert result.exit_code == 1                      # the verdict's code, the report written
    assert json.loads(target.read_text(encoding="utf-8"))["agreement"] == "json-input"
    assert result.stdout == ""


def test_output_is_not_written_on_bad_input(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = _run(str(HERE / "misspelt_kind.yaml"), "--format", "json", "-o", str(target))
    assert result.exit_code == 2
    assert not target.exists()


def test_text_output_closes_its_files(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = _run(str(VALID), "-o", str(target), "--lang", "en")
        exit_code, output = result.exit_code, result.output
        del result                                   # its traceback keeps the command's frame alive
        gc.collect()
    assert exit_code == 1, output
    assert "Verdict" in target.read_text(encoding="utf-8")
    leaks = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    assert not leaks, leaks


def test_missing_file_is_a_usage_error() -> None:
    result = _run(str(HERE / "no-such-file.yaml"), "--lang", "en")
    _no_crash(result)
    assert result.exit_code == 2
    assert "no-such-file.yaml" in result.stderr
