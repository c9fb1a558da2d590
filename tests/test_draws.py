"""Issue 14, points 1 to 3: fair draws, one question per fact, no giveaways, fresh questions first.

Core only: no pygame.  The games are played the way the command line sets
them up: the bank loaded with the game's seed (the ladders of numbers and
dates depend on it), then a session with a random generator of that seed.
"""

import functools
import math
import random
from collections import Counter
from pathlib import Path

import pytest

from game.core.draw import apart, asked_for, draw, mentions
from game.core.facts import fitting_ranks, ladder
from game.core.kinds import names
from game.core.model import Question
from game.core.questions import load_files, load_text, seeded
from game.core.session import MODES, Session

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "questions.yaml"


@functools.lru_cache(maxsize=1)
def _default_maker():
    assert not load_files([DEFAULT], 0).problems
    return seeded([DEFAULT])


def default_bank(seed):
    """The default bank as ``load_files([DEFAULT], seed)`` gives it, the file read once."""
    return _default_maker()(seed)


def synthetic_yaml() -> str:
    """Facts and questions of every size: 2 to 6 choices, ladders of numbers, money and dates."""
    lines = ["facts:"]
    for i in range(12):
        n = 2 + i % 5
        lines += [f"  - id: num{i}", "    kind: number", f"    answer: {37 + 13 * i}", f"    choices: {n}",
                  f"    step: {1 + i % 4}", f"    ask: How many things in set {i}?", f"    explanation: Set {i}."]
    for i in range(4):
        lines += [f"  - id: day{i}", "    kind: date", f"    answer: 2020-0{i + 1}-15", "    step: 3",
                  f"    ask: When did event {i} happen?", f"    explanation: Event {i}."]
    lines += ["  - id: cash", "    kind: money", "    answer: 12.5", "    currency: $", "    unit: million",
              "    ask: What did it cost?", "    explanation: Cost."]
    for i in range(12):
        n = 2 + i % 5
        wrong = ", ".join(f"Wrong {i}.{w}" for w in range(n + 1))
        lines += [f"  - id: text{i}", f"    answer: Right {i}", f"    wrong: [{wrong}]", f"    choices: {n}",
                  f"    ask: What is thing {i}?", f"    explanation: Thing {i}."]
    lines.append("questions:")
    for i in range(12):
        n = 2 + i % 5
        choices = ", ".join(f"Choice {i}.{c}" for c in range(n))
        lines += [f"  - prompt: Hand-written {i}?", f"    choices: [{choices}]", f"    answer: Choice {i}.{i % n}"]
    return "\n".join(lines) + "\n"


def synthetic_bank(seed):
    bank = load_text(synthetic_yaml(), "synthetic.yaml", seed)
    # (its choices are made up to test places, not looks: the validator's fairness warnings do not matter)
    assert not bank.problems and not [w for w in bank.warnings if "a bound is near" in w.message], bank.warnings
    return bank.questions


# -- 1. blind play earns chance ---------------------------------------------------------
def least_used(rnd, history, rng):
    n = len(rnd.choices)
    counts = Counter(i for i in history if i < n)
    return min(range(n), key=lambda i: counts[i])


def same_as_last(rnd, history, rng):
    return min(history[-1], len(rnd.choices) - 1) if history else 0


def middle_up(rnd, history, rng):
    return len(rnd.choices) // 2


def middle_down(rnd, history, rng):
    return (len(rnd.choices) - 1) // 2


def smallest(rnd, history, rng):
    return 0


def largest(rnd, history, rng):
    return len(rnd.choices) - 1


def blind(rnd, history, rng):
    return rng.randrange(len(rnd.choices))


STRATEGIES = {"least used so far": least_used, "same as last": same_as_last, "middle (upper)": middle_up,
              "middle (lower)": middle_down, "smallest": smallest, "largest": largest, "blind guess": blind}


def play_blind(make_bank, games: int, count: int, only_ordered: bool = False):
    """Per strategy: (right answers, what chance would give, its variance).

    ``only_ordered``: games of numbers and dates alone, as multiple choice (what
    ``--kinds choice`` plays of them), scored on those.
    """
    tally = {name: [0, 0.0, 0.0] for name in STRATEGIES}
    for game in range(games):
        questions = make_bank(game)
        if only_ordered:
            questions = [q for q in questions if q.kind == "choice" and q.ordered]
        session = Session(questions, count=count, rng=random.Random(game), mode="practice")
        guesser = random.Random(-game - 1)
        seen: list[int] = []  # where the right answer was, as the player learns it after each question
        for rnd in session.rounds:
            if rnd.correct < 0 or rnd.kind == "truefalse":
                # Estimate, order and typed answers have no position to guess; True/False are always shown
                # True first (issue 15), so there the position is the answer itself, not a place to guess.
                continue
            p = 1 / len(rnd.choices)
            for name, strategy in STRATEGIES.items():
                row = tally[name]
                row[0] += strategy(rnd, seen, guesser) == rnd.correct
                row[1] += p
                row[2] += p * (1 - p)
            seen.append(rnd.correct)
    return tally


def assert_chance(tally):
    for name, (hits, expected, variance) in tally.items():
        assert variance > 100, name  # enough questions for the test to mean something
        assert abs(hits - expected) <= 4.5 * math.sqrt(variance), \
            f"{name}: {hits} right where chance gives {expected:.0f} ± {math.sqrt(variance):.0f}"


def test_blind_strategies_score_chance_on_the_default_bank():
    assert_chance(play_blind(default_bank, games=1500, count=10))


def test_blind_strategies_score_chance_on_numbers_and_dates_of_the_default_bank():
    """The "middle number": ladders put the right answer at any place alike."""
    assert_chance(play_blind(default_bank, games=1500, count=30, only_ordered=True))


def test_blind_strategies_score_chance_on_a_synthetic_bank():
    assert_chance(play_blind(synthetic_bank, games=600, count=20))
    assert_chance(play_blind(synthetic_bank, games=600, count=40, only_ordered=True))


def test_a_blind_guess_on_the_slider_earns_about_chance():
    """Estimates: the middle of the slider (or an end) earns about what the answer's random place allows."""
    from game.core.scoring import estimate_share

    guesses = {"middle": 0.5, "a quarter": 0.25, "three quarters": 0.75, "low end": 0.0, "high end": 1.0}
    earned, chance, n = dict.fromkeys(guesses, 0.0), 0.0, 0
    for seed in range(300):
        questions = default_bank(seed)
        from_facts = {q.fact for q in questions if q.kind == "choice"}  # hand-written sliders have the author's ends
        for q in questions:
            if q.kind != "estimate" or q.fact not in from_facts:
                continue
            scale, n = q.scale, n + 1
            chance += min(scale.tolerance / (scale.high - scale.low), 1)
            for name, at in guesses.items():
                guess = scale.snap(scale.low + at * (scale.high - scale.low))
                earned[name] += estimate_share(guess, q.value, scale.tolerance)
    assert n > 1000
    for name, total in earned.items():
        assert total / n <= 1.3 * chance / n, f"{name}: {total / n:.2f} of the points, chance {chance / n:.2f}"


def test_the_ladder_puts_the_answer_at_every_place_alike():
    for n in range(2, 7):
        ranks = Counter(ladder(100, 10, n, 0, None, random.Random(seed)).index(100) for seed in range(3000))
        assert set(ranks) == set(range(n))
        assert max(ranks.values()) - min(ranks.values()) < 6 * math.sqrt(3000 / n)
    # Near a bound only some places fit; the rank is uniform over those (and the validator warns).
    assert fitting_ranks(2, 1, 4, 1, None) == [0, 1]
    assert Counter(ladder(2, 1, 4, 1, None, random.Random(s)).index(2) for s in range(1000)).keys() == {0, 1}


def test_the_validator_warns_when_a_bound_leaves_the_answer_few_places():
    text = ("facts:\n  - id: early\n    kind: ordinal\n    answer: 2\n    ask: Which one?\n"
            "    explanation: The second.\n")
    bank = load_text(text, "b.yaml")
    assert [q.kind for q in bank.questions] == ["choice", "estimate"] and not bank.problems
    (warning,) = bank.warnings
    assert (warning.line, warning.column) == (4, 13) and "place 1, 2 of the 4" in warning.message


def test_the_default_bank_has_no_ladder_warnings():
    assert not load_files([DEFAULT], 0).warnings


# -- 2. one question per fact, no giveaways -----------------------------------------------
def test_every_generated_question_knows_its_fact():
    from game.core import yamldoc

    questions = default_bank(0)
    written = yamldoc.parse(DEFAULT.read_text(encoding="utf-8")).to_plain().get("questions", [])
    hand = {q["prompt"] for q in written if "id" not in q}
    assert all(q.fact for q in questions if q.prompt not in hand)
    speeds = [q for q in questions if q.fact == "train-speed" and q.kind == "choice"]
    assert len(speeds) == 2 and len({q.key for q in speeds}) == 1
    agency = next(q for q in questions if q.prompt.startswith("Which agency"))
    assert agency.key == "imf"  # a hand-written question with a fact's id is one of that fact's


def test_a_fact_without_an_id_still_asks_one_question_per_game():
    text = ("facts:\n  - answer: Blue\n    wrong: [Red, Green, Grey]\n    explanation: It is blue.\n"
            "    ask: [What colour is it?, Which colour does it have?]\n")
    questions = load_text(text, "b.yaml").questions
    assert len(questions) == 2 and questions[0].key == questions[1].key
    assert len(Session(questions, count=10).rounds) == 1


def test_reveals_is_read_from_facts_and_questions_and_checked():
    text = ("facts:\n  - id: car\n    reveals: city\n    answer: A car\n    wrong: [A bus, A van, A bike]\n"
            "    explanation: E.\n    ask: Which vehicle?\n"
            "questions:\n  - prompt: Where?\n    id: city\n    reveals: [car, 'other ']\n"
            "    choices: [Rome, Paris]\n    answer: Rome\n"
            "  - prompt: Why?\n    reveals: {a: b}\n    choices: [A, B]\n    answer: A\n")
    bank = load_text(text, "b.yaml")
    city, car = bank.questions  # hand-written questions are read first
    assert car.fact == "car" and car.reveals == ("city",)
    assert city.fact == "city" and city.reveals == ("car", "other")
    (problem,) = bank.problems
    assert (problem.line, problem.column) == (15, 14) and "'reveals' must be a list" in problem.message
    assert apart(bank.questions) == {"car": {"city"}, "city": {"car", "other"}, "other": {"city"}}


def test_draw_asks_one_question_per_key_and_keeps_reveals_apart():
    qs = [Question(prompt=f"{k} {i}?", choices=("a", "b"), answer="a", fact=k,
                   reveals=("y",) if k == "x" else ()) for k in "xyzw" for i in range(3)]
    for seed in range(200):
        picked = draw(qs, 10, random.Random(seed))
        keys = [q.key for q in picked]
        assert len(keys) == len(set(keys)) == 3 and not {"x", "y"} <= set(keys)
    everything = Counter(tuple(sorted(q.key for q in draw(qs, 1, random.Random(s), every=True))) for s in range(200))
    assert set(everything) == {("w", "x", "z"), ("w", "y", "z")}  # sudden death: all it can, never x with y


def modes_and_pools(questions):
    """Every mode, with every kind together and each kind alone (as --kinds does)."""
    pools = {"all": questions}
    for kind in names():
        only = [q for q in questions if q.kind == kind]
        if only:
            pools[kind] = only
    for mode in MODES:
        players = ("A", "B", "C") if mode == "hotseat" else ("A",)
        for name, pool in pools.items():
            yield mode, players, name, pool


def shown_by(rnd) -> list[str]:
    """What a round puts in front of the players: the prompt, the items, the right answer, the explanation."""
    question = rnd.question
    texts = [question.prompt, question.answer, question.explanation or ""]
    if rnd.kind == "order":
        texts.extend(rnd.choices)
    elif rnd.correct >= 0:
        texts.append(rnd.choices[rnd.correct])
    return texts


@pytest.mark.parametrize("make_bank", [default_bank, synthetic_bank])
def test_no_game_asks_for_an_answer_it_has_already_shown(make_bank):
    for seed in range(120):
        questions = make_bank(seed)
        kept_apart = apart(questions)
        for mode, players, name, pool in modes_and_pools(questions):
            session = Session(pool, count=10, rng=random.Random(seed), mode=mode, players=players)
            keys = [r.question.key for r in session.rounds]
            assert len(keys) == len(set(keys)), (mode, name, keys)
            assert not any(kept_apart.get(k, set()) & set(keys) for k in keys), (mode, name, keys)
            shown: list[str] = []
            for rnd in session.rounds:
                words = asked_for(rnd.question)
                given = [text for text in shown if mentions(text, words)]
                assert not given, f"{mode}/{name} seed {seed}: '{rnd.question.prompt}' was answered by {given}"
                shown.extend(shown_by(rnd))


def test_sudden_death_plays_every_fact_it_can():
    for seed in range(50):
        questions = default_bank(seed)
        session = Session(questions, rng=random.Random(seed), mode="sudden-death")
        keys = {r.question.key for r in session.rounds}
        blocked = set().union(*(apart(questions).get(k, set()) for k in keys))
        assert keys | blocked >= {q.key for q in questions}


def test_the_default_bank_gives_nothing_away_says_the_validator():
    bank = load_files([DEFAULT], 0, giveaways=True)
    assert not bank.problems and not bank.warnings, bank.warnings


def test_the_validator_warns_where_an_answer_shows_in_another_question():
    text = ("facts:\n"
            "  - id: car\n    answer: A yellow Fiat 500\n    wrong: [A red Ferrari, A black BMW, A green Mini]\n"
            "    explanation: It drifts through Rome.\n    ask: Which car drifts through the city?\n"
            "  - id: city\n    answer: Rome\n    wrong: [Paris, Milan, Venice]\n"
            "    explanation: The chase is in Rome.\n"
            "    ask: [Where does the yellow Fiat 500 drift?, In which city is the car chase?]\n")
    bank = load_text(text, "b.yaml", giveaways=True)
    from game.core.questions import giveaway_warnings

    warnings = giveaway_warnings(bank.questions, bank.sightings)
    where = sorted((w.line, w.column, w.message.split(",")[0]) for w in warnings)
    assert where == [(5, 18, "the explanation gives away 'Rome'"),
                     (11, 11, "the prompt gives away 'A yellow Fiat 500'")]
    assert all("'city' (line 11)" in w.message or "'car' (line 6)" in w.message for w in warnings)
    kept = text.replace("  - id: city\n", "  - id: city\n    reveals: car\n")
    assert not giveaway_warnings(*_with_sightings(kept))
    # True and False give nothing away, however many statements share them.
    statements = "questions:\n" + "".join(
        f"  - prompt: True or false? Statement {i}.\n    choices: [True, False]\n    answer: {a}\n"
        for i, a in enumerate(["True", "False", "True"]))
    assert not giveaway_warnings(*_with_sightings(statements))


def _with_sightings(text):
    bank = load_text(text, "b.yaml", giveaways=True)
    assert not bank.problems
    return bank.questions, bank.sightings


def test_validate_prints_warnings_with_positions_and_still_passes(tmp_path, capsys):
    from game import cli

    path = tmp_path / "b.yaml"
    path.write_text("questions:\n  - prompt: Which city hosts the Rome chase?\n    choices: [Rome, Paris]\n"
                    "    answer: Rome\n  - prompt: Where is the Colosseum?\n    choices: [Rome, Paris]\n"
                    "    answer: Rome\n")
    assert cli.main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert (f"{path}:2:13: warning: the prompt gives away 'Rome', the answer of 'Where is the Colosseum?' (line 5)"
            in out)
    assert f"{path}:7:13: warning: the answer 'Rome' is also the answer of 'Which city" in out
    assert out.rstrip().endswith("no problems, 3 warnings")


def test_a_game_of_several_kinds_plays_each_kind_and_one_order_question_per_group():
    from game.core.draw import draw as draw_game

    overall = Counter()
    for seed in range(200):
        questions = default_bank(seed)
        game = draw_game(questions, 20, random.Random(seed))
        kinds = Counter(q.kind for q in game)
        assert set(kinds) == set(names()), (seed, kinds)
        assert sum(1 for q in game if q.fact and q.fact.startswith("order:making-of:")) <= 1
        overall += kinds
    assert all(200 <= n <= 200 * 8 for n in overall.values()), overall  # 1 to 8 of each kind a game, on average
    # With fewer questions than kinds, the game is as long as asked.
    assert len(draw_game(default_bank(0), 3, random.Random(0))) == 3


def test_a_bank_of_one_kind_draws_as_a_plain_random_choice_per_fact():
    questions = [q for q in default_bank(0) if q.kind == "choice"]
    for seed in range(20):
        game = draw(questions, 10, random.Random(seed))
        plain = random.Random(seed)
        keys = list(dict.fromkeys(q.key for q in questions))
        plain.shuffle(keys)
        assert [q.key for q in game] == [k for k in keys if k in {q.key for q in game}][:10]


def test_an_answer_shown_everywhere_is_warned_about_a_few_times_then_counted():
    from game.core.questions import GIVEAWAYS_LISTED, giveaway_warnings

    text = "questions:\n  - prompt: Which island?\n    choices: [Zanzibar, Malta]\n    answer: Zanzibar\n" + "".join(
        f"  - prompt: Question {i} about Zanzibar?\n    choices: [Yes {i}, No {i}]\n    answer: Yes {i}\n"
        for i in range(GIVEAWAYS_LISTED + 4))
    warnings = giveaway_warnings(*_with_sightings(text))
    assert len(warnings) == GIVEAWAYS_LISTED + 1
    assert warnings[-1].message == f"'Zanzibar' shows here and in 3 more places beyond the {GIVEAWAYS_LISTED} " \
                                   f"listed, where it gives away an answer"
