"""The on-disk rulebook cache: a hit skips the parse, anything doubtful is a miss, never a wrong answer."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from coopcheck import records, rulebook_cache
from coopcheck.check import check_agreement
from coopcheck.engine import Engine
from coopcheck.errors import RulebookError
from coopcheck.facts import build_facts, law_date
from coopcheck.loader import load_agreement
from coopcheck.render import json_report
from coopcheck.rulebook import Rulebook, default_rules_dir, load_rulebook

from .generate import random_agreement

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "agreements"


class Loader:
    """``load_rulebook`` that counts its calls (a call = the full parse and lint ran)."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, root: Path) -> Rulebook:
        self.calls += 1
        return load_rulebook(root)


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), target)
    return target


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("COOPCHECK_CACHE_DIR", str(directory))
    monkeypatch.delenv("COOPCHECK_NO_CACHE", raising=False)
    return directory


def _entries(directory: Path) -> list[Path]:
    return sorted(directory.glob("rulebook-*.pickle")) if directory.is_dir() else []


def test_a_second_load_is_a_hit_equal_to_the_parsed_rulebook(rules: Path, cache: Path) -> None:
    load = Loader()
    first = rulebook_cache.load(rules, load)
    assert load.calls == 1 and len(_entries(cache)) == 1
    second = rulebook_cache.load(rules, load)
    assert load.calls == 1, "a hit does not parse the rule files"
    assert second == first
    assert second.digest == first.digest and second.files == first.files


def test_a_changed_rule_file_is_a_miss(rules: Path, cache: Path) -> None:
    load = Loader()
    rulebook_cache.load(rules, load)
    path = rules / "ma" / "ol-112-14.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('en: "Organic Law No. 112-14 on prefectures and provinces"',
                                 'en: "Organic Law 112-14 (edited)"', 1), encoding="utf-8")
    changed = rulebook_cache.load(rules, load)
    assert load.calls == 2
    assert any(i.title.en == "Organic Law 112-14 (edited)" for i in changed.instruments)
    assert changed.digest == load_rulebook(rules).digest


def test_a_same_size_edit_with_the_old_mtime_is_still_a_miss(rules: Path, cache: Path) -> None:
    load = Loader()
    rulebook_cache.load(rules, load)
    path = rules / "dz" / "l-11-10.yaml"
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "status: unverified" in text
    path.write_text(text.replace("status: unverified", "status: unverifieD", 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    with pytest.raises(RulebookError):   # the key is the bytes: the edit is seen, and it does not lint
        rulebook_cache.load(rules, load)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other key", "empty", "world-writable"])
def test_a_damaged_or_foreign_entry_falls_back_to_the_full_parse(rules: Path, cache: Path, damage: str) -> None:
    load = Loader()
    expected = rulebook_cache.load(rules, load)
    (entry,) = _entries(cache)
    payload = entry.read_bytes()
    if damage == "garbage":
        entry.write_bytes(b"\x00\xff not a cache entry")
    elif damage == "truncated":
        entry.write_bytes(payload[: len(payload) // 2])
    elif damage == "other key":
        header, _key, body = payload.split(b"\n", 2)
        entry.write_bytes(header + b"\n" + b"0" * 64 + b"\n" + body)
    elif damage == "empty":
        entry.write_bytes(b"")
    else:
        entry.chmod(0o666)
    again = rulebook_cache.load(rules, load)
    assert load.calls == 2, "the damaged entry was not used"
    assert again == expected
    assert rulebook_cache.load(rules, load) == expected   # rewritten: a hit again
    assert load.calls == 2


def test_a_rulebook_that_does_not_lint_is_never_cached(rules: Path, cache: Path) -> None:
    path = rules / "ma" / "ol-113-14.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("approval: council_deliberation",
                                                             "approval: council_deliberations", 1),
                    encoding="utf-8")
    load = Loader()
    for _ in range(2):
        with pytest.raises(RulebookError):
            rulebook_cache.load(rules, load)
    assert load.calls == 2
    assert _entries(cache) == []


def test_no_cache_env_parses_every_time_and_writes_nothing(rules: Path, cache: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COOPCHECK_NO_CACHE", "1")
    assert rulebook_cache.cache_dir() is None
    load = Loader()
    rulebook_cache.load(rules, load)
    rulebook_cache.load(rules, load)
    assert load.calls == 2
    assert not cache.exists()


def test_an_unwritable_cache_directory_only_costs_the_speed_up(rules: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("COOPCHECK_CACHE_DIR", str(blocker / "cache"))   # cannot be created
    monkeypatch.delenv("COOPCHECK_NO_CACHE", raising=False)
    load = Loader()
    first = rulebook_cache.load(rules, load)
    second = rulebook_cache.load(rules, load)
    assert load.calls == 2 and first == second
    assert [p.name for p in tmp_path.iterdir() if p.name != "rules"] == ["a-file"], "no temporary file left"


def test_cache_directory_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("COOPCHECK_NO_CACHE", "COOPCHECK_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert rulebook_cache.cache_dir() == tmp_path / "home" / ".cache" / "coopcheck"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert rulebook_cache.cache_dir() == tmp_path / "xdg" / "coopcheck"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")   # the XDG spec: ignore a relative path
    assert rulebook_cache.cache_dir() == tmp_path / "home" / ".cache" / "coopcheck"
    monkeypatch.setenv("COOPCHECK_CACHE_DIR", str(tmp_path / "mine"))
    assert rulebook_cache.cache_dir() == tmp_path / "mine"
    monkeypatch.setenv("COOPCHECK_NO_CACHE", "0")
    assert rulebook_cache.cache_dir() == tmp_path / "mine"
    monkeypatch.setenv("COOPCHECK_NO_CACHE", "1")
    assert rulebook_cache.cache_dir() is None


def test_the_suite_never_uses_the_real_home_cache() -> None:
    configured = os.environ.get("COOPCHECK_CACHE_DIR", "")
    assert configured, "tests/conftest.py points COOPCHECK_CACHE_DIR at a temporary directory"
    assert not Path(configured).resolve().is_relative_to(Path.home().resolve() / ".cache")


def test_results_are_identical_with_and_without_the_cache(rules: Path, cache: Path) -> None:
    rulebook_cache.load(rules, load_rulebook)
    cached = rulebook_cache.load(rules, Loader())       # from the entry
    fresh = load_rulebook(rules)
    assert cached is not fresh and cached == records.plain(fresh)   # the cache holds records
    # the engine: same conclusions over generated agreements
    with_cache, without = Engine(cached), Engine(fresh)
    rng = random.Random(1123)
    for n in range(300):
        agreement = random_agreement(rng, n)
        facts = build_facts(agreement, "s", law_date(agreement, None, date(2026, 11, 23)))
        assert with_cache.evaluate(facts) == without.evaluate(facts), n
    # the reports: the same bytes for every fixture
    for path in sorted(FIXTURES.rglob("*.yaml")):
        agreement = load_agreement(path)
        today = date(2026, 11, 23)
        assert (json_report.render(check_agreement(agreement, cached, today=today), "fr")
                == json_report.render(check_agreement(agreement, fresh, today=today), "fr")), path.name


def test_the_command_line_writes_its_cache_where_it_is_told(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_CACHE_HOME", "COOPCHECK_NO_CACHE")}
    env.update(HOME=str(home), COOPCHECK_CACHE_DIR=str(tmp_path / "cache"))
    seed = FIXTURES / "ma" / "rabat-bamako-2018.yaml"
    cmd = [sys.executable, "-m", "coopcheck.cli", "check", str(seed), "--format", "json"]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    second = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    assert first.returncode == second.returncode == 1, first.stderr
    assert first.stdout == second.stdout
    assert len(_entries(tmp_path / "cache")) == 1
    assert not home.exists()
