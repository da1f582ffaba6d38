import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ORDER_VAR
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from js_asset import Media

from newsroom.formats import dateline

from . import services
from .editions import edition_choices, editions
from .forms import (
    ArticleAdminForm,
    ArticleImageForm,
    ArticleImageFormSet,
    CorrectionForm,
    CorrectionFormSet,
    LabelledSplitDateTime,
)
from .models import Article, ArticleImage, Correction, Section, Source
from .search import Query, search_stories
from .selectors import article_revisions, revision_diff


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "name_kk", "name_ru", "slug", "order"]
    list_editable = ["order"]
    filter_horizontal = ["editors"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "order", "editors"]}),
        (
            _("In the other editions"),
            {"fields": ["name_kk", "slug_kk", "name_ru", "slug_ru"]},
        ),
    ]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "name_kk", "name_ru"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "website"]
    # Django 6 assumes https for addresses typed without a scheme; so do we, now.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    search_fields = ["name"]


def thumbnail(image, size=80):
    if not image:
        return "—"
    return format_html(
        '<img class="desk-thumb" src="{}" alt="" width="{}">',
        image.url,
        size,
    )


class ArticleImageInline(admin.StackedInline):
    model = ArticleImage
    form = ArticleImageForm
    formset = ArticleImageFormSet
    extra = 0
    fields = ["preview", "image", "caption", "credit", "alt_text", "order"]
    readonly_fields = ["preview"]

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail(obj.image if obj.pk else None, size=240)


class CorrectionInline(admin.TabularInline):
    """Corrections are appended, never edited or removed: readers rely on them."""

    model = Correction
    form = CorrectionForm
    formset = CorrectionFormSet
    extra = 0
    fields = ["text", "created_at", "created_by"]
    readonly_fields = ["created_at", "created_by"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ScheduleForm(forms.Form):
    publish_at = forms.SplitDateTimeField(
        label=_("Publish at"),
        widget=LabelledSplitDateTime,
        help_text=_("In the newsroom's time zone. A time in the past publishes now."),
    )


class ArticleAdmin(admin.ModelAdmin):
    """Stories. Reporters edit their own drafts; editors (publish permission) all."""

    form = ArticleAdminForm
    list_display = [
        "thumbnail", "headline", "language", "translations", "section", "state",
        "publish_time", "front_page_position",
    ]  # fmt: skip
    # The headline is the link: a thumbnail link would have no text of its own.
    list_display_links = ["headline"]
    list_filter = [
        "language", "untranslated", "status", "front_page_position", "section",
        "source", "tags",
    ]  # fmt: skip
    list_select_related = ["section"]
    # The box searches the readers' index (get_search_results); Django shows it
    # only when there are search fields.
    search_fields = ["headline"]
    search_help_text = _(
        "Finds every form of the words, in stories of every state and edition, "
        "the most relevant first. “A phrase” in quotes; -word leaves out."
    )
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    inlines = [ArticleImageInline, CorrectionInline]
    actions = [
        "submit_for_review",
        "publish_now",
        "schedule",
        "unpublish",
        "make_lead",
        "take_off_front_page",
    ]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "lead", "body"]}),
        (
            _("Edition"),
            {"fields": ["language", "untranslated", "translation_links"]},
        ),
        (_("Placement"), {"fields": ["section", "tags", "source", "byline"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "front_page_position",
                    "significant_update",
                    "preview_link",
                    "loaded_version",
                ]
            },
        ),
    ]

    def render_change_form(self, request, context, *args, **kwargs):
        # The rich text editor's import map is an inline <script>: it carries the
        # request's CSP nonce, which the policy allows (settings: "Hardening").
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)

    # --- Who may do what --------------------------------------------------------

    def has_publish_permission(self, request):
        return services.user_can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or self.has_publish_permission(request):
            return True
        # Reporters: their own drafts only; in review or published, read-only.
        return (
            obj.created_by_id == request.user.pk and obj.status == Article.Status.DRAFT
        )

    def get_readonly_fields(self, request, obj=None):
        fields = ["preview_link", "translation_links"]
        if not self.has_publish_permission(request):
            fields += ["published_at", "front_page_position"]
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        hidden = set()
        if obj is None:
            hidden.update({"preview_link", "translation_links"})
        if obj is None or not self.has_publish_permission(request):
            hidden.add("significant_update")
        if not hidden:
            return fieldsets
        return [
            (
                name,
                {
                    **options,
                    "fields": [f for f in options["fields"] if f not in hidden],
                },
            )
            for name, options in fieldsets
        ]

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not self.has_publish_permission(request):
            # The form itself refuses any other status a reporter posts.
            kwargs["choices"] = [
                (Article.Status.DRAFT, Article.Status.DRAFT.label),
                (Article.Status.REVIEW, Article.Status.REVIEW.label),
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if obj is None or obj.status != Article.Status.PUBLISHED:
            inlines = [i for i in inlines if not isinstance(i, CorrectionInline)]
        return inlines

    # --- Lists ------------------------------------------------------------------

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "images", queryset=ArticleImage.objects.order_by("order", "pk")
                )
            )
        )

    def get_search_results(self, request, queryset, search_term):
        """The readers' search index and ranking, over every state and edition."""
        if not search_term.strip():
            return queryset, False
        results = search_stories(
            queryset, Query.parse(search_term), languages=editions()
        )
        if ORDER_VAR in request.GET:  # a column clicked: its order, not relevance
            results = results.order_by(*queryset.query.order_by)
        return results, False

    def get_changelist_instance(self, request):
        """The list, with every story's other versions fetched in one query."""
        changelist = super().get_changelist_instance(request)
        stories = list(changelist.result_list)  # the page, evaluated once
        versions = {}
        for version in Article.objects.filter(
            translation_group__in={story.translation_group for story in stories}
        ).only(
            "pk", "headline", "language", "status", "published_at", "translation_group"
        ):
            versions.setdefault(version.translation_group, []).append(version)
        for story in stories:
            story.other_versions = [
                v for v in versions.get(story.translation_group, []) if v.pk != story.pk
            ]
        return changelist

    def _version_links(self, versions):
        return (
            format_html_join(
                ", ",
                '<a href="{}" title="{}">{}</a> ({})',
                (
                    (
                        reverse("admin:articles_article_change", args=[v.pk]),
                        v.headline,
                        v.language.upper(),
                        self.state(v),
                    )
                    for v in sorted(versions, key=lambda v: v.language)
                ),
            )
            or "—"
        )

    @admin.display(description=_("translations"))
    def translations(self, obj):
        return self._version_links(getattr(obj, "other_versions", []))

    @admin.display(description=_("translations"))
    def translation_links(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        return self._version_links(Article.objects.translations_of(obj))

    @admin.display(description=_("photo"))
    def thumbnail(self, obj):
        cover = obj.cover
        return thumbnail(cover.image if cover else None)

    @admin.display(description=_("publish time"), ordering="published_at")
    def publish_time(self, obj):
        # The newsroom's own short format: Django's long one pushed the list's
        # last columns out of view.
        if obj.published_at is None:
            return "—"
        return timezone.localtime(obj.published_at).strftime("%d.%m.%Y, %H:%M")

    @admin.display(description=_("status"), ordering="status")
    def state(self, obj):
        if obj.is_scheduled:
            return _("Scheduled")
        return obj.get_status_display()

    @admin.display(description=_("preview"))
    def preview_link(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        with translation.override(obj.language):  # in the story's edition
            url = reverse(
                "articles:article-preview",
                kwargs={"token": services.article_preview_token(article=obj)},
            )
        days = settings.NEWSROOM_PREVIEW_MAX_AGE // 86400
        return format_html(
            '<a href="{}" target="_blank" rel="noopener" class="preview-link">{}</a>'
            '<div class="help">{}</div>',
            url,
            _("Open the preview"),
            ngettext(
                "The story as readers will see it. Anyone with this link can open "
                "it for %(days)d day: share it with a colleague.",
                "The story as readers will see it. Anyone with this link can open "
                "it for %(days)d days: share it with a colleague.",
                days,
            )
            % {"days": days},
        )

    # --- Saving -----------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.get_change_message() or _("Created."))
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.get_change_message() or _("Saved."))
        return entry

    def save_model(self, request, obj, form, change):
        if not self.has_publish_permission(request) and obj.status not in (
            Article.Status.DRAFT,
            Article.Status.REVIEW,
        ):
            raise PermissionDenied
        if not change:
            obj.created_by = request.user
        else:
            obj.remember_tags()  # before the form saves the new ones
        if form.cleaned_data.get("significant_update") and self.has_publish_permission(
            request
        ):
            obj.significant_update_at = timezone.now()
        super().save_model(request, obj, form, change)
        if "front_page_position" in form.changed_data:
            # One story per place: the story that had this place gives it up.
            services.article_place_on_front_page(
                article=obj, position=obj.front_page_position, user=request.user
            )

    def save_formset(self, request, form, formset, change):
        if formset.model is Correction:
            for correction in formset.save(commit=False):
                services.correction_add(
                    article=form.instance, text=correction.text, user=request.user
                )
            return
        super().save_formset(request, form, formset, change)
        if formset.model is ArticleImage:
            for image_form in formset.forms:
                image = image_form.instance
                if image.pk and "image" in image_form.changed_data:
                    services.photo_renditions_queue(image=image)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.article_changed(article=form.instance)

    # --- Actions ----------------------------------------------------------------

    def _apply(self, request, queryset, service, done_message, **kwargs):
        done = 0
        for article in queryset.prefetch_related("images"):
            try:
                service(article=article, user=request.user, **kwargs)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            except PermissionDenied as error:
                self.message_user(request, f"“{article}”: {error}", messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)

    @admin.action(description=_("Send for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._apply(
            request,
            queryset,
            services.article_submit_for_review,
            lambda n: (
                ngettext(
                    "%(n)d story sent for review.", "%(n)d stories sent for review.", n
                )
                % {"n": n}
            ),
        )

    @admin.action(description=_("Publish now"), permissions=["publish"])
    def publish_now(self, request, queryset):
        self._apply(
            request,
            queryset,
            services.article_publish,
            lambda n: (
                ngettext("%(n)d story published.", "%(n)d stories published.", n)
                % {"n": n}
            ),
        )

    @admin.action(description=_("Schedule…"), permissions=["publish"])
    def schedule(self, request, queryset):
        form = ScheduleForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            at = form.cleaned_data["publish_at"]
            self._apply(
                request,
                queryset,
                services.article_publish,
                lambda n: (
                    ngettext(
                        "%(n)d story scheduled for %(time)s.",
                        "%(n)d stories scheduled for %(time)s.",
                        n,
                    )
                    % {"n": n, "time": dateline(at)}
                ),
                at=at,
            )
            return None
        return TemplateResponse(
            request,
            "admin/articles/article/schedule.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Schedule stories"),
                "form": form,
                "stories": queryset,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "media": self.media + form.media,
            },
        )

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.has_add_permission(request):
            return actions
        for code, name in edition_choices():
            action = self._translate_action(code)
            actions[action.__name__] = (
                action,
                action.__name__,
                _("Translate into %(language)s") % {"language": name},
            )
        return actions

    def _translate_action(self, language: str):
        def translate(modeladmin, request, queryset):
            made = []
            for article in queryset.prefetch_related("images"):
                try:
                    made.append(
                        services.article_translate(
                            article=article, language=language, user=request.user
                        )
                    )
                except ValidationError as error:
                    self.message_user(request, " ".join(error.messages), messages.ERROR)
            for draft in made:
                self.message_user(
                    request,
                    format_html(
                        '{} <a href="{}">{}</a>',
                        _("A draft to translate:"),
                        reverse("admin:articles_article_change", args=[draft.pk]),
                        draft.headline,
                    ),
                    messages.SUCCESS,
                )

        translate.__name__ = f"translate_into_{language.replace('-', '_')}"
        return translate

    def missing_translations_view(self, request):
        """Live stories of one edition that another edition lacks."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        codes = editions()
        source = request.GET.get("from")
        target = request.GET.get("to")
        if source not in codes:
            source = codes[-1]
        if target not in codes or target == source:
            target = next(code for code in codes if code != source)
        stories = (
            Article.objects.live()
            .in_edition(source)
            .missing_in(target)
            .select_related("section")[:200]
        )
        return TemplateResponse(
            request,
            "admin/articles/article/missing_translations.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Missing translations"),
                "editions": edition_choices(),
                "source": source,
                "target": target,
                "stories": stories,
                "translate_action": self._translate_action(target).__name__,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )

    @admin.action(description=_("Unpublish"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self._apply(
            request,
            queryset,
            services.article_unpublish,
            lambda n: (
                ngettext("%(n)d story unpublished.", "%(n)d stories unpublished.", n)
                % {"n": n}
            ),
        )

    @admin.action(description=_("Make the lead story"), permissions=["publish"])
    def make_lead(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request, _("Choose one story to lead the front page."), messages.ERROR
            )
            return
        self._apply(
            request,
            queryset,
            services.article_place_on_front_page,
            lambda n: _("The story leads the front page."),
            position=Article.FrontPage.LEAD,
        )

    @admin.action(
        description=_("Take off the top of the front page"), permissions=["publish"]
    )
    def take_off_front_page(self, request, queryset):
        self._apply(
            request,
            queryset.filter(front_page_position__isnull=False),
            services.article_place_on_front_page,
            lambda n: (
                ngettext(
                    "%(n)d story taken off the top of the front page.",
                    "%(n)d stories taken off the top of the front page.",
                    n,
                )
                % {"n": n}
            ),
            position=None,
        )

    # --- History: revisions, word diffs, restore --------------------------------

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path(
                "missing-translations/",
                view(self.missing_translations_view),
                name=f"{prefix}_missing_translations",
            ),
            path(
                "<path:object_id>/history/compare/",
                view(self.revision_compare_view),
                name=f"{prefix}_revision_compare",
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                view(self.revision_restore_view),
                name=f"{prefix}_revision_restore",
            ),
            *super().get_urls(),
        ]

    def _object_or_404(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def history_view(self, request, object_id, extra_context=None):
        obj = self._object_or_404(request, object_id)
        revisions = list(article_revisions(article=obj))
        return super().history_view(
            request,
            object_id,
            {
                "original": obj,
                "revisions": revisions,
                "can_restore": self.has_change_permission(request, obj),
                **(extra_context or {}),
            },
        )

    def revision_compare_view(self, request, object_id):
        obj = self._object_or_404(request, object_id)
        revisions = {v.pk: v for v in article_revisions(article=obj)}
        try:
            old = revisions[int(request.GET.get("old", ""))]
            new = revisions[int(request.GET.get("new", ""))]
        except (KeyError, ValueError):
            self.message_user(
                request,
                _("Choose two revisions of this story to compare."),
                messages.ERROR,
            )
            return HttpResponseRedirect(
                reverse("admin:articles_article_history", args=[obj.pk])
            )
        if old.pk > new.pk:
            old, new = new, old
        return TemplateResponse(
            request,
            "admin/articles/article/revision_compare.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": obj,
                "title": _("Compare revisions"),
                "old": old,
                "new": new,
                "diffs": revision_diff(old=old, new=new),
            },
        )

    def revision_restore_view(self, request, object_id, version_id):
        obj = self._object_or_404(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        revisions = list(article_revisions(article=obj))
        version = next((v for v in revisions if v.pk == version_id), None)
        if version is None:
            raise Http404
        if request.method == "POST":
            try:
                services.article_restore_revision(
                    article=obj, version=version, user=request.user
                )
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return HttpResponseRedirect(request.path)
            self.message_user(
                request,
                _("The text of that revision is back; it is saved as a new revision."),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(
                reverse("admin:articles_article_change", args=[obj.pk])
            )
        return TemplateResponse(
            request,
            "admin/articles/article/revision_restore.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": obj,
                "title": _("Restore a revision"),
                "version": version,
                "diffs": revision_diff(old=revisions[-1], new=version),
            },
        )


admin.site.register(Article, ArticleAdmin)


# --- Extending the stories' admin from other apps ------------------------------------
#
# The apps built on articles add to the stories' admin (analytics adds views
# columns and a chart), yet articles imports none of them. They call this hook
# from their own admin module with a mixin; every mixin given so far is combined
# with ArticleAdmin in one class, so several apps can each add their part, in
# whichever order Django loads them. A mixin extends through the get_* methods
# and super(), never by replacing a list another mixin may also extend.
_article_admin_mixins: dict[admin.AdminSite, list[type]] = {}


def article_admin_extend(mixin: type, *, site: admin.AdminSite = admin.site) -> type:
    """Add `mixin`'s columns, fields and methods to the stories' admin on `site`."""
    mixins = _article_admin_mixins.setdefault(site, [])
    if mixin not in mixins:
        mixins.append(mixin)
    extended = type(
        "ArticleAdmin",
        (*reversed(mixins), ArticleAdmin),
        {"__module__": __name__, "__doc__": ArticleAdmin.__doc__},
    )
    if site.is_registered(Article):
        site.unregister(Article)
    site.register(Article, extended)
    return extended
