"""The ``coopcheck`` command line.

Exit codes (design.md): 0 compliant, 1 non-compliant, 3 incomplete, 2 bad input or usage
(with ``file:line:col: field: message``, nothing written), 4 engine failure. Errors are the
package's own (``errors``): each knows its exit code; this module only words and prints them.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

import click

from . import __version__, i18n
from .errors import (
    EXIT_COMPLIANT,
    EXIT_ENGINE,
    EXIT_INCOMPLETE,
    EXIT_NON_COMPLIANT,
    CoopcheckError,
    LocatedError,
    UsageError,
)
from .vocab import Verdict

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


def _write(output: Path, content: str, inputs: list[Path], force: bool) -> None:
    """Write atomically; never over an input file, never over an existing file without --force."""
    target = output.resolve()
    if any(target == p.resolve() for p in inputs):
        raise UsageError(f"-o {output}: refusing to overwrite an input file")
    if target.exists() and not force:
        raise UsageError(f"-o {output}: the file exists (use --force to replace it)")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


lang_option = click.option("--lang", type=click.Choice(i18n.LANGS), default=None,
                           help="Language of the report and messages (default: from the locale, else en).")
rules_option = click.option("--rules", "rules_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                            help="Rules directory (default: the project's rules/).")


class _Group(click.Group):
    """Turns an unexpected exception into one line and exit 4 (set COOPCHECK_DEBUG=1 for the trace)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
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
@click.argument("agreement", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lang_option
@click.option("--as-of", "as_of", callback=_iso_date, metavar="YYYY-MM-DD",
              help="Apply the law in force on this date (default: the planned signing date).")
@click.option("--subject", metavar="PARTY", help="Check only this party (default: the file's subject).")
@rules_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to this file instead of the terminal.")
@click.option("--force", is_flag=True, help="Allow -o to replace an existing file.")
def check(agreement: Path, fmt: str, lang: str | None, as_of: date | None, subject: str | None,
          rules_dir: Path | None, output: Path | None, force: bool) -> None:
    """Check AGREEMENT (YAML or JSON) and report what is missing, article by article."""
    lang = lang or i18n.lang_from_env()
    from .check import check_file

    try:
        report = check_file(agreement, rules_dir, as_of, subject)
        if fmt == "json":
            from .render import json_report

            content = json_report.render(report, lang)
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


@main.group()
def rules() -> None:
    """Inspect the rulebook."""


@rules.command("lint")
@lang_option
@rules_option
def lint(lang: str | None, rules_dir: Path | None) -> None:
    """Load and lint every rule file; exit 2 with file:line:col for each problem."""
    lang = lang or i18n.lang_from_env()
    from .rulebook import load_rulebook

    try:
        rb = load_rulebook(rules_dir)
    except CoopcheckError as exc:
        _fail(exc, lang)
    click.echo(i18n.text("lint_ok", lang, rules=len(rb.rules), files=len(rb.files)))


if __name__ == "__main__":  # pragma: no cover
    main()
