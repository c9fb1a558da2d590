# Two commands on a fresh machine with Python 3.10+:  make play  and  make test.
# Both install exact, hash-checked releases from the lock files in requirements/ (see tools/lock.py).
PYTHON ?= python3
# pygame or pygame-ce: both install as `import pygame`, so each has its own venv (make test FLAVOUR=pygame-ce)
FLAVOUR ?= pygame
VENV   ?= $(if $(filter pygame,$(FLAVOUR)),.venv,.venv-$(FLAVOUR))
BIN    := $(VENV)/bin
ARGS   ?=
LOCK   := requirements
PIP    := $(BIN)/python -m pip install --quiet --require-hashes --only-binary :all:

.PHONY: play test lint test-browser test-matrix lock bench screenshots clean

$(VENV)/.base: $(LOCK)/build.txt
	@$(PYTHON) -c 'import sys; sys.exit("mi-trivia needs Python 3.10 or newer, not " + sys.version.split()[0]) if sys.version_info < (3, 10) else None'
	$(PYTHON) -m venv $(VENV)
	$(PIP) -r $(LOCK)/build.txt
	@touch $@

$(VENV)/.installed: $(VENV)/.base pyproject.toml $(LOCK)/game.txt $(LOCK)/$(FLAVOUR).txt
	$(PIP) -r $(LOCK)/game.txt -r $(LOCK)/$(FLAVOUR).txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.base pyproject.toml $(LOCK)/test.txt $(LOCK)/$(FLAVOUR).txt
	$(PIP) -r $(LOCK)/test.txt -r $(LOCK)/$(FLAVOUR).txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@ $(VENV)/.installed

play: $(VENV)/.installed
	$(BIN)/mi-trivia $(ARGS)

test: lint
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python -m pytest $(ARGS)

# ruff (style, imports, likely bugs) and mypy (strict on game/core and game/net), as pyproject.toml sets them.
lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/mypy

# The phone page in headless Chromium (Debian's chromium and chromium-driver; installed when missing
# and this is root on Debian or Ubuntu), then the browser test.
test-browser: $(VENV)/.installed-test
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; } || \
	  { echo "test-browser needs Chromium and ChromeDriver (Debian: apt-get install chromium chromium-driver)"; exit 1; }
	$(PIP) -r $(LOCK)/browser.txt -r $(LOCK)/$(FLAVOUR).txt
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python -m pytest tests/test_party_browser.py $(ARGS)

# The phone's screens at 390x844, as used in the README.
phone-screenshots: $(VENV)/.installed-test
	MI_TRIVIA_PHONE_SHOTS=docs/screenshots/phone $(MAKE) test-browser

# The whole suite on Python 3.10 and 3.13, each with pygame and with pygame-ce, each in its own
# virtual environment installed from the lock, and the YAML tests with the oldest PyYAML allowed.
test-matrix:
	$(PYTHON) tools/matrix.py $(ARGS)

# The lock files in requirements/ refreshed to the newest releases; prints what changed.
lock:
	@test -x .tools/bin/uv || { $(PYTHON) -m venv .tools && \
	  .tools/bin/python -m pip install --quiet --require-hashes --only-binary :all: -r $(LOCK)/tools.txt; }
	$(PYTHON) tools/lock.py .tools/bin/uv

bench: $(VENV)/.installed-test
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python tools/bench.py $(ARGS)

# Screenshots of every screen at 1280x720 and 800x600, as used in the README; each kind of question
# (kinds/<kind>_question.png, _feedback.png) also at 200 % text and in high contrast.
screenshots: $(VENV)/.installed
# Their own home folder: a player's saved settings never change them.
SHOTS = MI_TRIVIA_HOME=$(VENV)/shots-home SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/mi-trivia \
	--autoplay --count 3 --seed 7 --scores $(VENV)/shots-scores.json
screenshots: $(VENV)/.installed
	rm -rf $(VENV)/shots-scores.json $(VENV)/shots-home
	for size in 1280x720 800x600; do \
	  $(SHOTS) --size $$size --screenshots docs/screenshots/$$size >/dev/null || exit 1; \
	  for mode in sudden-death practice hotseat; do \
	    $(SHOTS) --mode $$mode --size $$size --screenshots docs/screenshots/$$size/$$mode >/dev/null || exit 1; \
	  done; \
	  $(SHOTS) --theme high-contrast --size $$size --screenshots docs/screenshots/$$size/high-contrast \
	    >/dev/null || exit 1; \
	  $(SHOTS) --text-scale 2 --size $$size --screenshots docs/screenshots/$$size/large-text >/dev/null || exit 1; \
	  for kind in truefalse estimate order type; do \
	    for look in "" "--text-scale 2" "--theme high-contrast"; do \
	      sub=$$(case "$$look" in *text*) echo /large-text;; *theme*) echo /high-contrast;; esac); \
	      $(SHOTS) --kinds $$kind $$look --size $$size --screenshots docs/screenshots/$$size/kinds$$sub \
	        >/dev/null || exit 1; \
	    done; \
	  done; \
	done
	# A question with a picture, and the review showing it (examples/pictures.yaml; only those two are kept).
	rm -rf $(VENV)/shots-pictures && $(SHOTS) --questions examples/pictures.yaml --size 1280x720 \
	  --screenshots $(VENV)/shots-pictures >/dev/null && mkdir -p docs/screenshots/1280x720/pictures && \
	  cp $(VENV)/shots-pictures/question.png $(VENV)/shots-pictures/review.png docs/screenshots/1280x720/pictures/
	# The preview's window (tools/preview_shots.py: a small file of its own, and examples/pictures.yaml).
	$(BIN)/python tools/preview_shots.py docs/screenshots
	# The party's big screen with 30 simulated phones (only its own screens are kept).
	rm -rf $(VENV)/shots-party && $(SHOTS) --mode party --bots 30 --count 6 --size 1280x720 \
	  --screenshots $(VENV)/shots-party >/dev/null 2>&1 && mkdir -p docs/screenshots/party && \
	  cp $(VENV)/shots-party/party_*.png docs/screenshots/party/

clean:
	rm -rf $(VENV) .venv-matrix .tools build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
