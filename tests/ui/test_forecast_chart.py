"""The text chart: exact size, one glyph per series, gaps left empty, many months squeezed into the width."""

from __future__ import annotations

from datetime import date

from tui.domain.forecast import ForecastPoint, add_months
from tui.ui.forecast.chart import ChartData, chart_cells

START = date(2025, 1, 1)


def data(values, ahead: int = 3, owned: int = 150) -> ChartData:
    history = [(add_months(START, i), v) for i, v in enumerate(values)]
    last, level = len(values), float(values[-1])
    points = [ForecastPoint(add_months(START, last + h), level + h, level - 5, level + 5 + h, level - 10,
                            level + 10 + 2 * h) for h in range(ahead)]
    return ChartData(history, points, [owned] * (last + ahead))


def text(rows) -> list[str]:
    return ["".join(ch for ch, _role in row) for row in rows]


def column(rows, x: int) -> str:
    return "".join(row[x][0] for row in rows)


def test_the_chart_fills_exactly_the_size_with_labels_month_names_and_a_legend() -> None:
    rows = chart_cells(data([120, 130, 140, 150, 145, 148]), 60, 12)
    lines = text(rows)
    assert len(rows) == 12 and all(len(row) == 60 for row in rows)
    assert lines[0].split("┤")[0].strip().isdigit()  # the top value
    assert "2025-01" in lines[-2] and "2025-09" in lines[-2]
    assert lines[-1].startswith("█ usage (monthly peak)   • forecast   ░ 95 % band   ━ owned")


def test_each_series_has_its_own_glyph_and_role() -> None:
    rows = chart_cells(data([120, 130, 140, 150, 145, 148], owned=100), 60, 12)
    roles = {(ch, role) for row in rows[:-2] for ch, role in row if role not in ("", "axis")}
    assert {"█", "•", "░", "━"} <= {ch for ch, _role in roles}
    assert {role for _ch, role in roles} == {"history", "forecast", "band", "owned"}


def test_a_month_without_samples_is_an_empty_column_not_a_zero_bar() -> None:
    rows = chart_cells(data([120, None, 140, 150, 145, 148], ahead=1, owned=130), 40, 10)
    label_width = text(rows)[0].index("┤") + 1
    per_month = 3  # 7 months in 36 columns: three columns each
    gap = column(rows[:-2], label_width + per_month)
    assert gap.strip(" ━") == ""
    assert "█" in column(rows[:-2], label_width)


def test_more_months_than_columns_share_columns_and_keep_the_peak() -> None:
    values = [100] * 50 + [200] + [100] * 49
    rows = chart_cells(data(values, ahead=20, owned=100), 40, 10)
    assert all(len(row) == 40 for row in rows)
    label_width = text(rows)[0].index("┤") + 1
    heights = [sum(ch in "▁▂▃▄▅▆▇█" for ch in column(rows[:-2], x)) for x in range(label_width, 40)]
    tallest = max(heights)
    assert heights.count(tallest) == 1 and tallest > sorted(heights)[-2]  # the one high month is not averaged away


def test_an_owned_line_far_below_the_data_is_drawn_as_arrows_at_the_bottom() -> None:
    rows = chart_cells(data([500, 510, 520, 530, 540, 550], owned=1), 60, 12)
    assert "↓" in text(rows)[-3]


def test_too_small_says_so() -> None:
    assert text(chart_cells(data([1, 2, 3]), 60, 4))[0].startswith("(too small for the chart)")
