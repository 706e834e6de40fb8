"""``deadline`` rules: two days of a party's approvals that the text sets apart (the APC's
deliberation received by the wali within 8 days; the text sent to the foreign-affairs ministry
two months at least before the council votes)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from coopcheck.model import Agreement
from coopcheck.report import _deadline_findings
from coopcheck.rulebook import Deadline, Span
from coopcheck.vocab import FindingKind


@pytest.mark.parametrize(("span", "day", "after"), [
    ({"days": 8}, "2018-05-02", "2018-05-10"),
    ({"months": 2}, "2019-03-15", "2019-05-15"),
    ({"months": 1}, "2019-01-31", "2019-02-28"),      # no 31 February: the month's last day
    ({"months": 1}, "2020-01-31", "2020-02-29"),
    ({"months": 2}, "2019-11-30", "2020-01-30"),      # across the year
    ({"months": 12}, "2019-12-31", "2020-12-31"),
])
def test_span_after(span: dict[str, int], day: str, after: str) -> None:
    assert Span(**span).after(date.fromisoformat(day)) == date.fromisoformat(after)


@pytest.mark.parametrize("bad", [
    {"start": {"approval": "council_deliberation"}, "end": {"approval": "council_deliberation", "date": "received"}},
    {"start": {"approval": "council_deliberation"}, "end": {"approval": "council_deliberation"},
     "at_most": {"days": 8}},
    {"start": {"approval": "council_deliberation"}, "end": {"approval": "council_deliberation", "date": "received"},
     "at_most": {"days": 8, "months": 1}},
])
def test_a_deadline_has_one_bound_two_days_one_unit(bad: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Deadline.model_validate(bad)


def _agreement(*approvals: dict[str, Any]) -> Agreement:
    return Agreement.model_validate({
        "schema": "coopcheck/agreement/v1", "id": "a", "title": {"fr": "t"}, "kind": "cooperation",
        "signing_date": "2019-09-01", "subject": "tunis",
        "parties": [{"id": "tunis", "name": {"fr": "Tunis"}, "country": "TN", "type": "territorial_collectivity",
                     "level": "municipality"},
                    {"id": "rabat", "name": {"fr": "Rabat"}, "country": "MA", "type": "territorial_collectivity",
                     "level": "commune"}],
        "approvals": [{"of": "tunis", **a} for a in approvals]})


WITHIN_8 = Deadline.model_validate({"start": {"approval": "council_deliberation"},
                                    "end": {"approval": "council_deliberation", "date": "received"},
                                    "at_most": {"days": 8}})
AHEAD_2M = Deadline.model_validate({"start": {"approval": "foreign_affairs_opinion", "date": "received"},
                                    "end": {"approval": "council_deliberation"}, "at_least": {"months": 2}})
BASE = {"party": "tunis", "rule": "X"}


def _kinds(d: Deadline, ag: Agreement) -> list[tuple[FindingKind, str | None, Any]]:
    return [(f.kind, f.detail, f.fields or f.obtained) for f in _deadline_findings(d, ag, BASE, "TN")[0]]


def test_received_within_the_days_is_on_time_and_the_day_after_is_late() -> None:
    on_time = _agreement({"kind": "council_deliberation", "date": "2019-05-02", "received": "2019-05-10"})
    late = _agreement({"kind": "council_deliberation", "date": "2019-05-02", "received": "2019-05-11"})
    assert _kinds(WITHIN_8, on_time) == []
    assert _kinds(WITHIN_8, late) == [(FindingKind.late_approval, "deadline_at_most", date(2019, 5, 11))]
    (f,) = _deadline_findings(WITHIN_8, late, BASE, "TN")[0]
    assert f.due == date(2019, 5, 10)


def test_an_unknown_day_is_missing_information_not_a_pass() -> None:
    ag = _agreement({"kind": "council_deliberation", "date": "2019-05-02"})
    assert _kinds(WITHIN_8, ag) == [(FindingKind.missing_information, None, ("approvals.0.received",))]


def test_the_vote_two_months_after_the_ministry_received_the_text() -> None:
    sent = {"kind": "foreign_affairs_opinion", "received": "2019-03-15", "outcome": "pending"}
    assert _kinds(AHEAD_2M, _agreement(sent, {"kind": "council_deliberation", "date": "2019-05-15"})) == []
    early = _agreement(sent, {"kind": "council_deliberation", "date": "2019-05-14"})
    (f,) = _deadline_findings(AHEAD_2M, early, BASE, "TN")[0]
    assert (f.kind, f.detail, f.obtained, f.lawful_from) == (
        FindingKind.late_approval, "deadline_at_least", date(2019, 5, 14), date(2019, 5, 15))


def test_absent_approvals_are_left_to_the_rules_that_require_them() -> None:
    assert _kinds(AHEAD_2M, _agreement({"kind": "council_deliberation", "date": "2019-05-14"})) == []
    assert _kinds(AHEAD_2M, _agreement({"kind": "foreign_affairs_opinion", "received": "2019-03-15",
                                        "outcome": "pending"})) == []


def test_the_earliest_days_count_whatever_the_order_of_the_file() -> None:
    a = {"kind": "foreign_affairs_opinion", "received": "2019-03-15", "outcome": "pending"}
    b = {"kind": "foreign_affairs_opinion", "received": "2019-04-20", "outcome": "pending"}
    vote = {"kind": "council_deliberation", "date": "2019-05-20"}
    assert _kinds(AHEAD_2M, _agreement(a, b, vote)) == _kinds(AHEAD_2M, _agreement(b, a, vote)) == []


def test_a_refused_text_is_not_a_start() -> None:
    refused = {"kind": "foreign_affairs_opinion", "received": "2019-01-15", "outcome": "refused"}
    vote = {"kind": "council_deliberation", "date": "2019-05-20"}
    assert _kinds(AHEAD_2M, _agreement(refused, vote)) == []
