"""The HTML report printed to PDF (``--format pdf``), with WeasyPrint.

Why WeasyPrint and not headless Chromium (measured on the Arabic Rabat–Bamako report, see the
README section "HTML and PDF reports"): both shape Arabic correctly (Pango/HarfBuzz vs Skia/HarfBuzz:
letters joined, lam-alef ligatures, right-to-left order, dates kept left-to-right), in about the
same time (0.8–1 s), but Chromium's PDF text layer holds Arabic as presentation forms in visual
order — searching the filed PDF for «غير مطابقة» finds nothing with pypdf — while WeasyPrint's holds
the letters in logical order, so the PDF can be searched and quoted from. WeasyPrint's file is
also a third of the size (51 KB vs 137–187 KB), runs in-process (no browser to find, no profile
folder, no sandbox flags) and gives the same bytes for the same page (tested).

Its system part is Pango (``libpango-1.0-0``, ``libpangoft2-1.0-0`` on Debian); when it or the
Python package is missing the user gets a translated message saying what to install (exit 2).
Nothing is fetched while printing: the page is self-contained and every URL fetch is refused.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, NoReturn

from .. import i18n
from ..errors import UsageError

INSTALL = {
    "python": "pip install weasyprint",
    "system": "apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core",
}


def _missing(part: str, detail: str, lang: str) -> NoReturn:
    raise UsageError(i18n.text("report.pdf_no_engine", lang, detail=detail, install=INSTALL[part]))


def _refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """WeasyPrint's URL fetcher: a report is printed offline, whatever it links to."""
    raise ValueError(f"coopcheck prints reports offline: not fetching {url}")


def render(html: str, lang: str) -> bytes:
    """``html`` (a page from ``render.html``) as PDF bytes; ``lang`` words the errors."""
    try:
        import weasyprint  # type: ignore[import-untyped]
    except ImportError as exc:
        _missing("python", str(exc), lang)
    except OSError as exc:   # cffi could not load Pango: the system part is missing
        _missing("system", str(exc).splitlines()[0], lang)
    try:
        pdf = weasyprint.HTML(string=html, url_fetcher=_refuse_fetch).write_pdf()
    except OSError as exc:
        _missing("system", str(exc).splitlines()[0], lang)
    if not isinstance(pdf, bytes):   # pragma: no cover - write_pdf without a target returns bytes
        raise TypeError("weasyprint returned no bytes")
    return pdf


def check_target(output: Path | None, lang: str) -> None:
    """A PDF is binary: it goes to a file named with ``-o``, never to a terminal."""
    if output is None:
        raise UsageError(i18n.text("report.pdf_needs_output", lang))
    try:
        is_device = stat.S_ISCHR(output.stat().st_mode)
    except OSError:
        return
    if is_device:
        fd = os.open(output, os.O_WRONLY | os.O_NOCTTY)
        try:
            if os.isatty(fd):
                raise UsageError(i18n.text("report.pdf_not_terminal", lang))
        finally:
            os.close(fd)
