"""The ``coopcheck`` command line.

Exit codes (design.md): 0 compliant, 1 non-compliant, 3 incomplete, 2 bad input or usage
(with ``file:line:col: field: message``, nothing written), 4 engine failure. Errors are the
package's own (``errors``): each knows its exit code; this module only words and prints them.
"""

from __future__ import annotations

import io
import os
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from . import __version__, i18n
from .console import end_of_start_up
from .errors import (
    EXIT_BAD_INPUT,
    EXIT_COMPLIANT,
    EXIT_ENGINE,
    EXIT_INCOMPLETE,
    EXIT_INTERRUPTED,
    EXIT_NON_COMPLIANT,
    CoopcheckError,
    LocatedError,
    UsageError,
    visible,
)
from .paths import resolved
from .startup import no_pydantic_plugin_discovery
from .vocab import Verdict

no_pydantic_plugin_discovery()   # before anything imports pydantic (none of the imports above does)

if TYPE_CHECKING:
    from .batch import Outcome
    from .report import Report

VERDICT_EXIT = {Verdict.compliant: EXIT_COMPLIANT, Verdict.non_compliant: EXIT_NON_COMPLIANT,
                Verdict.incomplete: EXIT_INCOMPLETE}


def _fail(exc: CoopcheckError, lang: str) -> None:
    """Print a coopcheck error in the user's language and exit with its code."""
    if isinstance(exc, LocatedError):
        for p in exc.problems:
            msg = i18n.problem_text(p.code, p.english, p.params, lang)
            click.echo(f"{p.path}:{p.line}:{p.column}: {p.field}: {msg}", err=True)
        click.echo(i18n.text("errors_in", lang, n=len(exc.problems)), err=True)
    else:
        click.echo(f"coopcheck: {exc.message}", err=True)
    sys.exit(exc.exit_code)


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date YYYY-MM-DD") from None


def _check_target(output: Path, inputs: list[Path], force: bool, lang: str | None = None) -> None:
    """Refuse ``-o`` before any work: an input, an existing file without --force, or a folder that is
    missing, not a folder, or not writable (tried with a temporary file: permissions alone would not
    tell a read-only file system, nor anything to root)."""
    import tempfile

    lang = lang or i18n.lang_from_env()
    target = resolved(output)
    if any(target == resolved(p) for p in inputs):
        raise UsageError(f"-o {visible(str(output))}: refusing to overwrite an input file")
    where = {"path": visible(str(output)), "dir": visible(str(target.parent))}
    if target.exists() and not target.is_file():   # /dev/null, a named pipe: --force would replace it by a file
        raise UsageError(i18n.text("output.not_regular", lang, **where))
    if target.exists() and not force:
        raise UsageError(f"-o {visible(str(output))}: the file exists (use --force to replace it)")
    if not target.parent.exists():
        raise UsageError(i18n.text("output.no_dir", lang, **where))
    if not target.parent.is_dir():
        raise UsageError(i18n.text("output.not_dir", lang, **where))
    try:
        with tempfile.TemporaryFile(dir=target.parent, prefix=".coopcheck-probe-"):
            pass
    except OSError as exc:
        raise UsageError(i18n.text("output.cannot_write", lang, **where, detail=exc.strerror or str(exc))) from None


def _written(output: Path, write: Callable[[], None], lang: str | None = None) -> None:
    """Run ``write`` (an atomic write to ``output``); an OS error is a usage error, nothing half-written."""
    try:
        write()
    except OSError as exc:
        where = {"path": visible(str(output)), "dir": visible(str(resolved(output).parent))}
        raise UsageError(i18n.text("output.cannot_write", lang or i18n.lang_from_env(), **where,
                                   detail=exc.strerror or str(exc))) from None


def _write(output: Path, content: str, inputs: list[Path], force: bool) -> None:
    """Write atomically; never over an input file, never over an existing file without --force."""
    _check_target(output, inputs, force)
    from .atomic import write_text

    _written(output, lambda: write_text(resolved(output), content))


class _Path(click.Path):
    """click's Path, refusing a NUL character (U+0000) that no file name can hold (it would reach
    ``os.stat`` as a ValueError: an internal error)."""

    def convert(self, value: str | os.PathLike[str], param: click.Parameter | None,
                ctx: click.Context | None) -> str | bytes | os.PathLike[str]:
        if "\x00" in os.fspath(value):
            self.fail(i18n.text("path.nul", i18n.lang_from_env(), path=visible(os.fspath(value))), param, ctx)
        return super().convert(value, param, ctx)


lang_option = click.option("--lang", type=click.Choice(i18n.LANGS), default=None,
                           help="Language of the report and messages (default: from the locale, else en).")
rules_option = click.option("--rules", "rules_dir", type=_Path(file_okay=False, path_type=Path), default=None,
                            help="Rules directory (default: the project's rules/).")


_DOING: dict[str, object] = {}   # what the running command does, for the Ctrl-C message (see _doing)


def _doing(lang: str, key: str, **params: object) -> None:
    """Say what an interrupt would stop, in ``lang``: ``interrupt.<...>`` with its parameters."""
    _DOING.clear()
    _DOING.update(lang=lang, key=key, params=params)


class _NamedGroup(click.Group):
    """Keeps the words of the sub-command being run (``rules lint``) for the Ctrl-C message."""

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None,
                                                                               list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None:
            _COMMAND.append(command.name or str(name))
        return name, command, rest


_COMMAND: list[str] = []


def _interrupted() -> NoReturn:
    """Ctrl-C (or SIGINT to the process group): one line in the user's language, exit 130.

    Never click's "Aborted!" and exit 1, which a script reads as "non-compliant". What was written
    stays whole (every file is written atomically: the temporary file is removed on the interrupt);
    the portfolio's workers are stopped by ``batch`` before this runs.
    """
    lang = str(_DOING.get("lang") or i18n.lang_from_env())
    key = str(_DOING.get("key") or "interrupt.command")
    params = dict(_DOING.get("params") or {})  # type: ignore[call-overload]
    if key == "interrupt.command":
        params.setdefault("command", " ".join(_COMMAND))
    click.echo("", err=True)   # after the ^C the terminal echoed
    click.echo(i18n.text(key, lang, **params), err=True)
    sys.exit(EXIT_INTERRUPTED)


class _Group(_NamedGroup):
    """Turns an unexpected exception into one line and exit 4 (set COOPCHECK_DEBUG=1 for the trace).

    Ctrl-C is exit 130 with a message saying what was stopped (``_interrupted``).

    A dependency's warning is not an exception of coopcheck's: it is contained (``dependency_warnings``)
    so that ``-W error`` or a test suite's filters never turn it into an internal error.
    """

    def invoke(self, ctx: click.Context) -> object:
        from .dependency_warnings import contained

        _DOING.clear()
        _COMMAND.clear()
        try:
            with contained():
                return super().invoke(ctx)
        except KeyboardInterrupt:
            _interrupted()
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, SystemExit):
            raise
        except Exception as exc:
            if os.environ.get("COOPCHECK_DEBUG"):
                raise
            click.echo(f"coopcheck: internal error: {type(exc).__name__}: {exc} "
                       "(please report it; COOPCHECK_DEBUG=1 shows the trace)", err=True)
            sys.exit(EXIT_ENGINE)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="coopcheck")
def main() -> None:
    """Check a decentralized-cooperation agreement against the law before it is signed."""


@main.command()
@click.argument("agreements", nargs=-1, required=True, type=_Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown", "html", "pdf"]), default="text",
              show_default=True, help="html: one self-contained page to print or file; pdf: the same page (needs -o).")
@click.option("--bilingual", is_flag=True, help="html/pdf: Arabic and French side by side (ar right-to-left, fr).")
@lang_option
@click.option("--as-of", "as_of", callback=_iso_date, metavar="YYYY-MM-DD",
              help="Apply the law in force on this date (default: the planned signing date).")
@click.option("--subject", metavar="PARTY", help="Check only this party (default: the file's subject).")
@rules_option
@click.option("-o", "--output", type=_Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to this file instead of the terminal.")
@click.option("--force", is_flag=True, help="Allow -o to replace an existing file.")
@click.option("--summary", type=click.Choice(["table", "csv", "jsonl"]), default=None,
              help="Portfolio mode: one row per checked party (default 'table' for several files or a folder).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Portfolio mode: worker processes (default: the number of cores).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=120.0, show_default=True,
              help="Portfolio mode with --jobs > 1: seconds one agreement may take before it is an engine error.")
def check(agreements: tuple[Path, ...], fmt: str, bilingual: bool, lang: str | None, as_of: date | None,
          subject: str | None,
          rules_dir: Path | None, output: Path | None, force: bool, summary: str | None, jobs: int | None,
          timeout: float) -> None:
    """Check AGREEMENTS (YAML or JSON files, or folders of them) and report what is missing, article by article.

    One file gives its full report. Several files or a folder give a portfolio summary (a table,
    or --summary csv|jsonl); a bad file is reported in it and the others are still checked. The
    exit code is then 2 if any file was bad, else 4 if the engine failed on one, else the worst verdict.
    """
    lang = lang or i18n.lang_from_env()
    _doing(lang, "interrupt.check", path=visible(str(agreements[0])))
    if summary is not None or len(agreements) > 1 or any(p.is_dir() for p in agreements):
        try:
            _portfolio(list(agreements), fmt, lang, as_of, subject, rules_dir, output, force, summary or "table",
                       jobs, timeout)
        except CoopcheckError as exc:
            _fail(exc, lang)
        return
    agreement = agreements[0]
    from .check import check_file

    try:
        if bilingual and fmt not in ("html", "pdf"):
            raise UsageError(i18n.text("report.bilingual_only", lang))
        if fmt == "pdf":   # refuse before the work, not after it
            from .render.pdf import check_target

            check_target(output, lang)
        if output is not None:   # a missing or read-only folder: said before the work, not after it
            _check_target(output, [agreement], force, lang)
        report = check_file(agreement, rules_dir, as_of, subject)
        if fmt in ("html", "pdf"):
            _report_page(report, fmt, lang, bilingual, output, agreement, force)
        elif fmt in ("json", "markdown"):
            from .application import Options
            from .application import render as render_report  # what `coopcheck serve` answers, too

            content = render_report(report, Options(lang=lang, fmt=fmt)).decode("utf-8")
            if output:
                _write(output, content, [agreement], force)
            else:
                click.echo(content, nl=False)
        else:
            from rich.console import Console

            from .render import terminal

            if output:
                console = Console(record=True, width=100, file=io.StringIO())
                terminal.render(report, lang, console)
                _write(output, console.export_text(), [agreement], force)
            else:
                terminal.render(report, lang, Console(highlight=False))
    except CoopcheckError as exc:
        _fail(exc, lang)
    sys.exit(VERDICT_EXIT[report.verdict])


def _report_page(report: Report, fmt: str, lang: str, bilingual: bool, output: Path | None, agreement: Path,
                 force: bool) -> None:
    """The HTML page, printed or written; or that page as PDF, written (atomically, never over an input)."""
    from .render import html

    page = html.render(report, lang, bilingual)
    if fmt == "html":
        if output:
            _write(output, page, [agreement], force)
        else:
            click.echo(page, nl=False)
        return
    from .atomic import write_bytes
    from .render import pdf

    if output is None:   # pdf.check_target has refused it already
        raise UsageError(i18n.text("report.pdf_needs_output", lang))
    _check_target(output, [agreement], force, lang)
    data = pdf.render(page, lang)
    _written(output, lambda: write_bytes(resolved(output), data), lang)


def _rules_fingerprint(rules_dir: Path | None) -> dict[str, str]:
    """Every rule file's path and sha256: read before and after a portfolio, which must use one rulebook."""
    import hashlib

    # not from .rulebook: its pydantic models are ~135 ms to import, before a portfolio's first file
    from .rulebook_types import default_rules_dir

    root = rules_dir if rules_dir is not None else default_rules_dir()
    out: dict[str, str] = {}
    for path in sorted(root.rglob("*.yaml")) if root.is_dir() else []:
        if not path.is_file():   # a named pipe would block the read; the rulebook loader skips it too
            continue
        try:
            out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            out[str(path)] = f"unreadable: {exc.strerror}"
    return out


def _changed_rules(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """The rule files edited, added or removed between two fingerprints."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


def _portfolio(paths: list[Path], fmt: str, lang: str, as_of: date | None, subject: str | None,
               rules_dir: Path | None, output: Path | None, force: bool, summary: str, jobs: int | None,
               timeout: float) -> None:
    """Check every agreement under ``paths``; print or write the summary; exit with the worst outcome.

    A CSV or JSON-lines summary is streamed, row by row in input order, to ``-o``'s temporary file
    (renamed over the target at the end) or to stdout: memory stays flat on 100,000 files. The
    table needs every row before it is drawn. rich is imported only for the table and for the
    progress bar on a terminal.
    """
    from . import batch

    _doing(lang, "interrupt.command")
    if fmt != "text":
        raise UsageError(i18n.text("report.one_agreement", lang, fmt=fmt))
    if subject is not None:
        raise UsageError("--subject names a party of one agreement: give a single file with it")
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise UsageError(f"{missing[0]}: no such file or folder")
    files = batch.collect(paths)
    if not files:
        raise UsageError(i18n.text("batch.no_files", lang, paths=", ".join(map(str, paths))))
    if output is not None:   # refuse before the work, not after it
        _check_target(output, files, force, lang)
    from .check import rulebook_for

    rulebook_for(rules_dir)   # a broken rulebook is one error, not one per file (and loaded before the workers fork)
    end_of_start_up()   # the files' own garbage is collected as usual (memory flat on 100,000 files)
    rules_before = _rules_fingerprint(rules_dir)
    counted = {"done": 0, "total": len(files)}
    _doing(lang, "interrupt.portfolio", **counted)
    statuses: set[str] = set()
    verdicts: set[str | None] = set()

    def same_rules() -> None:
        """Every file is checked against the rulebook read at the start: if a rule file was edited
        meanwhile, the summary holds rules that are no longer those on disk (not written)."""
        changed = _changed_rules(rules_before, _rules_fingerprint(rules_dir))
        if changed:
            raise UsageError(i18n.text("batch.rules_changed", lang, files=", ".join(visible(f) for f in changed)))

    with _Progress(lang, len(files)) as progress:
        def done(_outcome: batch.Outcome) -> None:
            counted["done"] += 1
            _doing(lang, "interrupt.portfolio", **counted)
            progress.advance()

        def seen(outcomes: Iterator[batch.Outcome]) -> Iterator[batch.Outcome]:
            for o in outcomes:
                statuses.add(o.status)
                verdicts.add(o.verdict)
                yield o

        outcomes = seen(batch.iterate(files, rules_dir, as_of, lang, jobs or batch.default_jobs(), timeout,
                                      on_done=done))
        _summary(outcomes, summary, lang, output, progress, same_rules)
    if batch.BAD_INPUT in statuses:
        sys.exit(EXIT_BAD_INPUT)
    if batch.ENGINE_ERROR in statuses:
        sys.exit(EXIT_ENGINE)
    for worst in (Verdict.non_compliant, Verdict.incomplete):
        if worst.value in verdicts:
            sys.exit(VERDICT_EXIT[worst])
    sys.exit(EXIT_COMPLIANT)


def _summary(outcomes: Iterator[Outcome], summary: str, lang: str, output: Path | None,
             progress: _Progress, verify: Callable[[], None]) -> None:
    """The summary of ``outcomes``: streamed (csv, jsonl) or drawn once they are all in (table).

    ``verify`` runs once every file is checked, before ``-o`` is replaced or the table drawn: if it
    raises, nothing is written. Rows streamed to stdout are out already; the error follows them.
    """
    from .render import summary as summary_render

    if summary in ("csv", "jsonl"):
        lines = summary_render.csv_lines(outcomes) if summary == "csv" else summary_render.jsonl_lines(outcomes)
        if output is not None:
            from .atomic import replacing

            def stream() -> None:
                with replacing(resolved(output)) as handle:
                    for piece in lines:
                        handle.write(piece)
                    verify()

            _written(output, stream, lang)
        else:
            for piece in lines:
                if piece:
                    progress.print_above(piece)
            verify()
        return
    from rich.console import Console

    everything = list(outcomes)
    progress.stop()
    verify()
    if output is not None:
        console = Console(record=True, width=120, file=io.StringIO())
        summary_render.to_table(everything, lang, console)
        from .atomic import write_text

        _written(output, lambda: write_text(resolved(output), console.export_text()), lang)
    else:
        summary_render.to_table(everything, lang, Console(highlight=False))


class _Progress:
    """rich's progress bar on stderr when it is a terminal (not under CI); nothing otherwise.

    It is refreshed by hand, never by rich's refresh thread: portfolio workers are forked, and a
    fork must not happen while another thread holds a lock.
    """

    def __init__(self, lang: str, total: int) -> None:
        self.lang, self.total = lang, total
        self.bar: Any = None
        self.task: Any = None
        self.last = 0.0

    def __enter__(self) -> _Progress:
        if sys.stderr.isatty() and not os.environ.get("CI"):
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeRemainingColumn(), console=Console(stderr=True), transient=True,
                                auto_refresh=False)
            self.bar.start()
            self.task = self.bar.add_task(i18n.text("batch.progress", self.lang), total=self.total)
        return self

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)
            now = time.monotonic()
            if now - self.last > 0.1:
                self.last = now
                self.bar.refresh()

    def print_above(self, text: str) -> None:
        """Streamed rows on stdout (the bar is on stderr: a redirected stdout never sees it)."""
        sys.stdout.write(text)
        sys.stdout.flush()

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def __exit__(self, *exc: object) -> None:
        self.stop()


@main.command()
@click.option("-o", "--output", type=_Path(dir_okay=False, path_type=Path), default=None,
              help="Write the schema to this file (atomically) instead of the terminal.")
@click.option("--force", is_flag=True, help="Allow -o to replace an existing file.")
def schema(output: Path | None, force: bool) -> None:
    """Print the JSON Schema of an agreement file, for editors that validate and complete YAML.

    Agreement files point at it with ``# yaml-language-server: $schema=...`` (see fixtures/).
    """
    import json

    from .model import json_schema

    content = json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    try:
        if output is not None:
            _write(output, content, [], force)
        else:
            click.echo(content, nl=False)
    except CoopcheckError as exc:
        _fail(exc, i18n.lang_from_env())


@main.command()
@click.option("-o", "--output", type=_Path(dir_okay=False, path_type=Path), default=None,
              help="The agreement file to write (default: <agreement id>.yaml here).")
@lang_option
@click.option("--force", is_flag=True, help="Allow replacing an existing file.")
def init(output: Path | None, lang: str | None, force: bool) -> None:
    """Write an agreement file by answering questions (choices from the vocabularies, each answer checked).

    Works on a terminal and with answers piped on stdin, one per line; the file is checked by the
    loader and written atomically, never over an existing file without --force.
    """
    from .init_wizard import ClickPrompter, StoppedError, Wizard, save

    lang = lang or i18n.lang_from_env()
    _doing(lang, "interrupt.command")

    def taken(path: Path) -> str | None:
        return i18n.text("init.err.file_exists", lang, path=path) if path.exists() and not force else None

    if output is not None and taken(output):   # refuse before the questions, not after them
        _fail(UsageError(str(taken(output))), lang)
    wizard = Wizard(ClickPrompter(), lang, id_taken=None if output else lambda i: taken(Path(f"{i}.yaml")))
    try:
        doc = wizard.run()
    except StoppedError:
        click.echo("", err=True)
        _fail(UsageError(i18n.text("init.stopped", lang)), lang)
    target = output or Path(f"{doc['id']}.yaml")
    try:
        if taken(target):   # created meanwhile
            raise UsageError(str(taken(target)))
        save(doc, target)
    except CoopcheckError as exc:
        _fail(exc, lang)
    click.echo(i18n.text("init.written", lang, path=target))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (127.0.0.1: this machine only; 0.0.0.0 opens it to the network).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes: one check at a time in each (durable-rules is process-global).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds one request may take before it is answered 503.")
def serve(host: str, port: int, workers: int, timeout: float) -> None:
    """Serve the checks over HTTP: the web form at /, the API at /v1/..., its documentation at /docs.

    Stops on Ctrl-C or SIGTERM after finishing the requests in flight.
    """
    import uvicorn

    from .web.api import HOSTS_ENV, TIMEOUT_ENV
    from .web.guard import LOOPBACK_NAMES, hostname

    os.environ[TIMEOUT_ENV] = str(timeout)   # read by each worker's application factory
    # on loopback, answer only to loopback names (a rebound domain name cannot read the answers)
    os.environ[HOSTS_ENV] = ",".join(LOOPBACK_NAMES) if hostname(host) in LOOPBACK_NAMES else ""
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"coopcheck {__version__}: http://{shown}:{port}/ (API documentation: /docs)", err=True)
    end_of_start_up()
    uvicorn.run("coopcheck.web.api:from_env", factory=True, host=host, port=port, workers=workers,
                server_header=False, timeout_graceful_shutdown=int(timeout) + 5, log_level="info")


@main.group(cls=_NamedGroup)
def rules() -> None:
    """Inspect the rulebook."""


@rules.command("lint")
@lang_option
@rules_option
def lint(lang: str | None, rules_dir: Path | None) -> None:
    """Load and lint every rule file; exit 2 with file:line:col for each problem."""
    lang = lang or i18n.lang_from_env()
    _doing(lang, "interrupt.command")
    from .rulebook import load_rulebook

    try:
        rb = load_rulebook(rules_dir)
    except CoopcheckError as exc:
        _fail(exc, lang)
    click.echo(i18n.text("lint_ok", lang, rules=len(rb.rules), files=len(rb.files)))


@rules.command("list")
@click.option("--jurisdiction", metavar="CC", help="Only this jurisdiction's rules (ISO code: ma, dz).")
@click.option("--instrument", metavar="ID", help="Only this instrument's rules (e.g. MA-OL-112-14).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lang_option
@rules_option
def list_command(jurisdiction: str | None, instrument: str | None, fmt: str, lang: str | None,
                 rules_dir: Path | None) -> None:
    """A table of the rules: id, instrument, article, effect, review status, reviewed or not."""
    from .render import rules_list
    from .rulebook import load_rulebook
    from .rules_browse import row, select

    lang = lang or i18n.lang_from_env()
    _doing(lang, "interrupt.command")
    try:
        rows = [row(r, lang) for r in select(load_rulebook(rules_dir), lang, jurisdiction, instrument)]
    except CoopcheckError as exc:
        _fail(exc, lang)
    if fmt == "json":
        click.echo(rules_list.as_json(rows), nl=False)
    else:
        from rich.console import Console

        rules_list.print_list(rows, lang, Console(highlight=False))


@rules.command("show")
@click.argument("rule_id", metavar="RULE")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lang_option
@rules_option
@click.option("--features", "features_dir", type=_Path(file_okay=False, path_type=Path), default=None,
              help="Gherkin features (default: features/ beside the rules directory).")
def show(rule_id: str, fmt: str, lang: str | None, rules_dir: Path | None, features_dir: Path | None) -> None:
    """One rule: its article quoted, status, review, source, note, plain words and scenarios."""
    from .render import rules_list
    from .rulebook import default_rules_dir, load_rulebook
    from .rules_browse import detail, find, scenarios_for

    lang = lang or i18n.lang_from_env()
    _doing(lang, "interrupt.command")
    rules_dir = rules_dir or default_rules_dir()
    try:
        rule = find(load_rulebook(rules_dir), rule_id, lang)
        item = detail(rule, scenarios_for(rules_dir, features_dir), lang)
    except CoopcheckError as exc:
        _fail(exc, lang)
    if fmt == "json":
        click.echo(rules_list.as_json(item), nl=False)
    else:
        from rich.console import Console

        rules_list.print_rule(item, lang, Console(highlight=False))


@rules.command("coverage")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@rules_option
@click.option("--features", "features_dir", type=_Path(file_okay=False, path_type=Path), default=None,
              help="Gherkin features (default: features/ beside the rules directory).")
@click.option("--fixtures", "fixtures_dir", type=_Path(file_okay=False, path_type=Path), default=None,
              help="Reviewed expected reports (default: fixtures/expected/ beside the rules directory).")
def coverage_command(fmt: str, rules_dir: Path | None, features_dir: Path | None, fixtures_dir: Path | None) -> None:
    """Matrix instrument → article → rule → scenarios (ar, fr) → fixtures; exit 1 on a gap.

    A gap: a rule without a scenario where it fires, or one it must not reach, in a language
    its jurisdiction requires (features/coverage.yaml); a scenario citing an article no rule
    encodes; a README row whose rule does not exist.
    """
    from .coverage import coverage
    from .render import coverage as out
    from .rulebook import default_rules_dir, load_rulebook

    lang = i18n.lang_from_env()
    rules_dir = rules_dir or default_rules_dir()
    try:
        rb = load_rulebook(rules_dir)
        cov = coverage(rb, features_dir or rules_dir.parent / "features",
                       fixtures_dir or rules_dir.parent / "fixtures" / "expected", rules_dir)
    except CoopcheckError as exc:
        _fail(exc, lang)
    if fmt == "json":
        click.echo(out.as_json(cov), nl=False)
    elif fmt == "markdown":
        click.echo(out.as_markdown(cov), nl=False)
    else:
        out.print_table(cov)
    sys.exit(0 if cov.ok else 1)


@rules.command("doc")
@click.option("-o", "--output", type=_Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the pages (created; a folder it did not write is refused without --force).")
@click.option("--force", is_flag=True, help="Write into a non-empty folder this command did not write.")
@rules_option
@click.option("--features", "features_dir", type=_Path(file_okay=False, path_type=Path), default=None,
              help="Gherkin features (default: features/ beside the rules directory).")
def doc(output: Path, force: bool, rules_dir: Path | None, features_dir: Path | None) -> None:
    """Write the rulebook as static HTML: one page per instrument and an index (opens offline).

    Each article's quoted text (Arabic right-to-left, French beside it), each rule in plain
    words in both languages generated from its data, its status, review and source, and the
    scenarios that show it firing and escaping.
    """
    from .rulebook import default_rules_dir, load_rulebook
    from .site import render_site, write_site

    lang = i18n.lang_from_env()
    _doing(lang, "interrupt.doc")
    rules_dir = rules_dir or default_rules_dir()
    try:
        rb = load_rulebook(rules_dir)
        pages = render_site(rb, features_dir or rules_dir.parent / "features")
        written = write_site(pages, output, force)
    except CoopcheckError as exc:
        _fail(exc, lang)
    click.echo(f"{len(pages)} pages written to {output}: open {written[0].parent / 'index.html'}")


if __name__ == "__main__":  # pragma: no cover
    main()
