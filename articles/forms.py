"""
Forms of the desk (the story form with its edit lock, photos checked by
decoding) and the reader's search form.
"""

from django import forms
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from django_prose_editor.widgets import AdminProseEditorWidget
from reversion.models import Version

from newsroom.formats import dateline

from .models import Article, ArticleImage, Correction, Section
from .photos import photo_clean_upload
from .search import MAX_QUERY_LENGTH
from .services import alt_text_missing, article_check_alt_text, correction_check_allowed

# What the body editor offers; articles/text.py keeps the same tags on save.
BODY_EDITOR_CONFIG = {
    "extensions": {
        "Bold": True,
        "Italic": True,
        "Underline": True,
        "Strike": True,
        "Subscript": True,
        "Superscript": True,
        "Heading": {"levels": [2, 3, 4]},
        "Blockquote": True,
        "BulletList": True,
        "OrderedList": True,
        "ListItem": True,
        "HorizontalRule": True,
        "HardBreak": True,
        "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
        "History": True,
        "HTML": True,
    }
}


class PhotoField(forms.ImageField):
    """An image upload decoded in full and stored clean (photos.photo_clean)."""

    widget = forms.ClearableFileInput(
        attrs={"accept": "image/jpeg,image/png,image/webp"}
    )

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        return photo_clean_upload(upload)


class ArticleImageForm(forms.ModelForm):
    class Meta:
        model = ArticleImage
        fields = ["image", "caption", "credit", "alt_text", "order"]
        field_classes = {"image": PhotoField}


class ArticleImageFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        if self.instance.status != Article.Status.PUBLISHED:
            return
        alt_texts = []
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            data = form.cleaned_data
            if not (data.get("image") or (form.instance.pk and form.instance.image)):
                continue
            alt_texts.append(data.get("alt_text"))
            if alt_text_missing(data.get("alt_text")):
                form.add_error(
                    "alt_text",
                    _("Describe the photo: a story is not published without alt text."),
                )
        article_check_alt_text(
            headline=self.instance.headline or _("This story"), alt_texts=alt_texts
        )


class CorrectionForm(forms.ModelForm):
    class Meta:
        model = Correction
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class CorrectionFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        adding = any(
            form.has_changed() and not form.instance.pk
            for form in self.forms
            if hasattr(form, "cleaned_data")
        )
        if adding:
            correction_check_allowed(article=self.instance)


class LabelledSplitDateTime(AdminSplitDateTime):
    """
    The admin's date and time inputs, each with a name for screen readers: the
    field's one <label> can point at only one of them, so Django points it at none.
    """

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.widgets[0].attrs["aria-label"] = _("Date")
        self.widgets[1].attrs["aria-label"] = _("Time")


class ArticleAdminForm(forms.ModelForm):
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    significant_update = forms.BooleanField(
        label=_("Significant update"),
        required=False,
        help_text=_(
            "Tick when this save changes the story in substance: readers will see "
            "“Updated” with today's time. Leave it for typo fixes."
        ),
    )

    class Meta:
        model = Article
        fields = [
            "headline", "slug", "lead", "body", "language", "untranslated",
            "section", "tags", "source", "byline", "status", "published_at",
            "front_page_position",
        ]  # fmt: skip
        widgets = {
            "body": AdminProseEditorWidget(
                config=BODY_EDITOR_CONFIG, preset="configurable"
            ),
            "published_at": LabelledSplitDateTime,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("untranslated") and cleaned.get("status") == (
            Article.Status.PUBLISHED
        ):
            self.add_error(
                "untranslated",
                _("Translate the story and clear this before publishing it."),
            )
        if self.instance.pk is None:
            return cleaned
        # Lock the row until this transaction (the admin's save) ends, so that two
        # saves at once cannot both pass this check.
        current = (
            Article.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if cleaned.get("loaded_version") != current:
            raise ValidationError(self.conflict_message(), code="edit_conflict")
        return cleaned

    def conflict_message(self) -> str:
        latest = (
            Version.objects.get_for_object(self.instance)
            .select_related("revision__user")
            .order_by("-pk")
            .first()
        )
        who = (
            latest.revision.user.get_username()
            if latest and latest.revision.user
            else _("someone else")
        )
        when = dateline(latest.revision.date_created, "H:i") if latest else "?"
        return _(
            "Not saved: %(who)s saved this story at %(when)s, after you opened it. "
            "Your text is still in this form: copy what you need, open the story "
            "again to see their version (History compares the two), then redo your "
            "changes."
        ) % {"who": who, "when": when}


class SearchForm(forms.Form):
    """
    The reader's search: words, and optionally a section and a date range within
    the edition. A filter with a bad value is left out, with a message saying so;
    the words are searched all the same. Never an error page.
    """

    q = forms.CharField(label=_("Words to find"), required=False)
    section = forms.ChoiceField(label=_("Section"), required=False)
    since = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    until = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, edition: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition
        self.sections = {s.slug_in(edition): s for s in Section.objects.all()}
        self.fields["section"].choices = [("", _("All sections"))] + [
            (slug, section.name_in(edition)) for slug, section in self.sections.items()
        ]

    def clean_q(self) -> str:
        # Cut, not refused: a pasted paragraph still searches its first words.
        return " ".join(self.cleaned_data["q"].split())[:MAX_QUERY_LENGTH]

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end of the date range is before its start."))
        return cleaned

    def filter(self, queryset):
        """`queryset` within the valid filters (the invalid ones are left out)."""
        data = getattr(self, "cleaned_data", {})
        if data.get("section"):
            queryset = queryset.filter(section=self.sections[data["section"]])
        if data.get("since"):
            queryset = queryset.filter(published_at__date__gte=data["since"])
        if data.get("until") and "until" not in self.errors:
            queryset = queryset.filter(published_at__date__lte=data["until"])
        return queryset
