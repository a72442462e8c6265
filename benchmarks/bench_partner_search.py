"""Time a keystroke-like partner search over 5,000 synthetic partners (target: < 30 ms a search).

Run from the repository root:  python benchmarks/bench_partner_search.py
Not a test: timings depend on the machine, so nothing here fails a build.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.domain.geo import City  # noqa: E402
from tui.domain.partner import KINDS, SPECIALISATIONS, TIERS, Partner  # noqa: E402
from tui.domain.partner_search import PartnerIndex  # noqa: E402

PARTNERS = 5_000
TARGET_MS = 30.0
CITIES = [
    City("București", "RO", 44.4268, 26.1025),
    City("Cluj-Napoca", "RO", 46.7712, 23.6236),
    City("Timișoara", "RO", 45.7489, 21.2087),
    City("Iași", "RO", 47.1585, 27.6014),
    City("Brașov", "RO", 45.6427, 25.5887),
    City("Târgu Mureș", "RO", 46.5425, 24.5575),
    City("Chișinău", "MD", 47.0105, 28.8638),
    City("Budapest", "HU", 47.4979, 19.0402),
    City("Kraków", "PL", 50.0647, 19.9450),
    City("Düsseldorf", "DE", 51.2277, 6.7735),
    City("Vienna", "AT", 48.2082, 16.3738),
    City("Sofia", "BG", 42.6977, 23.3219),
]
# What a user types, one keystroke at a time, including typos with a missing letter.
TYPED = ["timisoara endpoint", "zorvnta", "bkup recovery", "cluj", "gold platinum", "xyzzy"]


def synthetic_partners(count: int, rng: random.Random) -> list[Partner]:
    syllables = ["zor", "van", "ta", "quel", "mi", "ra", "tre", "lon", "ar", "de", "lix", "be", "ga", "vox", "nu"]
    suffixes = ["Systems", "Secure", "Networks", "IT", "Data", "Solutions", "Cyber", "Labs"]
    partners = []
    for n in range(1, count + 1):
        city = rng.choice(CITIES)
        stem = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()
        partners.append(
            Partner(
                id=f"s{n:05d}",
                name=f"{stem} {rng.choice(suffixes)} SRL",
                tier=rng.choice(TIERS),
                kind=rng.choice(KINDS),
                country=city.country,
                city=city.name,
                specialisations=tuple(rng.sample(SPECIALISATIONS, rng.randint(1, 4))),
            )
        )
    return partners


def keystrokes(text: str) -> list[str]:
    return [text[:n] for n in range(1, len(text) + 1)]


def time_ms(run) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    rng = random.Random(7)
    partners = synthetic_partners(PARTNERS, rng)
    build = time_ms(lambda: PartnerIndex(partners, CITIES).prepare())
    index = PartnerIndex(partners, CITIES)
    index.prepare()  # the search texts are built lazily; the app builds them before the first keystroke
    print(f"index of {PARTNERS} partners built in {build:.1f} ms")

    scenarios = {
        "query": {},
        "query + tier filter": {"tier": "Gold"},
        "query + within 300 km of Cluj-Napoca": {"near": (CITIES[1], 300.0)},
    }
    worst = 0.0
    for label, options in scenarios.items():
        timings = [time_ms(lambda q=q: index.search(q, **options)) for text in TYPED for q in keystrokes(text)]
        timings.append(time_ms(lambda: index.search("", **options)))
        worst = max(worst, max(timings))
        print(
            f"{label:40s} {len(timings):3d} searches: mean {statistics.mean(timings):5.1f} ms,"
            f" median {statistics.median(timings):5.1f} ms, max {max(timings):5.1f} ms"
        )
    verdict = "OK" if worst < TARGET_MS else "SLOWER THAN TARGET"
    print(f"worst search {worst:.1f} ms (target {TARGET_MS:.0f} ms): {verdict}")


if __name__ == "__main__":
    main()
