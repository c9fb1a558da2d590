"""Typed answers: what counts as the same answer.

``normalise`` puts a text in a form where spellings that a player would call
the same compare equal: case and accents are ignored ("Zoë" is "zoe"),
punctuation and the spaces around it go ("Tom Cruise!" is "tom cruise"), and
numbers written as words become digits ("seventy" is "70", "twenty-one" is
"21", "first" is "1").  A leading "the", "a" or "an" does not count either.

``matches`` judges a typed answer and forgives more, as a person would:

* singular or plural ("knife" for "knives");
* spaces and hyphens inside words ("motor cycle", "motor-cycle" for "motorcycle");
* a number with or without its unit, with or without a space ("60", "60mph" for "60 mph");
* words that do not change the answer in front of it ("he was the director", "it's Rome");
* a qualifier after a comma ("Rome, Italy" for "Rome");
* one slip, a letter missing, extra, wrong or two swapped ("Christopher McQuarie", "Hailey Atwell"), in
  answers of five letters or more, never in a number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                  "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
NUMBER_WORDS = {word: n for n, word in enumerate(_UNITS)}
NUMBER_WORDS.update({word: 20 + 10 * n for n, word in enumerate(_TENS)})
NUMBER_WORDS.update({word: n for n, word in enumerate(_ORDINAL_WORDS, start=1)})
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
ARTICLES = ("the", "a", "an")
MAX_TYPED = 80  # characters a typed answer may have

# What a typed answer forgives, as every screen that tells the players says it (the solo answer box, the
# party's big screen, the phone), longest first: a screen shows the first that fits.  It must say exactly
# what :func:`normalise` and :func:`matches` forgive, no more: change it with them.
FORGIVEN = ("Capitals, accents, plurals, units and a one-letter slip in longer answers don't matter; "
            "numbers as digits or words",
            "Capitals, accents, plurals and a one-letter slip in longer answers don't matter",
            "Capitals, accents and plurals don't matter")


def _plain(text: str) -> str:
    """Case folded, accents removed, anything not a letter or digit turned into a space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    out = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            continue
        if ch.isalnum():
            out.append(ch)
        elif ch in ",." and out and out[-1].isdigit():
            out.append(ch)  # 1,000 and 2.5 stay numbers; removed or kept below
        else:
            out.append(" ")
    return "".join(out)


def _number_token(token: str) -> str:
    """Digits with thousands separators lose them; a trailing point goes; 1st/2nd become 1/2."""
    token = token.rstrip(".,")
    if token and token[0].isdigit():
        digits = token.replace(",", "")
        for suffix in ("st", "nd", "rd", "th"):
            if digits.endswith(suffix) and digits[: -len(suffix)].isdigit():
                return digits[: -len(suffix)]
        if digits.count(".") == 1 and digits.replace(".", "").isdigit():
            whole, _, frac = digits.partition(".")
            frac = frac.rstrip("0")
            return whole if not frac else f"{whole}.{frac}"
        return digits
    return token


def _words_to_numbers(tokens: list[str]) -> list[str]:
    """Runs of number words ("one hundred and twenty") become one number ("120")."""
    out: list[str] = []
    total = current = 0
    in_number = False

    def flush() -> None:
        nonlocal total, current, in_number
        if in_number:
            out.append(str(total + current))
        total = current = 0
        in_number = False

    for i, token in enumerate(tokens):
        if token in NUMBER_WORDS:
            current += NUMBER_WORDS[token]
            in_number = True
        elif token in SCALES and in_number:
            scale = SCALES[token]
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
        elif token == "and" and in_number and i + 1 < len(tokens) and tokens[i + 1] in NUMBER_WORDS:
            continue
        elif token.isdigit() and i + 1 < len(tokens) and tokens[i + 1] in SCALES and not in_number:
            current = int(token)
            in_number = True
        else:
            flush()
            out.append(token)
    flush()
    return out


def normalise(text: str) -> str:
    """The form two answers are compared in (see the module's notes)."""
    tokens = [_number_token(t) for t in _plain(text).split()]
    tokens = [t for t in tokens if t]
    tokens = _words_to_numbers(tokens)
    if len(tokens) > 1 and tokens[0] in ARTICLES:
        tokens = tokens[1:]
    return " ".join(tokens)


# Words in front of an answer that do not change it ("he was the director", "it's Rome", "I think Norway").
FILLERS = frozenset("he she it they its s was is were are a an the i think maybe perhaps probably".split())
SLIP_FROM = 5  # letters an answer needs before one slip in it is forgiven
_UNIT = re.compile(r"(\d+(?:\.\d+)?)([a-z]+)")


def _singular(word: str) -> str:
    """A word's singular, roughly ("knives" and "knife" are both "knif"; "cities" is "city")."""
    if len(word) < 4 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ves"):
        return word[:-3] + "f"
    if word.endswith("fe"):
        return word[:-1]
    if word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def loose(text: str) -> list[str]:
    """The words of a typed answer as :func:`matches` compares them: :func:`normalise`, a number split from
    its unit ("60mph"), leading words that do not change the answer dropped, each word in the singular."""
    tokens: list[str] = []
    for token in normalise(text).split():
        unit = _UNIT.fullmatch(token)
        tokens.extend(unit.groups() if unit else (token,))
    start = 0
    while start < len(tokens) - 1 and tokens[start] in FILLERS:
        start += 1
    return [_singular(t) for t in tokens[start:]]


def _one_slip(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by at most one letter missing, extra or wrong, or two swapped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                                   and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    i = next((i for i in range(len(shorter)) if longer[i] != shorter[i]), len(shorter))
    return longer[i + 1:] == shorter[i:]


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _same(typed: list[str], accepted: list[str]) -> bool:
    if not typed or not accepted:
        return False
    a, b = "".join(typed), "".join(accepted)
    if a == b:
        return True
    # A number with or without its unit: "60" for "60 mph", "7 films" for "7".
    for number, other in ((typed, accepted), (accepted, typed)):
        if len(number) == 1 and number[0][:1].isdigit() and other[0] == number[0] and len(other) <= 4 \
                and all(w.isalpha() for w in other[1:]):
            return True
    letters = sum(ch.isalpha() for ch in b)
    return letters >= SLIP_FROM and _digits(a) == _digits(b) and _one_slip(a, b)


def accepted_as(given: str, answer: str, also: Iterable[str] = ()) -> str | None:
    """The accepted spelling a typed answer counts as (the answer or one of ``also``), or ``None``."""
    if not isinstance(given, str):
        return None
    given = given[: MAX_TYPED * 2]
    if not normalise(given):
        return None
    tries = [loose(given)]
    head = re.sub(r"\([^)]*\)", " ", given).split(",")[0]  # "Rome, Italy", "Rome (Italy)": the first part
    if head.strip() != given.strip():
        tries.append(loose(head))
    spellings = (answer, *also)
    for typed in tries:
        exact = next((s for s in spellings if normalise(s) == normalise(" ".join(typed))), None)
        if exact is not None:
            return exact
        for spelling in spellings:
            if _same(typed, loose(spelling)):
                return spelling
    return None


def matches(given: str, answer: str, also: Iterable[str] = ()) -> bool:
    """Whether a typed answer is the right one or one of the accepted spellings (see the module's notes)."""
    return accepted_as(given, answer, also) is not None


def distinct_spellings(answer: str, also: Iterable[str]) -> tuple[str, ...]:
    """``also`` without the spellings that add nothing: those :func:`normalise` makes the same as the
    answer or as an earlier one (shown to the player after answering, they would only repeat it)."""
    seen = {normalise(answer)}
    out = []
    for spelling in also:
        key = normalise(spelling)
        if key and key not in seen:
            seen.add(key)
            out.append(spelling)
    return tuple(out)
