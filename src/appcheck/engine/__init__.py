"""The validation pipeline: load, find the topic, check the schema, run the rules, place the findings.

``validate`` never raises on bundle content: a file that cannot be read, an unknown topic, a schema
violation or an input a rule cannot read all come back as findings. It raises only for the caller's
programming errors (an argument of the wrong type, an unknown setting).

The stages, in the order a bundle meets them, one module each:

1. :mod:`.load`: the bundle read strictly (a path, a :class:`Source` of bytes, or a mapping), or its
   ``LOAD`` finding.
2. :mod:`.envelope`: the call, topic and track it names, or its ``TOPIC`` finding.
3. :mod:`.schema`: what the topic's JSON Schema rejects, then what it cannot say (:mod:`.integrity`:
   unique ids, references that name one), capped a bundle.
4. :mod:`.single`: the stages above (:func:`~.single.prepare`), then the bundle's own rules and what
   its batch checks read (:func:`check_one`), with the findings built and placed in the text by
   :mod:`.findings`.
5. :mod:`.workers`: that first pass over a batch, in one process or several (:func:`auto_jobs`).
6. :mod:`.batch`: the batch kept in flat memory, the batch checks judged, the reports built as they
   are read (:func:`check_batch`, :func:`validate_batch`; :func:`validate` is a batch of one).
"""

from __future__ import annotations

from .batch import HOLD, CheckedBatch, check_batch, validate, validate_batch
from .envelope import FORMAT
from .findings import MESSAGE_LIMIT, VALUE_DEPTH, VALUE_LIMIT, finding_for
from .integrity import REFERENCES
from .load import FILE_LEVEL, Source, normalize
from .schema import LEFT_OUT_COUNT_LIMIT, SCHEMA_FINDINGS_LIMIT
from .single import Checked, Pickled, Prepared, check_one
from .workers import AUTO_JOBS_FROM, AUTO_JOBS_MAX, auto_jobs

__all__ = [
    "AUTO_JOBS_FROM", "AUTO_JOBS_MAX", "FILE_LEVEL", "FORMAT", "HOLD", "LEFT_OUT_COUNT_LIMIT", "MESSAGE_LIMIT", "REFERENCES",
    "SCHEMA_FINDINGS_LIMIT", "VALUE_DEPTH", "VALUE_LIMIT", "Checked", "CheckedBatch", "Pickled", "Prepared", "Source",
    "auto_jobs", "check_batch", "check_one", "finding_for", "normalize", "validate", "validate_batch",
]
