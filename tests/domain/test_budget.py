"""The budget rules of domain.md ("Money: the renewal budget"), with its worked numbers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from tests.conftest import make_contract
from tui.domain.budget import BudgetEvent, add_years, budget_events, spend_events
from tui.domain.renewal import RenewalStatus, new_renewal
from tui.domain.renewal_plan import renewal_quote

TODAY = date(2026, 12, 6)
D = Decimal


def amounts(events: list[BudgetEvent]) -> list[tuple[date, str, str, Decimal]]:
    return [(e.on, e.ref, e.kind, e.amount) for e in events]


def test_worked_numbers_anniversaries_with_a_compounding_rise() -> None:
    contract = make_contract("C-1", quantity=50, unit_price=D("20.00"), end=date(2027, 3, 31))
    events = budget_events([contract], [], date(2027, 1, 1), date(2029, 12, 31), TODAY, rise=D("0.05"))
    assert amounts(events) == [
        (date(2027, 3, 31), "C-1", "renewal", D("1050.00")),
        (date(2028, 3, 31), "C-1", "renewal", D("1102.50")),
        (date(2029, 3, 31), "C-1", "renewal", D("1157.63")),  # 1157.625, rounded half up
    ]
    assert all(e.currency == "RON" and e.product == "Backup Exec" for e in events)


def test_anniversaries_of_a_leap_day_fall_on_28_february_then_29_again() -> None:
    contract = make_contract("C-1", quantity=1, unit_price=D("100.00"), end=date(2028, 2, 29))
    events = budget_events([contract], [], date(2028, 1, 1), date(2032, 12, 31), TODAY)
    assert [e.on for e in events] == [date(2028, 2, 29), date(2029, 2, 28), date(2030, 2, 28), date(2031, 2, 28),
                                      date(2032, 2, 29)]
    assert add_years(date(2028, 2, 29), 1) == date(2029, 2, 28)


def test_events_before_today_or_outside_the_period_are_left_out() -> None:
    contract = make_contract("C-1", end=date(2027, 3, 31))
    assert budget_events([contract], [], date(2027, 4, 1), date(2028, 3, 30), TODAY) == []
    past = budget_events([contract], [], date(2020, 1, 1), date(2027, 3, 31), date(2027, 3, 31))
    assert [e.on for e in past] == [date(2027, 3, 31)]  # ending today is not lapsed: renewed today


def test_a_lapsed_contract_pays_today_back_dated_plus_the_fee_then_renews_yearly() -> None:
    contract = make_contract("C-1", quantity=50, unit_price=D("20.00"), end=date(2026, 3, 31))
    events = budget_events([contract], [], date(2026, 12, 1), date(2028, 12, 31), TODAY, fee_rate=D("0.25"))
    # 250 lapsed days: fee 1000 × 250/365 × 0.25 = 171.23; one whole year back-dated (to 2027-03-31)
    assert amounts(events) == [
        (TODAY, "C-1", "lapsed", D("1171.23")),
        (date(2027, 3, 31), "C-1", "renewal", D("1000.00")),
        (date(2028, 3, 31), "C-1", "renewal", D("1000.00")),
    ]


def test_a_contract_lapsed_across_a_leap_day_pays_every_whole_year_up_to_after_today() -> None:
    contract = make_contract("C-1", quantity=50, unit_price=D("20.00"), end=date(2024, 2, 29))
    events = budget_events([contract], [], TODAY, date(2027, 12, 31), TODAY, rise=D("0.10"))
    # anniversaries 2025-02-28, 2026-02-28, 2027-02-28: 3 years × 1000 × 1.10; fee 1000 × 1011/365 × 0.25
    assert amounts(events) == [
        (TODAY, "C-1", "lapsed", D("3300.00") + D("692.47")),
        (date(2027, 2, 28), "C-1", "renewal", D("1100.00")),
    ]


def test_a_lapsed_contract_outside_the_period_only_keeps_its_later_renewals() -> None:
    contract = make_contract("C-1", quantity=50, unit_price=D("20.00"), end=date(2026, 3, 31))
    events = budget_events([contract], [], date(2027, 1, 1), date(2027, 12, 31), TODAY)
    assert amounts(events) == [(date(2027, 3, 31), "C-1", "renewal", D("1000.00"))]


def open_renewal(contract_ids, to: date, **values):
    renewal = new_renewal(list(contract_ids), TODAY, to=to, **values)
    return replace(renewal, id="R-0001")


def test_an_open_renewal_replaces_its_contracts_events_up_to_t_and_renews_from_t_with_new_quantities() -> None:
    one = make_contract("C-1", product="Endpoint", quantity=50, unit_price=D("20.00"), end=date(2027, 3, 31))
    other = make_contract("C-2", product="Gateway", quantity=1, unit_price=D("10.00"), end=date(2027, 6, 30))
    renewal = open_renewal(["C-1"], date(2027, 12, 31), quantities={"C-1": 60})
    events = budget_events([one, other], [renewal], date(2027, 1, 1), date(2028, 12, 31), TODAY)
    assert amounts(events) == [
        # 50 renewed 2027-03-31 → 2027-12-31, 0 years 275 days: 1000 × 275/365 = 753.42 (domain.md),
        # plus 10 added from today to T, 1 year 25 days: 200 × (1 + 25/365) = 213.70
        (date(2027, 3, 31), "R-0001", "open", D("967.12")),
        (date(2027, 6, 30), "C-2", "renewal", D("10.00")),
        (date(2027, 12, 31), "C-1", "renewal", D("1200.00")),  # from T, 60 licences
        (date(2028, 6, 30), "C-2", "renewal", D("10.00")),
        (date(2028, 12, 31), "C-1", "renewal", D("1200.00")),
    ]
    assert events[0].product == "Endpoint"


def test_an_open_renewal_of_a_lapsed_contract_is_due_today_with_its_fee() -> None:
    lapsed = make_contract("C-1", quantity=50, unit_price=D("20.00"), end=date(2026, 3, 31))
    renewal = open_renewal(["C-1"], date(2026, 12, 31))
    events = budget_events([lapsed], [renewal], TODAY, date(2027, 1, 30), TODAY)
    # 753.42 for 2026-03-31 → 2026-12-31, plus the fee on 250 lapsed days: 171.23
    assert amounts(events) == [(TODAY, "R-0001", "open", D("924.65")),
                               (date(2026, 12, 31), "C-1", "renewal", D("1000.00"))]


def test_a_quoted_amount_replaces_the_estimate_of_its_currency_only() -> None:
    ron = make_contract("C-1", product="Endpoint", quantity=50, unit_price=D("20.00"), end=date(2027, 3, 31))
    eur = make_contract("C-2", product="Gateway", quantity=3, unit_price=D("100.00"), currency="EUR",
                        end=date(2027, 1, 15))
    renewal = open_renewal(["C-1", "C-2"], date(2027, 12, 31), quoted={"RON": D("700.00")})
    events = budget_events([ron, eur], [renewal], TODAY, date(2027, 6, 30), TODAY)
    quote = renewal_quote(renewal, [ron, eur], TODAY)
    assert [(e.on, e.kind, e.currency, e.amount, e.product) for e in events] == [
        (date(2027, 1, 15), "open", "EUR", quote.totals["EUR"], "Gateway"),  # the earliest end of the two
        (date(2027, 1, 15), "quoted", "RON", D("700.00"), "Endpoint"),
    ]


def test_closed_and_unpriced_renewals_leave_the_contracts_their_own_events() -> None:
    contract = make_contract("C-1", quantity=50, unit_price=D("20.00"), end=date(2027, 3, 31))
    cancelled = replace(open_renewal(["C-1"], date(2027, 12, 31)), status=RenewalStatus.CANCELLED)
    no_date = open_renewal(["C-1"], None)
    for renewal in (cancelled, no_date):
        events = budget_events([contract], [renewal], TODAY, date(2027, 12, 31), TODAY)
        assert amounts(events) == [(date(2027, 3, 31), "C-1", "renewal", D("1000.00"))]


def test_spend_counts_each_completed_renewal_once_on_its_confirmation_date() -> None:
    ron = make_contract("C-1", product="Endpoint", quantity=50, unit_price=D("20.00"), end=date(2025, 3, 31))
    eur = make_contract("C-2", product="Gateway", quantity=3, unit_price=D("100.00"), currency="EUR",
                        end=date(2025, 3, 31))
    done = open_renewal(["C-1", "C-2"], date(2026, 3, 31), quoted={"RON": D("990.00")},
                        confirmed_on=date(2025, 3, 20))
    done = replace(done, status=RenewalStatus.COMPLETED, quote=renewal_quote(done, [ron, eur], date(2025, 3, 20)))
    still_open = replace(done, id="R-0002", status=RenewalStatus.DRAFT)
    events = spend_events([done, still_open])
    assert [(e.on, e.ref, e.kind, e.currency, e.amount) for e in events] == [
        (date(2025, 3, 20), "R-0001", "estimate", "EUR", D("300.00")),
        (date(2025, 3, 20), "R-0001", "quoted", "RON", D("990.00")),
    ]
    assert spend_events([done], date(2026, 1, 1), date(2026, 12, 31)) == []
