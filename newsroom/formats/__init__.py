"""
How the newsroom writes dates and times, in one place (FORMAT_MODULE_PATH).

Every edition (en, ru, kk) uses the agency's dateline, "01.02.2024, 17:30", in
the newsroom's time zone. Templates ask for it by name (`|date:"DATETIME_FORMAT"`)
and Python through `dateline()`, so an edition that needs another format changes
its own module here and nothing else.
"""

import datetime

from django.utils import formats, timezone

DATE_FORMAT = "d.m.Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "d.m.Y, H:i"
SHORT_DATE_FORMAT = DATE_FORMAT
SHORT_DATETIME_FORMAT = DATETIME_FORMAT


def dateline(moment: datetime.datetime, format_name: str = "DATETIME_FORMAT") -> str:
    """A moment as the current edition writes it, in the newsroom's time zone."""
    return formats.date_format(timezone.localtime(moment), format_name)
