"""What a new player tripped over (issue 15): names, points, review, pause, settings, boards, messages.

Scenes are driven by the events a player makes; the core without pygame.
"""

import pygame

from game.core import scoring
from game.ui.scenes.results import ResultsScene
from tests.test_scenes import app, bank, draw, key, send, start  # noqa: F401  (the fixture)


def click(app, pos):
    send(app, pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))


def play_through(app, right=True):
    """Answer every question of the game (right, or all wrong) and land on the results."""
    scene = start(app)
    while isinstance(app.stack.top, type(scene)):
        current = scene.session.current
        pick = current.correct if right else (current.correct + 1) % len(current.choices)
        send(app, key(pygame.K_1 + pick))
        send(app, key(pygame.K_RETURN))
    return app.stack.top


# -- 3. the points line adds up ---------------------------------------------------------------------------
def test_feedback_review_and_results_say_what_the_score_rose_by(app):
    scene = start(app)
    session = scene.session
    send(app, key(pygame.K_1 + session.current.correct))
    send(app, key(pygame.K_RETURN))
    send(app, key(pygame.K_h))  # a 50:50 on the second question, answered right: a streak bonus and a cost
    before = session.score
    send(app, key(pygame.K_1 + session.current.correct))
    added = session.score - before
    result = scene.result
    assert result.bonus == 100 and result.lifelines == ("50:50",)
    head, _ = scene._headline(result)
    assert head.startswith(f"✓ Right! +{added} (") and "+ 100 streak bonus − 200 lifeline)" in head
    speed = scoring.speed_points(result.elapsed, result.limit)
    assert f"({speed:,} speed + 100" in head and speed + 100 - 200 == added
    draw(app)
    send(app, key(pygame.K_RETURN))
    send(app, key(pygame.K_1 + session.current.correct))
    send(app, key(pygame.K_RETURN))
    results = app.stack.top
    assert isinstance(results, ResultsScene)
    from game.ui.scenes.review import ReviewScene

    review = ReviewScene(app, session)
    meta = [review._answer_lines(a)[1] for a in session.answers]
    assert f"+{added:,} (" in meta[1] and meta[1].count("points") == 1
    assert sum(a.total for a in session.answers) == session.score
    made = scoring.game_points_text(session.answers)
    assert "streak bonus" in made and "− 200 lifeline" in made
    draw(app)
