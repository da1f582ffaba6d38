"""Dates and numbers as each language writes them (newsroom/formats/)."""

import datetime

import pytest
from django.utils import formats, translation

from newsroom.formats.months import MONTHS_IN_A_DATE

LONG_DATES = {
    # Russian: the month in the genitive, lower case, and "г." (год).
    "ru": (
        "{day} {month} 2024 г.",
        "января февраля марта апреля мая июня июля августа сентября октября "
        "ноября декабря",
    ),
    # Kazakh: the month in the nominative, lower case, and "ж." (жыл).
    "kk": (
        "{day} {month} 2024 ж.",
        "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан "
        "қараша желтоқсан",
    ),
    # English: Django's AP style, the agency style of English-language wires.
    "en": (
        "{month} {day}, 2024",
        "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.",
    ),
}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_dateline_is_the_agencys_in_every_language(language):
    """01.02.2024, 17:30 in Kazakh, Russian and English alike."""
    moment = datetime.datetime(2024, 2, 1, 17, 30)
    with translation.override(language):
        assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == (
            "01.02.2024, 17:30"
        )
        assert formats.date_format(moment, "SHORT_DATE_FORMAT") == "01.02.2024"


@pytest.mark.parametrize("language", LONG_DATES)
def test_long_dates_name_all_twelve_months_in_the_right_form(language):
    """1 ақпан 2024 ж., 1 февраля 2024 г., Feb. 1, 2024: every month checked."""
    pattern, months = LONG_DATES[language]
    with translation.override(language):
        for number, month in enumerate(months.split(), start=1):
            day = datetime.date(2024, number, number + 10)
            assert formats.date_format(day, "DATE_FORMAT") == pattern.format(
                day=number + 10, month=month
            )


def test_kazakh_month_names_come_from_the_projects_catalogue():
    """Django's Kazakh catalogue capitalises them; the project's, read later, does not."""
    with translation.override("kk"):
        assert [str(name) for name in MONTHS_IN_A_DATE.values()] == LONG_DATES["kk"][
            1
        ].split()
        assert formats.date_format(
            datetime.datetime(2024, 2, 1, 17, 30), "DATETIME_FORMAT"
        ) == ("1 ақпан 2024 ж., 17:30")


@pytest.mark.parametrize(
    ("language", "separator"), [("en", ","), ("ru", "\xa0"), ("kk", "\xa0")]
)
def test_numbers_are_grouped_as_each_language_groups_them(language, separator):
    """A no-break space in Russian and Kazakh ("94 866"), a comma in English."""
    with translation.override(language):
        assert formats.number_format(94866, force_grouping=True) == f"94{separator}866"
        assert formats.number_format(1234567, force_grouping=True) == (
            f"1{separator}234{separator}567"
        )
