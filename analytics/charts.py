"""A story's daily views as a small SVG bar chart, drawn on the server."""

import datetime
import math

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

WIDTH, HEIGHT = 640, 180
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 10, 24


def nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 5 times a power of ten that is at least `value`."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def views_chart_svg(series: list[tuple[datetime.date, int]]) -> SafeString:
    """Bars for `series` (day, views), oldest first, with a y scale and dates."""
    top = nice_ceiling(max((views for _day, views in series), default=0))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / max(len(series), 1)
    bars = []
    for index, (day, views) in enumerate(series):
        height = plot_height * views / top
        bars.append(
            {
                "x": round(LEFT + index * slot + slot * 0.15, 1),
                "y": round(TOP + plot_height - height, 1),
                "width": round(slot * 0.7, 1),
                "height": round(height, 1),
                "day": day,
                "views": views,
            }
        )
    labels = (
        [bars[i] for i in sorted({0, len(bars) // 2, len(bars) - 1})] if bars else []
    )
    grid = [
        {
            "y": round(TOP + plot_height * (1 - fraction), 1),
            "value": round(top * fraction),
        }
        for fraction in (0, 0.5, 1)
    ]
    return render_to_string(
        "admin/analytics/views_chart.svg",
        {
            "bars": bars,
            "labels": [
                {"x": round(bar["x"] + bar["width"] / 2, 1), "day": bar["day"]}
                for bar in labels
            ],
            "grid": grid,
            "width": WIDTH,
            "height": HEIGHT,
            "left": LEFT,
            "right": WIDTH - RIGHT,
            "label_y": HEIGHT - 6,
            "total": sum(views for _day, views in series),
        },
    )
