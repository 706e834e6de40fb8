"""``coopcheck init``: the questions, the checks as answers are typed, and the file it writes.

The same answers drive three runs: the question logic fed programmatically (fast), the command
with answers piped on stdin (not a terminal), and the command in a real terminal under tmux, in
French and in Arabic, waiting for each question on the screen before typing its answer. Each run
ends with a file that the real loader and ``coopcheck check`` accept, holding what was typed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from coopcheck import i18n
from coopcheck.cli import main
from coopcheck.errors import InputError
from coopcheck.init_wizard import ScriptedPrompter, StoppedError, Wizard, save, schema_ref, to_yaml
from coopcheck.loader import load_agreement

BIN = Path(sys.executable).parent / "coopcheck"
_OPTIONAL_YES_NO = {"tacit_renewal", "legal_person"}
_YES_NO = {"more_parties", "any_approval", "any_funding"} | _OPTIONAL_YES_NO


def question(key: str, lang: str) -> str:
    """The question as the user sees it (yes/no questions carry their hint)."""
    hint = "init.hint.yes_no_unknown" if key in _OPTIONAL_YES_NO else "init.hint.yes_no"
    return i18n.text(f"init.q.{key}", lang, hint=i18n.text(hint, lang))


def script(lang: str) -> list[tuple[str, str]]:
    """(question, answer) in the order asked; two answers are refused and asked again."""
    yes, no = {"fr": ("oui", "non"), "ar": ("نعم", "لا"), "en": ("yes", "no")}[lang]
    title = {"fr": "Convention de coopération Rabat–Bamako", "ar": "اتفاقية تعاون بين الرباط وباماكو",
             "en": "Rabat–Bamako cooperation agreement"}[lang]
    rabat = {"fr": "Préfecture de Rabat", "ar": "عمالة الرباط", "en": "Rabat prefecture"}[lang]
    return [
        ("id", "rabat-bamako-2018"), ("title", title), ("kind", "2"),
        ("signing_date", "2018-02-30"), ("signing_date", "2018-04-25"),   # no 30 February: asked again
        ("duration", "5"), ("tacit_renewal", yes), ("legal_person", no),
        ("party_id", "rabat"), ("party_name", rabat),
        ("country", "MAR"), ("country", "ma"),                           # alpha-3: asked again, with a hint
        ("party_type", "1"), ("level", "prefecture"), ("role", "1"),
        ("party_id", "bamako-c3"), ("party_name", "Commune III de Bamako"), ("country", "ML"),
        ("party_type", "territorial_collectivity"), ("level", "4"), ("role", "1"),
        ("more_parties", no), ("subject", "1"),
        ("any_approval", yes), ("approval_kind", "1"), ("approval_of", "1"), ("approval_date", "2018-03-07"),
        ("outcome", "1"), ("received", "2018-03-12"),
        ("session_closed", "2018-03-09"),
        ("reference", "Délibération n° 12/2018"),
        ("any_approval", no),
        ("any_funding", yes), ("funder", "2"), ("amount", "1500000"), ("currency", "eur"), ("any_funding", no),
        ("clauses", "1, 3, 8"),
    ]


def assert_typed(doc: dict[str, Any], lang: str) -> None:
    """The agreement holds exactly what ``script(lang)`` typed."""
    answers = dict(script(lang))
    assert doc["id"] == "rabat-bamako-2018"
    assert doc["title"] == {lang: answers["title"]}
    assert doc["kind"] == "cooperation"
    assert str(doc["signing_date"]) == "2018-04-25"
    assert (doc["duration_years"], doc["tacit_renewal"], doc["creates_legal_person"]) == (5, True, False)
    assert doc["subject"] == "rabat"
    assert [(p["id"], p["country"], p["type"], p.get("level")) for p in doc["parties"]] == [
        ("rabat", "MA", "territorial_collectivity", "prefecture"),
        ("bamako-c3", "ML", "territorial_collectivity", "commune")]
    first_name = next(a for k, a in script(lang) if k == "party_name")
    assert doc["parties"][0]["name"] == {lang: first_name}
    assert [(a["kind"], a["of"], str(a["date"]), a["outcome"], str(a["received"]), str(a["session_closed"]),
             a["reference"]) for a in doc["approvals"]] == [
        ("council_deliberation", "rabat", "2018-03-07", "approved", "2018-03-12", "2018-03-09",
         "Délibération n° 12/2018")]
    assert doc["funding"] == [{"from": "bamako-c3", "amount": 1500000, "currency": "EUR"}]
    assert doc["clauses"] == ["object", "resources", "termination"]


def read_yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


# ---- the question logic, fed programmatically ------------------------------------------------------

def test_questions_build_the_typed_agreement_and_refuse_bad_answers_in_french() -> None:
    prompter = ScriptedPrompter([answer for _key, answer in script("fr")])
    doc = Wizard(prompter, "fr").run()
    assert_typed(doc, "fr")
    shown = "\n".join(prompter.shown)
    assert "date inexistante ou invalide" in shown          # the loader's own French wording
    assert "'MAR' n'est pas un code pays ISO 3166-1" in shown and "vouliez-vous dire 'MA' ?" in shown
    assert shown.count(question("signing_date", "fr")) == 2 and shown.count(question("country", "fr")) == 3
    assert "jumelage (twinning)" in shown                   # choices labelled in the user's language
    assert not prompter.answers                             # every answer was asked for


@pytest.mark.parametrize(("key", "bad", "message"), [
    ("duration", "-3", "doit être ≥ 0"),
    ("duration", "cinq", "attendu : un nombre entier"),
    ("kind", "9", "choisir un numéro de 1 à 7"),
    ("kind", "twining", "vouliez-vous dire 'twinning' ?"),
    ("id", "Rabat Bamako", "un identifiant : 1 à 64 minuscules"),
    ("title", "Conv\u202eention", "caractère de contrôle bidirectionnel (U+202E"),
])
def test_a_bad_answer_is_refused_with_the_translated_message_and_asked_again(key: str, bad: str,
                                                                            message: str) -> None:
    answers = [a for _k, a in script("fr")]
    position = next(i for i, (k, _a) in enumerate(script("fr")) if k == key)
    answers.insert(position, bad)
    prompter = ScriptedPrompter(answers)
    assert_typed(Wizard(prompter, "fr").run(), "fr")
    refusals = [line for line in prompter.shown if line.lstrip().startswith("✗")]
    assert len(refusals) == 3 and any(message in line for line in refusals), refusals


def test_received_before_the_approval_date_is_refused() -> None:
    answers = [a for _k, a in script("en")]
    answers.insert(answers.index("2018-03-12"), "2018-03-01")
    prompter = ScriptedPrompter(answers)
    assert_typed(Wizard(prompter, "en").run(), "en")
    assert any("received (2018-03-01) is before the date of the approval (2018-03-07)" in s for s in prompter.shown)


def test_a_session_closed_before_its_deliberation_is_refused_and_asked_again() -> None:
    answers = [a for _k, a in script("fr")]
    answers.insert(answers.index("2018-03-09"), "2018-03-01")
    prompter = ScriptedPrompter(answers)
    assert_typed(Wizard(prompter, "fr").run(), "fr")
    assert any("la session a été close (2018-03-01) avant la date de la délibération (2018-03-07)" in s
               for s in prompter.shown)
    assert sum(question("session_closed", "fr") in s for s in prompter.shown) == 2


def test_only_a_council_deliberation_is_asked_when_its_session_closed() -> None:
    steps = script("en")
    answers = [a for _k, a in steps]
    kind = next(i for i, (k, _a) in enumerate(steps) if k == "approval_kind")
    answers[kind] = "governor_approval"
    answers.remove("2018-03-09")   # no session question for the governor's approval
    prompter = ScriptedPrompter(answers)
    doc = Wizard(prompter, "en").run()
    assert doc["approvals"][0]["kind"] == "governor_approval" and "session_closed" not in doc["approvals"][0]
    assert not any(question("session_closed", "en") in s for s in prompter.shown)


def test_a_party_id_used_twice_is_refused_in_arabic() -> None:
    answers = [a for _k, a in script("ar")]
    answers.insert(answers.index("bamako-c3"), "rabat")
    prompter = ScriptedPrompter(answers)
    assert_typed(Wizard(prompter, "ar").run(), "ar")
    assert any("المعرف 'rabat' مستعمل مرتين" in s for s in prompter.shown)
    assert any("نوع الاتفاقية" in s for s in prompter.shown)


def test_the_same_approval_twice_is_refused_as_the_loader_refuses_it() -> None:
    steps = script("en")
    cut = next(i for i, (k, a) in enumerate(steps) if k == "any_approval" and a == "no")
    approval = [a for k, a in steps[cut - 9:cut]]    # any_approval=yes ... reference
    answers = [a for _k, a in steps[:cut]] + approval + [a for _k, a in steps[cut:]]
    prompter = ScriptedPrompter(answers)
    doc = Wizard(prompter, "en").run()
    assert len(doc["approvals"]) == 1
    assert any("the same approval (council_deliberation of rabat, 2018-03-07) is already listed" in s
               for s in prompter.shown)


def test_empty_answers_leave_optional_facts_out_and_zero_clauses_is_none() -> None:
    answers = ["x-1", "Titre", "1", "", "", "", "",
               "a", "A", "FR", "1", "", "1", "b", "B", "DE", "1", "", "1", "non",
               "", "non", "non", "0"]
    doc = Wizard(ScriptedPrompter(answers), "fr").run()
    assert "signing_date" not in doc and "tacit_renewal" not in doc and "subject" not in doc
    assert "approvals" not in doc and "funding" not in doc
    assert doc["clauses"] == []                           # "the text contains none", not "unknown"
    assert [p.get("level") for p in doc["parties"]] == [None, None]


def test_answers_running_out_stop_the_wizard() -> None:
    with pytest.raises(StoppedError):
        Wizard(ScriptedPrompter(["rabat-bamako-2018", "Titre"]), "fr").run()


def test_yaml_keeps_values_yaml_would_misread_as_strings(tmp_path: Path) -> None:
    """Norway's code NO, an all-digit id and ISO dates come back as the strings typed."""
    doc = {"schema": "coopcheck/agreement/v1", "id": "2018", "title": {"fr": "Oslo: oui"}, "kind": "twinning",
           "signing_date": "2018-04-25",
           "parties": [{"id": "rabat", "name": {"fr": "Rabat"}, "country": "MA", "type": "territorial_collectivity"},
                       {"id": "oslo", "name": {"fr": "Oslo"}, "country": "NO", "type": "territorial_collectivity"}]}
    target = tmp_path / "a.yaml"
    save(doc, target)
    agreement = load_agreement(target)
    assert (agreement.id, agreement.parties[1].country, agreement.title.fr) == ("2018", "NO", "Oslo: oui")
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")


def test_save_refuses_what_the_loader_refuses_and_writes_nothing(tmp_path: Path) -> None:
    doc = {"schema": "coopcheck/agreement/v1", "id": "x", "title": {"fr": "T"}, "kind": "twinning",
           "subject": "nobody",
           "parties": [{"id": "a", "name": {"fr": "A"}, "country": "MA", "type": "state"},
                       {"id": "b", "name": {"fr": "B"}, "country": "FR", "type": "state"}]}
    target = tmp_path / "a.yaml"
    with pytest.raises(InputError) as info:
        save(doc, target)
    assert [(p.path, p.field, p.code) for p in info.value.problems] == [(str(target), "subject", "ref.unknown_party")]
    assert not target.exists() and not list(tmp_path.iterdir())


def test_schema_comment_points_at_the_repository_schema(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    assert to_yaml({"id": "x"}, "../../../agreement.schema.json").splitlines()[0] == (
        "# yaml-language-server: $schema=../../../agreement.schema.json")
    assert schema_ref(root / "fixtures" / "agreements" / "ma" / "new.yaml") == "../../../agreement.schema.json"
    assert schema_ref(tmp_path / "new.yaml") == "agreement.schema.json"


# ---- the command, answers piped on stdin (not a terminal) -------------------------------------------

def _stdin(lang: str) -> str:
    return "".join(answer + "\n" for _key, answer in script(lang))


def test_init_reads_answers_from_a_pipe_and_writes_a_file_check_accepts(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    result = CliRunner().invoke(main, ["init", "-o", str(target), "--lang", "fr"], input=_stdin("fr"))
    assert result.exit_code == 0, result.output
    assert f"Convention écrite dans {target}" in result.output
    assert_typed(read_yaml(target), "fr")
    checked = CliRunner().invoke(main, ["check", str(target), "--format", "json"])
    assert checked.exit_code in (0, 1, 3), checked.output


def test_init_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("mine\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", "-o", str(target), "--lang", "fr"], input=_stdin("fr"))
    assert result.exit_code == 2
    assert f"le fichier {target} existe (--force pour le remplacer)" in result.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"
    forced = CliRunner().invoke(main, ["init", "-o", str(target), "--lang", "fr", "--force"], input=_stdin("fr"))
    assert forced.exit_code == 0, forced.output
    assert_typed(read_yaml(target), "fr")


def test_default_file_is_named_after_the_id_and_a_taken_name_is_asked_again(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rabat-bamako-2018.yaml").write_text("mine\n", encoding="utf-8")
    answers = "rabat-bamako-2018\n" + _stdin("en").replace("rabat-bamako-2018\n", "rabat-bamako-2018-b\n", 1)
    result = CliRunner().invoke(main, ["init", "--lang", "en"], input=answers)
    assert result.exit_code == 0, result.output
    assert "the file rabat-bamako-2018.yaml exists" in result.output
    assert (tmp_path / "rabat-bamako-2018.yaml").read_text(encoding="utf-8") == "mine\n"
    assert read_yaml(tmp_path / "rabat-bamako-2018-b.yaml")["id"] == "rabat-bamako-2018-b"


def test_input_ending_early_says_so_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    result = CliRunner().invoke(main, ["init", "-o", str(target), "--lang", "ar"], input="rabat-bamako-2018\n")
    assert result.exit_code == 2
    assert "توقف الإدخال قبل اكتمال الاتفاقية: لم يكتب أي ملف" in result.stderr
    assert not target.exists()


# ---- the command in a terminal (tmux) ---------------------------------------------------------------

def tmux() -> str:
    path = shutil.which("tmux")
    if path is None:
        if os.environ.get("COOPCHECK_REQUIRE_TMUX") == "1":
            pytest.fail("COOPCHECK_REQUIRE_TMUX=1 but no tmux on PATH (apt-get install tmux)")
        pytest.skip("no tmux on PATH (apt-get install tmux; CI installs it)")
    return path


class Terminal:
    """One tmux server of its own (-L), one wide pane running a command; read with capture-pane."""

    def __init__(self, command: str, cwd: Path) -> None:
        self.tmux = tmux()
        self.socket = f"coopcheck-test-{uuid.uuid4().hex[:12]}"
        self.seen: Counter[str] = Counter()
        # a UTF-8 locale for the pane; no TMUX variable, so a run from inside tmux is not "nested"
        self.env = {**{k: v for k, v in os.environ.items() if k != "TMUX"},
                    "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color"}
        # the shell keeps the pane open after coopcheck exits, with its exit code on screen
        self._tmux("new-session", "-d", "-s", "init", "-x", "250", "-y", "50", "-c", str(cwd),
                   f"{command}; echo \"[exit $?]\"; sleep 120")

    def _tmux(self, *args: str) -> str:
        return subprocess.run([self.tmux, "-u", "-L", self.socket, *args], check=True, capture_output=True,
                              text=True, env=self.env, timeout=30).stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "init")

    def wait_for(self, text: str, times: int = 1, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if screen.count(text) >= times:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} (x{times}) never appeared on the terminal:\n{screen}")
            time.sleep(0.05)

    def answer(self, question_text: str, value: str) -> None:
        """Wait for the next asking of ``question_text``, then type ``value`` and Enter."""
        self.seen[question_text] += 1
        self.wait_for(question_text, self.seen[question_text])
        if value:
            self._tmux("send-keys", "-t", "init", "-l", value)
        self._tmux("send-keys", "-t", "init", "Enter")

    def close(self) -> None:
        subprocess.run([self.tmux, "-L", self.socket, "kill-server"], capture_output=True, check=False)


@pytest.fixture
def terminal_factory() -> Iterator[Any]:
    made: list[Terminal] = []

    def make(command: str, cwd: Path) -> Terminal:
        made.append(Terminal(command, cwd))
        return made[-1]

    yield make
    for t in made:
        t.close()


@pytest.mark.parametrize(("lang", "shown"), [
    ("fr", ["Intitulé de la convention", "Date de signature prévue", "date inexistante ou invalide",
            "vouliez-vous dire 'MA' ?", "collectivité territoriale (territorial_collectivity)"]),
    ("ar", ["عنوان الاتفاقية", "تاريخ التوقيع المرتقب", "تاريخ غير موجود أو غير صحيح", "هل تقصد 'MA'؟",
            "جماعة ترابية", "(territorial_collectivity)"]),
])
def test_init_in_a_terminal(tmp_path: Path, terminal_factory: Any, lang: str, shown: list[str]) -> None:
    target = tmp_path / "a.yaml"
    term = terminal_factory(f"'{BIN}' init -o '{target}' --lang {lang}", tmp_path)
    for key, value in script(lang):
        term.answer(question(key, lang), value)
    screen = term.wait_for("[exit ")
    assert "[exit 0]" in screen, screen
    for text in shown:
        assert text in screen, f"{text!r} not on the terminal:\n{screen}"
    assert_typed(read_yaml(target), lang)
    checked = subprocess.run([str(BIN), "check", str(target), "--lang", lang], capture_output=True, text=True,
                             timeout=120, check=False)
    assert checked.returncode in (0, 1, 3), checked.stderr
