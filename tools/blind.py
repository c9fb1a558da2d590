"""Blind players on the default bank (or any files): how often each surface rule wins, per kind.

    python tools/blind.py                     # 2,000 seeded games of each kind, the summary table
    python tools/blind.py --games 500 --all   # every rule, one row each
    python tools/blind.py --facts RULE        # which facts a rule wins on, most first

Each seed plays one game of ten questions of every kind together and one of
each kind alone (see game/core/blind.py); "right" is how often a rule picked
the right answer (estimates: the share of the points it earned; order: whole
orders right, or the share of items in place), "chance" what a random answer
gets, and z how many standard deviations the rule is above chance.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.core import blind  # noqa: E402
from game.core.questions import seeded  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "questions.yaml"])
    parser.add_argument("--games", type=int, default=2000)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--all", action="store_true", help="every rule, not only the best of each kind")
    parser.add_argument("--facts", metavar="RULE", help="per fact: where RULE wins (kind:rule or a rule name)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    tallies = blind.play(seeded(args.paths), args.games, first_seed=args.first_seed, by_key=bool(args.facts))
    took = time.perf_counter() - start
    if args.facts:
        for kind, rules in tallies.items():
            for rule, keys in rules.items():
                if args.facts in (rule, f"{kind}:{rule}"):
                    print(f"## {kind}: {rule}")
                    for key, t in sorted(keys.items(), key=lambda item: -(item[1].hits - item[1].expected)):
                        print(f"{key:40} {t.rounds:6} right {t.rate:6.1%} chance {t.chance:6.1%}")
        return 0
    print(blind.all_rules(tallies) if args.all else blind.table(tallies))
    worst = blind.worst(tallies)
    kind, rule, t = worst[0]
    print(f"\n{args.games:,} seeds from {args.first_seed}, {took:.1f} s; the rule furthest above chance: "
          f"{kind}: {rule}, {t.rate:.1%} against {t.chance:.1%} (z = {t.z:+.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
