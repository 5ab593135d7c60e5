"""LegEase: a calm terminal companion for tense legs at night."""

__version__ = "0.1.0"
