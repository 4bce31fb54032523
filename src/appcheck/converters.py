"""Converters of attrs fields: plain functions standing for the builtin types.

attrs reads each converter's signature (for the annotations of the ``__init__`` it writes). A builtin
type's signature is its text signature, which ``inspect`` tokenizes, compiling ``tokenize``'s
patterns once a process (~15 M instructions) and tokenizing once a field (~0.3 M); a function's is read
directly. The values are the same as the builtin's."""

from __future__ import annotations


def to_tuple(value):
    """``tuple(value)``."""
    return tuple(value)


def to_frozenset(value):
    """``frozenset(value)``."""
    return frozenset(value)
