"""Russian: Django's formats ("1 февраля 2024 г.", "94 866"), with the agency's dateline."""

from django.conf.locale.ru.formats import *  # noqa: F403

SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y, H:i"
MONTH_DAY_FORMAT = "j E"  # "1 февраля", not Django's "1 Февраль"
