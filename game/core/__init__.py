"""The game's rules and data, with no pygame import anywhere in this package."""
