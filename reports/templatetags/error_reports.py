"""The admin index's count of new error reports."""

from django import template

from articles.selectors import error_report_new_count

register = template.Library()


@register.simple_tag
def new_error_report_count() -> int:
    return error_report_new_count()
