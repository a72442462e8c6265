"""The budget's text chart: exact size, bar heights to the eighth, `?` for a missing rate, labels that fit."""

from __future__ import annotations

from decimal import Decimal

from tui.formatting import use_formats
from tui.ui.budget.chart import ChartData, bars_for, chart_cells
from tui.ui.budget.rate_form import typed_rate

D = Decimal


def text(rows) -> list[str]:
    return ["".join(ch for ch, _role in row) for row in rows]


def column(rows, x: int) -> str:
    return "".join(row[x][0] for row in rows)


def months(*values) -> ChartData:
    keys = [f"2027-{m:02d}" for m in range(1, len(values) + 1)]
    return ChartData(bars_for(list(zip(keys, values))), "█ RON per month")


def test_the_chart_fills_exactly_the_size_with_a_scale_labels_years_and_a_legend() -> None:
    rows = chart_cells(months(D("1000"), D("500"), D("0"), D("250")), 40, 10)
    lines = text(rows)
    assert len(rows) == 10 and all(len(row) == 40 for row in rows)
    assert lines[0].startswith("1,000┤") and lines[6].startswith("    0┤")
    assert lines[7].split() == ["01", "02", "03", "04"] and lines[8].split() == ["2027"]
    assert lines[9].rstrip() == "█ RON per month"  # no `?` in the legend when every total converted


def test_bars_are_drawn_to_the_eighth_of_a_row_from_zero() -> None:
    rows = chart_cells(months(D("1000"), D("500"), D("0"), D("1")), 40, 10)  # 7 plot rows
    x, slot = 6, 6  # the first bar's first column, after "1,000┤"; 34 columns for 4 bars: 5 wide and a gap
    assert column(rows[:7], x) == "███████" and column(rows[:7], x + 4) == "███████"
    assert column(rows[:7], x + 5) == "       "  # the gap
    assert column(rows[:7], x + slot) == "   ▄███"  # 500 of 1,000: 3.5 rows
    assert column(rows[:7], x + 2 * slot) == "       "  # nothing
    assert column(rows[:7], x + 3 * slot) == "      ▁"  # a small amount still shows


def test_a_group_without_a_rate_is_a_question_mark_and_the_legend_says_so() -> None:
    rows = chart_cells(months(D("800"), None, D("400")), 40, 10)
    lines = text(rows)
    assert {(ch, role) for row in rows[:7] for ch, role in row if ch == "?"} == {("?", "missing")}
    assert lines[6].count("?") == 5 and lines[5].count("?") == 0  # on the bottom row only, the bar's width
    assert "? no rate: no total" in lines[-1]


def test_labels_that_would_run_into_each_other_are_left_out_and_quarters_and_years_read_as_such() -> None:
    many = ChartData(bars_for([(f"{2027 + m // 12}-{m % 12 + 1:02d}", D(m)) for m in range(24)]), "█ per month")
    lines = text(chart_cells(many, 40, 10))
    assert lines[7].split() == ["01", "04", "07", "10", "01", "04", "07", "10"]  # one column a month
    assert lines[8].split() == ["2027", "2028"] and lines[8].index("2028") == lines[7].index("01", 4)
    quarters = ChartData(bars_for([("2027-Q4", D(1)), ("2028-Q1", D(2))]), "█ per quarter")
    assert text(chart_cells(quarters, 40, 10))[7].split() == ["Q4", "Q1"]
    years = ChartData(bars_for([("2025", D(1)), ("2026", D(2))]), "█ per year")
    lines = text(chart_cells(years, 40, 10))
    assert lines[8].split() == ["2025", "2026"] and lines[9].startswith("█ per year")  # no row of years


def test_too_many_bars_for_the_width_or_too_few_rows_say_so() -> None:
    many = ChartData(bars_for([(f"2027-{m:02d}", D(m)) for m in range(1, 13)] * 6), "█ per month")
    assert text(chart_cells(many, 60, 10))[0].startswith("(too small for the chart: g groups by quarter)")
    assert text(chart_cells(months(D(1)), 40, 4))[0].startswith("(too small for the chart)")


def test_the_scale_follows_the_number_format() -> None:
    use_formats("ro", "ro")
    assert text(chart_cells(months(D("1000")), 40, 10))[0].startswith("1.000┤")


def test_a_rate_is_offered_for_typing_without_thousands_separators() -> None:
    assert typed_rate(D("1234.50")) == "1234.5"
    use_formats("iso", "ro")
    assert typed_rate(D("4.9750")) == "4,975" and typed_rate(D("1234.5")) == "1234,5"
