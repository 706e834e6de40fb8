"""Working days on the jurisdiction's real calendar (OL 111-14 arts 113-114, 112-14 arts 107-108,
113-14 arts 116-117): the weekly rest and the public holidays come from the ``holidays`` library,
lunar holidays it only estimates make a date an estimate, and the approval plan dates each
working-day period with its last lawful day."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import holidays
import pytest
from rich.console import Console

from coopcheck import workdays
from coopcheck.check import check_agreement
from coopcheck.model import Agreement
from coopcheck.render import json_report
from coopcheck.rulebook import Rulebook, Span, load_rulebook


@pytest.fixture(scope="module")
def rulebook() -> Rulebook:
    return load_rulebook()


@pytest.mark.parametrize("country", ["MA", "DZ", "TN", "FR"])
def test_the_weekly_rest_is_the_library_s_official_week_not_an_assumption(country: str) -> None:
    assert workdays.weekend(country) == frozenset(holidays.country_holidays(country).weekend)


def test_algeria_rests_on_friday_and_saturday_so_they_are_not_counted() -> None:
    # Wednesday 2019-05-08 + 2 working days in Algeria: Thu 9, (Fri 10, Sat 11 rest), Sun 12
    assert workdays.add_working_days("DZ", date(2019, 5, 8), 2).last == date(2019, 5, 12)
    # the same count in Morocco (Saturday-Sunday rest): Thu 9, Fri 10
    assert workdays.add_working_days("MA", date(2019, 5, 8), 2).last == date(2019, 5, 10)


def test_throne_day_is_not_a_working_day_and_is_not_estimated() -> None:
    # received Monday 27 July 2026: Tue 28, Wed 29, (Thu 30 Throne Day), Fri 31
    count = workdays.add_working_days("MA", date(2026, 7, 27), 3)
    assert count.last == date(2026, 7, 31)
    assert [h.day for h in count.holidays] == [date(2026, 7, 30)]
    assert not count.is_estimated   # a fixed civil holiday: the date is certain


def test_eid_al_adha_is_skipped_and_makes_the_limit_an_estimate() -> None:
    # session closed Friday 16 February 2035; Eid al-Adha estimated on 18-19 February (lunar
    # calendar; a year far enough ahead that the library cannot have confirmed it)
    count = workdays.add_working_days("MA", date(2035, 2, 16), 10)
    assert count.last == date(2035, 3, 5)
    assert {h.day for h in count.holidays} == {date(2035, 2, 18), date(2035, 2, 19)}
    assert count.is_estimated
    assert all(h.estimated for h in count.estimated)
    assert "Eid" in count.estimated[0].name("en")
    assert count.estimated[0].name("ar") != count.estimated[0].name("en")   # named in the report's language


def test_a_span_in_working_days_needs_the_jurisdiction() -> None:
    span = Span(working_days=3)
    assert span.after(date(2026, 7, 27), "MA") == date(2026, 7, 31)
    with pytest.raises(ValueError):
        span.after(date(2026, 7, 27))
    with pytest.raises(ValueError):
        Span.model_validate({"working_days": 3, "days": 3})


def _agreement(approvals: list[dict[str, Any]], signing: str, kind: str = "cooperation",
               partner: dict[str, Any] | None = None) -> Agreement:
    return Agreement.model_validate({
        "schema": "coopcheck/agreement/v1", "id": "wd", "title": {"fr": "t"}, "kind": kind,
        "signing_date": signing, "subject": "pref", "creates_legal_person": False, "clauses": ["resources"],
        "parties": [{"id": "pref", "name": {"fr": "Préfecture fictive"}, "country": "MA",
                     "type": "territorial_collectivity", "level": "prefecture"},
                    partner or {"id": "com", "name": {"fr": "Commune fictive"}, "country": "MA",
                                "type": "territorial_collectivity", "level": "commune"}],
        "approvals": [{"of": "pref", "kind": "council_deliberation", "outcome": "approved", **a} for a in approvals]})


def _report(rulebook: Rulebook, ag: Agreement) -> dict[str, Any]:
    report = check_agreement(ag, rulebook)
    return dict(json.loads(json_report.render(report, "en")))


def test_signing_within_the_objection_period_is_premature(rulebook: Rulebook) -> None:
    # domestic cooperation (no visa): received Wednesday 15 May 2024, objection period to Mon 20 May
    ag = _agreement([{"date": "2024-05-13", "received": "2024-05-15"}], "2024-05-20")
    out = _report(rulebook, ag)
    (late,) = [f for f in out["findings"] if f["rule"] == "MA-112-14-108-objection-period"]
    assert (late["kind"], late["deadline"], late["lawful_from"]) == ("late_approval", "after", "2024-05-21")
    assert out["verdict"] == "non_compliant"
    on_time = _report(rulebook, _agreement([{"date": "2024-05-13", "received": "2024-05-15"}], "2024-05-21"))
    assert on_time["verdict"] == "compliant"
    assert on_time["earliest_signing"] == "2024-05-21"   # the objection period, not the deliberation's day


def test_the_plan_gives_each_working_day_period_its_last_lawful_day(rulebook: Rulebook) -> None:
    ag = _agreement([{"date": "2035-02-16", "received": "2035-03-06"}], "2035-04-02")
    out = _report(rulebook, ag)
    (step,) = [s for s in out["plan"] if s["approval"] == "council_deliberation"]
    periods = {p["rule"]: p for p in step["periods"]}
    transmission = periods["MA-112-14-107-transmission"]
    assert (transmission["last_day"], transmission["status"]) == ("2035-03-05", "late")
    assert [e["date"] for e in transmission["estimated"]] == ["2035-02-18", "2035-02-19"]
    (late,) = [f for f in out["findings"] if f["rule"] == "MA-112-14-107-transmission"]
    assert (late["due"], late["obtained"]) == ("2035-03-05", "2035-03-06")
    assert late["estimated"], "the limit crossing Eid al-Adha is said to be estimated"
    assert "estimated" in out


def test_the_session_s_close_counts_when_the_file_gives_it(rulebook: Rulebook) -> None:
    ag = _agreement([{"date": "2035-02-14", "session_closed": "2035-02-16", "received": "2035-03-05"}], "2035-04-02")
    assert not [f for f in _report(rulebook, ag)["findings"] if f["rule"] == "MA-112-14-107-transmission"]


def test_a_deliberation_without_its_receipt_leaves_the_periods_undated(rulebook: Rulebook) -> None:
    out = _report(rulebook, _agreement([{"date": "2024-04-08"}], "2024-05-02"))
    assert out["verdict"] == "incomplete"
    assert out["earliest_signing"] is None
    kinds = {(f["rule"], f["kind"]) for f in out["findings"]}
    assert ("MA-112-14-108-objection-period", "missing_information") in kinds


def test_every_instrument_names_its_official_publication(rulebook: Rulebook) -> None:
    for inst in rulebook.instruments:
        assert inst.publication is not None, inst.id
        assert inst.publication.issues
    ma = {i.id: i.publication for i in rulebook.instruments if i.jurisdiction == "MA"}
    dahirs = {k: v.act.fr or "" for k, v in ma.items() if v is not None and v.act is not None}
    assert "1-15-83" in dahirs["MA-OL-111-14"] and "1-15-84" in dahirs["MA-OL-112-14"]
    assert "1-15-85" in dahirs["MA-OL-113-14"]


def test_a_report_cites_the_publication_and_names_the_text_dump_as_provenance(rulebook: Rulebook) -> None:
    partner = {"id": "fr", "name": {"fr": "Commune française fictive"}, "country": "FR",
               "type": "territorial_collectivity", "level": "commune"}
    out = _report(rulebook, _agreement([], "2024-05-02", kind="twinning", partner=partner))
    cited = [f["citation"] for f in out["findings"] if f.get("citation")]
    assert cited
    for c in cited:
        assert c["publication"]["issues"][0]["number"] == "6380"
        assert c["provenance"]["url"] == c["source"]   # kept for v1, now named for what it is


EID = Path(__file__).resolve().parents[1] / "fixtures/agreements/ma/constructed-ma-late-transmission-eid-2035.yaml"


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_every_format_cites_the_publication_and_dates_the_periods(lang: str) -> None:
    """Terminal, Markdown and HTML (which the PDF prints) say the same as the JSON: the official
    publication beside the text read, each period's last lawful day, and that it is estimated."""
    from coopcheck import i18n
    from coopcheck.check import check_file
    from coopcheck.render import html, markdown, terminal

    report = check_file(EID)
    console = Console(record=True, width=200, file=io.StringIO())
    terminal.render(report, lang, console)
    outputs = {"terminal": console.export_text(), "markdown": markdown.render(report, lang),
               "html": html.render(report, lang)}
    for name, text in outputs.items():
        assert "6380" in text and "1-15-84" in text, name                     # the BO issue, the dahir
        assert i18n.text("provenance", lang) in text, name                     # the dump is provenance
        assert "2035-03-05" in text, name                                      # the last lawful day
        assert i18n.text("plan.estimated", lang, holidays="").split(":")[0] in text, name
        assert f"{i18n.text('source', lang)}: https://github.com" not in text, name


def test_an_earliest_signing_day_counted_across_eid_is_said_to_be_estimated(rulebook: Rulebook) -> None:
    # received Friday 16 February 2035; Eid al-Adha estimated on Sunday 18 and Monday 19 February:
    # the objection period runs over Tue 20, Wed 21, Thu 22 → signing lawful from Fri 23 (estimated)
    from coopcheck.render import markdown

    ag = _agreement([{"date": "2035-02-14", "received": "2035-02-16"}], "2035-03-01")
    out = _report(rulebook, ag)
    assert out["earliest_signing"] == "2035-02-23"
    assert [e["date"] for e in out["earliest_signing_estimated"]] == ["2035-02-18", "2035-02-19"]
    text = markdown.render(check_agreement(ag, rulebook), "fr")
    assert "Date estimée" in text.split("## ")[0]   # beside the earliest signing date, in the summary


@pytest.mark.parametrize("country", ["MA", "DZ", "TN", "FR"])
def test_a_period_past_the_library_s_last_year_is_not_counted_as_if_it_had_no_holiday(country: str) -> None:
    """Past its last year the library answers no holiday at all (not even Throne Day or 1 May):
    counting on would give a wrong last day without a word. The count refuses instead."""
    first, last = workdays.years(country)
    assert first < 2000 and last >= 2100   # the years coopcheck's agreements live in
    with pytest.raises(workdays.OutsideCalendarError):
        workdays.add_working_days(country, date(last, 12, 24), 10)
    with pytest.raises(workdays.OutsideCalendarError):
        workdays.add_working_days(country, date(last + 30, 3, 2), 3)
    with pytest.raises(workdays.OutsideCalendarError):
        workdays.add_working_days(country, date(9999, 12, 30), 3)   # and past Python's last day
    assert workdays.add_working_days(country, date(last, 3, 2), 3).last.year == last


def test_span_in_days_past_9999_is_outside_every_calendar() -> None:
    with pytest.raises(workdays.OutsideCalendarError):
        Span(days=20).after(date(9999, 12, 25))
    with pytest.raises(workdays.OutsideCalendarError):
        Span(months=2).after(date(9999, 12, 25))


@pytest.mark.parametrize("year", [2150, 9999])
def test_an_agreement_beyond_the_calendars_is_incomplete_never_an_internal_error(rulebook: Rulebook,
                                                                                  year: int) -> None:
    """A deliberation, its receipt and the signing in a year no calendar covers: each working-day
    period gives missing_information on the day it counts from, the plan dates it as unknown, and
    the verdict is incomplete (unknown is not compliant), never a pass nor a crash."""
    ag = Agreement.model_validate({
        "schema": "coopcheck/agreement/v1", "id": "beyond", "title": {"fr": "x"}, "kind": "cooperation",
        "signing_date": f"{year}-12-31", "creates_legal_person": False, "clauses": ["object", "duration", "resources"],
        "subject": "pref-a",
        "parties": [{"id": "pref-a", "name": {"fr": "A"}, "country": "MA", "type": "territorial_collectivity",
                     "level": "prefecture"},
                    {"id": "c", "name": {"fr": "C"}, "country": "MA", "type": "territorial_collectivity",
                     "level": "commune"}],
        "approvals": [{"kind": "council_deliberation", "of": "pref-a", "date": f"{year}-12-20", "outcome": "approved",
                       "received": f"{year}-12-24"}]})
    report = check_agreement(ag, rulebook)
    calendar = [f for f in report.findings if f.detail == "calendar"]
    assert {f.rule for f in calendar} == {"MA-112-14-107-transmission", "MA-112-14-108-objection-period"}
    assert {f.fields for f in calendar} == {("approvals.0.date",), ("approvals.0.received",)}
    assert report.verdict.value == "incomplete"
    data = json.loads(json_report.render(report, "fr"))
    assert any("calendrier des jours fériés" in f["message"] for f in data["findings"])
