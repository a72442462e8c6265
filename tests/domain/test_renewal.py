"""The renewal record and what each wizard step requires (pure domain, no files)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from tests.conftest import TODAY, make_contract
from tui.domain.coterm import CotermError
from tui.domain.partner import Partner
from tui.domain.quote_request import quote_request_text
from tui.domain.renewal import Proof, RenewalStatus, format_renewal_id, new_renewal, renewal_number
from tui.domain.renewal_plan import (
    completion_problems,
    default_partner,
    describe_changes,
    planned_changes,
    proof_for,
    renewal_quote,
    step_problems,
)

D = Decimal
LAPSED = make_contract("C-1", quantity=50, end=date(2026, 3, 31), partner="p1", certificate="LC-1", order="PO-1")
DUE = make_contract("C-2", quantity=10, end=date(2027, 1, 15), unit_price=D("100.00"), currency="EUR",
                    partner="p2", certificate="LC-2")
LATER = make_contract("C-3", end=date(2027, 1, 31), partner="p2")


def test_events_count_up_and_give_the_created_and_updated_days() -> None:
    renewal = new_renewal(["C-1"], TODAY).with_event(date(2026, 12, 1), "saved", "step 1")
    assert [(e.seq, e.what) for e in renewal.events] == [(1, "created"), (2, "saved")]
    assert (renewal.created_on, renewal.updated_on) == (TODAY, date(2026, 12, 1))


def test_status_follows_the_sent_date_but_final_statuses_stay() -> None:
    draft = new_renewal(["C-1"], TODAY)
    assert replace(draft, sent_on=TODAY).with_sent_status().status is RenewalStatus.REQUESTED
    assert replace(draft, status=RenewalStatus.REQUESTED).with_sent_status().status is RenewalStatus.DRAFT
    done = replace(draft, status=RenewalStatus.COMPLETED)
    assert done.with_sent_status().status is RenewalStatus.COMPLETED


def test_renewal_ids_are_numbered() -> None:
    assert format_renewal_id(7) == "R-0007"
    assert renewal_number("R-0042") == 42 and renewal_number("X-1") == 0 and renewal_number("R-") == 0


def test_step_1_names_the_contract_that_ends_after_t() -> None:
    renewal = new_renewal(["C-1", "C-2"], TODAY, to=date(2027, 1, 1))
    problems = step_problems(1, renewal, [LAPSED, DUE], TODAY)
    assert problems == ["contract C-2 ends on 2027-01-15, after T (2027-01-01); choose T on or after 2027-01-15"]
    assert step_problems(1, replace(renewal, to=date(2027, 1, 15)), [LAPSED, DUE], TODAY) == []


def test_step_1_needs_contracts_a_date_and_no_other_open_renewal() -> None:
    empty = new_renewal([], TODAY)
    assert step_problems(1, empty, [], TODAY) == ["select at least one contract", "choose the co-term date T"]
    busy = step_problems(1, new_renewal(["C-1"], TODAY, to=date(2027, 1, 1)), [LAPSED], TODAY, {"C-1": "R-0002"})
    assert busy == ["contract C-1 is already in open renewal R-0002"]


def test_step_1_refuses_a_co_term_date_that_is_not_after_today() -> None:
    for to in (TODAY, LAPSED.end):
        problems = step_problems(1, new_renewal(["C-1"], TODAY, to=to), [LAPSED], TODAY)
        assert problems == [f"the co-term date T ({to.isoformat()}) must be after today (2026-11-27)"]


def test_missing_proof_is_reported_but_never_blocks_step_2() -> None:
    renewal = new_renewal(["C-1", "C-3"], TODAY)
    assert proof_for(renewal, LAPSED) == Proof(certificate="LC-1", order="PO-1")
    assert proof_for(renewal, LATER).missing() == ["certificate", "order number", "purchase date"]
    assert step_problems(2, renewal, [LAPSED, LATER], TODAY) == []


def test_step_2_refuses_a_purchase_date_in_the_future() -> None:
    renewal = new_renewal(["C-1"], TODAY, proofs={"C-1": Proof(purchase_date=date(2026, 11, 28))})
    assert step_problems(2, renewal, [LAPSED], TODAY) == [
        "contract C-1: the purchase date 2026-11-28 is in the future (today is 2026-11-27)"]
    assert step_problems(2, replace(renewal, proofs={"C-1": Proof(purchase_date=TODAY)}), [LAPSED], TODAY) == []


def test_the_quote_uses_new_quantities_uplift_and_fee_rate() -> None:
    renewal = new_renewal(["C-1"], TODAY, to=date(2027, 12, 31), uplift=D("0.10"), fee_rate=D("0.20"),
                          quantities={"C-1": 60})
    (line,) = renewal_quote(renewal, [LAPSED], TODAY).lines
    # 50 licences E→T: 1 y 275 d at 20.00 × 1.10; fee on 241 lapsed days at 20 %; 10 added today→T.
    assert (line.years, line.days, line.quantity, line.added) == (1, 275, 50, 10)
    assert line.amount == D("1928.77")
    assert line.reinstatement_fee == D("132.05")
    assert line.additional_amount == D("240.49")  # 1 y 34 d


def test_step_3_refuses_a_quantity_below_one() -> None:
    renewal = new_renewal(["C-1"], TODAY, to=date(2027, 12, 31), quantities={"C-1": 0})
    assert step_problems(3, renewal, [LAPSED], TODAY) == ["contract C-1: the new quantity must be at least 1"]


def test_step_4_needs_a_partner_and_a_written_request() -> None:
    renewal = new_renewal(["C-1"], TODAY)
    assert step_problems(4, renewal, [LAPSED], TODAY) == [
        "choose the partner who will quote", "write the quote request to a file"]
    assert step_problems(4, replace(renewal, partner="p1", request_path="/x.txt"), [LAPSED], TODAY) == []


def test_step_5_needs_certificates_order_and_a_past_confirmation_date() -> None:
    renewal = new_renewal(["C-1", "C-2"], TODAY, certificates={"C-1": "NEW-1", "C-2": " "},
                          confirmed_on=date(2026, 11, 28))
    assert step_problems(5, renewal, [LAPSED, DUE], TODAY) == [
        "contract C-2: enter the new certificate number", "enter the order / PO number",
        "the confirmation date 2026-11-28 is in the future"]


def test_completion_needs_every_step_and_an_open_renewal() -> None:
    ready = new_renewal(["C-1"], TODAY, to=date(2027, 3, 31), partner="p1", request_path="/r.txt",
                        certificates={"C-1": "NEW"}, order="PO-9", confirmed_on=TODAY)
    assert completion_problems(ready, [LAPSED], TODAY) == []
    cancelled = replace(ready, id="R-0001", status=RenewalStatus.CANCELLED)
    assert completion_problems(cancelled, [LAPSED], TODAY) == [
        "renewal R-0001 is cancelled; it can no longer be completed"]


def test_planned_changes_set_end_quantity_certificate_and_order() -> None:
    renewal = new_renewal(["C-1"], TODAY, to=date(2027, 3, 31), quantities={"C-1": 55},
                          certificates={"C-1": "LC-NEW"}, order="PO-9")
    ((old, new),) = planned_changes(renewal, [LAPSED])
    assert (new.end, new.quantity, new.certificate, new.order) == (date(2027, 3, 31), 55, "LC-NEW", "PO-9")
    assert (new.product, new.unit_price, new.partner) == (old.product, old.unit_price, old.partner)
    assert describe_changes([(old, new)]) == [
        "C-1: end 2026-03-31 → 2027-03-31; licences 50 → 55; certificate LC-1 → LC-NEW; order PO-1 → PO-9"]


def test_default_partner_is_the_most_common_one() -> None:
    assert default_partner([LAPSED, DUE, LATER]) == "p2"
    assert default_partner([LAPSED, DUE]) == "p1"  # a tie: the first contract's
    assert default_partner([make_contract()]) == ""


def test_renewal_quote_without_a_date_says_so() -> None:
    try:
        renewal_quote(new_renewal(["C-1"], TODAY), [LAPSED], TODAY)
    except CotermError as error:
        assert str(error) == "choose the co-term date T"
    else:  # pragma: no cover
        raise AssertionError("no error")


def test_quote_request_holds_contracts_quantities_date_proof_and_estimate() -> None:
    partner = Partner("p1", "Zorvanta Systems SRL", "Platinum", "reseller", "RO", "București",
                      email="contact@zorvanta.example.com")
    renewal = replace(new_renewal(["C-1", "C-2"], TODAY, to=date(2027, 3, 31), quantities={"C-1": 60},
                                  partner="p1", contact="Ana Pop, IT, ana@example.com"), id="R-0003")
    quote = renewal_quote(renewal, [LAPSED, replace(DUE, end=date(2027, 1, 15))], TODAY)
    text = quote_request_text(renewal, [LAPSED, DUE], quote, TODAY, partner=partner)
    assert "maintenance renewal R-0003" in text
    assert "To: Zorvanta Systems SRL (p1)" in text and "contact@zorvanta.example.com" in text
    assert "From: Ana Pop, IT, ana@example.com" in text
    assert "co-termed to end on one date: 2027-03-31." in text
    assert "Licences: 50 now, 60 after the renewal" in text
    assert "Certificate: LC-1 · Order: PO-1 · Purchased: —" in text
    assert "Proof of purchase missing: order number, purchase date" in text  # C-2 has no order
    assert "reinstatement fee (lapsed)" in text
    assert f"Total RON: {quote.totals['RON']:,.2f} RON" in text and "Total EUR:" in text
    assert all(len(line) <= 78 for line in text.splitlines())


def test_growth_compares_the_forecast_with_what_the_renewal_leaves_owned() -> None:
    from tui.domain.renewal_growth import growth_rows, recommended_quantity
    from tui.domain.usage import UsageSample

    renewed = make_contract("C-1", product="EP", quantity=50, end=date(2026, 3, 31))
    others = [make_contract("C-2", product="EP", quantity=40, end=date(2028, 1, 1)),
              make_contract("C-3", product="EP", quantity=20, end=date(2027, 1, 31)),  # ends before T
              make_contract("C-4", product="Mail", quantity=5, end=date(2027, 6, 1))]
    samples = {"EP": [UsageSample("EP", date(2026, m, 10), 90 + m) for m in (8, 9, 10)]}  # peak 100
    renewal = new_renewal(["C-1", "C-4"], TODAY, to=date(2027, 12, 31), quantities={"C-1": 60})
    ep, mail = growth_rows(renewal, [renewed, others[2]], [renewed, *others], samples, TODAY, headroom=0.15)
    assert (ep.product, ep.owned, ep.planned) == ("EP", 90, 100)
    assert ep.plan.result.method == "headroom" and ep.recommended == 115  # ceil(100 × 1.15)
    assert (ep.to_buy, ep.surplus) == (15, 0)
    assert recommended_quantity(ep, renewed, renewal) == 75
    assert mail.plan is None and "no usage" in mail.problem and mail.to_buy == 0


def test_the_quote_request_is_written_in_the_language_with_its_formats() -> None:
    from tui.i18n import use_language

    renewal = replace(new_renewal(["C-1", "C-2"], TODAY, to=date(2027, 3, 31), quantities={"C-1": 60},
                                  partner="p1"), id="R-0003")
    quote = renewal_quote(renewal, [LAPSED, replace(DUE, end=date(2027, 1, 15))], TODAY)
    use_language("ro")
    text = quote_request_text(renewal, [LAPSED, DUE], quote, TODAY)
    assert "reînnoirea celor 2 contracte de întreținere de mai jos," in text
    assert "31.03.2027" in text and "2027-03-31" not in text
    assert "+ 10 licențe suplimentare de la 27.11.2026" in text
    assert quote.totals["RON"] == D("1233.02") and "Total RON: 1.233,02 RON" in text
    assert "Please" not in text and "Licences" not in text
