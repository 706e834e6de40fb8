"""``coopcheck init``: write an agreement file by answering questions in Arabic, French or English.

The prompts are click's plain line prompts, not questionary/prompt_toolkit: a line prompt works
the same on a terminal, inside tmux and with answers piped on stdin (a script, CI), needs no new
dependency, and keeps Arabic text in logical order wrapped in isolates (what the terminal report
does), where a cursor-driven selection widget redraws right-to-left labels unpredictably. A
choice is typed as its number (or its vocabulary word), so every question is one line.

The questions talk to a ``Prompter`` (ask one line, say one line): the command gives it the
terminal, the tests give it a list of answers. Each answer is checked as it is typed with the
contract's own validators (``model.py``: ids, ISO country codes, dates, bounds of numbers, the
order of an approval's dates) and refused with the message the loader would give for the same
mistake in a file, in the user's language; the finished document still goes through the real
loader before anything is written (``save``).
"""

from __future__ import annotations

import dataclasses
import io
import os
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, Protocol, TypeVar

import msgspec
from pydantic import BaseModel, TypeAdapter, ValidationError

from . import i18n
from .atomic import write_text
from .errors import BIDI_CONTROLS, InputError, is_control
from .model import AGREEMENT_SCHEMA, Agreement, Approval, Funding, Party, check_references
from .render.terminal import iso
from .vocab import AgreementKind, ApprovalKind, Clause, Level, Outcome, PartyRole, PartyType
from .yamlio import suggest

T = TypeVar("T")
SCHEMA_FILE = "agreement.schema.json"
_YES = frozenset({"y", "yes", "o", "oui", "ن", "نعم"})
_NO = frozenset({"n", "no", "non", "ل", "لا"})


class StoppedError(Exception):
    """The answers ended (end of input, Ctrl-C) before the agreement was complete."""


class AnswerError(Exception):
    """An answer refused; the message is already in the user's language."""


class Prompter(Protocol):
    def ask(self, prompt: str) -> str:
        """One line of answer to ``prompt``; raises ``StoppedError`` when there is no more input."""

    def say(self, text: str) -> None:
        """Show one line (a heading, a list of choices, why an answer was refused)."""


class ClickPrompter:
    """The terminal, or a pipe: click reads a line either way and turns EOF and Ctrl-C into Abort."""

    def ask(self, prompt: str) -> str:
        import click

        try:
            return str(click.prompt(prompt, default="", show_default=False, prompt_suffix=" : "))
        except click.exceptions.Abort as exc:
            if isinstance(exc.__context__, KeyboardInterrupt):   # Ctrl-C: the CLI's exit 130, not "input ended"
                raise KeyboardInterrupt from None
            raise StoppedError from exc

    def say(self, text: str) -> None:
        import click

        click.echo(text)


class ScriptedPrompter:
    """Answers given in advance (tests, or a caller that already has them); records what was shown."""

    def __init__(self, answers: Sequence[str]) -> None:
        self.answers = list(answers)
        self.shown: list[str] = []

    def ask(self, prompt: str) -> str:
        self.shown.append(prompt)
        if not self.answers:
            raise StoppedError
        return self.answers.pop(0)

    def say(self, text: str) -> None:
        self.shown.append(text)


def field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    """A validator for one field of a contract model, with the model's own constraints."""
    info = model.model_fields[name]
    annotation: Any = info.annotation
    if info.metadata:
        annotation = Annotated[(annotation, *info.metadata)]
    return TypeAdapter(annotation)


def problem_message(exc: ValidationError, lang: str) -> str:
    """The first error of ``exc`` worded as the loader words it (``pydantic:<type>`` messages)."""
    err = exc.errors(include_url=False)[0]
    params = {k: v for k, v in (err.get("ctx") or {}).items() if isinstance(v, str | int)}
    return i18n.problem_text(f"pydantic:{err['type']}", err["msg"], params, lang)


_ADAPTERS = {
    "agreement.id": field_adapter(Agreement, "id"),
    "party.id": field_adapter(Party, "id"),
    "date": field_adapter(Approval, "date"),
    "duration": field_adapter(Agreement, "duration_years"),
    "country": field_adapter(Party, "country"),
    "amount": field_adapter(Funding, "amount"),
    "currency": field_adapter(Funding, "currency"),
}


def _whole(answer: str) -> int | str:
    """A number typed as digits becomes an int; anything else stays text for the strict validator to refuse."""
    try:
        return int(answer)
    except ValueError:
        return answer


@dataclasses.dataclass
class Wizard:
    """The questions, in the order a legal officer reads an agreement; ``run`` returns the document."""

    prompter: Prompter
    lang: str
    # called with a typed agreement id: a refusal message if the file it would name is taken
    id_taken: Callable[[str], str | None] | None = None

    # ---- one question ------------------------------------------------------------------------

    def _check(self, key: str, value: Any) -> Any:
        try:
            return _ADAPTERS[key].validate_python(value)
        except ValidationError as exc:
            raise AnswerError(problem_message(exc, self.lang)) from None

    def _refuse(self, message: str) -> None:
        self.prompter.say(iso(f"  ✗ {message}"))

    def ask(self, key: str, check: Callable[[str], T], optional: bool = False, **params: Any) -> T | None:
        """Ask ``init.q.<key>`` until ``check`` accepts the answer (empty = None when optional)."""
        while True:
            answer = self.prompter.ask(iso(i18n.text(f"init.q.{key}", self.lang, **params))).strip()
            if not answer:
                if optional:
                    return None
                self._refuse(i18n.text("init.err.required", self.lang))
                continue
            try:
                return check(answer)
            except AnswerError as exc:
                self._refuse(str(exc))

    def required(self, key: str, check: Callable[[str], T], **params: Any) -> T:
        value = self.ask(key, check, **params)
        assert value is not None   # ask() returns None only for optional questions
        return value

    def _pick(self, answer: str, values: Sequence[str], labels: Sequence[str]) -> str:
        if answer.isdigit() and 1 <= int(answer) <= len(values):
            return values[int(answer) - 1]
        folded = answer.casefold()
        for value, label in zip(values, labels, strict=True):
            if folded in (value.casefold(), label.casefold()):
                return value
        hint = suggest(answer, values)
        params = {"n": len(values), **({"suggestion": hint} if hint else {})}
        english = f"choose a number from 1 to {len(values)}"
        raise AnswerError(i18n.problem_text("init.choice", english, params, self.lang))

    def _options(self, values: Sequence[str], labels: Sequence[str]) -> None:
        for n, (value, label) in enumerate(zip(values, labels, strict=True), start=1):
            self.prompter.say(f"  {n:>2}. {iso(label)}" + (f" ({value})" if label != value else ""))

    def choose(self, key: str, values: Sequence[str], optional: bool = False,
               labels: Sequence[str] | None = None) -> str | None:
        """One of ``values``, by number, word or label; the list is shown in the user's language."""
        labels = list(labels) if labels is not None else [i18n.word(v, self.lang) for v in values]
        self._options(values, labels)
        return self.ask(key, lambda a: self._pick(a, values, labels), optional)

    def choose_many(self, key: str, values: Sequence[str]) -> list[str] | None:
        """Several of ``values`` (numbers or words separated by commas or spaces); '0' is none, empty unknown."""
        labels = [i18n.word(v, self.lang) for v in values]
        self._options(values, labels)

        def check(answer: str) -> list[str]:
            tokens = [t for t in answer.replace("،", ",").replace(",", " ").split() if t]
            if tokens == ["0"]:
                return []
            picked = [self._pick(t, values, labels) for t in tokens]
            return [v for v in values if v in picked]   # the vocabulary's order, once each

        return self.ask(key, check, optional=True)

    def yes_no(self, key: str, optional: bool = False) -> bool | None:
        def check(answer: str) -> bool:
            folded = answer.casefold()
            if folded in _YES or folded == i18n.word("yes", self.lang).casefold():
                return True
            if folded in _NO or folded == i18n.word("no", self.lang).casefold():
                return False
            raise AnswerError(i18n.text("init.err.yes_no", self.lang))

        hint = "init.hint.yes_no_unknown" if optional else "init.hint.yes_no"
        return self.ask(key, check, optional, hint=i18n.text(hint, self.lang))

    # ---- answers checked with the contract's validators ----------------------------------------

    def text(self, answer: str) -> str:
        """Free text as a file may hold it: no bidi controls, no control characters (the loader's rule)."""
        for char in answer:
            if char in BIDI_CONTROLS or is_control(char):
                code = "text.bidi" if char in BIDI_CONTROLS else "text.control"
                params = {"char": f"U+{ord(char):04X}", "name": unicodedata.name(char, "control")}
                raise AnswerError(i18n.problem_text(code, f"character {params['char']}", params, self.lang))
        return answer

    def date(self, answer: str) -> str:
        return str(self._check("date", answer).isoformat())

    def agreement_id(self, answer: str) -> str:
        value = str(self._check("agreement.id", answer))
        refusal = self.id_taken(value) if self.id_taken else None
        if refusal:
            raise AnswerError(refusal)
        return value

    # ---- the agreement -------------------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        """Every question, in order; the agreement document (``coopcheck/agreement/v1``)."""
        lang = self.lang
        self.prompter.say(iso(i18n.text("init.intro", lang)))
        head: dict[str, Any] = {"schema": AGREEMENT_SCHEMA}
        head["id"] = self.required("id", self.agreement_id)
        head["title"] = {lang: self.required("title", self.text)}
        head["kind"] = self.choose("kind", [k.value for k in AgreementKind])
        optional = {
            "signing_date": self.ask("signing_date", self.date, optional=True),
            "duration_years": self.ask("duration", lambda a: int(self._check("duration", _whole(a))), optional=True),
            "tacit_renewal": self.yes_no("tacit_renewal", optional=True),
            "creates_legal_person": self.yes_no("legal_person", optional=True),
        }
        head.update({k: v for k, v in optional.items() if v is not None})
        parties = self.parties()
        ids = [p["id"] for p in parties]
        names = [f"{p['name'][lang]}" for p in parties]
        subject = self.choose("subject", ids, optional=True, labels=names)
        approvals = self.approvals(parties)
        funding = self.funding(ids, names)
        clauses = self.choose_many("clauses", [c.value for c in Clause])
        doc = {**head, **({"subject": subject} if subject else {}), "parties": parties}
        if funding:
            doc["funding"] = funding
        if approvals:
            doc["approvals"] = approvals
        if clauses is not None:
            doc["clauses"] = clauses
        return doc

    def parties(self) -> list[dict[str, Any]]:
        """At least two parties (the contract's minimum), then as many as the user adds."""
        parties: list[dict[str, Any]] = []
        while len(parties) < 2 or self.yes_no("more_parties"):
            self.prompter.say(iso(i18n.text("init.party_heading", self.lang, n=len(parties) + 1)))
            taken = {p["id"] for p in parties}

            def party_id(answer: str, taken: set[str] = taken) -> str:
                value = str(self._check("party.id", answer))
                if value in taken:
                    raise AnswerError(i18n.problem_text("ref.duplicate_party", f"party id '{value}' is used twice",
                                                    {"id": value}, self.lang))
                return value

            party: dict[str, Any] = {"id": self.required("party_id", party_id)}
            party["name"] = {self.lang: self.required("party_name", self.text)}
            party["country"] = self.required("country", lambda a: str(self._check("country", a)))
            party["type"] = self.choose("party_type", [t.value for t in PartyType])
            level = self.choose("level", [v.value for v in Level], optional=True)
            if level:
                party["level"] = level
            role = self.choose("role", [r.value for r in PartyRole])
            if role != PartyRole.signatory.value:   # the contract's default, left out as the fixtures do
                party["role"] = role
            parties.append(party)
        return parties

    def _approval_day(self, item: dict[str, Any], name: str) -> Callable[[str], str]:
        """The check of one more day of the approval ``item``: a date the loader accepts there (received
        before adoption, a session closed before its deliberation: refused with the loader's words)."""
        def check(answer: str) -> str:
            day = self.date(answer)
            try:
                Approval.model_validate({**item, name: day})
            except ValidationError as exc:
                raise AnswerError(problem_message(exc, self.lang)) from None
            return day

        return check

    def approvals(self, parties: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Approvals already obtained or asked; one listed twice is refused as the loader refuses it."""
        ids = [p["id"] for p in parties]
        names = [p["name"][self.lang] for p in parties]
        out: list[dict[str, Any]] = []
        while self.yes_no("any_approval"):
            kind = self.choose("approval_kind", [k.value for k in ApprovalKind])
            of = self.choose("approval_of", ids, labels=names)
            item: dict[str, Any] = {"kind": kind, "of": of}
            adopted = self.ask("approval_date", self.date, optional=True)
            if adopted:
                item["date"] = adopted
            item["outcome"] = self.choose("outcome", [o.value for o in Outcome])

            # the day the control authority received it; for a council deliberation (or a form's new row,
            # whose kind is not chosen yet) the day its session closed: the working days for sending its
            # copies run from it (111-14 art. 113, 112-14 art. 107, 113-14 art. 116); empty: that same day
            days = ["received"]
            if kind in (None, "", ApprovalKind.council_deliberation.value):
                days.append("session_closed")
            for name in days:
                day = self.ask(name, self._approval_day(item, name), optional=True)
                if day:
                    item[name] = day
            reference = self.ask("reference", self.text, optional=True)
            if reference:
                item["reference"] = reference
            problems = [p for p in check_references({"parties": parties, "approvals": [*out, item]})
                        if p[0][:2] == ("approvals", len(out))]
            if problems:
                _loc, code, english, params = problems[0]
                self._refuse(i18n.problem_text(code, english, params, self.lang))
                continue
            out.append(item)
        return out

    def funding(self, ids: list[str], names: list[str]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        while self.yes_no("any_funding"):
            item: dict[str, Any] = {"from": self.choose("funder", ids, labels=names)}
            item["amount"] = self.required("amount", lambda a: int(self._check("amount", _whole(a))))
            item["currency"] = self.required("currency", lambda a: str(self._check("currency", a.upper())))
            out.append(item)
        return out


# ---- the file ----------------------------------------------------------------------------------

def schema_ref(target: Path) -> str:
    """The schema comment's path: the nearest ``agreement.schema.json`` above the file, relative to
    it (as the fixtures carry it), else the name ``coopcheck schema -o agreement.schema.json`` writes."""
    folder = target.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / SCHEMA_FILE).is_file():
            return Path(os.path.relpath(candidate / SCHEMA_FILE, folder)).as_posix()
    return SCHEMA_FILE


def to_yaml(doc: dict[str, Any], schema: str) -> str:
    """The document as YAML under the editor's schema comment (ruamel quotes what would be misread)."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    yaml.dump(doc, buffer)
    return (f"# yaml-language-server: $schema={schema}\n"
            "# Written by `coopcheck init`; check it with `coopcheck check` on this file.\n" + buffer.getvalue())


def save(doc: dict[str, Any], target: Path) -> str:
    """Validate the YAML with the real loader, then write it atomically; returns the text written.

    The loader reads a temporary copy first, so a file that would not load is never written; its
    problems are reported under the target's name.
    """
    from .loader import load_agreement

    content = to_yaml(doc, schema_ref(target))
    with tempfile.TemporaryDirectory(prefix="coopcheck-init-") as folder:
        trial = Path(folder) / "agreement.yaml"
        trial.write_text(content, encoding="utf-8")
        try:
            load_agreement(trial)
        except InputError as exc:
            raise InputError([msgspec.structs.replace(p, path=str(target)) for p in exc.problems]) from None
    write_text(target.resolve(), content)
    return content
