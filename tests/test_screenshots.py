"""scripts/screenshots.py: one SVG per tab and wizard step, and the same bytes every time it runs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_script():
    spec = importlib.util.spec_from_file_location("screenshots_script", ROOT / "scripts" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_a_shot_taken_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    script = load_script()
    first = await script.shoot("overview-80x24", out=tmp_path / "one", work=tmp_path / "work")
    second = await script.shoot("overview-80x24", out=tmp_path / "two", work=tmp_path / "work")
    assert first.name == second.name == "overview-80x24.svg"
    assert first.read_bytes() == second.read_bytes()
    svg = first.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "SEP-2021-0417" in svg and "EXPIRED" in svg


def test_every_tab_and_wizard_step_has_a_shot_in_the_repository() -> None:
    shots = load_script().SHOTS
    wanted = {"overview", "overview-80x24", "renewal", "forecast", "partners", "budget", "wizard-1-contracts",
              "wizard-2-proof", "wizard-3-growth", "wizard-4-partner", "wizard-5-order", "wizard-summary"}
    assert wanted <= set(shots)
    assert {f"ro/{name}" for name in wanted} <= set(shots)  # and each again in Romanian
    missing = [name for name in shots if not (ROOT / "screenshots" / f"{name}.svg").is_file()]
    assert not missing, "run: python scripts/screenshots.py"


async def test_every_screen_still_looks_like_its_committed_screenshot(tmp_path: Path) -> None:
    """Visual regression: each shot rendered afresh (each screen once; the wizard's steps in one run) is the
    committed SVG byte for byte.  A change that alters a screen fails here until the screenshots are
    regenerated on purpose: python scripts/screenshots.py"""
    script = load_script()
    changed = []
    for run in script.runs(list(script.SHOTS)):
        for fresh in await script.shoot_run(run, out=tmp_path / "fresh"):  # in the shots' own folder: it is shown
            name = fresh.relative_to(tmp_path / "fresh")
            if fresh.read_bytes() != (ROOT / "screenshots" / name).read_bytes():
                changed.append(str(name.with_suffix("")))
    assert not changed, f"these screens changed: {changed}; if on purpose, run: python scripts/screenshots.py"


async def test_a_romanian_shot_is_in_romanian_and_leaves_the_language_as_it_was(tmp_path: Path) -> None:
    script = load_script()
    shot = await script.shoot("ro/overview-80x24", out=tmp_path / "out", work=tmp_path / "work")
    assert shot == tmp_path / "out" / "ro" / "overview-80x24.svg"
    svg = shot.read_text(encoding="utf-8")
    assert "EXPIRAT" in svg and "Marcați" in svg and "EXPIRED" not in svg and "Mark" not in svg
    english = await script.shoot("overview-80x24", out=tmp_path / "out", work=tmp_path / "work")
    assert "EXPIRED" in english.read_text(encoding="utf-8")
