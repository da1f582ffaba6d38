"""
Date and number formats per language (FORMAT_MODULE_PATH), read before Django's own.

Every language keeps the agency's dateline, d.m.Y, H:i (SHORT_DATETIME_FORMAT), and
its own long date (DATE_FORMAT) and digit grouping:

| language | long date (DATE_FORMAT) | 94866 views |
|---|---|---|
| en | Feb. 1, 2024 (Django's, AP style) | 94,866 |
| ru | 1 февраля 2024 г. (Django's, month in the genitive) | 94 866 |
| kk | 1 ақпан 2024 ж. (Django ships no Kazakh formats) | 94 866 |

The Russian and Kazakh separator is a no-break space (U+00A0), so a count never
breaks across lines. Kazakh month names stay in the nominative inside a date and
are written in lower case; Django's Kazakh catalogue capitalises them, so
`months.py` puts the lower-case forms in the project's catalogue, which Django
reads after its own.
"""

import datetime

from django.utils import formats, timezone


def dateline(
    moment: datetime.datetime, format_name: str = "SHORT_DATETIME_FORMAT"
) -> str:
    """
    A moment as the current language writes it, in the newsroom's time zone: the
    agency's dateline by default, so that Python (admin messages, revision notes)
    and templates (`|date:"SHORT_DATETIME_FORMAT"`) say it the same way.
    """
    return formats.date_format(timezone.localtime(moment), format_name)
