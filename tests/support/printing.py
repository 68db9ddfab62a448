"""What a printed page must show: the law's date and the day it was printed."""

from __future__ import annotations

from datetime import date

from checker import LAW_STATED_AS_AT, long_date

LAW_DATE = f"Law stated as at {LAW_STATED_AS_AT.day} {LAW_STATED_AS_AT.strftime('%B %Y')}"


def printed_today(text: str, before: date) -> bool:
    """The date printed is today's (or yesterday's, if the clock passed midnight meanwhile)."""
    return long_date(date.today()) in text or long_date(before) in text
