from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.diff import word_diff
from articles.models import Article

from .models import ErrorReport
from .quotes import sentence_around
from .selectors import error_report_locate
from .services import (
    ErrorReportNotApplicable,
    error_report_apply,
    error_report_correction_text,
    error_report_resolve,
)


@admin.register(ErrorReport)
class ErrorReportAdmin(admin.ModelAdmin):
    """The desk's queue of readers' error reports: triage, and fix in one click."""

    list_display = [
        "quote",
        "story",
        "language",
        "part",
        "status",
        "readers",
        "still_in_text",
        "last_reported_at",
    ]
    list_filter = [
        "status",
        "article__language",
        ("article__section", admin.RelatedOnlyFieldListFilter),
        "created_at",
    ]
    list_select_related = ["article", "article__section", "image"]
    search_fields = ["exact", "suggestion", "comment", "article__headline"]
    actions = ["apply_suggestion", "mark_fixed", "reject"]
    fields = [
        "story_links",
        "part",
        "quote_in_context",
        "suggestion_diff",
        "comment",
        "readers",
        "same_spot",
        "created_at",
        "last_reported_at",
        "notified_at",
        "status",
        "resolved_at",
        "resolved_by",
    ]
    readonly_fields = [f for f in fields if f != "status"]

    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/apply/",
                self.admin_site.admin_view(self.apply_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_apply",
            )
        ]
        return urls + super().get_urls()

    def get_queryset(self, request):
        members = (
            ErrorReport.objects.filter(group=OuterRef("pk"))
            .order_by()
            .values("group")
            .annotate(total=Sum("count"))
            .values("total")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(readers_total=F("count") + Coalesce(Subquery(members), 0))
        )

    def has_add_permission(self, request):
        return False  # reports come from readers

    def can_change_story(self, request, article) -> bool:
        """The story's own admin decides who may change it (roles live there)."""
        try:
            story_admin = self.admin_site.get_model_admin(Article)
        except admin.sites.NotRegistered:
            return request.user.has_perm("articles.change_article")
        return story_admin.has_change_permission(request, article)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "status" in form.changed_data:
            error_report_resolve(report=obj, status=obj.status, user=request.user)

    # --- Columns and fields

    @admin.display(description=_("quote"))
    def quote(self, obj):
        return Truncator(obj.exact).chars(80)

    @admin.display(description=_("story"), ordering="article__headline")
    def story(self, obj):
        return Truncator(obj.article.headline).chars(60)

    @admin.display(description=_("language"), ordering="article__language")
    def language(self, obj):
        """The story's language: a report is in the language of its story."""
        return obj.article.get_language_display()

    @admin.display(description=_("readers"), ordering="readers_total")
    def readers(self, obj):
        return getattr(obj, "readers_total", obj.count)

    @admin.display(description=_("still in the text"), boolean=True)
    def still_in_text(self, obj):
        return error_report_locate(report=obj) is not None

    @admin.display(description=_("story"))
    def story_links(self, obj):
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("admin:articles_article_change", args=[obj.article_id]),
            obj.article.headline,
            obj.article.get_absolute_url(),
            _("on the site"),
        )

    @admin.display(description=_("quote in its sentence"))
    def quote_in_context(self, obj):
        located = error_report_locate(report=obj)
        if located is None:
            return format_html(
                '<p class="error-report-gone"><strong>{}</strong></p>'
                "<p><mark>{}</mark></p>",
                _("No longer in the text: the story has changed since the report."),
                obj.exact,
            )
        text, span = located.document.text, located.span
        before, after = sentence_around(text, span)
        return format_html(
            '<p class="error-report-context">{}<mark>{}</mark>{}</p>',
            before,
            text[span.start : span.end],
            after,
        )

    @admin.display(description=_("suggested correction"))
    def suggestion_diff(self, obj):
        if not obj.suggestion:
            return "—"
        return format_html(
            '<p class="error-report-diff">{}</p>', word_diff(obj.exact, obj.suggestion)
        )

    @admin.display(description=_("same spot"))
    def same_spot(self, obj):
        if obj.group_id:
            return format_html(
                '<a href="{}">{}</a>',
                reverse("admin:reports_errorreport_change", args=[obj.group_id]),
                _("the first report of this spot"),
            )
        members = list(obj.members.order_by("created_at", "pk"))
        if not members:
            return "—"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> ({}): {} {}</li>',
                (
                    (
                        reverse("admin:reports_errorreport_change", args=[m.pk]),
                        m.get_status_display(),
                        ngettext("%(n)d reader", "%(n)d readers", m.count)
                        % {"n": m.count},
                        m.suggestion or "—",
                        f"· {m.comment}" if m.comment else "",
                    )
                    for m in members
                ),
            ),
        )

    # --- Actions

    def _apply(self, request, report, correction: str = "") -> bool:
        if not self.can_change_story(request, report.article):
            self.message_user(
                request,
                _("You may not change the story “%(story)s”.")
                % {"story": report.article.headline},
                messages.ERROR,
            )
            return False
        try:
            error_report_apply(report=report, user=request.user, correction=correction)
        except ErrorReportNotApplicable as error:
            self.message_user(
                request,
                _("Not applied to “%(quote)s”: %(reason)s")
                % {"quote": report.exact, "reason": error.message},
                messages.ERROR,
            )
            return False
        return True

    @admin.action(description=_("Apply suggestion"), permissions=["change"])
    def apply_suggestion(self, request, queryset):
        applied = sum(self._apply(request, report) for report in queryset)
        if applied:
            self.message_user(
                request,
                ngettext(
                    "Applied %(n)d suggestion.", "Applied %(n)d suggestions.", applied
                )
                % {"n": applied},
                messages.SUCCESS,
            )

    def _resolve(self, request, queryset, status, message):
        for report in queryset:
            error_report_resolve(report=report, status=status, user=request.user)
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description=_("Mark fixed"), permissions=["change"])
    def mark_fixed(self, request, queryset):
        self._resolve(
            request, queryset, ErrorReport.Status.FIXED, _("Marked as fixed.")
        )

    @admin.action(description=_("Reject"), permissions=["change"])
    def reject(self, request, queryset):
        self._resolve(request, queryset, ErrorReport.Status.REJECTED, _("Rejected."))

    def apply_view(self, request, object_id):
        """The change page's "Apply suggestion" button (POST only)."""
        report = self.get_object(request, unquote(object_id))
        if report is None:
            raise Http404
        if request.method != "POST" or not self.has_change_permission(request, report):
            raise PermissionDenied
        correction = ""
        if request.POST.get("add_correction"):
            correction = request.POST.get("correction", "")[:2000]
        if self._apply(request, report, correction=correction):
            self.message_user(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    _("The suggestion is in the story."),
                    report.article.get_absolute_url(),
                    _("See it on the site"),
                ),
                messages.SUCCESS,
            )
        return redirect("admin:reports_errorreport_change", report.pk)

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["can_apply"] = (
            obj is not None
            and obj.is_open
            and bool(obj.suggestion)
            and self.has_change_permission(request, obj)
            and self.can_change_story(request, obj.article)
        )
        if context["can_apply"]:
            context["correction_text"] = error_report_correction_text(report=obj)
            context["can_add_correction"] = (
                obj.article.status == Article.Status.PUBLISHED
                and request.user.has_perm("articles.add_correction")
            )
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)
