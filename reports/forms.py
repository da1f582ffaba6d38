"""The report a reader's script sends, checked field by field with a Django form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .quotes import CONTEXT, EXACT_MAX, TextQuote, normalize, normalize_context
from .selectors import PART_PATTERN

TEXT_MAX = 1000  # a suggestion or a comment, after normalization
PK_MAX = 2**63 - 1  # the largest id the database can hold


class StoryIdField(forms.Field):
    """The story's id as a JSON number: not a string, a boolean or a fraction."""

    def to_python(self, value):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(
                _("“article” must be the story's id."), code="invalid"
            )
        if not 1 <= value <= PK_MAX:
            raise ValidationError(_("There is no such story."), code="no_such_story")
        return value


class PartField(forms.Field):
    """Which part of the story the quote is from: headline, lead, body or caption-N."""

    def to_python(self, value):
        if not isinstance(value, str) or not PART_PATTERN.fullmatch(value):
            raise ValidationError(
                _("“part” must be headline, lead, body or caption-N."), code="invalid"
            )
        return value


class ReaderTextField(forms.Field):
    """
    A text field of the report, normalized as reports/quotes.py says (NFC, no
    control characters, white space collapsed) and measured after that.
    `keep_ends` keeps the spaces at the ends of a prefix or suffix.
    """

    def __init__(
        self, *, name: str, max_length: int, keep_ends: bool = False, **kwargs
    ):
        self.name = name
        self.max_length = max_length
        self.keep_ends = keep_ends
        super().__init__(**kwargs)

    def to_python(self, value):
        if value is None:
            return ""
        if not isinstance(value, str):
            raise ValidationError(
                _("“%(field)s” must be text."),
                code="invalid",
                params={"field": self.name},
            )
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValidationError(
                _("“%(field)s” is not valid Unicode text."),
                code="invalid",
                params={"field": self.name},
            )
        return normalize_context(value) if self.keep_ends else normalize(value)

    def validate(self, value):
        super().validate(value)
        if len(value) > self.max_length:
            raise ValidationError(
                _("“%(field)s” is too long: at most %(limit)d characters."),
                code="max_length",
                params={"field": self.name, "limit": self.max_length},
            )


class ErrorReportForm(forms.Form):
    """A reader's report as the dialog's script sends it, in the order it is checked."""

    article = StoryIdField()
    part = PartField()
    exact = ReaderTextField(
        name="exact",
        max_length=EXACT_MAX,
        error_messages={
            "required": _("Select the text with the error first: the quote is empty.")
        },
    )
    prefix = ReaderTextField(
        name="prefix", max_length=CONTEXT, keep_ends=True, required=False
    )
    suffix = ReaderTextField(
        name="suffix", max_length=CONTEXT, keep_ends=True, required=False
    )
    suggestion = ReaderTextField(name="suggestion", max_length=TEXT_MAX, required=False)
    comment = ReaderTextField(name="comment", max_length=TEXT_MAX, required=False)

    def first_error(self) -> tuple[str, str]:
        """(field, message) of the first thing wrong, for a one-line answer."""
        field, errors = next(iter(self.errors.items()))
        return field, errors[0]

    @property
    def quote(self) -> TextQuote:
        data = self.cleaned_data
        return TextQuote(
            exact=data["exact"], prefix=data["prefix"], suffix=data["suffix"]
        )
