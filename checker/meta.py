"""The rules package's version, the date its law is stated as at, and how dates are written."""

from __future__ import annotations

from datetime import date

__version__ = "1.2.0"

#: The one setting for the date the law is stated as at (shown on every page and outcome).
LAW_STATED_AS_AT = date(2026, 12, 1)
#: When the law and sources are next due to be checked again.
NEXT_REVIEW = date(2027, 3, 1)


def long_date(day: date) -> str:
    """12 January 2026."""
    return f"{day.day} {day.strftime('%B %Y')}"
