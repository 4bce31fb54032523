"""The report formats, one reporter each (:mod:`appcheck.reporters`): named here, without importing
them, so that the command line's usage and ``--help`` stay light."""

FORMATS = ("text", "json", "sarif", "junit", "github", "html")
