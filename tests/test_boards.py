"""High-score boards: every game with the same options competes on one board, whatever the seed."""

import json
import re

from conftest import run_cli
from game import paths
from game.core.boards import board_for, migrated, questions_digest
from game.core.questions import load_files
from game.core.scores import parse_table


def test_default_bank_games_share_one_board_whatever_the_seed(tmp_path):
    """Three seeded games with the same options land on one board; another length gets its own."""
    scores = tmp_path / "s.json"
    for seed, name in ((1, "ANA"), (2, "BEN"), (3, "CY")):
        result = run_cli("--autoplay", "--count", "3", "--seed", seed, "--scores", scores, "--name", name)
        assert result.returncode == 0, result.stderr
    entries = json.loads(run_cli("scores", "--json", "--scores", scores).stdout)
    assert {e["name"] for e in entries} == {"ANA", "BEN", "CY"}
    assert {e["board"] for e in entries} == {"classic/3/default"}
    assert {e["board_label"] for e in entries} == {"Classic · 3 questions · default bank"}
    other = run_cli("--autoplay", "--count", "2", "--seed", "4", "--scores", scores, "--name", "DEE")
    assert other.returncode == 0, other.stderr
    boards = {e["board"] for e in json.loads(run_cli("scores", "--json", "--scores", scores).stdout)}
    assert boards == {"classic/3/default", "classic/2/default"}


def test_a_set_of_questions_has_one_digest_for_every_seed(fixtures):
    """Generated true/false statements differ from seed to seed; the board of the files does not."""
    banks = [load_files([paths.default_bank()], seed).questions for seed in (1, 2, 3)]
    prompts = [sorted(q.prompt for q in bank) for bank in banks]
    assert prompts[0] != prompts[1] or prompts[1] != prompts[2]  # the seeds really make other words
    ids = {board_for("classic", bank, 10, "mine.yaml")[0] for bank in banks}
    assert len(ids) == 1 and next(iter(ids)).startswith("classic/10/q-")
    assert len({questions_digest(bank) for bank in banks}) == 1


def test_mode_length_clock_filters_and_files_each_make_their_own_board(tmp_path):
    bank = load_files([paths.default_bank()], 1).questions
    mine = tmp_path / "mine.yaml"
    mine.write_text("questions:\n  - prompt: Which colour is the sky?\n    choices: [Blue, Red]\n    answer: Blue\n",
                    encoding="utf-8")
    own = load_files([mine], 1).questions
    ids = [board_for("classic", bank, 10, "default bank", default_bank=True)[0],
           board_for("sudden-death", bank, 10, "default bank", default_bank=True)[0],
           board_for("hotseat", bank, 10, "default bank", default_bank=True)[0],
           board_for("classic", bank, 5, "default bank", default_bank=True)[0],
           board_for("classic", bank, 10, "default bank", 2.0, default_bank=True)[0],
           board_for("classic", bank, 10, "default bank", default_bank=True, filters="Crew")[0],
           board_for("classic", own, 10, "mine.yaml")[0],
           board_for("classic", own[:0] + bank[:3], 10, "mine.yaml")[0]]
    assert len(set(ids)) == len(ids)
    assert ids[0] == "classic/10/default" and ids[4] == "classic/10/default/x2"
    # The filter's words name the board, not their case.
    assert board_for("classic", bank, 10, "default bank", default_bank=True, filters="crew")[0] == ids[5]


def test_facts_without_an_id_are_keyed_by_file_name_not_folder(tmp_path):
    text = ("pools:\n  colours: [Blue, Red, Green, Pink, Grey]\n"
            "facts:\n  - answer: Blue\n    pool: colours\n    ask: Which colour is the sky?\n"
            "    explanation: It scatters blue light most.\n")
    one, two = tmp_path / "a", tmp_path / "b"
    for folder in (one, two):
        folder.mkdir()
        (folder / "sky.yaml").write_text(text, encoding="utf-8")
    assert questions_digest(load_files([one / "sky.yaml"], 1).questions) == \
        questions_digest(load_files([two / "sky.yaml"], 2).questions)


LEGACY = [
    # Two default-bank games of the old scheme: two boards then, one now.
    ("classic/10/02ec430d", "Classic · 10 questions · default bank", "ANA", 7000),
    ("classic/10/6b76f531", "Classic · 10 questions · default bank", "BEN", 6000),
    ("classic/10/0badf00d/x1.5", "Classic · 10 questions · default bank · time ×1.5", "CY", 5000),
    ("classic/10/1234abcd", "Classic · 10 questions · default bank, Crew, easy", "DEE", 4000),
    ("classic/10/aaaabbbb", "Classic · 10 questions · mine.yaml", "EVE", 3000),
    ("classic/10/ccccdddd", "Classic · 10 questions · mine.yaml", "FLO", 2000),
    ("classic/10/eeeeffff", "", "GUS", 1000),  # no label: left where it was
]


def legacy_file() -> bytes:
    entries = [{"id": f"id{i}", "board": board, "board_label": label, "mode": "classic", "name": name,
                "score": score, "correct": 5, "asked": 10, "time_s": 30.0, "date": "2026-11-20T10:00:00+00:00"}
               for i, (board, label, name, score) in enumerate(LEGACY)]
    return json.dumps({"format": "mi-trivia-scores", "version": 1, "last_name": "ANA", "entries": entries}).encode()


def test_entries_saved_under_per_game_boards_are_kept_and_joined():
    table, warnings, reason = parse_table(legacy_file())
    assert reason is None and not warnings and len(table.entries) == len(LEGACY)
    boards = table.boards()
    default = board_for("classic", [], 10, "default bank", default_bank=True)[0]
    assert [e.name for e in boards[default]] == ["ANA", "BEN"]
    assert [e.name for e in boards[default + "/x1.5"]] == ["CY"]
    filtered = board_for("classic", [], 10, "default bank", default_bank=True, filters="Crew, easy")[0]
    assert [e.name for e in boards[filtered]] == ["DEE"]
    mine = [b for b, items in boards.items() if [e.name for e in items] == ["EVE", "FLO"]]
    assert len(mine) == 1 and mine[0].startswith("classic/10/v1-")
    assert [e.name for e in boards["classic/10/eeeeffff"]] == ["GUS"]
    # Labels are kept: each board still says which game it was.
    assert {e.board_label for e in boards[mine[0]]} == {"Classic · 10 questions · mine.yaml"}


def test_migration_leaves_new_ids_alone():
    for board in ("classic/10/default", "classic/10/q-1a2b3c4d", "classic/10/default-1a2b3c4d/x2", "party/6/default"):
        assert migrated(board, "Classic · 10 questions · default bank") == board


def test_a_saved_legacy_file_is_rewritten_with_the_joined_boards(tmp_path):
    from game.core.scores import ScoreStore, new_entry

    path = tmp_path / "scores.json"
    path.write_bytes(legacy_file())
    store = ScoreStore(path)
    default = board_for("classic", [], 10, "default bank", default_bank=True)
    result = store.save(new_entry(*default, "HAL", 6500, 6, 10, 25.0))
    assert result.saved and result.rank == 2  # between ANA's 7000 and BEN's 6000: one board
    names = [e.name for e in store.read().table.board(default[0])]
    assert names == ["ANA", "HAL", "BEN"]


def test_the_board_rule_without_pygame(tmp_path):
    """core.boards.chosen_board: the mode, length, filters and clock in words; a game drawn only from the
    default bank (with the player's folder added to it) keeps the default bank's board."""
    from game.core.boards import chosen_board, filters_text
    from game.core.kinds import label_of, no_typing

    assert label_of(None) == "All" and label_of(no_typing()) == "No typing"
    assert label_of(("order", "type")) == "Order, Typed"
    assert filters_text("Crew", None, ("choice", "truefalse", "estimate", "order", "type")) == "Crew"
    assert filters_text(None, "easy", ("type",)) == "easy, kinds: Typed"
    home = load_files([paths.default_bank()], 1).questions
    mine = tmp_path / "mine.yaml"
    mine.write_text("questions:\n  - prompt: Which colour is the sky?\n    choices: [Blue, Red]\n    answer: Blue\n",
                    encoding="utf-8")
    pool = home + load_files([mine], 1).questions
    where = str(paths.default_bank())
    rule = dict(mode="practice", count=10, bank_label="default bank + your questions", time_factor=2.0,
                filters="easy", home_bank=where)
    assert chosen_board(pool, **rule) == chosen_board(pool, drawn=home[:3], **rule)
    board, label = chosen_board(pool, **rule)
    assert re.fullmatch(r"classic/10/default-[0-9a-f]{8}/x2", board)  # practice plays for Classic's board
    assert label == "Classic · 10 questions · default bank, easy · time ×2"
    other, other_label = chosen_board(pool, drawn=pool[-2:], **rule)
    assert other.startswith("classic/10/q-") and "default bank + your questions" in other_label
    assert chosen_board(pool, **{**rule, "time_factor": None})[0] == board.removesuffix("/x2")
