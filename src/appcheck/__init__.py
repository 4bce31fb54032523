"""appcheck: check applications for international S&T cooperation funding calls against their guidelines.

>>> import appcheck
>>> report = appcheck.validate("examples/gd-2022/training/valid.json")   # doctest: +SKIP
>>> report.ok, [f.requirement for f in report.failures()]                 # doctest: +SKIP
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
__all__ = ["BatchReport", "Finding", "Report", "Severity", "Status", "validate", "validate_batch", "__version__"]
__version__ = "0.1.0"

if TYPE_CHECKING:
    from .model import BatchReport, Finding, Report, Severity, Status

#: the report's classes, imported on first use: ``import appcheck`` (and the command line's usage and
#: ``--help``, which need none of them) does not pay for attrs and the model
_MODEL = frozenset({"BatchReport", "Finding", "Report", "Severity", "Status"})


def __getattr__(name: str):
    if name in _MODEL:
        from . import model

        value = getattr(model, name)
        globals()[name] = value  # once found, an ordinary attribute
        return value
    raise AttributeError(f"module 'appcheck' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _MODEL)


def validate(bundle, as_of=None, settings=None, *, limits=None):
    """Check one bundle (a mapping, or a path to a ``.json``/``.yaml``/``.yml`` file); see :mod:`appcheck.engine`.

    ``limits``: an :class:`appcheck.loading.Limits` (file size, nesting depth) for files; default 10 MiB, depth 200.
    """
    from .engine import validate as _validate

    return _validate(bundle, as_of=as_of, settings=settings, limits=limits)


def validate_batch(bundles, as_of=None, settings=None, jobs=1, *, limits=None, waivers=()):
    """Check several bundles as one batch (quotas across bundles); see :mod:`appcheck.engine`.

    ``waivers``: :class:`appcheck.waivers.Waiver` values (``appcheck.config.load(path).waivers``).
    """
    from .engine import validate_batch as _validate_batch

    return _validate_batch(bundles, as_of=as_of, settings=settings, jobs=jobs, limits=limits, waivers=waivers)
