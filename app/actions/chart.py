"""The geometry of a small calls-and-latency chart, drawn as SVG by `templates/actions/_chart.html`.

Plain data in, plain numbers out, so the drawing can be tested without a browser and rendered
on the server without a JavaScript library. One bar per time bucket: its height is the calls
made, the errors among them stacked at its foot in the error colour; a line over the bars is the
p95 latency on a second (right-hand) axis, broken where a bucket had no calls to measure.
Coordinates are in the SVG's own user units (its `viewBox`), which the browser scales to fit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH, HEIGHT = 720.0, 200.0
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 48.0, 56.0, 12.0, 26.0
BAR_SHARE = 0.8
"""How much of its slot a bar fills; the rest is the gap to the next bar."""


@dataclass(frozen=True)
class ChartBucket:
    """One time bucket as the chart needs it: what to call it and what happened in it."""

    label: str
    """How a bar's tooltip names the bucket ("2026-11-29 09:14 UTC")."""
    tick: str | None
    """A label under the time axis at this bucket, or None for no label."""
    calls: int
    errors: int
    p95_ms: float | None


@dataclass(frozen=True)
class Bar:
    """A bucket's column: its whole slot (the hover area), and the painted bar inside it, the
    successful calls stacked above the errors."""

    slot_x: float
    slot_width: float
    x: float
    width: float
    ok_y: float
    ok_height: float
    error_y: float
    error_height: float
    title: str


@dataclass(frozen=True)
class Tick:
    position: float
    """x for the time axis, y for the two value axes."""
    label: str


@dataclass(frozen=True)
class Chart:
    width: float
    height: float
    left: float
    top: float
    right: float
    bottom: float
    bars: list[Bar]
    latency_lines: list[list[tuple[float, float]]]
    """Runs of consecutive buckets with a p95 (a run of one point is drawn as a dot)."""
    calls_ticks: list[Tick]
    latency_ticks: list[Tick]
    time_ticks: list[Tick]
    summary: str
    """What the chart shows, in one sentence, for screen readers."""


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten at or above `value` (an axis' top)."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value * (1 - 1e-9):
            return step * power
    return 10 * power


def format_count(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def format_ms(value: float) -> str:
    """A latency as a person reads it: "7.5 ms", "120 ms", "1.5 s"."""
    if value >= 1000:
        return f"{value / 1000:.3g} s"
    if value < 10:
        return f"{value:.2g} ms"
    return f"{value:.0f} ms"


def build_chart(buckets: Sequence[ChartBucket], *, unit: str, period: str) -> Chart:
    """Bars for calls and errors per bucket and a p95 line, scaled to the plot area.

    `unit` names a bucket ("minute"), `period` the whole range ("the last hour"); both only go
    into the words of the summary and tooltips.
    """
    left, top = MARGIN_LEFT, MARGIN_TOP
    right, bottom = WIDTH - MARGIN_RIGHT, HEIGHT - MARGIN_BOTTOM
    plot_height = bottom - top
    slot = (right - left) / len(buckets) if buckets else 0.0
    calls_top = nice_ceiling(max((bucket.calls for bucket in buckets), default=0))
    latencies = [bucket.p95_ms for bucket in buckets if bucket.p95_ms is not None]
    latency_top = nice_ceiling(max(latencies)) if latencies else 0.0

    def calls_y(value: float) -> float:
        return bottom - plot_height * value / calls_top

    def latency_y(value: float) -> float:
        return bottom - plot_height * value / latency_top

    bars, lines, run = [], [], []
    time_ticks = []
    for index, bucket in enumerate(buckets):
        x = left + index * slot
        center = x + slot / 2
        error_y = calls_y(bucket.errors)
        ok_y = calls_y(bucket.calls)
        bars.append(Bar(
            slot_x=_round(x), slot_width=_round(slot),
            x=_round(x + slot * (1 - BAR_SHARE) / 2), width=_round(slot * BAR_SHARE),
            ok_y=_round(ok_y), ok_height=_round(error_y - ok_y),
            error_y=_round(error_y), error_height=_round(bottom - error_y),
            title=_bar_title(bucket),
        ))
        if bucket.tick is not None:
            time_ticks.append(Tick(_round(center), bucket.tick))
        if bucket.p95_ms is None:
            if run:
                lines.append(run)
            run = []
        else:
            run.append((_round(center), _round(latency_y(bucket.p95_ms))))
    if run:
        lines.append(run)
    return Chart(
        width=WIDTH, height=HEIGHT, left=left, top=top, right=right, bottom=bottom,
        bars=bars,
        latency_lines=lines,
        calls_ticks=_value_ticks(calls_top, calls_y, format_count, integers=True),
        latency_ticks=_value_ticks(latency_top, latency_y, format_ms) if latencies else [],
        time_ticks=time_ticks,
        summary=_summary(buckets, unit, period),
    )


def _value_ticks(top: float, to_y, label, *, integers: bool = False) -> list[Tick]:
    values = (0.0, top / 2, top)
    return [
        Tick(_round(to_y(value)), label(value))
        for value in values
        if not integers or float(value).is_integer()
    ]


def _bar_title(bucket: ChartBucket) -> str:
    if not bucket.calls:
        return f"{bucket.label}: no calls"
    calls = f"{bucket.calls:,} call{'s' if bucket.calls != 1 else ''}"
    errors = (f"{bucket.errors:,} failed ({bucket.errors / bucket.calls:.1%})" if bucket.errors
              else "none failed")
    latency = f", p95 {format_ms(bucket.p95_ms)}" if bucket.p95_ms is not None else ""
    return f"{bucket.label}: {calls}, {errors}{latency}"


def _summary(buckets: Sequence[ChartBucket], unit: str, period: str) -> str:
    calls = sum(bucket.calls for bucket in buckets)
    if not calls:
        return f"Calls per {unit} over {period}: none."
    errors = sum(bucket.errors for bucket in buckets)
    busiest = max(buckets, key=lambda bucket: bucket.calls)
    words = [
        f"Calls per {unit} over {period}: {calls:,} in all, {errors:,} failed ({errors / calls:.1%});",
        f"busiest {unit} {busiest.label} with {busiest.calls:,}.",
    ]
    latencies = [bucket.p95_ms for bucket in buckets if bucket.p95_ms is not None]
    if latencies:
        lowest, highest = format_ms(min(latencies)), format_ms(max(latencies))
        words.append(f"p95 latency per {unit} from {lowest} to {highest}.")
    return " ".join(words)


def _round(value: float) -> float:
    return round(value, 2)
