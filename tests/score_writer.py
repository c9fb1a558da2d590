"""A child process for the score tests: saves entries and reports each save on stdout."""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.core.scores import ScoreStore, new_entry  # noqa: E402


def main() -> None:
    path, prefix, count, start_at = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    while time.time() < start_at:
        time.sleep(0.001)
    store = ScoreStore(path)
    for i in range(count):
        name = f"{prefix}{i}"
        # One board per entry, so the top-10 trim never drops what we check for.
        result = store.save(new_entry(f"board-{name}", "test", name, 100 + i, 1, 2, 3.5))
        if not result.saved:
            print(f"FAILED {name} {result.error}", flush=True)
            sys.exit(1)
        print(name, flush=True)


if __name__ == "__main__":
    main()
