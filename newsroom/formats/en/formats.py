"""English: Django's formats (AP-style long dates, "94,866"), with the agency's dateline."""

from django.conf.locale.en.formats import *  # noqa: F403

SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y, H:i"
