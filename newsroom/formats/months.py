"""
The month names the `E` date format shows (Django's "alt. month" context).

Marked here so that `makemessages` keeps them in the project's catalogues, which
take precedence over Django's: in Kazakh a date reads "1 ақпан 2024 ж.", with the
month in lower case, where Django's catalogue has "Ақпан". Russian keeps Django's
genitive ("1 февраля 2024 г.").
"""

from django.utils.translation import pgettext_lazy

MONTHS_IN_A_DATE = {
    1: pgettext_lazy("alt. month", "January"),
    2: pgettext_lazy("alt. month", "February"),
    3: pgettext_lazy("alt. month", "March"),
    4: pgettext_lazy("alt. month", "April"),
    5: pgettext_lazy("alt. month", "May"),
    6: pgettext_lazy("alt. month", "June"),
    7: pgettext_lazy("alt. month", "July"),
    8: pgettext_lazy("alt. month", "August"),
    9: pgettext_lazy("alt. month", "September"),
    10: pgettext_lazy("alt. month", "October"),
    11: pgettext_lazy("alt. month", "November"),
    12: pgettext_lazy("alt. month", "December"),
}
