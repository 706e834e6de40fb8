"""The web form at ``/``: ``coopcheck init``'s questions in a browser, in Arabic, French or English.

The questions and every per-answer check are the wizard's (``init_wizard.Wizard``), not a copy:
``FormWizard`` runs the wizard's own ``run()`` with the submitted form as its answers. Each of the
wizard's questions becomes a form field (``party-1-country``…); the loops of the terminal ("another
party?", "an approval?") are answered by the rows the form holds; an answer the wizard refuses is
kept with the wizard's own message, in the page's language, beside its field. So the form asks what
``init`` asks and refuses what ``init`` refuses, and a new question in the wizard appears here.

Stateless: nothing is stored on the server, there is no cookie and no session, every page is the
answer to one POST of the whole form (and works with JavaScript off: there is none). CSRF therefore
has nothing to ride on: a forged cross-site POST gets its own answers back, in a response the forging
page cannot read (no CORS), and changes nothing on the server. The download buttons post the
checked agreement's YAML back to ``/v1/check`` (PDF, HTML, JSON) or to ``/form/yaml``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import UploadFile

from .. import i18n
from ..errors import CoopcheckError, LocatedError
from ..init_wizard import AnswerError, Wizard, to_yaml

T = TypeVar("T")
LOOPS = {"more_parties": "party", "any_approval": "approval", "any_funding": "funding"}
STARTS = {"party_id": "party", "approval_kind": "approval", "funder": "funding"}
SECTIONS = ("party", "approval", "funding")
MIN_ROWS = {"party": 2, "approval": 0, "funding": 0}
MAX_ROWS = 20
# answers written left to right whatever the page's direction: ids, codes, dates, numbers
LTR_KEYS = frozenset({"id", "party_id", "country", "currency", "signing_date", "approval_date", "received",
                      "session_closed", "amount", "duration", "approval_of", "funder", "subject"})
_LAST_PARENS = re.compile(r"\s*\([^()]*\)(?=\s*[?؟]?\s*$)")


@dataclasses.dataclass
class Question:
    """One field of the form: a wizard question in one section row."""

    name: str                    # the form field: "kind", "party-1-country"
    key: str                     # the wizard's question key (init.q.<key>)
    section: str                 # "" (the agreement), party, approval, funding
    row: int                     # 1-based row of its section (0 for the agreement)
    optional: bool
    kind: str = "text"           # text | choice | many | yes_no | ref (a party id)
    choices: tuple[tuple[str, str], ...] = ()   # (value, label)
    value: str | list[str] = ""
    error: str | None = None


class _Silent:
    """The wizard's prompter: the form shows the questions itself."""

    def ask(self, prompt: str) -> str:   # pragma: no cover - FormWizard.ask never calls it
        raise AssertionError(prompt)

    def say(self, text: str) -> None:
        return None


def rows_in(form: Mapping[str, Any], section: str) -> int:
    """How many rows of ``section`` hold an answer (at least its minimum, at most ``MAX_ROWS``)."""
    filled = 0
    for n in range(1, MAX_ROWS + 1):
        prefix = f"{section}-{n}-"
        if any(k.startswith(prefix) and str(v).strip() for k, v in form.items()):
            filled = n
    return max(filled, MIN_ROWS[section])


class FormWizard(Wizard):
    """``Wizard.run()`` answered by a submitted form; records each question, its value and its refusal."""

    def __init__(self, form: Mapping[str, Any], lang: str, extra: int = 0) -> None:
        super().__init__(_Silent(), lang)
        self.form = form
        # extra: empty rows asked after the answered ones (the page shows one of each, to be filled)
        self.rows = {s: min(rows_in(form, s) + extra, MAX_ROWS) for s in SECTIONS}
        self.started = dict.fromkeys(SECTIONS, 0)
        self.section = ""
        self.questions: list[Question] = []
        self.errors: dict[str, str] = {}          # field name (or "approval-2") -> message
        self._kind = "text"
        self._choices: tuple[tuple[str, str], ...] = ()

    # the wizard's question hooks -----------------------------------------------------------------

    def _where(self, key: str) -> tuple[str, int]:
        if key in STARTS:
            self.section = STARTS[key]
            self.started[self.section] += 1
        elif key in ("subject", "clauses"):
            self.section = ""
        return self.section, self.started[self.section] if self.section else 0

    def ask(self, key: str, check: Callable[[str], T], optional: bool = False, **params: Any) -> T | None:
        if key in LOOPS:   # "another one?": yes while the form has more rows of that section
            section = LOOPS[key]
            return self.started[section] < self.rows[section]  # type: ignore[return-value]
        section, row = self._where(key)
        name = f"{section}-{row}-{key}" if section else key
        raw = self.form.get(name, "")
        kind, choices = self._kind, self._choices
        self._kind, self._choices = "text", ()
        if kind == "many":
            picked = [str(v) for v in (raw if isinstance(raw, list) else [raw]) if str(v).strip()]
            known = self.form.get("clauses_known") == "listed"
            answer = (" ".join(picked) or "0") if known else ""
            value: str | list[str] = picked
        else:
            answer = value = str(raw[-1] if isinstance(raw, list) and raw else raw or "").strip()
        question = Question(name, key, section, row, optional, kind, choices, value)
        self.questions.append(question)
        if not answer:
            if optional:
                return None
            question.error = self.errors[name] = i18n.text("init.err.required", self.lang)
            return answer  # type: ignore[return-value]   # the document is not used when any answer is refused
        try:
            return check(answer)
        except AnswerError as exc:
            question.error = self.errors[name] = str(exc)
            return answer  # type: ignore[return-value]

    def choose(self, key: str, values: Sequence[str], optional: bool = False,
               labels: Sequence[str] | None = None) -> str | None:
        shown = list(labels) if labels is not None else [i18n.word(v, self.lang) for v in values]
        self._kind = "ref" if key in ("subject", "approval_of", "funder") else "choice"
        self._choices = tuple(zip(values, shown, strict=True))
        return super().choose(key, values, optional, labels)

    def choose_many(self, key: str, values: Sequence[str]) -> list[str] | None:
        self._kind = "many"
        self._choices = tuple((v, i18n.word(v, self.lang)) for v in values)
        return super().choose_many(key, values)

    def yes_no(self, key: str, optional: bool = False) -> bool | None:
        if key not in LOOPS:
            self._kind = "yes_no"
            self._choices = (("yes", i18n.word("yes", self.lang)), ("no", i18n.word("no", self.lang)))
        return super().yes_no(key, optional)

    def _refuse(self, message: str) -> None:
        """A whole approval refused (the wizard's cross-check): the message goes on its row."""
        self.errors[f"{self.section}-{self.started[self.section]}"] = message


@dataclasses.dataclass
class Filled:
    """The outcome of one submission: the questions as answered, the document if every answer passed."""

    questions: list[Question]
    errors: dict[str, str]
    doc: dict[str, Any] | None
    rows: dict[str, int]


def fill(form: Mapping[str, Any], lang: str) -> Filled:
    wizard = FormWizard(form, lang)
    doc = wizard.run()
    return Filled(wizard.questions, wizard.errors, None if wizard.errors else doc, wizard.rows)


def label(key: str, kind: str, lang: str) -> str:
    """The wizard's question as a field label: a list needs no "(number)", a yes/no no "(yes/no)"."""
    if key == "clauses":
        return i18n.text("web.clauses", lang)
    text = i18n.text(f"init.q.{key}", lang, hint=i18n.text("init.hint.yes_no", lang))
    return _LAST_PARENS.sub("", text) if kind != "text" else text


# ---- an uploaded agreement back into form fields --------------------------------------------------

def _pick(texts: Mapping[str, str] | None, lang: str) -> str:
    if not texts:
        return ""
    return texts.get(lang) or next(iter(texts.values()), "")


def _yes_no(value: Any) -> str:
    return "" if value is None else ("yes" if value else "no")


def form_of(doc: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """The form fields that ask for ``doc`` (a loaded agreement as plain data), for an upload to fill the form.

    What the questions do not ask (a name in another language, notes) is not in the form.
    """
    form: dict[str, Any] = {
        "id": doc.get("id", ""), "title": _pick(doc.get("title"), lang), "kind": doc.get("kind", ""),
        "signing_date": str(doc.get("signing_date") or ""), "duration": str(doc.get("duration_years") or ""),
        "tacit_renewal": _yes_no(doc.get("tacit_renewal")), "legal_person": _yes_no(doc.get("creates_legal_person")),
        "subject": doc.get("subject") or "",
    }
    for n, p in enumerate(doc.get("parties") or [], start=1):
        form.update({f"party-{n}-party_id": p.get("id", ""), f"party-{n}-party_name": _pick(p.get("name"), lang),
                     f"party-{n}-country": p.get("country", ""), f"party-{n}-party_type": p.get("type", ""),
                     f"party-{n}-level": p.get("level") or "", f"party-{n}-role": p.get("role") or "signatory"})
    for n, a in enumerate(doc.get("approvals") or [], start=1):
        form.update({f"approval-{n}-approval_kind": a.get("kind", ""), f"approval-{n}-approval_of": a.get("of", ""),
                     f"approval-{n}-approval_date": str(a.get("date") or ""),
                     f"approval-{n}-outcome": a.get("outcome") or "approved",
                     f"approval-{n}-received": str(a.get("received") or ""),
                     f"approval-{n}-session_closed": str(a.get("session_closed") or ""),
                     f"approval-{n}-reference": a.get("reference") or ""})
    for n, f in enumerate(doc.get("funding") or [], start=1):
        form.update({f"funding-{n}-funder": f.get("from", ""), f"funding-{n}-amount": str(f.get("amount", "")),
                     f"funding-{n}-currency": f.get("currency", "")})
    if doc.get("clauses") is not None:
        form["clauses_known"] = "listed"
        form["clauses"] = list(doc["clauses"])
    return form


# ---- the pages ------------------------------------------------------------------------------------

def _lang(value: Any) -> str:
    return value if value in i18n.LANGS else "en"


def preferred(accept_language: str) -> str:
    """The first of ar, fr, en in the browser's ``Accept-Language`` (by its q-values), else English."""
    ranked: list[tuple[float, int, str]] = []
    for n, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        code = tag.strip()[:2].lower()
        if code in i18n.LANGS and q > 0:
            ranked.append((-q, n, code))
    return min(ranked)[2] if ranked else "en"


def _page(lang: str, form: Mapping[str, Any], errors: Mapping[str, str] | None = None,
          report: dict[str, Any] | None = None, yaml_text: str | None = None,
          problems: list[dict[str, Any]] | None = None, status: int = 200) -> HTMLResponse:
    """The form with ``form``'s answers and ``errors`` beside their fields, plus one empty row of each
    repeatable section (no script: the next submission adds the next row); the report below when given."""
    from . import pages

    errors = dict(errors or {})
    shown = FormWizard(form, lang, extra=1)
    shown.run()
    for q in shown.questions:
        q.error = errors.get(q.name)
    context = {
        "lang": lang, "dir": "rtl" if lang == "ar" else "ltr", "langs": i18n.LANGS,
        "t": lambda key, **p: i18n.text(key, lang, **p), "w": lambda key: i18n.word(key, lang),
        "label": lambda q: label(q.key, q.kind, lang), "groups": _groups(shown.questions),
        "row_errors": {k: v for k, v in errors.items() if k.count("-") == 1}, "n_errors": len(errors),
        "clauses_known": form.get("clauses_known") == "listed",
        "party_ids": [str(form.get(f"party-{n}-party_id", "")) for n in range(1, MAX_ROWS + 1)
                      if form.get(f"party-{n}-party_id")],
        "report": report, "yaml_text": yaml_text, "problems": problems or [], "ltr_keys": LTR_KEYS,
    }
    return HTMLResponse(pages.render("form.html.j2", **context), status_code=status)


def _groups(questions: list[Question]) -> list[dict[str, Any]]:
    """Questions grouped into fieldsets: the agreement, then each party, approval and funding row."""
    groups: list[dict[str, Any]] = []
    for q in questions:
        key = (q.section, q.row)
        if not groups or groups[-1]["key"] != key:
            groups.append({"key": key, "section": q.section, "row": q.row, "questions": []})
        groups[-1]["questions"].append(q)
    return groups


def _report_of(yaml_text: str, lang: str) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    from .. import application
    from ..render import json_report

    try:
        report = application.check_report(yaml_text.encode("utf-8"), "agreement.yaml", application.Options(lang=lang))
    except LocatedError as exc:
        return None, application.problems_json(exc, lang)
    except CoopcheckError as exc:
        return None, [{"message": exc.message}]
    return json_report.as_dict(report, lang), []


def _uploaded(data: bytes, name: str) -> dict[str, Any]:
    """An uploaded agreement, validated by the loader, as plain data (``InputError`` when it is bad)."""
    from .. import application

    return application.load_document(data, name).model_dump(mode="json", by_alias=True, exclude_none=True)


async def _fields(request: Request) -> dict[str, Any]:
    async with request.form(max_files=0, max_fields=1000) as form:
        out: dict[str, Any] = {}
        for key in form:
            values = [v for v in form.getlist(key) if isinstance(v, str)]
            out[key] = values if key == "clauses" else (values[-1] if values else "")
        return out


def install(api: FastAPI, timeout: float) -> None:
    """Add the form's routes to ``api``."""
    from .api import attachment, limited

    @api.get("/", include_in_schema=False)
    async def empty_form(request: Request, lang: str | None = None) -> HTMLResponse:
        return _page(_lang(lang) if lang else preferred(request.headers.get("accept-language", "")), {})

    @api.post("/", include_in_schema=False)
    async def submitted(request: Request) -> HTMLResponse:
        form = await _fields(request)
        lang = _lang(form.get("lang"))
        filled = fill(form, lang)
        if filled.doc is None:
            return _page(lang, form, filled.errors, status=422 if form.get("action") == "check" else 200)
        if form.get("action") != "check":
            return _page(lang, form)
        yaml_text = to_yaml(filled.doc, "agreement.schema.json")
        report, problems = await limited(timeout, _report_of, yaml_text, lang)
        return _page(lang, form, {}, report, yaml_text, problems, 200 if report else 422)

    @api.post("/form/upload", include_in_schema=False)
    async def upload(request: Request) -> HTMLResponse:
        from .. import application

        async with request.form(max_files=1, max_fields=10) as form:
            lang = _lang(form.get("lang"))
            file = form.get("file")
            data = await file.read() if isinstance(file, UploadFile) else b""
            name = (file.filename if isinstance(file, UploadFile) else None) or "agreement.yaml"
        try:
            doc = await limited(timeout, _uploaded, data, name)
        except LocatedError as exc:
            return _page(lang, {}, problems=application.problems_json(exc, lang), status=422)
        return _page(lang, form_of(doc, lang))

    @api.post("/form/yaml", include_in_schema=False)
    async def yaml_download(request: Request) -> Response:
        """The checked agreement as its YAML file (so the CLI can check it again, or it can be archived)."""
        form = await _fields(request)
        text = str(form.get("agreement", ""))
        stem = str(form.get("id") or "agreement")
        return Response(text.encode("utf-8"), media_type="application/yaml; charset=utf-8",
                        headers={"Content-Disposition": attachment(stem, "yaml")})
