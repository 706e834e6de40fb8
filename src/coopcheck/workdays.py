"""Working days on a country's real calendar: its public holidays and its official weekly rest.

The organic laws count some periods in working days (أيام العمل): copies of the council's
deliberations reach the control authority within 10 (15 for communes) working days of the
session's close, the authority objects within 3 working days of receipt. A working day is neither
a weekly rest day nor a public holiday of the jurisdiction. Both come from the ``holidays``
library (maintained, per-country, Islamic holidays included) — never from a list written here:
``weekend`` is the country's official week (Saturday-Sunday in Morocco, Friday-Saturday in
Algeria), and the holidays are the library's for that country.

Islamic holidays follow the lunar calendar and are fixed each year by the sighting of the moon;
where the library only *estimates* a date it marks the holiday's name «(estimated)». A day computed
across, next to, or on such a holiday may move by a day when the real date is announced: the
result carries those holidays so that a report can say the date is estimated and why.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

import msgspec

if TYPE_CHECKING:
    import holidays

# A lunar holiday is announced on the eve of the sighting: its real date is the estimated one or a
# day on either side. A period whose first or last day touches such a day may move.
_LUNAR_SLACK = 1
_LANGUAGES = {"ar": "ar", "fr": "fr", "en": "en_US"}


class Holiday(msgspec.Struct, frozen=True):
    """A public holiday the count skipped or depends on, with its name in the report languages."""

    day: date
    names: tuple[tuple[str, str], ...]   # (lang, name) for ar, fr, en where the library has it
    estimated: bool

    def name(self, lang: str) -> str:
        names = dict(self.names)
        return names.get(lang) or names.get("en") or next(iter(names.values()), "")


class OutsideCalendarError(ValueError):
    """A period reaches a year the library has no calendar for (``holidays`` gives each country a
    first and a last year: 1901–2100 for Morocco in the versions seen). Outside them it returns *no*
    holiday at all, so counting on would silently treat Throne Day or Eid as working days."""

    def __init__(self, country: str, day: date | None, years: tuple[int, int]) -> None:
        self.country, self.day, self.years = country, day, years
        where = day.isoformat() if day else "beyond 9999-12-31"
        super().__init__(f"{where}: no public-holiday calendar for {country} outside {years[0]}-{years[1]}")


@lru_cache(maxsize=16)
def years(country: str) -> tuple[int, int]:
    """The first and last year the library's calendar of ``country`` covers."""
    import holidays

    cal = holidays.country_holidays(country)
    return int(getattr(cal, "start_year", 1)), int(getattr(cal, "end_year", 9999))


def _covered(country: str, day: date) -> None:
    first, last = years(country)
    if not first <= day.year <= last:
        raise OutsideCalendarError(country, day, (first, last))


def _next(country: str, day: date) -> date:
    try:
        return day + timedelta(days=1)
    except OverflowError:
        raise OutsideCalendarError(country, None, years(country)) from None


class Count(msgspec.Struct, frozen=True):
    """The last day of a period of ``n`` working days after ``start``, and what it depends on."""

    start: date
    n: int
    last: date
    holidays: tuple[Holiday, ...]        # holidays inside the period (skipped in the count)
    estimated: tuple[Holiday, ...]       # estimated holidays the last day depends on

    @property
    def is_estimated(self) -> bool:
        return bool(self.estimated)


@lru_cache(maxsize=64)
def _calendar(country: str, year: int, language: str) -> holidays.HolidayBase:
    import holidays  # 80 ms and importlib.metadata: only when a working-day period is counted

    return holidays.country_holidays(country, years=year, language=language)


def _suffix(cal: holidays.HolidayBase) -> str:
    """The library's own marker of an estimated date, as it words it in ``cal``'s language."""
    label = str(getattr(cal, "estimated_label", "") or "")
    translate = getattr(cal, "tr", None)
    if callable(translate):
        label = str(translate(label))
    return label.replace("%s", "").strip()


def supported(country: str) -> bool:
    import holidays

    return country in holidays.list_supported_countries()


def weekend(country: str) -> frozenset[int]:
    """The official weekly rest days (``date.weekday()`` numbers) from the library."""
    return frozenset(_calendar(country, 2000, "en_US").weekend)


def _holiday(country: str, day: date) -> Holiday | None:
    english = _calendar(country, day.year, "en_US")
    if day not in english:
        return None
    suffix = _suffix(english)
    estimated = bool(suffix) and suffix in str(english.get(day))
    languages = set(getattr(english, "supported_languages", ()) or ())
    names = []
    for lang, code in _LANGUAGES.items():
        cal = english if code == "en_US" else (_calendar(country, day.year, code) if code in languages else None)
        if cal is not None and day in cal:
            names.append((lang, str(cal.get(day))))
    return Holiday(day, tuple(names), estimated)


def is_working_day(country: str, day: date) -> bool:
    _covered(country, day)
    return day.weekday() not in weekend(country) and _holiday(country, day) is None


def add_working_days(country: str, start: date, n: int) -> Count:
    """The ``n``-th working day after ``start`` (``start`` itself is not counted: the texts count
    «the working days following» the close, or «from» the receipt, whose day has begun)."""
    if n < 1:
        raise ValueError("a count of working days is at least 1")
    day, counted = start, 0
    skipped: list[Holiday] = []
    _covered(country, start)
    while counted < n:
        day = _next(country, day)
        _covered(country, day)
        holiday = _holiday(country, day)
        if holiday is not None:
            skipped.append(holiday)
            continue
        if day.weekday() in weekend(country):
            continue
        counted += 1
    around = _around(country, start, day)
    for d in around:
        _covered(country, d)
    near = [h for d in around if (h := _holiday(country, d)) is not None and h.estimated]
    estimated = tuple(sorted({h.day: h for h in near + [h for h in skipped if h.estimated]}.values(),
                             key=lambda h: h.day))
    return Count(start, n, day, tuple(skipped), estimated)


def _around(country: str, start: date, last: date) -> list[date]:
    """The days at either end of a period where a lunar holiday moved by a day would change it."""
    try:
        return [start + timedelta(days=k) for k in range(_LUNAR_SLACK + 1)] + \
            [last + timedelta(days=k) for k in range(-_LUNAR_SLACK, _LUNAR_SLACK + 1)]
    except OverflowError:
        raise OutsideCalendarError(country, None, years(country)) from None
