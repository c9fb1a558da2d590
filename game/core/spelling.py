"""Typed answers: what counts as the same answer.

``normalise`` puts a text in a form where spellings that a player would call
the same compare equal: case and accents are ignored ("Zoë" is "zoe"),
punctuation and the spaces around it go ("Tom Cruise!" is "tom cruise"), and
numbers written as words become digits ("seventy" is "70", "twenty-one" is
"21", "first" is "1").  A leading "the", "a" or "an" does not count either.
"""

from __future__ import annotations

import unicodedata

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
FORGIVEN = ("Capitals, accents and punctuation don't matter; numbers as digits or words",
            "Capitals, accents and punctuation don't matter",
            "Capitals and accents don't matter")


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

    def flush():
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


def matches(given: str, answer: str, also=()) -> bool:
    """Whether a typed answer is the right one or one of the accepted spellings."""
    if not isinstance(given, str):
        return False
    typed = normalise(given[: MAX_TYPED * 2])
    if not typed:
        return False
    return any(typed == normalise(accepted) for accepted in (answer, *also))


def distinct_spellings(answer: str, also) -> tuple[str, ...]:
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
