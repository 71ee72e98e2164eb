"""Every news input: text, HTML, JSON Lines, WARC, RSS/Atom, gzip of any of these, stdin.

    >>> from newsprism.config import Config
    >>> from newsprism.read import read_inputs
    >>> [item.title for item in read_inputs([{"text": "Ferry service resumes.", "title": "Ferries"}], Config())]
    ['Ferries']
"""
from __future__ import annotations

from .base import Article, RawItem, ReadError
from .inputs import read_bytes, read_inputs
from .registry import READERS, Reader, choose_reader, load_plugins, register_reader

__all__ = ["READERS", "Article", "RawItem", "ReadError", "Reader", "choose_reader", "load_plugins", "read_bytes",
           "read_inputs", "register_reader"]
