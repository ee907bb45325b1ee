"""The health chart's geometry: bars scaled to the busiest bucket, errors stacked at a bar's foot,
the p95 line on its own axis and broken where nothing was measured, and the degenerate series."""

from __future__ import annotations

import pytest

from app.actions.chart import BAR_SHARE, ChartBucket, build_chart, format_ms, nice_ceiling


def bucket(calls: int = 0, errors: int = 0, p95_ms: float | None = None, tick: str | None = None,
           label: str = "09:00 UTC") -> ChartBucket:
    return ChartBucket(label=label, tick=tick, calls=calls, errors=errors, p95_ms=p95_ms)


def chart_of(*buckets: ChartBucket):
    return build_chart(list(buckets), unit="minute", period="the last hour")


@pytest.mark.parametrize(("value", "expected"), [
    (0, 1), (1, 1), (3, 5), (7, 10), (10, 10), (11, 20), (120, 200), (0.3, 0.5), (4999, 5000),
])
def test_nice_ceiling(value, expected):
    assert nice_ceiling(value) == pytest.approx(expected)


def test_format_ms():
    assert [format_ms(value) for value in (0.42, 7.5, 84.4, 999, 1500, 12_345)] == [
        "0.42 ms", "7.5 ms", "84 ms", "999 ms", "1.5 s", "12.3 s"]


def test_bars_scale_to_the_axis_top_and_fill_their_slots():
    chart = chart_of(bucket(10, p95_ms=40), bucket(5, p95_ms=80), bucket(0))
    plot_height = chart.bottom - chart.top
    slot = (chart.right - chart.left) / 3
    first, second, empty = chart.bars
    # the busiest bucket (10) reaches the axis top (nice_ceiling(10) = 10), half of it half way
    assert first.ok_y == pytest.approx(chart.top) and first.ok_height == pytest.approx(plot_height)
    assert second.ok_height == pytest.approx(plot_height / 2)
    assert second.ok_y + second.ok_height == pytest.approx(chart.bottom)
    assert empty.ok_height == 0 and empty.error_height == 0
    for index, bar in enumerate(chart.bars):
        assert bar.slot_x == pytest.approx(chart.left + index * slot, abs=0.01)
        assert bar.slot_width == pytest.approx(slot, abs=0.01)
        assert bar.width == pytest.approx(slot * BAR_SHARE, abs=0.01)
        assert bar.x + bar.width / 2 == pytest.approx(bar.slot_x + slot / 2, abs=0.02)  # centred
    assert [tick.label for tick in chart.calls_ticks] == ["0", "5", "10"]
    assert [tick.position for tick in chart.calls_ticks] == pytest.approx(
        [chart.bottom, chart.bottom - plot_height / 2, chart.top])


def test_errors_stack_at_the_foot_of_their_bar():
    chart = chart_of(bucket(8, errors=2, p95_ms=30), bucket(4, errors=4, p95_ms=30))
    plot_height = chart.bottom - chart.top
    mixed, all_failed = chart.bars
    assert mixed.error_height == pytest.approx(plot_height * 2 / 10)  # axis top: nice_ceiling(8) = 10
    assert mixed.error_y + mixed.error_height == pytest.approx(chart.bottom)
    assert mixed.ok_y + mixed.ok_height == pytest.approx(mixed.error_y)  # ok part sits on the errors
    assert mixed.ok_height == pytest.approx(plot_height * 6 / 10)
    assert all_failed.ok_height == pytest.approx(0)
    assert all_failed.error_height == pytest.approx(plot_height * 0.4)
    assert mixed.title == "09:00 UTC: 8 calls, 2 failed (25.0%), p95 30 ms"
    assert "Calls per minute over the last hour: 12 in all, 6 failed (50.0%)" in chart.summary


def test_the_latency_line_has_its_own_axis_and_breaks_where_nothing_was_measured():
    chart = chart_of(bucket(1, p95_ms=100), bucket(50, p95_ms=200), bucket(0), bucket(3, p95_ms=50))
    # the line's axis tops at nice_ceiling(200) = 200 ms whatever the call counts
    first_run, lone = chart.latency_lines
    assert [y for _, y in first_run] == pytest.approx(
        [(chart.top + chart.bottom) / 2, chart.top])
    centres = [bar.slot_x + bar.slot_width / 2 for bar in chart.bars[:2]]
    assert [x for x, _ in first_run] == pytest.approx(centres, abs=0.02)
    assert len(lone) == 1 and lone[0][1] == pytest.approx(chart.bottom - (chart.bottom - chart.top) / 4)
    assert [tick.label for tick in chart.latency_ticks] == ["0 ms", "100 ms", "200 ms"]
    assert "p95 latency per minute from 50 ms to 200 ms" in chart.summary


def test_time_ticks_sit_under_their_bars():
    chart = chart_of(bucket(1, tick="09:00"), bucket(1), bucket(1, tick="09:02"))
    assert [(tick.label, tick.position) for tick in chart.time_ticks] == [
        ("09:00", pytest.approx(chart.bars[0].slot_x + chart.bars[0].slot_width / 2, abs=0.02)),
        ("09:02", pytest.approx(chart.bars[2].slot_x + chart.bars[2].slot_width / 2, abs=0.02)),
    ]


def test_an_all_zero_series_draws_flat_bars_and_no_line():
    chart = chart_of(*(bucket(0) for _ in range(60)))
    assert len(chart.bars) == 60
    assert all(bar.ok_height == 0 and bar.error_height == 0 for bar in chart.bars)
    assert all(bar.ok_y == pytest.approx(chart.bottom) for bar in chart.bars)
    assert chart.latency_lines == [] and chart.latency_ticks == []
    assert [tick.label for tick in chart.calls_ticks] == ["0", "1"]
    assert chart.bars[0].title == "09:00 UTC: no calls"
    assert chart.summary == "Calls per minute over the last hour: none."


def test_an_empty_series_draws_nothing():
    chart = chart_of()
    assert chart.bars == [] and chart.latency_lines == [] and chart.time_ticks == []
    assert chart.summary == "Calls per minute over the last hour: none."
