"""The HTTP API and the applicant's page.

Endpoints (the OpenAPI document at ``/openapi.json`` describes each one):

- ``POST /v1/validate``: one bundle as the body (JSON or YAML, as ``Content-Type`` says, or told
  apart by its first character); query parameters ``name`` (the file name to report it under,
  default ``-``), ``as_of`` (YYYY-MM-DD), ``lang`` (``zh``/``en``),
  ``strict``, ``format`` (``json``: the report's ``to_dict()``; ``html``: its checklist as an HTML
  fragment, what the page shows) and the call settings by name (``gd-2022.published_on=2022-04-15``).
- ``POST /v1/validate-batch``: ``{"bundles": [{"name": "a.json", "content": "<JSON or YAML text>"}, ...]}``,
  checked as one batch (quotas, identities); the same document as ``--format json`` (``format=html``:
  the HTML report).
- ``GET /v1/topics``; ``GET /v1/topics/{call}/{topic}/schema``, ``.../checklist`` and ``.../draft``
  (``track`` as a query parameter).
- ``GET /``: the page; ``GET /assets/...``: its style sheet and script.

A bundle's own problems (it cannot be parsed, it breaks its schema, it is nested too deep) are findings
in a report, as everywhere in appcheck: status 200. A request that cannot be answered is a 4xx with an
error body shaped like a report's findings (``{"format": "appcheck-error/1", "status": ..., "findings":
[...]}``), never a 500 with a traceback: 400 a bad parameter or batch document, 404 an unknown topic or
address, 405 a wrong method, 413 a body larger than ``max_bytes`` (refused from its ``Content-Length``
before anything is read, or as soon as the bytes read pass the limit) or more than ``max_bundles``
bundles, 415 an unsupported ``Content-Type``, 503 (with ``Retry-After``) more than ``max_concurrent``
checks at once. Only the host names of the address the service is bound to are answered (a page
elsewhere cannot reach it by DNS rebinding), and the page may load or send nothing from or to
anywhere else (Content-Security-Policy).
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

import attrs
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.schemas import SchemaGenerator

from .. import __version__, engine, explain, loading
from ..model import LOAD, TOPIC, Finding, Severity, Status
from ..reporters import Options, html, json_format

STATIC = Path(__file__).with_name("static")
#: requirement id of an error about the request itself (a parameter, a method, a media type, the load)
REQUEST = "REQUEST"

PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
               "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def _positive(instance: object, attribute: attrs.Attribute, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{attribute.name} is a whole number, 1 or more, not {value!r}")


@attrs.frozen
class ServeLimits:
    """What one request may ask: body size in bytes, nesting depth, bundles per batch, checks at once."""

    max_bytes: int = attrs.field(default=10 * 1024 * 1024, validator=_positive)
    max_depth: int = attrs.field(default=200, validator=_positive)
    max_bundles: int = attrs.field(default=1000, validator=_positive)
    max_concurrent: int = attrs.field(default=16, validator=_positive)

    def loading(self) -> loading.Limits:
        return loading.Limits(max_bytes=self.max_bytes, max_depth=self.max_depth)


class Refused(Exception):
    """A request answered with ``status`` and one finding saying why."""

    def __init__(self, status: int, requirement: str, message: str, message_en: str, headers: dict | None = None, **values: Any) -> None:
        super().__init__(message_en)
        self.status = status
        self.finding = Finding(requirement, Status.FAILED, Severity.ERROR, values.pop("segments", ()), message, message_en, "", **values)
        self.headers = headers or {}


def error_body(status: int, findings: list[Finding]) -> dict:
    return {"format": "appcheck-error/1", "status": status, "findings": [finding.to_dict() for finding in findings]}


def _refused(error: Refused) -> JSONResponse:
    return JSONResponse(error_body(error.status, [error.finding]), status_code=error.status, headers=error.headers)


# ----------------------------------------------------------------------------- reading a request

_JSON_TYPES = ("application/json",)
_YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")
_AUTO_TYPES = ("", "text/plain", "application/octet-stream")


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _bundle_format(request: Request) -> str:
    kind = _media_type(request)
    if kind in _JSON_TYPES or kind.endswith("+json"):
        return "json"
    if kind in _YAML_TYPES:
        return "yaml"
    if kind in _AUTO_TYPES:
        return "auto"
    raise Refused(415, REQUEST, f"不支持的内容类型“{kind}”：请使用 application/json、application/yaml 或 text/plain",
                  f"unsupported Content-Type '{kind}': send application/json, application/yaml or text/plain",
                  actual=kind, expected=[*_JSON_TYPES, *_YAML_TYPES, "text/plain"])


def _too_large(size: int, limit: int, at_least: bool) -> Refused:
    more_zh, more_en = ("至少 ", "at least ") if at_least else ("", "")
    return Refused(413, LOAD, f"请求内容有 {more_zh}{size} 字节，超过上限 {limit} 字节",
                   f"the request body has {more_en}{size} bytes, more than the limit of {limit}",
                   actual={"code": "too-large", "bytes": size}, expected={"max_bytes": limit})


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 from its ``Content-Length`` before reading, or once more than ``limit`` bytes came."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise Refused(400, REQUEST, f"Content-Length 不是字节数：“{declared}”", f"Content-Length is not a number of bytes: '{declared}'",
                          actual=declared)
        if int(declared) > limit:
            raise _too_large(int(declared), limit, at_least=False)
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(size, limit, at_least=True)
        chunks.append(chunk)
    return b"".join(chunks)


def _bad_parameter(name: str, value: str, zh: str, en: str, expected: Any = None) -> Refused:
    return Refused(400, REQUEST, f"查询参数 {name}={value!r}：{zh}", f"query parameter {name}={value!r}: {en}", actual={name: value},
                   expected=expected)


@attrs.frozen
class Query:
    as_of: dt.date | None = None
    lang: str = "zh"
    strict: bool = False
    format: str = "json"
    name: str = "-"
    settings: dict | None = None


_CHOICES = {"lang": ("zh", "en"), "format": ("json", "html"), "strict": ("true", "false", "1", "0")}


def parse_query(request: Request, allowed: tuple = ("as_of", "lang", "strict", "format"), settings: bool = True) -> Query:
    """The query parameters, each given once, each valid; a name with a dot is a call setting."""
    values: dict[str, Any] = {}
    found_settings: dict[str, str] = {}
    for name in request.query_params.keys():
        given = request.query_params.getlist(name)
        if len(given) > 1:
            raise _bad_parameter(name, given[-1], "只能给出一次", "may be given only once")
        value = given[0]
        if settings and "." in name:
            found_settings[name] = value
        elif name not in allowed:
            raise _bad_parameter(name, value, f"未知参数（可用：{', '.join(allowed)}，以及设置名）",
                                 f"unknown parameter (known: {', '.join(allowed)}, and setting names)", expected=list(allowed))
        elif name == "as_of":
            try:
                values["as_of"] = dt.date.fromisoformat(value)
            except ValueError:
                raise _bad_parameter(name, value, "不是 YYYY-MM-DD 日期", "not a YYYY-MM-DD date", expected="YYYY-MM-DD") from None
        elif value not in _CHOICES.get(name, (value,)):
            raise _bad_parameter(name, value, f"应为 {' / '.join(_CHOICES[name])}", f"expected {' / '.join(_CHOICES[name])}",
                                 expected=list(_CHOICES[name]))
        else:
            values[name] = value in ("true", "1") if name == "strict" else value
    return Query(settings=found_settings or None, **values)


def _settings(request: Request, query: Query) -> dict | None:
    """The server's settings, overridden one by one by the request's."""
    return {**request.app.state.settings, **(query.settings or {})} or None


def _bad_setting(error: ValueError) -> Refused:
    return Refused(400, REQUEST, f"设置有误：{error}", f"bad setting: {error}")


# ----------------------------------------------------------------------------- the checks

class Gate:
    """At most ``limit`` checks at once; the next one is refused with 503 rather than queued."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.active = 0

    def __enter__(self) -> Gate:
        if self.active >= self.limit:
            raise Refused(503, REQUEST, f"同时进行的检查已达上限 {self.limit}，请稍后重试",
                          f"{self.limit} checks are already running, the limit; try again shortly",
                          headers={"Retry-After": "1"}, expected={"max_concurrent": self.limit})
        self.active += 1
        return self

    def __exit__(self, *exc: object) -> None:
        self.active -= 1


def _json(data: Any, status: int = 200) -> Response:
    return Response(json.dumps(data, ensure_ascii=False), status_code=status, media_type="application/json")


async def validate(request: Request) -> Response:
    """
    summary: Check one bundle
    description: >-
      The body is one bundle, JSON or YAML (Content-Type application/json, application/yaml, or
      text/plain to tell them apart by the first character). A bundle that cannot be parsed or breaks
      its schema is still answered with 200 and a report whose findings say so.
    parameters:
      - {name: as_of, in: query, schema: {type: string, format: date}, description: date for bundles without submitted_on (default today)}
      - {name: lang, in: query, schema: {type: string, enum: [zh, en]}, description: language of the HTML checklist}
      - {name: strict, in: query, schema: {type: boolean}, description: judge the HTML verdict by warnings and reviews too}
      - {name: format, in: query, schema: {type: string, enum: [json, html]}, description: "json: the report; html: its checklist as an HTML fragment"}
      - {name: name, in: query, schema: {type: string}, description: "the file name to report the bundle under (default -)"}
    requestBody:
      required: true
      content:
        application/json: {schema: {type: object}}
        application/yaml: {schema: {type: string}}
        text/plain: {schema: {type: string}}
    responses:
      200: {description: "the report (Report.to_dict()), or its checklist as HTML", content: {application/json: {schema: {$ref: "#/components/schemas/Report"}}, text/html: {}}}
      400: {description: a bad query parameter or setting, content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
      413: {description: the body is larger than the limit, content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
      415: {description: an unsupported Content-Type, content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
      503: {description: too many checks at once, content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
    """
    limits: ServeLimits = request.app.state.limits
    with request.app.state.gate:
        query = parse_query(request, allowed=("as_of", "lang", "strict", "format", "name"))
        kind = _bundle_format(request)
        body = await read_body(request, limits.max_bytes)
        source = engine.Source(query.name, body, kind)
        try:
            report = await run_in_threadpool(engine.validate, source, as_of=query.as_of, settings=_settings(request, query), limits=limits.loading())
        except ValueError as error:
            raise _bad_setting(error) from None
        return await run_in_threadpool(_respond, report, query)


def _respond(report: Any, query: Any) -> Response:
    """The response of one bundle's report. A report builds its findings, formats its passed messages
    and works out their lines when first read, so this runs in a worker thread and within the gate,
    as the check did: the event loop never does a check's work, and the limit bounds all of it."""
    if query.format == "html":
        return HTMLResponse(html.bundle_section(report, 0, Options(lang=query.lang, strict=query.strict)))
    return _json(report.to_dict())


def _batch_sources(body: bytes, limits: ServeLimits) -> list[engine.Source]:
    loaded = loading.load_bytes(body, limits.loading())
    if loaded.problem is not None:
        problem = loaded.problem
        raise Refused(400, LOAD, f"批量请求不是可读的 JSON：{problem.message}", f"the batch request is not readable JSON: {problem.message_en}",
                      segments=problem.path, line=problem.line, column=problem.column, actual={"code": problem.code})

    def shape(segments: tuple, zh: str, en: str) -> Refused:
        from ..pointer import render

        where = render(segments) or "/"
        return Refused(400, REQUEST, f"批量请求 {where}：{zh}", f"batch request {where}: {en}", segments=segments,
                       expected={"bundles": [{"name": "a.json", "content": "<the bundle's JSON or YAML text>"}]})

    data = loaded.data
    if not isinstance(data, dict) or set(data) != {"bundles"} or not isinstance(data["bundles"], list):
        raise shape((), "应为 {\"bundles\": [...]}", 'expected {"bundles": [...]}')
    items = data["bundles"]
    if len(items) > limits.max_bundles:
        raise Refused(413, REQUEST, f"批量请求有 {len(items)} 份申报书，超过上限 {limits.max_bundles}",
                      f"the batch has {len(items)} bundles, more than the limit of {limits.max_bundles}",
                      actual={"bundles": len(items)}, expected={"max_bundles": limits.max_bundles})
    sources = []
    names: set[str] = set()
    for index, item in enumerate(items):
        if not isinstance(item, dict) or set(item) != {"name", "content"}:
            raise shape(("bundles", index), "应为 {\"name\": ..., \"content\": ...}", 'expected {"name": ..., "content": ...}')
        name, content = item["name"], item["content"]
        if not isinstance(name, str) or not name.strip():
            raise shape(("bundles", index, "name"), "应为非空文本", "expected a non-empty string")
        if name in names:
            raise shape(("bundles", index, "name"), f"名称“{name}”重复", f"the name '{name}' is given twice")
        if not isinstance(content, str):
            raise shape(("bundles", index, "content"), "应为申报书的 JSON 或 YAML 文本", "expected the bundle's JSON or YAML text")
        names.add(name)
        sources.append(engine.Source(name, content.encode("utf-8", "surrogatepass")))
    return sources


async def validate_batch(request: Request) -> Response:
    """
    summary: Check several bundles as one batch
    description: >-
      The body is {"bundles": [{"name": "a.json", "content": "<JSON or YAML text>"}, ...]}; names are
      unique and name the bundles in the report. The answer is the document of `appcheck validate
      --format json` (format=html: the HTML report).
    parameters:
      - {name: as_of, in: query, schema: {type: string, format: date}}
      - {name: lang, in: query, schema: {type: string, enum: [zh, en]}}
      - {name: strict, in: query, schema: {type: boolean}}
      - {name: format, in: query, schema: {type: string, enum: [json, html]}}
    requestBody:
      required: true
      content:
        application/json:
          schema:
            type: object
            required: [bundles]
            properties:
              bundles:
                type: array
                items: {type: object, required: [name, content], properties: {name: {type: string}, content: {type: string}}}
    responses:
      200: {description: the batch report, content: {application/json: {schema: {$ref: "#/components/schemas/BatchReport"}}, text/html: {}}}
      400: {description: a bad parameter or batch document, content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
      413: {description: the body or the number of bundles is over the limit, content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
      415: {description: not JSON, content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
      503: {description: too many checks at once, content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
    """
    limits: ServeLimits = request.app.state.limits
    with request.app.state.gate:
        query = parse_query(request)
        if _bundle_format(request) == "yaml":
            raise Refused(415, REQUEST, "批量请求须为 JSON（application/json）", "a batch request is JSON (application/json)",
                          actual=_media_type(request), expected="application/json")
        body = await read_body(request, limits.max_bytes)
        sources = _batch_sources(body, limits)
        options = Options(lang=query.lang, strict=query.strict)

        def check() -> str:
            batch = engine.validate_batch(sources, as_of=query.as_of, settings=_settings(request, query), limits=limits.loading())
            return (html if query.format == "html" else json_format).render(batch, options)

        try:
            text = await run_in_threadpool(check)
        except ValueError as error:
            raise _bad_setting(error) from None
    return Response(text, media_type="text/html" if query.format == "html" else "application/json")


# ----------------------------------------------------------------------------- topics

def _topic_name(request: Request) -> tuple[str, str | None]:
    query = request.query_params
    unknown = [name for name in query.keys() if name != "track"]
    if unknown:
        raise _bad_parameter(unknown[0], query[unknown[0]], "未知参数（可用：track）", "unknown parameter (known: track)", expected=["track"])
    return f"{request.path_params['call']}/{request.path_params['topic']}", query.get("track")


def _unknown_topic(error: explain.UnknownTopic) -> Refused:
    return Refused(404, TOPIC, f"未知专题：{error}", f"unknown topic: {error}")


async def topics(request: Request) -> Response:
    """
    summary: Every call, topic and track covered
    responses:
      200: {description: the calls with their topics and tracks, content: {application/json: {schema: {type: array}}}}
    """
    parse_query(request, allowed=(), settings=False)
    return _json(explain.topic_list())


async def topic_schema(request: Request) -> Response:
    """
    summary: A topic's JSON Schema, self-contained
    parameters:
      - {name: call, in: path, required: true, schema: {type: string}}
      - {name: topic, in: path, required: true, schema: {type: string}}
    responses:
      200: {description: the schema (Draft 2020-12), content: {application/schema+json: {schema: {type: object}}}}
      404: {description: an unknown topic, content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
    """
    name, track = _topic_name(request)
    try:
        return _json(explain.editor_schema(name))
    except explain.UnknownTopic as error:
        raise _unknown_topic(error) from None


async def topic_checklist(request: Request) -> Response:
    """
    summary: A topic's checklist, every requirement with what is checked and the clause
    parameters:
      - {name: call, in: path, required: true, schema: {type: string}}
      - {name: topic, in: path, required: true, schema: {type: string}}
      - {name: track, in: query, schema: {type: string}}
    responses:
      200: {description: the checklist (as `appcheck explain --format json`), content: {application/json: {schema: {type: object}}}}
      404: {description: an unknown topic or track, content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
    """
    name, track = _topic_name(request)
    try:
        return _json(explain.checklist(name, track))
    except explain.UnknownTopic as error:
        raise _unknown_topic(error) from None


async def topic_draft(request: Request) -> Response:
    """
    summary: A draft bundle to fill in (as `appcheck init`)
    parameters:
      - {name: call, in: path, required: true, schema: {type: string}}
      - {name: topic, in: path, required: true, schema: {type: string}}
      - {name: track, in: query, schema: {type: string}}
    responses:
      200: {description: the draft, content: {application/json: {schema: {type: object}}}}
      404: {description: an unknown topic or track, content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
    """
    name, track = _topic_name(request)
    try:
        return _json(explain.draft(name, track))
    except explain.UnknownTopic as error:
        raise _unknown_topic(error) from None


# ----------------------------------------------------------------------------- the page

@cache
def _asset(name: str) -> bytes:
    return (STATIC / name).read_bytes() if name != "checklist.css" else html.css().encode("utf-8")


_ASSET_TYPES = {"checklist.css": "text/css", "page.css": "text/css", "page.js": "text/javascript"}


async def asset(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in _ASSET_TYPES:
        raise HTTPException(404)
    return Response(_asset(name), media_type=_ASSET_TYPES[name], headers={"Cache-Control": "no-cache"})


def page_html(lang: str = "zh") -> str:
    """The applicant's page: pick a topic, paste or drop a draft, see the checklist as it is edited."""
    options = Options(lang=lang)
    label = html.label
    choices = ['<option value="">—</option>']
    for call in explain.topic_list():
        group = [f'<option value="{html.clean(topic["topic"])}">{html.clean(topic["topic"])} {html.clean(topic["title"])}</option>'
                 for topic in call["topics"]]
        choices.append(f'<optgroup label="{html.clean(call["call"])}">{"".join(group)}</optgroup>')
    picker = f'<label>{html.both("专题", "Topic")} <select id="topic" name="topic">{"".join(choices)}</select></label>'
    styles = '<link rel="stylesheet" href="/assets/checklist.css"><link rel="stylesheet" href="/assets/page.css">'
    return (
        html.head(html.LABELS["page"][lang == "en"], options, PAGE_POLICY, styles)
        + f"<body>{html.toolbar(options, picker)}\n<div class=\"workspace\">"
        + '<div class="editor" id="drop">'
        + f'<p class="hint">{html.both("粘贴或拖入申报书草稿（JSON 或 YAML），或选择专题从空白草稿开始。草稿只在本机检查，不会发送到别处。", "Paste or drop a draft (JSON or YAML), or pick a topic to start from a blank draft. The draft is checked on this machine only; nothing is sent anywhere else.")}</p>'
        + f'<label class="file">{html.both("打开文件", "Open a file")} <input type="file" id="file" accept=".json,.yaml,.yml,application/json,application/yaml"></label>'
        + '<textarea id="draft" spellcheck="false" aria-label="draft"></textarea>'
        + '<p id="state" class="state" role="status" aria-live="polite"></p></div>'
        + f'<main class="report" id="result"><p class="empty">{label("no_draft")}</p></main>'
        + '</div><script src="/assets/page.js"></script></body></html>\n'
    )


async def page(request: Request) -> Response:
    query = parse_query(request, allowed=("lang",), settings=False)
    return HTMLResponse(page_html(query.lang), headers={"Content-Security-Policy": PAGE_POLICY})


async def openapi(request: Request) -> Response:
    return _json(request.app.state.openapi)


# ----------------------------------------------------------------------------- errors and the application

async def _refused_handler(request: Request, error: Exception) -> Response:
    assert isinstance(error, Refused)
    return _refused(error)


_HTTP_TEXT = {404: ("没有这个地址", "no such address"), 405: ("不支持此方法", "method not allowed")}


async def _http_handler(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    zh, en = _HTTP_TEXT.get(error.status_code, (str(error.detail), str(error.detail)))
    refused = Refused(error.status_code, REQUEST, f"{request.method} {request.url.path}：{zh}", f"{request.method} {request.url.path}: {en}",
                      headers=dict(error.headers or {}))
    return _refused(refused)


async def _internal_handler(request: Request, error: Exception) -> Response:
    """A bug of appcheck: one line saying so, never a traceback."""
    refused = Refused(500, REQUEST, f"appcheck 内部错误（{type(error).__name__}），请报告", f"internal error of appcheck ({type(error).__name__}); please report it")
    return _refused(refused)


_ERROR = {"type": "object", "required": ["format", "status", "findings"],
          "properties": {"format": {"const": "appcheck-error/1"}, "status": {"type": "integer"}, "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}}}}
_FINDING = {"type": "object", "required": ["requirement", "status", "severity", "path", "message", "message_en", "source"],
            "properties": {"requirement": {"type": "string"}, "status": {"enum": ["passed", "failed", "needs_review"]},
                           "severity": {"enum": ["error", "warning", "info"]}, "path": {"type": "string"},
                           "message": {"type": "string"}, "message_en": {"type": "string"}, "source": {"type": "string"},
                           "expected": {}, "actual": {}, "bundles": {"type": "array", "items": {"type": "string"}},
                           "line": {"type": "integer"}, "column": {"type": "integer"}}}
_REPORT = {"type": "object", "required": ["file", "topic", "track", "checked_on", "ok", "summary", "findings"],
           "properties": {"findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}}, "ok": {"type": "boolean"}}}
_BATCH = {"type": "object", "required": ["format", "ok", "reports", "findings"],
          "properties": {"format": {"const": "appcheck-report/1"}, "ok": {"type": "boolean"},
                         "reports": {"type": "array", "items": {"$ref": "#/components/schemas/Report"}},
                         "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}}}}

ROUTES = [
    Route("/", page, methods=["GET"], include_in_schema=False),
    Route("/assets/{name}", asset, methods=["GET"], include_in_schema=False),
    Route("/openapi.json", openapi, methods=["GET"], include_in_schema=False),
    Route("/v1/validate", validate, methods=["POST"]),
    Route("/v1/validate-batch", validate_batch, methods=["POST"]),
    Route("/v1/topics", topics, methods=["GET"]),
    Route("/v1/topics/{call}/{topic}/schema", topic_schema, methods=["GET"]),
    Route("/v1/topics/{call}/{topic}/checklist", topic_checklist, methods=["GET"]),
    Route("/v1/topics/{call}/{topic}/draft", topic_draft, methods=["GET"]),
]


def openapi_document() -> dict:
    generator = SchemaGenerator({
        "openapi": "3.1.0",
        "info": {"title": "appcheck", "version": __version__,
                 "description": "Check applications for international S&T cooperation funding calls against every rule of their guidelines."},
        "components": {"schemas": {"Finding": _FINDING, "Report": _REPORT, "BatchReport": _BATCH, "Error": _ERROR}},
    })
    return generator.get_schema(routes=ROUTES)


class _Headers:
    """Every answer: no MIME sniffing, no referrer."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(limits: ServeLimits = ServeLimits(), host: str = "127.0.0.1", settings=None) -> Starlette:
    """The ASGI application; it answers only requests addressed to ``host`` (and, on loopback, localhost).

    ``settings``: call settings for every check (a configuration file's); a request's query parameters
    override them one by one. ``ValueError`` for an unknown setting or value.
    """
    if settings:
        from ..config import check_settings

        settings = check_settings(settings)
    hosts = {host, "127.0.0.1", "localhost", "::1", "[::1]"} if host in ("127.0.0.1", "localhost", "::1") else {host}
    if host in ("0.0.0.0", "::"):
        hosts = {"*"}
    app = Starlette(
        routes=ROUTES,
        middleware=[Middleware(_Headers), Middleware(TrustedHostMiddleware, allowed_hosts=sorted(hosts))],
        exception_handlers={Refused: _refused_handler, HTTPException: _http_handler, Exception: _internal_handler},
    )
    app.state.limits = limits
    app.state.settings = dict(settings or {})
    app.state.gate = Gate(limits.max_concurrent)
    app.state.openapi = openapi_document()
    return app
