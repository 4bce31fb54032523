"""Rules about one track's scope: a field its projects must declare, and a requirement listed for the whole
topic that its guideline text excludes."""

from __future__ import annotations

import attrs

from ..converters import to_tuple
from .base import Context, Outcome, failed, passed_saying


@attrs.frozen(slots=False)
class FieldsInclude:
    """The project declares a required field (a scope the guideline imposes).

    What it checks:
        Some ``project.fields`` value, trimmed and mapped through ``aliases``, is ``label``.

    Why:
        挪威：支持绿色技术领域: a track whose field is a scope, not a priority, must declare it.

    Failing example:
        ``FieldsInclude("绿色技术")`` with ``{"project": {"fields": ["海洋经济"]}}``.

    Passing example:
        The same rule with ``{"project": {"fields": ["绿色技术", "海洋经济"]}}``.
    """

    label: str = attrs.field(validator=attrs.validators.min_len(1))
    aliases: tuple = attrs.field(default=(), converter=lambda m: tuple(dict(m).items()))

    def check(self, ctx: Context) -> Outcome:
        fields = ctx.array("project", "fields")
        if not fields:
            ctx.string("project", "fields", 0)
        aliases = dict(self.aliases)
        for index, value in enumerate(fields):
            if not isinstance(value, str) or not value.strip():  # an empty field is not filled in, not a field outside
                ctx.string("project", "fields", index)
            if aliases.get(value.strip(), value.strip()) == self.label:
                return passed_saying(  # returned at once: the words read this value, never a later one
                    lambda: (f"项目领域包括{self.label}（{value}）", f"the fields include {self.label} ({value})"),
                    ("project", "fields", index), expected=self.label, actual=list(fields),
                )
        return failed(
            f"项目领域 {'、'.join(fields)} 不包括{self.label}",
            f"the fields {', '.join(fields)} do not include {self.label}",
            ("project", "fields"), expected=self.label, actual=list(fields),
        )

    def describe(self) -> tuple[str, str]:
        return f"项目领域包括{self.label}", f"the project's fields include {self.label}"


@attrs.frozen(slots=False)
class NotApplicable:
    """A requirement the catalog lists for a whole topic that one track's guideline text excludes.

    What it checks:
        Nothing: it passes, stating ``reason`` (which requirement covers the track instead). Used only
        in a track table, so every other track of the topic is still checked.

    Why:
        挪威：支持绿色技术领域: the norway track's field is a scope (ZJ22-BIL-NORWAY), not a priority, so the
        priority-fields note does not apply to it.

    Failing example:
        None: the rule never fails; the requirement it stands in for is checked elsewhere.

    Passing example:
        ``NotApplicable(("挪威方向的领域为限定范围，见 ZJ22-BIL-NORWAY", "the norway field is a scope: see ZJ22-BIL-NORWAY"))``.
    """

    reason: tuple = attrs.field(converter=to_tuple, validator=attrs.validators.min_len(2))

    def check(self, ctx: Context) -> Outcome:
        return passed_saying(lambda: (f"不适用：{self.reason[0]}", f"not applicable: {self.reason[1]}"), ())

    def describe(self) -> tuple[str, str]:
        return f"不适用：{self.reason[0]}", f"not applicable: {self.reason[1]}"
