"""newsprism: many articles about one story, what they agree on, where they differ, traced to the characters."""
__version__ = "0.1.0"
