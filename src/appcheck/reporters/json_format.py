"""``--format json``: the batch report's ``to_dict()``, one JSON document."""

from __future__ import annotations

import json

from . import Options


def render(batch, options: Options) -> str:
    data = batch.to_dict()
    data["strict"] = options.strict
    data["ok_strict"] = batch.strict_ok
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
