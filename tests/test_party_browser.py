"""The phone page in a real headless browser: join, answer, see the result, survive a reload.

Needs Debian's ``chromium`` and ``chromium-driver`` and the ``selenium`` package
(`make test-browser` installs them and runs this file).  Without them it skips,
saying what is missing.  The game side is the real server and host on
127.0.0.1, driven by the test (no pygame).  With ``MI_TRIVIA_PHONE_SHOTS=DIR``
it saves the phone's screens at 390x844 for the README.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
selenium = pytest.importorskip("selenium", reason="selenium is not installed: run `make test-browser`")
if not CHROMIUM or not DRIVER:
    pytest.skip("no Chromium or ChromeDriver on this machine: run `make test-browser` "
                "(it installs Debian's chromium and chromium-driver)", allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from game.core.model import Question  # noqa: E402
from game.core.party import Room  # noqa: E402
from game.core.session import Round  # noqa: E402
from game.net.host import PartyHost  # noqa: E402
from game.net.server import PartyServer  # noqa: E402

SHOTS = os.environ.get("MI_TRIVIA_PHONE_SHOTS")
PIN = "246810"


class Game:
    """The host side, pumped in a thread as the big screen's loop would."""

    def __init__(self, total=3, limits=None):
        self.server = PartyServer("127.0.0.1", 0, pin=PIN, limits=limits)  # the gate checks the PIN, as in a game
        self.server.start()
        self.room = Room(PIN)
        self.host = PartyHost(self.room, self.server, total=total)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            with self._lock:
                self.host.pump()
            time.sleep(0.01)

    def __call__(self, action, *args):
        with self._lock:
            return getattr(self.host, action)(*args)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.address[1]}/"

    def close(self):
        self._stop.set()
        self._thread.join(2)
        self.server.stop()


def rounds():
    a = Question(prompt="How fast was the train going during the rooftop fight?",
                 choices=("40 mph", "50 mph", "60 mph", "70 mph"), answer="60 mph", ordered=True)
    b = Question(prompt="In which country was the train sequence filmed?",
                 choices=("Norway", "Sweden", "Scotland", "Austria"), answer="Norway")
    return [Round(1, a, a.choices, 2, 20.0), Round(2, b, b.choices, 0, 20.0)]


@pytest.fixture
def game():
    game = Game()
    yield game
    game.close()


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="mi-trivia-chromium-")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=390,844",
                 "--force-device-scale-factor=1"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    # The page as a 390x844 phone shows it (the window's own frame not counted).
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def visible(driver, element_id, timeout=10):
    return WebDriverWait(driver, timeout).until(EC.visibility_of_element_located((By.ID, element_id)))


def shot(driver, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        time.sleep(0.15)
        driver.save_screenshot(str(Path(SHOTS) / f"{name}.png"))


def test_join_answer_result_reload_and_the_end(game, browser):
    first, second = rounds()
    browser.get(game.url + f"?pin={PIN}")
    visible(browser, "s-join")
    assert browser.find_element(By.ID, "pin").get_attribute("value") == PIN  # from the QR code's address
    # A name with markup stays text, everywhere.
    browser.find_element(By.ID, "name").send_keys("<b>Zoë</b>")
    shot(browser, "join")
    browser.find_element(By.CSS_SELECTOR, "#join-form button").click()
    visible(browser, "s-lobby")
    assert browser.find_element(By.ID, "who").text == "<b>Zoë</b>"
    assert not browser.find_elements(By.CSS_SELECTOR, "#who b")
    player = next(iter(game.room.players.values()))

    game("ask", first, 20.0)
    visible(browser, "s-question")
    buttons = browser.find_elements(By.CSS_SELECTOR, "#q-answers button")
    assert [b.text.split("\n")[-1] for b in buttons] == list(first.choices)
    assert browser.find_element(By.ID, "q-prompt").text == first.question.prompt
    shot(browser, "question")
    buttons[2].click()
    visible(browser, "s-locked")
    shot(browser, "locked")
    WebDriverWait(browser, 5).until(lambda _: 1 in player.answers)

    # Reload in the middle of the game: back in with the same name and score.
    game("reveal")
    visible(browser, "s-result")
    assert "Right" in browser.find_element(By.ID, "r-head").text
    shot(browser, "result")
    score = player.score
    browser.refresh()
    visible(browser, "s-result")  # the last result again, not the lobby
    assert browser.find_element(By.ID, "who").text == "<b>Zoë</b>"
    assert len(game.room.players) == 1 and player.score == score and player.connected

    game("ask", second, 20.0)
    visible(browser, "s-question")
    browser.refresh()  # a reload with the question open shows the question again
    visible(browser, "s-question")
    browser.find_elements(By.CSS_SELECTOR, "#q-answers button")[1].click()
    visible(browser, "s-locked")
    WebDriverWait(browser, 5).until(lambda _: 2 in player.answers)
    game("reveal")
    visible(browser, "s-result")
    assert "Not this time" in browser.find_element(By.ID, "r-head").text
    game("end")
    visible(browser, "s-ended")
    assert "#1" in browser.find_element(By.ID, "e-place").text
    shot(browser, "final")


def test_wrong_pin_and_taken_name_are_told(game, browser):
    game.room.join("Ann", PIN)
    browser.get(game.url)
    visible(browser, "s-join")
    browser.find_element(By.ID, "pin").send_keys("111111")
    browser.find_element(By.ID, "name").send_keys("Bob")
    browser.find_element(By.CSS_SELECTOR, "#join-form button").click()
    WebDriverWait(browser, 5).until(lambda d: "PIN" in d.find_element(By.ID, "join-error").text)
    pin = browser.find_element(By.ID, "pin")
    pin.clear()
    pin.send_keys(PIN)
    name = browser.find_element(By.ID, "name")
    name.clear()
    name.send_keys("ann")
    browser.find_element(By.CSS_SELECTOR, "#join-form button").click()
    WebDriverWait(browser, 5).until(lambda d: "taken" in d.find_element(By.ID, "join-error").text)


def join_as(game, browser, name):
    """Open the page from the QR code's address and join as ``name``; the room's player."""
    browser.get(game.url + f"?pin={PIN}")
    visible(browser, "s-join")
    browser.find_element(By.ID, "name").send_keys(name)
    browser.find_element(By.CSS_SELECTOR, "#join-form button").click()
    visible(browser, "s-lobby")
    return next(p for p in game.room.players.values() if p.name == name)


def kind_rounds():
    """One question of each kind other than multiple choice, arranged by the core as a game would."""
    import random

    from game.core.model import Scale
    from game.core.session import arrange

    questions = [
        Question("The train in the film was a real one, built for the stunt.", ("True", "False"), "True",
                 ordered=True, kind="truefalse", fact="tf"),
        Question("How fast was the train going, in miles an hour?", (), "60 mph", kind="estimate",
                 scale=Scale(low=0, high=120, step=5, tolerance=30, unit="mph"), value=60.0, fact="speed"),
        Question("Put these in order, earliest first.", ("2019", "2020", "2021", "2023"),
                 "2019 → 2020 → 2021 → 2023", kind="order", fact="years"),
        Question("In which country was the train sequence filmed?", (), "Norway", kind="type", fact="country"),
    ]
    return arrange(questions, random.Random(4), 20.0)


def test_every_kind_is_answered_on_the_phone(browser):
    game = Game(total=4)
    try:
        play_every_kind(game, browser)
    finally:
        game.close()


def play_every_kind(game, browser):
    truefalse, estimate, order, typed = kind_rounds()
    player = join_as(game, browser, "Kim")

    def answered(number):
        visible(browser, "s-locked")
        WebDriverWait(browser, 5).until(lambda _: number in player.answers)
        game("reveal")
        visible(browser, "s-result")
        return player.answers[number]

    game("ask", truefalse, 20.0)
    visible(browser, "s-question")
    buttons = browser.find_elements(By.CSS_SELECTOR, "#q-answers button")
    assert [b.text.split("\n")[-1] for b in buttons] == ["True", "False"]
    buttons[0].click()
    assert answered(truefalse.number).correct

    game("ask", estimate, 20.0)
    visible(browser, "q-estimate")
    browser.execute_script("const r = document.getElementById('est-range'); r.value = '65';"
                           "r.dispatchEvent(new Event('input'));")
    assert browser.find_element(By.ID, "est-value").text == "65 mph"
    shot(browser, "estimate")
    browser.find_element(By.ID, "est-send").click()
    got = answered(estimate.number)
    assert got.response == 65.0 and got.close and not got.correct and got.points > 0

    game("ask", order, 20.0)
    visible(browser, "q-order")
    for index in order.solution:  # tap the items in the right order
        item = order.choices[index]
        next(b for b in browser.find_elements(By.CSS_SELECTOR, "#order-items button") if b.text == item).click()
    shot(browser, "order")
    browser.find_element(By.ID, "order-send").click()
    assert answered(order.number).correct

    game("ask", typed, 20.0)
    visible(browser, "q-type")
    from game.core.spelling import FORGIVEN

    assert browser.find_element(By.ID, "type-note").text == FORGIVEN[0]  # the game's words, as on every screen
    browser.find_element(By.ID, "type-text").send_keys("  norway ")
    shot(browser, "type")
    browser.find_element(By.ID, "type-text").submit()
    assert answered(typed.number).correct
    assert [a.correct for a in player.answers.values()] == [True, False, True, True]


# Notes every screen the page shows, from the first moment of each page load (a reload included).
WATCH_SCREENS = """
window.__shown = [];
new MutationObserver(() => {
  for (const s of document.querySelectorAll('.screen')) {
    if (!s.hidden && window.__shown[window.__shown.length - 1] !== s.id) window.__shown.push(s.id);
  }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['hidden']});
"""


def reload_and_see(driver, screen):
    """Reload; wait for ``screen``; the screens shown on the way (the lobby must not be one of them)."""
    driver.refresh()
    visible(driver, screen)
    return [s for s in driver.execute_script("return window.__shown") if s != "s-connecting"]


def test_a_reload_shows_where_the_game_is_at_once(game, browser):
    """The play-test: a reload after locking in showed "You're in!" (the lobby) and could miss the question."""
    first, second = rounds()
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_SCREENS})
    player = join_as(game, browser, "Max Power")
    other = game.room.join("Ann", PIN)

    game("ask", first, 20.0)
    visible(browser, "s-question")
    assert reload_and_see(browser, "s-question") == ["s-question"]  # not yet answered: the question
    browser.find_elements(By.CSS_SELECTOR, "#q-answers button")[2].click()
    visible(browser, "s-locked")
    said = browser.find_element(By.ID, "locked-what").text
    assert said.startswith("Your answer:")
    WebDriverWait(browser, 5).until(lambda _: 1 in player.answers)
    assert reload_and_see(browser, "s-locked") == ["s-locked"]  # answered: locked in, no lobby
    assert browser.find_element(By.ID, "locked-what").text == said  # still says what this phone answered
    assert not browser.find_element(By.ID, "score").is_displayed() or \
        browser.find_element(By.ID, "score").text.split()[0] == "0"  # and its total does not count it yet
    WebDriverWait(browser, 5).until(lambda _: player.connected)  # the big screen has them back
    assert not game.room.everyone_answered()  # Ann has not answered; the question stays open

    game("reveal")
    visible(browser, "s-result")
    assert reload_and_see(browser, "s-result") == ["s-result"]  # the last result, again
    assert "Right" in browser.find_element(By.ID, "r-head").text
    game.room.join("Cat", PIN)  # someone joins between questions: the count changes, the screen does not
    game("kick", other.id)
    time.sleep(0.3)
    assert browser.find_element(By.ID, "s-result").is_displayed()

    game("ask", second, 20.0)
    visible(browser, "s-question")
    game("pause")
    visible(browser, "paused")
    assert reload_and_see(browser, "s-question") == ["s-question"]
    visible(browser, "paused")  # still paused after the reload
    game("resume")
    WebDriverWait(browser, 5).until(lambda d: not d.find_element(By.ID, "paused").is_displayed())
    assert player.connected and player.score > 0


# Every message the page sends, as the bytes that went to the socket (installed before the page connects).
RECORD_SENDS = """
window.__sent = [];
const realSend = WebSocket.prototype.send;
WebSocket.prototype.send = function (data) { window.__sent.push(String(data)); return realSend.call(this, data); };
"""


def every_kind_of_the_default_bank():
    """A question of each kind from the default bank, and one estimate of each slider (a year, money with a
    decimal, an ordinal, a date as a day number), arranged as a game would."""
    import random

    from game.core.questions import load_files
    from game.core.session import arrange

    bank = load_files([Path(__file__).resolve().parent.parent / "questions.yaml"], seed=3)
    picked, seen = [], set()
    for question in bank.questions:
        scale = question.scale
        key = (question.kind, scale.value_kind if scale else None, scale is not None and question.value >= 100)
        if key not in seen:
            seen.add(key)
            picked.append(question)
    return arrange(picked, random.Random(5), 20.0)


def test_the_simulated_phones_send_what_the_page_sends(browser):
    """The page answers each kind (buttons, the slider by its arrow keys, taps in order, typing) and what it
    sent is recorded; the simulated phones (game.net.bots) must build the very same bytes for the same
    answers, and the game must count every one (a release year or a release date once was refused)."""
    import random

    from selenium.webdriver.common.keys import Keys

    from game.net.bots import answer_message, join_message, responses

    rounds = every_kind_of_the_default_bank()
    kinds = {(r.kind, getattr(r.question.scale, "value_kind", None)) for r in rounds}
    assert {("estimate", "date"), ("estimate", "number"), ("estimate", "money"), ("order", None),
            ("type", None), ("truefalse", None), ("choice", None)} <= kinds
    assert any(r.kind == "estimate" and r.question.value >= 100 for r in rounds)
    game = Game(total=len(rounds))
    try:
        browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_SENDS})
        player = join_as(game, browser, "Zoë 🚂")
        sent = browser.execute_script("return window.__sent")
        assert sent[0] == join_message(PIN, "Zoë 🚂")
        for rnd in rounds:
            right, _ = responses(rnd, random.Random(rnd.number))
            before = len(browser.execute_script("return window.__sent"))
            game("ask", rnd, 20.0)
            visible(browser, "s-question")
            if rnd.kind in ("choice", "truefalse"):
                browser.find_elements(By.CSS_SELECTOR, "#q-answers button")[rnd.correct].click()
            elif rnd.kind == "estimate":
                slider = browser.find_element(By.ID, "est-range")
                start, step = float(slider.get_attribute("value")), rnd.question.scale.step
                presses = round((rnd.question.value - start) / step)
                slider.send_keys((Keys.ARROW_RIGHT if presses > 0 else Keys.ARROW_LEFT) * abs(presses))
                browser.find_element(By.ID, "est-send").click()
            elif rnd.kind == "order":
                for index in rnd.solution:
                    item = rnd.choices[index]
                    next(b for b in browser.find_elements(By.CSS_SELECTOR, "#order-items button")
                         if b.text == item).click()
                browser.find_element(By.ID, "order-send").click()
            else:
                browser.find_element(By.ID, "type-text").send_keys(rnd.question.answer)
                browser.find_element(By.ID, "type-text").submit()
            visible(browser, "s-locked")
            WebDriverWait(browser, 5).until(lambda _, rnd=rnd: rnd.number in player.answers)
            page = [m for m in browser.execute_script("return window.__sent")[before:] if '"type":"answer"' in m]
            assert page == [answer_message(player.secret, rnd.number, right)], (rnd.kind, rnd.question.prompt)
            assert player.answers[rnd.number].correct, (rnd.kind, page)
            game("reveal")
            visible(browser, "s-result")
        assert game.host.stats.answers_counted == len(rounds)
    finally:
        game.close()


def test_the_pause_hides_the_question_and_shows_no_button(game, browser):
    """The pause once put "Paused" on the dimmed Lock-in button, where it looked like a button to press."""
    import io

    import pygame

    estimate = next(r for r in kind_rounds() if r.kind == "estimate")
    join_as(game, browser, "Kim")
    game("ask", estimate, 20.0)
    visible(browser, "q-estimate")
    button = browser.find_element(By.ID, "est-send").rect
    game("pause")
    visible(browser, "paused")
    time.sleep(0.2)
    shot(browser, "paused")
    screen = pygame.image.load(io.BytesIO(browser.get_screenshot_as_png()), "shot.png")
    y = int(button["y"] + button["height"] / 2)
    ground = screen.get_at((3, y))[:3]  # the page's ground at that height, left of everything
    for x in (button["x"] + 4, button["x"] + button["width"] - 5, button["x"] + 12):
        seen = screen.get_at((int(x), y))[:3]  # the gradient's dithering aside, the ground: no button
        assert max(abs(a - b) for a, b in zip(seen, ground, strict=False)) <= 4, \
            f"the Lock-in button shows through: {seen}"
    title = browser.find_element(By.CSS_SELECTOR, "#paused .pause-title")
    assert title.text == "Paused" and title.tag_name == "p" and not browser.find_elements(By.CSS_SELECTOR,
                                                                                         "#paused button")
    game("resume")
    WebDriverWait(browser, 5).until(lambda d: not d.find_element(By.ID, "paused").is_displayed())
    assert browser.find_element(By.ID, "est-send").is_displayed()


def test_a_question_closed_early_says_so_on_the_phone(game, browser):
    """The host showed the answer before this phone answered: it used to say "Time's up"."""
    first, _ = rounds()
    join_as(game, browser, "Kim")
    game("ask", first, 20.0)
    visible(browser, "s-question")
    game("reveal")
    visible(browser, "s-result")
    assert browser.find_element(By.ID, "r-head").text == "The host closed the question"
    shot(browser, "closed_early")


def test_a_nickname_past_the_limit_is_refused_with_the_reason(game, browser):
    """A 17-character name sent past the page's own limit (maxlength is only the page's) used to be cut to 16
    without a word; the phone now shows why it was refused, and a shorter one gets in."""
    browser.get(game.url + f"?pin={PIN}")
    visible(browser, "s-join")
    browser.execute_script("document.getElementById('name').removeAttribute('maxlength')")
    name = browser.find_element(By.ID, "name")
    name.send_keys("Bartholomew Smith")
    browser.find_element(By.CSS_SELECTOR, "#join-form button").click()
    WebDriverWait(browser, 5).until(lambda d: "at most 16" in d.find_element(By.ID, "join-error").text)
    assert not game.room.players and browser.find_element(By.ID, "s-join").is_displayed()
    shot(browser, "name_too_long")
    name.clear()
    name.send_keys("Bart Smith")
    browser.find_element(By.CSS_SELECTOR, "#join-form button").click()
    visible(browser, "s-lobby")
    assert [p.name for p in game.room.players.values()] == ["Bart Smith"]


def test_the_page_takes_its_limits_from_the_game_and_a_closed_idle_connection_is_silent(browser):
    """The PIN, name and typed-answer boxes hold what the game allows, read from the page the server
    serves (not copied into it).  A refused name is told with the reason; the game then closes the
    connection that has not joined, and the page says nothing of it: the next Join connects again."""
    from game.core.party import PIN_DIGITS
    from game.core.scores import NAME_MAX
    from game.core.spelling import MAX_TYPED
    from game.net.gate import Limits

    game = Game(limits=Limits(join_within=0.5))
    try:
        game.room.join("Alice", PIN)
        browser.get(game.url + f"?pin={PIN}")
        visible(browser, "s-join")
        box = {key: browser.find_element(By.ID, key).get_property("maxLength") for key in ("pin", "name", "type-text")}
        assert box == {"pin": PIN_DIGITS, "name": NAME_MAX, "type-text": MAX_TYPED}
        name = browser.find_element(By.ID, "name")
        name.send_keys("\u0410lice")  # a Cyrillic A
        browser.find_element(By.CSS_SELECTOR, "#join-form button").click()
        WebDriverWait(browser, 5).until(lambda d: "looks like" in d.find_element(By.ID, "join-error").text)
        said = browser.find_element(By.ID, "join-error").text
        WebDriverWait(browser, 5).until(lambda _: game.server.stats["closed_unjoined"] == 1)
        time.sleep(0.3)
        assert browser.find_element(By.ID, "s-join").is_displayed()
        assert browser.find_element(By.ID, "join-error").text == said
        name.clear()
        name.send_keys("Zoë")
        browser.find_element(By.CSS_SELECTOR, "#join-form button").click()
        visible(browser, "s-lobby")
        assert sorted(p.name for p in game.room.players.values()) == ["Alice", "Zoë"]
    finally:
        game.close()


def test_a_new_kind_that_reuses_an_input_needs_nothing_new_on_the_phone(browser):
    """The page shows the input a question's payload names, not its kind: the test-only "odd one out" kind
    (tests/test_sixth_kind.py) reuses multiple choice's buttons, and the page answers it with the bytes the
    simulated phones build through the kind."""
    import random

    from game.core import kinds
    from game.core.questions import load_text
    from game.core.session import Session
    from game.net.bots import answer_message, responses
    from tests.test_sixth_kind import FILE, OddOneOut

    odd = kinds.register(OddOneOut())
    game = Game(total=1)
    try:
        (question,) = load_text(FILE, "odd.yaml").questions
        (rnd,) = Session([question], count=1, rng=random.Random(5)).rounds
        browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_SENDS})
        player = join_as(game, browser, "Kim")
        game("ask", rnd, 20.0)
        visible(browser, "q-answers")
        buttons = browser.find_elements(By.CSS_SELECTOR, "#q-answers button")
        assert [b.find_element(By.CSS_SELECTOR, ".label").text for b in buttons] == list(rnd.choices)
        before = len(browser.execute_script("return window.__sent"))
        buttons[rnd.correct].click()
        visible(browser, "s-locked")
        WebDriverWait(browser, 5).until(lambda _, rnd=rnd: rnd.number in player.answers)
        assert player.answers[rnd.number].correct
        right, _ = responses(rnd, random.Random(1))
        sent = browser.execute_script("return window.__sent")[before:]
        assert [m for m in sent if '"type":"answer"' in m] == [answer_message(player.secret, rnd.number, right)]
    finally:
        game.close()
        kinds.unregister(odd.name)
