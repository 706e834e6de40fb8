"""The rule-file linter: each kind of broken rule file is refused with file:line:col."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from coopcheck.cli import main
from coopcheck.errors import RulebookError
from coopcheck.rulebook import load_rulebook

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "rules" / "ma" / "ol-112-14.yaml"


def _write(tmp_path: Path, text: str, name: str = "x.yaml") -> Path:
    (tmp_path / "ma").mkdir(exist_ok=True)
    path = tmp_path / "ma" / name
    path.write_text(text, encoding="utf-8")
    return path


def _mutate(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    text = SOURCE.read_text(encoding="utf-8")
    assert old in text, old
    return _write(tmp_path, text.replace(old, new, count))


def _problems(tmp_path: Path) -> list[str]:
    with pytest.raises(RulebookError) as info:
        load_rulebook(tmp_path)
    return [f"{Path(p.path).name}:{p.line}:{p.column}: {p.field}: {p.english}" for p in info.value.problems]


def _line_of(path: Path, needle: str, nth: int = 1) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if needle in line]
    return hits[nth - 1]


def test_the_project_rulebook_is_clean() -> None:
    rb = load_rulebook()
    assert len(rb.rules) >= 16
    assert {i.id for i in rb.instruments} >= {"MA-OL-112-14", "DZ-D-17-329", "DZ-L-11-10", "DZ-L-12-07"}
    assert rb.digest.startswith("sha256:")


def test_every_rule_quotes_its_article_and_cites_a_source() -> None:
    for r in load_rulebook().rules:
        assert r.rule.text.ar or r.rule.text.fr, r.id
        assert r.rule.article.strip(), r.id
        assert r.source.url.startswith("http"), r.id
        for lang in ("ar", "fr", "en"):
            assert getattr(r.rule.summary, lang) and getattr(r.rule.remedy, lang), (r.id, lang)


def test_misspelt_approval_kind_is_refused_with_suggestion(tmp_path: Path) -> None:
    path = _mutate(tmp_path, "approval: council_deliberation\n      authority: council",
                   "approval: council_deliberations\n      authority: council")
    problems = _problems(tmp_path)
    line = _line_of(path, "council_deliberations")
    assert any(p.startswith(f"x.yaml:{line}:") and "requires.approval" in p for p in problems), problems
    with pytest.raises(RulebookError) as info:
        load_rulebook(tmp_path)
    assert info.value.problems[0].params.get("suggestion") == "council_deliberation"


def test_unknown_condition_field_is_refused_with_suggestion(tmp_path: Path) -> None:
    path = _mutate(tmp_path, "agreement.kind: network_membership", "agreement.knd: network_membership")
    problems = _problems(tmp_path)
    line = _line_of(path, "agreement.knd")
    assert any(f"x.yaml:{line}:" in p and "unknown field 'agreement.knd'" in p and "agreement.kind" in p
               for p in problems), problems


def test_unknown_vocabulary_in_condition_is_refused(tmp_path: Path) -> None:
    _mutate(tmp_path, "agreement.kind: network_membership", "agreement.kind: network-membership")
    problems = _problems(tmp_path)
    assert any("network-membership" in p and "did you mean 'network_membership'" in p for p in problems), problems


def test_duplicate_rule_id_is_refused(tmp_path: Path) -> None:
    path = _mutate(tmp_path, "id: MA-112-14-94-organisations-council", "id: MA-112-14-94-twinning-council")
    problems = _problems(tmp_path)
    line = _line_of(path, "id: MA-112-14-94-twinning-council", 2)
    assert any(p.startswith(f"x.yaml:{line}:") and "also used" in p for p in problems), problems


def test_duplicate_instrument_across_files_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, SOURCE.read_text(encoding="utf-8"), "a.yaml")
    _write(tmp_path, SOURCE.read_text(encoding="utf-8"), "b.yaml")
    assert any("instrument MA-OL-112-14 is also defined" in p for p in _problems(tmp_path))


def test_condition_that_can_never_hold_is_refused(tmp_path: Path) -> None:
    _mutate(tmp_path, "      agreement.kind: network_membership\n",
            "      agreement.kind: network_membership\n      all:\n        - agreement.kind: twinning\n")
    problems = _problems(tmp_path)
    assert any("can never hold" in p for p in problems), problems


def test_missing_quote_is_refused(tmp_path: Path) -> None:
    data = YAML(typ="rt").load(SOURCE.read_text(encoding="utf-8"))
    data["rules"][0]["text"] = {"en": "an English paraphrase only"}
    path = tmp_path / "ma"
    path.mkdir()
    with (path / "x.yaml").open("w", encoding="utf-8") as handle:
        YAML(typ="rt").dump(data, handle)
    assert any("original language" in p for p in _problems(tmp_path))


def test_unverified_rule_must_say_why(tmp_path: Path) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    start = text.index("  - id: MA-112-14-85-foreign-state")
    end = text.index("\n  - id:", start)
    rule = text[start:end].replace("    status: verified", "    status: unverified", 1)
    rule = re.sub(r"\n    note: >-\n(?:      .*\n)+", "\n", rule)   # an unverified rule with no note
    assert "status: unverified" in rule and "note:" not in rule
    _write(tmp_path, text[:start] + rule + text[end:])
    assert any("says in 'note' why" in p for p in _problems(tmp_path))


def test_rule_with_two_effects_is_refused(tmp_path: Path) -> None:
    _mutate(tmp_path, "    requires_clauses: [resources]",
            "    requires_clauses: [resources]\n    forbids:\n      what: {en: x}")
    assert any("exactly one effect" in p for p in _problems(tmp_path))


def test_partner_field_outside_some_partner_is_refused(tmp_path: Path) -> None:
    _mutate(tmp_path, "      agreement.kind: network_membership", "      partner.type: network")
    assert any("only be tested inside some_partner" in p for p in _problems(tmp_path))


def test_durable_limit_on_rules_per_fact_is_enforced(tmp_path: Path) -> None:
    """65 engine rules matching one fact crash durable-rules (error 303): the linter stops it first."""
    data = YAML(typ="rt").load(SOURCE.read_text(encoding="utf-8"))
    template = data["rules"][3]  # organisations-council: one alternative, one engine rule
    from copy import deepcopy

    for n in range(60):
        extra = deepcopy(template)
        extra["id"] = f"MA-112-14-94-copy-{n}"
        data["rules"].append(extra)
    (tmp_path / "ma").mkdir()
    with (tmp_path / "ma" / "x.yaml").open("w", encoding="utf-8") as handle:
        YAML(typ="rt").dump(data, handle)
    assert any("durable-rules fails past 64" in p for p in _problems(tmp_path))


def test_lint_command_reports_file_line_col_and_exits_2(tmp_path: Path) -> None:
    path = _mutate(tmp_path, "authority: governor\n      step: 2", "authority: govrnor\n      step: 2")
    result = CliRunner().invoke(main, ["rules", "lint", "--rules", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 2
    line = _line_of(path, "govrnor")
    assert f"x.yaml:{line}:" in result.output and "did you mean 'governor'" in result.output
    assert "Traceback" not in result.output


def test_yaml_syntax_error_in_rule_file(tmp_path: Path) -> None:
    _write(tmp_path, "schema: coopcheck/rules/v1\ninstrument: [unclosed\n")
    problems = _problems(tmp_path)
    # located where the bracket opens (line 2, column 13), not where the parser gives up (line 3)
    assert problems and problems[0].startswith("x.yaml:2:13:") and "never closed" in problems[0]


def test_rules_of_exclusive_levels_may_exceed_64_together(tmp_path: Path) -> None:
    """The per-fact limit counts only rules whose scopes can hold together: 55 prefecture rules and
    55 commune rules lint, compile and evaluate (durable-rules raises error 303 past 64 rules
    accepting ONE fact, which never happens here)."""
    from copy import deepcopy

    from coopcheck.engine import Engine
    from coopcheck.facts import build_facts
    from coopcheck.model import Agreement

    base = YAML(typ="rt").load(SOURCE.read_text(encoding="utf-8"))
    template = base["rules"][3]  # organisations-council: kind network_membership
    (tmp_path / "ma").mkdir()
    for level in ("prefecture", "commune"):
        data = deepcopy(base)
        data["instrument"]["id"] = f"MA-OL-{level.upper()}-1"
        data["instrument"]["applies_to"]["subject.level"] = level
        data["rules"] = []
        for n in range(55):
            extra = deepcopy(template)
            extra["id"] = f"MA-{level}-{n}"
            data["rules"].append(extra)
        with (tmp_path / "ma" / f"{level}.yaml").open("w", encoding="utf-8") as handle:
            YAML(typ="rt").dump(data, handle)
    rb = load_rulebook(tmp_path)
    engine = Engine(rb)
    for level in ("prefecture", "commune"):
        ag = Agreement.model_validate({
            "schema": "coopcheck/agreement/v1", "id": "x", "title": {"fr": "x"}, "kind": "network_membership",
            "signing_date": "2020-01-01", "subject": "a",
            "parties": [{"id": "a", "name": {"fr": "a"}, "country": "MA", "type": "territorial_collectivity",
                         "level": level},
                        {"id": "b", "name": {"fr": "b"}, "country": "FR", "type": "network"}]})
        applied = [c for c in engine.evaluate(build_facts(ag, "a", date(2020, 1, 1))) if c.kind == "applies"]
        assert len(applied) == 55
        assert {c.rule.split("-")[1] for c in applied} == {level}


def test_ma_readme_lists_every_encoded_rule_and_no_other() -> None:
    """rules/ma/README.md is the jurists' index: it must not drift from the rule files."""
    import re

    readme = (ROOT / "rules" / "ma" / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`(MA-\d{3}-14-[A-Za-z0-9-]+)`", readme))
    encoded = {r.id for r in load_rulebook().rules if r.instrument.jurisdiction == "MA"}
    assert listed == encoded, (sorted(encoded - listed), sorted(listed - encoded))


def test_network_shape_counts_siblings_and_joins() -> None:
    """The linter's model of durable-rules' alpha network: shared prefixes, distinct next tests."""
    from coopcheck.compile import network_shape

    wide: dict[str, dict[str, Any]] = {
        f"r{i}": {"all": [{"m": {"$and": [{"t": "case"}, {"kind": f"k{i}"}]}}]} for i in range(600)}
    for name, t in (("j1", "approval"), ("j2", "clause")):
        wide[name] = {"all": [{"a": {"$and": [{"t": "case"}]}}, {"b": {"$and": [{"t": t}, {"aid": {"a": "aid"}}]}}]}
    assert network_shape(wide) == (600, 2)


@pytest.mark.parametrize(("constant", "code"), [("MAX_SIBLING_ALPHA", "rule.limit_siblings"),
                                                ("MAX_JOIN_RULES_PER_ALPHA", "rule.limit_joins")])
def test_durable_network_limits_are_linted(monkeypatch: pytest.MonkeyPatch, constant: str, code: str) -> None:
    """With the limit lowered under today's network (fan-out 9, 10 joins), the rulebook is refused
    with a clear problem instead of reaching durable-rules."""
    from coopcheck import rulebook as rb

    monkeypatch.setattr(rb, constant, 3)
    with pytest.raises(RulebookError) as err:
        rb.load_rulebook()
    assert [p.code for p in err.value.problems] == [code]
    assert "durable-rules" in err.value.problems[0].english


def test_partner_facts_are_bounded_per_jurisdiction(monkeypatch: pytest.MonkeyPatch) -> None:
    """Partner patterns are scoped by the subject's country: one country's rules with a partner
    pattern are held under durable-rules' 64 (Morocco alone: 49 of 60, a real bound on growth)."""
    from coopcheck import rulebook as rb

    monkeypatch.setattr(rb, "MAX_RULES_PER_FACT", 48)
    with pytest.raises(RulebookError) as err:
        rb.load_rulebook()
    assert any("partner fact" in p.english for p in err.value.problems), err.value.problems
