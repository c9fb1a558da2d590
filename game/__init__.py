"""mi-trivia: a timed trivia game about the train stunt in *Dead Reckoning Part One*."""

__version__ = "0.1.0"
