"""What the command line and the web service both do, on documents given as bytes and a name.

The service receives an agreement as the bytes of a request, never as a path on the server; the
CLI reads a file. Both must give the same report, byte for byte, and the same located errors. So
the bytes go through the *same* checks and reader as a file's (``loader.load_agreement_bytes``:
size, encoding, depth, the JSON checks when the display name ends in ``.json``, as a file's suffix
would), and the display name stands for the file in ``name:line:col: field: message``. A
request's name is only ever a label: it never names a path. (A portfolio's documents are still
written to private temporary files, named by the server, for ``batch.check_one``.)

durable-rules keeps process-global C state and is not thread-safe (shared/notes/durable-rules.md):
``ENGINE_LOCK`` lets one check run at a time in a process; parallelism comes from worker processes
(``coopcheck serve --workers``, or the CLI's ``--jobs``). WeasyPrint has its own lock, so a PDF being
printed does not hold up the checks.

The portfolio calls the functions the CLI's ``_portfolio`` calls (``batch.check_one`` on each file,
``render.summary`` for the rows), so a summary row says the same thing whichever way it was asked.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from . import __version__, i18n
from .errors import InputError, LocatedError, UsageError, visible

if TYPE_CHECKING:   # not imported at start-up: the CLI imports this module for every check
    from .batch import Outcome
    from .model import Agreement
    from .report import Report

MAX_FILE_BYTES = 1024 * 1024   # yamlio.MAX_FILE_BYTES (a test keeps them equal), the CLI's limit

ENGINE_LOCK = threading.Lock()   # one durable-rules evaluation at a time per process
_PDF_LOCK = threading.Lock()     # WeasyPrint/Pango: one page printed at a time per process

REPORT_FORMATS = ("json", "html", "markdown", "pdf")
MEDIA_TYPES = {"json": "application/json", "html": "text/html; charset=utf-8",
               "markdown": "text/markdown; charset=utf-8", "pdf": "application/pdf",
               "csv": "text/csv; charset=utf-8", "jsonl": "application/jsonl; charset=utf-8",
               "yaml": "application/yaml; charset=utf-8"}
SUMMARY_FORMATS = ("json", "csv", "jsonl")
SUFFIXES = (".yaml", ".yml", ".json")   # batch.AGREEMENT_SUFFIXES, without importing batch here
MAX_DOCUMENTS = 200                     # agreements in one portfolio request


class Options(msgspec.Struct, frozen=True):
    """The CLI's options of ``check`` that a caller may set (never ``--rules``: the rulebook is the server's)."""

    lang: str = "en"
    as_of: date | None = None
    subject: str | None = None
    fmt: str = "json"
    bilingual: bool = False


class Rendered(msgspec.Struct, frozen=True):
    """A report as the bytes to send, with what a caller needs to label them."""

    content: bytes
    media_type: str
    verdict: str
    agreement: str
    fmt: str


def _suffix(name: str) -> str:
    return ".json" if name.lower().endswith(".json") else ".yaml"


def _oversized(name: str) -> InputError:
    from .errors import Problem

    limit = MAX_FILE_BYTES // (1024 * 1024)
    return InputError([Problem(name, 1, 1, "<file>", "file.too_large", f"the file is larger than {limit} MiB",
                               {"limit_mib": limit})])


def load_document(data: bytes, name: str) -> Agreement:
    """The agreement in ``data``, loaded as ``coopcheck check`` loads a file named ``name``.

    ``InputError`` with every problem located under ``name`` when it is bad. The bytes go through
    the file's checks and reader (``loader.load_agreement_bytes``), never through the file system.
    """
    from .loader import load_agreement_bytes

    if len(data) > MAX_FILE_BYTES:   # the loader would refuse it too: said before it reads a byte
        raise _oversized(name)
    return load_agreement_bytes(data, visible(name))


def check_report(data: bytes, name: str, options: Options) -> Report:
    """The report of the agreement in ``data``: ``check.check_file`` on bytes (``InputError`` under ``name``)."""
    from .check import check_agreement

    agreement = load_document(data, name)   # outside the lock: reading needs no engine
    with ENGINE_LOCK:
        return check_agreement(agreement, _rulebook_locked(), options.as_of, options.subject)


def render(report: Report, options: Options) -> bytes:
    """The report in ``options.fmt``, as the CLI writes it (``check --format ...``)."""
    fmt, lang = options.fmt, options.lang
    if options.bilingual and fmt not in ("html", "pdf"):
        raise UsageError(i18n.text("report.bilingual_only", lang))
    if fmt == "json":
        from .render import json_report

        return json_report.render(report, lang).encode("utf-8")
    if fmt == "markdown":
        from .render import markdown

        return markdown.render(report, lang).encode("utf-8")
    from .render import html

    page = html.render(report, lang, options.bilingual)
    if fmt == "html":
        return page.encode("utf-8")
    if fmt == "pdf":
        from .render import pdf

        with _PDF_LOCK:
            return pdf.render(page, lang)
    raise UsageError(f"--format {fmt}: one of {', '.join(REPORT_FORMATS)}")


def check_document(data: bytes, name: str, options: Options) -> Rendered:
    """Check one agreement given as bytes and render its report: what ``coopcheck check FILE`` prints."""
    if options.fmt not in REPORT_FORMATS:
        raise UsageError(f"format {options.fmt}: one of {', '.join(REPORT_FORMATS)}")
    report = check_report(data, name, options)
    return Rendered(render(report, options), MEDIA_TYPES[options.fmt], report.verdict.value, report.agreement.id,
                    options.fmt)


def problems_json(exc: LocatedError, lang: str) -> list[dict[str, Any]]:
    """The located problems as data: what the CLI prints as ``file:line:col: field: message``.

    A message may quote what the file holds; a lone surrogate there (a ``"\\udb1f"`` escape) would make
    the JSON answer unencodable (a 500): it is written as its escape, as a terminal shows it."""
    return [{"file": p.path, "line": p.line, "column": p.column, "field": p.field, "code": p.code,
             "message": _encodable(i18n.problem_text(p.code, p.english, p.params, lang))} for p in exc.problems]


def _encodable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def problem_lines(exc: LocatedError, lang: str) -> list[str]:
    return [f"{p['file']}:{p['line']}:{p['column']}: {p['field']}: {p['message']}" for p in problems_json(exc, lang)]


# ---- portfolio ----------------------------------------------------------------------------------

def documents_from_zip(data: bytes) -> list[tuple[str, bytes]]:
    """The agreement files of a zip archive, by name order, as (member name, bytes).

    Nothing is extracted to disk under a member's name (a ``../`` name is only a label); each
    member is read up to the size limit plus one byte, so a zip bomb costs at most that.
    """
    import io
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UsageError("the body is not a zip archive") from None
    out: list[tuple[str, bytes]] = []
    with archive:
        members = sorted((m for m in archive.infolist()
                          if not m.is_dir() and m.filename.lower().endswith(SUFFIXES)), key=lambda m: m.filename)
        if len(members) > MAX_DOCUMENTS:
            raise UsageError(f"more than {MAX_DOCUMENTS} agreements in one request")
        for member in members:
            try:
                with archive.open(member) as handle:
                    out.append((member.filename, handle.read(MAX_FILE_BYTES + 1)))
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError) as exc:
                raise UsageError(f"{visible(member.filename)}: unreadable in the zip archive ({exc})") from None
    return out


def _relabelled(outcome: Outcome, private: str, name: str) -> Outcome:
    """An outcome of ``batch.check_one`` on the private file, told under the document's name."""
    shown, hidden = visible(name), visible(private)
    rows = tuple(dataclasses.replace(r, file=shown, error=(shown + r.error[len(hidden):]) if r.error.startswith(hidden)
                                     else r.error) for r in outcome.rows)
    return dataclasses.replace(outcome, file=shown, rows=rows)


def portfolio(documents: Sequence[tuple[str, bytes]], lang: str, as_of: date | None) -> list[Outcome]:
    """Check every document (one row per checked party); a bad one is a row, the others are still checked."""
    import tempfile

    from . import batch
    from .check import current_date

    if not documents:
        raise UsageError(i18n.text("batch.no_files", lang, paths="-"))
    if len(documents) > MAX_DOCUMENTS:
        raise UsageError(f"more than {MAX_DOCUMENTS} agreements in one request")
    today = current_date()   # one day for the whole portfolio, as batch.run does
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="coopcheck-portfolio-") as folder:
        for n, (name, data) in enumerate(documents):
            private = str(Path(folder) / f"{n:04d}{_suffix(name)}")
            if len(data) > MAX_FILE_BYTES:
                exc = _oversized(name)
                first = problem_lines(exc, lang)[0]
                outcomes.append(batch.Outcome(visible(name), batch.BAD_INPUT, None,
                                              (batch.Row(visible(name), "", "", batch.BAD_INPUT, error=first),)))
                continue
            Path(private).write_bytes(data)
            with ENGINE_LOCK:
                outcome = batch.check_one(private, None, as_of, lang, today)
            outcomes.append(_relabelled(outcome, private, name))
    return outcomes


def summary(outcomes: list[Outcome], fmt: str) -> str:
    """The rows as the CLI's ``--summary csv|jsonl`` writes them, or as one JSON array."""
    from .render import summary as summary_render

    if fmt == "csv":
        return summary_render.to_csv(outcomes)
    if fmt == "jsonl":
        return summary_render.to_jsonl(outcomes)
    if fmt == "json":
        return json.dumps([dataclasses.asdict(r) for r in summary_render.rows(outcomes)],
                          ensure_ascii=False, indent=2) + "\n"
    raise UsageError(f"summary {fmt}: one of {', '.join(SUMMARY_FORMATS)}")


# ---- the rulebook, the schema, the version ------------------------------------------------------

_SERVED: list[Any] = []   # this process's rulebook, once loaded (see _rulebook_locked)


def _rulebook_locked() -> Any:
    """The process's rulebook (``ENGINE_LOCK`` held): the project's rules, read and linted on the
    first call, then kept. A service answers with one rulebook from start to stop (``/v1/version``
    gives its digest); stat'ing every rule file again for each request was a tenth of a check's time."""
    if not _SERVED:
        from .check import rulebook_for

        _SERVED.append(rulebook_for(None))
    return _SERVED[0]


def _rulebook() -> Any:
    with ENGINE_LOCK:
        return _rulebook_locked()


def rules_rows(lang: str, jurisdiction: str | None = None, instrument: str | None = None) -> list[dict[str, Any]]:
    """``coopcheck rules list --format json``: one row per rule."""
    from .rules_browse import row, select

    return [row(r, lang) for r in select(_rulebook(), lang, jurisdiction, instrument)]


def rule_detail(rule_id: str, lang: str) -> dict[str, Any]:
    """``coopcheck rules show RULE --format json`` (``UsageError`` for an unknown rule)."""
    from .rulebook import default_rules_dir
    from .rules_browse import detail, find, scenarios_for

    rule = find(_rulebook(), rule_id, lang)
    return detail(rule, scenarios_for(default_rules_dir(), None), lang)


def agreement_schema() -> dict[str, Any]:
    """``coopcheck schema``: the JSON Schema of an agreement file."""
    from .model import json_schema

    return json_schema()


def version() -> dict[str, Any]:
    """Which coopcheck and which law answered: the package version and the rulebook's size and digest."""
    rb = _rulebook()
    return {"coopcheck": __version__, "rulebook": {"rules": len(rb.rules), "digest": rb.digest},
            "report_schema": "coopcheck/report/v1", "agreement_schema": "coopcheck/agreement/v1"}
