"""Datelines and record date fields (day-first numeric, ISO, RFC 2822, month names)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.ingest.dates import find_date, parse_date_value, parse_dateline


@pytest.mark.parametrize(("line", "day"), [
    ("24.10.2017 | 20:35", date(2017, 10, 24)),
    ("18/02/2023", date(2023, 2, 18)),
    ("٠٧/٠٣/٢٠٢٤", date(2024, 3, 7)),
    ("الأحد 18 شباط/ فبراير 2023 - 10:35", date(2023, 2, 18)),
    ("نشر في: 2023-02-18", date(2023, 2, 18)),
    ("5 تشرين الأول 2019", date(2019, 10, 5)),
    ("02/18/2023", date(2023, 2, 18)),  # impossible day-first: read month-first
])
def test_datelines(line: str, day: date) -> None:
    value = parse_dateline(line)
    assert value is not None
    assert value.start == value.end == day
    assert value.precision == "day" and value.text == line


@pytest.mark.parametrize("line", ["قتل 14 مدنيا في 18/02/2023", "تحديث 16:45 ت.غ", "سوريا", "2023"])
def test_not_datelines(line: str) -> None:
    assert parse_dateline(line) is None


@pytest.mark.parametrize(("value", "day"), [
    ("2023-02-18T10:00:00Z", date(2023, 2, 18)),
    ("2023-02-18 10:00", date(2023, 2, 18)),
    ("Sat, 18 Feb 2023 10:00:00 +0000", date(2023, 2, 18)),
    ("18/02/2023", date(2023, 2, 18)),
    ("18-02-2023 10:00", date(2023, 2, 18)),
    ("18 فبراير 2023", date(2023, 2, 18)),
    (1676714400, date(2023, 2, 18)),
])
def test_record_dates(value: object, day: date) -> None:
    parsed = parse_date_value(value)
    assert parsed is not None and parsed.start == parsed.end == day


def test_record_month_and_garbage() -> None:
    month = parse_date_value("2023-02")
    assert month is not None and month.precision == "month"
    assert (month.start, month.end) == (date(2023, 2, 1), date(2023, 2, 28))
    assert parse_date_value("قريباً") is None
    assert parse_date_value(None) is None
    assert find_date("وقع الهجوم في 3/4/2021 فجراً") == date(2021, 4, 3)
