"""newsgraph: news article corpora to an actor-action-target event graph."""

__version__ = "0.1.0"
