"""
The editors' view of analytics: views columns and a chart on the stories' admin,
and a "Most viewed" page.

The stories' admin belongs to the articles app, which never imports analytics:
the views columns and chart are a mixin given to its extension hook
(articles.admin.article_admin_extend).
"""

import datetime

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.admin import article_admin_extend
from articles.models import Section

from .charts import views_chart_svg
from .models import DailyViews, MostViewedStory
from .selectors import daily_views, most_viewed_for_editors
from .stores import StoreUnavailable, Window


class ArticleViewsAdminMixin:
    """The stories' admin with views: two sortable columns and a chart per story."""

    def get_list_display(self, request):
        return [*super().get_list_display(request), "views_total", "views_week"]

    def get_queryset(self, request):
        week_ago = timezone.localdate() - datetime.timedelta(days=6)
        week = (
            DailyViews.objects.filter(article=OuterRef("pk"), day__gte=week_ago)
            .values("article")
            .annotate(views=Sum("views"))
            .values("views")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                views_total_=Coalesce("view_total__views", Value(0)),
                views_week_=Coalesce(Subquery(week), Value(0)),
            )
        )

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "views_chart"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [*fieldsets, (_("Views"), {"fields": ["views_chart"]})]

    @admin.display(description=_("views"), ordering="views_total_")
    def views_total(self, obj):
        return obj.views_total_

    @admin.display(description=_("views, 7 days"), ordering="views_week_")
    def views_week(self, obj):
        return obj.views_week_

    @admin.display(description=_("daily views"))
    def views_chart(self, obj):
        return views_chart_svg(daily_views(article_id=obj.pk, days=30))


article_admin_extend(ArticleViewsAdminMixin)


class MostViewedForm(forms.Form):
    window = forms.ChoiceField(
        label=_("Window"),
        choices=[(window.value, window.label) for window in Window],
        required=False,
    )
    section = forms.ModelChoiceField(
        label=_("Section"),
        queryset=Section.objects.all(),
        required=False,
        empty_label=_("All sections"),
    )


@admin.register(MostViewedStory)
class MostViewedStoryAdmin(admin.ModelAdmin):
    """A report, not a list of rows: the stories read most, per window and section."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = MostViewedForm(request.GET or None)
        window, section = Window.DAY, None
        if form.is_valid():
            window = Window(form.cleaned_data["window"] or Window.DAY)
            section = form.cleaned_data["section"]
        unavailable = False
        try:
            rows = most_viewed_for_editors(
                window=window, section_id=section.pk if section else None
            )
        except StoreUnavailable:
            rows, unavailable = [], True
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Most viewed stories"),
            "form": form,
            "window": window,
            "section": section,
            "rows": rows,
            "unavailable": unavailable,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/analytics/most_viewed.html", context)
