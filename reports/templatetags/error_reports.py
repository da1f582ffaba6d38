"""What the story page and the admin index show of readers' reports, through tags."""

from django import template

from ..selectors import error_report_new_count

register = template.Library()


@register.simple_tag
def new_error_report_count() -> int:
    """How many spots readers reported that the desk has not dealt with."""
    return error_report_new_count()


@register.inclusion_tag("reports/dialog.html")
def error_report_dialog(article):
    """The story page's report dialog; static/js/error-report.js drives it."""
    return {"article": article}
