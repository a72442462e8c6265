"""Contract status on a given day and the portfolio summary."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.contract import Contract
from tui.domain.status import (
    DEFAULT_NOTICE_DAYS,
    PortfolioSummary,
    Status,
    days_left,
    losses_if_not_renewed,
    needs_attention,
    status_of,
    due_windows,
    summarize,
    summarize_end_dates,
)

TODAY = date(2026, 1, 1)


def contract(id="C", *, left=100, quantity=10, price="10.00", currency="RON") -> Contract:
    return Contract(
        id=id,
        product="P",
        quantity=quantity,
        end=TODAY + timedelta(days=left),
        unit_price=Decimal(price),
        currency=currency,
    )


def test_days_left():
    assert days_left(contract(left=5), TODAY) == 5
    assert days_left(contract(left=-3), TODAY) == -3


@pytest.mark.parametrize(
    ("left", "status"),
    [
        (-365, Status.EXPIRED),
        (-1, Status.EXPIRED),
        (0, Status.DUE),  # ends today: still in force, due
        (1, Status.DUE),
        (DEFAULT_NOTICE_DAYS, Status.DUE),
        (DEFAULT_NOTICE_DAYS + 1, Status.ACTIVE),
        (1000, Status.ACTIVE),
    ],
)
def test_status_boundaries(left, status):
    assert status_of(contract(left=left), TODAY) is status


def test_notice_window_is_a_parameter():
    assert DEFAULT_NOTICE_DAYS == 90
    assert status_of(contract(left=30), TODAY, notice_days=30) is Status.DUE
    assert status_of(contract(left=31), TODAY, notice_days=30) is Status.ACTIVE
    assert status_of(contract(left=0), TODAY, notice_days=0) is Status.DUE
    assert status_of(contract(left=1), TODAY, notice_days=0) is Status.ACTIVE


def test_expired_stays_expired_whatever_the_window():
    # No grace period, and alerts keep firing after expiry.
    assert status_of(contract(left=-1000), TODAY, notice_days=5000) is Status.EXPIRED


def test_labels():
    assert [s.label for s in Status] == ["expired", "due", "active"]


def test_needs_attention_soonest_first_and_keeps_expired():
    picks = [
        contract("far", left=200),
        contract("b", left=30),
        contract("lapsed", left=-400),
        contract("a", left=30),
        contract("edge", left=60),
        contract("past-edge", left=61),
    ]
    found = needs_attention(picks, TODAY, within_days=60)
    assert [c.id for c in found] == ["lapsed", "a", "b", "edge"]


def test_summarize_counts():
    picks = [
        contract(left=-1),
        contract(left=-100),
        contract(left=0),
        contract(left=30),
        contract(left=31),
        contract(left=60),
        contract(left=61),
        contract(left=90),
        contract(left=91),
    ]
    summary = summarize(picks, TODAY)
    assert summary.expired == 2
    # The windows are cumulative: within 60 includes within 30.
    assert summary.due == ((30, 2), (60, 4), (90, 6))


@pytest.mark.parametrize(("notice", "windows"), [
    (90, (30, 60, 90)), (60, (30, 60)), (45, (30, 45)), (14, (14,)), (180, (30, 60, 180)),
])
def test_the_summary_windows_follow_the_notice_window(notice, windows):
    assert due_windows(notice) == windows
    picks = [contract(left=10), contract(left=50), contract(left=75), contract(left=150)]
    summary = summarize(picks, TODAY, notice)
    assert [days for days, _n in summary.due] == list(windows)
    assert summary.due[-1][1] == sum(0 <= left <= notice for left in (10, 50, 75, 150))


def test_the_start_up_text_follows_the_notice_window():
    picks = [contract(left=50)]
    assert summarize(picks, TODAY, 60).attention_text() == "1 due within 60 days"
    assert summarize([contract(left=75)], TODAY, 60).attention_text() == "nothing expired or due within 60 days"
    assert summarize([contract(left=10)], TODAY, 14).attention_text() == "1 due within 14 days"


def test_the_start_up_text_takes_the_plural_of_each_number() -> None:
    """The count and the days each take their own form: "1 day" with a one-day notice window."""
    from tui.i18n import use_language

    picks = [contract(left=0), contract(left=1)]
    assert summarize(picks, TODAY, 1).attention_text() == "2 due within 1 day"
    assert summarize(picks[:1], TODAY, 2).attention_text() == "1 due within 2 days"
    use_language("ro")
    assert summarize(picks, TODAY, 1).attention_text() == "2 contracte scadente (≤ 1 z)"
    assert summarize(picks * 10, TODAY, 30).attention_text() == "20 de contracte scadente (≤ 30 z)"


def test_summarize_totals_per_currency():
    picks = [
        contract(quantity=50, price="20.00", currency="RON"),
        contract(quantity=3, price="18.50", currency="EUR"),
        contract(quantity=2, price="0.005", currency="RON", left=-5),
    ]
    summary = summarize(picks, TODAY)
    assert summary.annual_totals == {"EUR": Decimal("55.50"), "RON": Decimal("1000.01")}
    assert list(summary.annual_totals) == ["EUR", "RON"]


def test_summarize_nothing():
    summary = summarize([], TODAY)
    assert summary == PortfolioSummary(0, ((30, 0), (60, 0), (90, 0)), {})
    assert summary.attention_text() == "nothing expired or due within 90 days"


@pytest.mark.parametrize(
    ("counts", "text"),
    [
        ((2, 3, 3, 3), "2 expired, 3 due within 30 days"),
        ((1, 0, 0, 0), "1 expired"),
        ((0, 1, 1, 1), "1 due within 30 days"),
        ((0, 0, 2, 4), "4 due within 90 days"),
        ((3, 0, 0, 1), "3 expired, 1 due within 90 days"),
        ((0, 0, 0, 0), "nothing expired or due within 90 days"),
    ],
)
def test_attention_text(counts, text):
    expired, *due = counts
    assert PortfolioSummary(expired, tuple(zip((30, 60, 90), due)), annual_totals={}).attention_text() == text


def test_attention_text_from_summarize():
    picks = [contract(left=-1), contract(left=-2), contract(left=10), contract(left=80)]
    assert summarize(picks, TODAY).attention_text() == "2 expired, 1 due within 30 days"


def test_losses_if_not_renewed():
    losses = losses_if_not_renewed()
    assert len(losses) == 4
    assert any("support" in loss for loss in losses)


@given(st.lists(st.integers(min_value=-400, max_value=400), max_size=60), st.integers(min_value=-30, max_value=30),
       st.integers(min_value=1, max_value=730))
def test_the_summary_from_end_dates_alone_is_the_summary_of_the_contracts(offsets: list[int], shift: int,
                                                                          notice: int) -> None:
    """What the start-up glance keeps (sorted end dates and totals) gives the same summary on any day."""
    contracts = [contract(f"C-{i}", left=offset, quantity=1 + i % 5, currency="EUR" if i % 2 else "RON")
                 for i, offset in enumerate(offsets)]
    day = TODAY + timedelta(days=shift)
    full = summarize(contracts, day, notice)
    ends = sorted(c.end.toordinal() for c in contracts)
    assert summarize_end_dates(ends, full.annual_totals, day, notice) == full
