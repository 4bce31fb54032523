"""The HTTP API: every endpoint, every error status, the limits; a bad request is a 4xx with a finding-shaped
error body, never a 500."""

from __future__ import annotations

import json
import socket

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from appcheck import engine, explain
from appcheck.reporters import Options, html, json_format
from appcheck.serve import ServeLimits
from appcheck.serve.app import Gate, Refused

from .conftest import INVALID, VALID, YAML, client

JSON = {"content-type": "application/json"}


def _error(response, status: int, requirement: str = "REQUEST") -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["format"] == "appcheck-error/1" and body["status"] == status
    [finding] = body["findings"]
    assert finding["requirement"] == requirement and finding["status"] == "failed" and finding["severity"] == "error"
    assert finding["message"] and finding["message_en"]
    return finding


def _report(path, **kwargs) -> dict:
    return engine.validate(engine.Source("-", path.read_bytes()), **kwargs).to_dict()


# ----------------------------------------------------------------------------- POST /v1/validate

def test_a_valid_bundle_gets_its_report(api) -> None:
    response = api.post("/v1/validate", content=VALID.read_bytes(), headers=JSON)
    assert response.status_code == 200 and response.json() == _report(VALID)
    assert response.json()["ok"] is True


@pytest.mark.parametrize("query", ["", "?format=html"])
def test_a_reports_findings_are_made_within_the_gate_and_off_the_event_loop(monkeypatch, query) -> None:
    import asyncio

    from starlette.testclient import TestClient

    from appcheck.model import Report
    from appcheck.serve.app import create_app

    app = create_app()
    seen = []
    real = Report.__getattr__

    def spy(self, name):
        if name == "findings":
            try:
                asyncio.get_running_loop()
                on_loop = True
            except RuntimeError:
                on_loop = False
            seen.append((on_loop, app.state.gate.active))
        return real(self, name)

    monkeypatch.setattr(Report, "__getattr__", spy)
    with TestClient(app, base_url="http://127.0.0.1") as api:
        response = api.post("/v1/validate" + query, content=VALID.read_bytes(), headers=JSON)
    assert response.status_code == 200
    assert seen and all(not on_loop and active == 1 for on_loop, active in seen), seen


def test_name_is_the_file_name_the_report_gives(api) -> None:
    response = api.post("/v1/validate", params={"name": "申报 书.json"}, content=VALID.read_bytes(), headers=JSON)
    assert response.json()["file"] == "申报 书.json"
    _error(api.post("/v1/validate-batch?name=a.json", json={"bundles": []}), 400)  # a batch names each bundle itself


def test_an_invalid_bundle_gets_a_report_that_says_why(api) -> None:
    response = api.post("/v1/validate", content=INVALID.read_bytes(), headers=JSON)
    assert response.status_code == 200 and response.json() == _report(INVALID)
    assert [f["requirement"] for f in response.json()["findings"] if f["status"] == "failed" and f["severity"] == "error"] == ["GD22-TRN-COUNTRIES"]


@pytest.mark.parametrize("content_type", ["application/yaml", "text/yaml", "text/plain; charset=utf-8", None])
def test_yaml_is_read_as_yaml_when_said_or_seen(api, content_type) -> None:
    headers = {"content-type": content_type} if content_type else {}
    response = api.post("/v1/validate", content=YAML.read_bytes(), headers=headers)
    expected = engine.validate(engine.Source("-", YAML.read_bytes(), "yaml")).to_dict()
    assert response.status_code == 200 and response.json() == expected


def test_a_body_that_does_not_parse_is_a_report_with_a_load_finding(api) -> None:
    response = api.post("/v1/validate", content=b'{"call": "gd-2022",\n "topic": }', headers=JSON)
    assert response.status_code == 200
    [finding] = response.json()["findings"]
    assert finding["requirement"] == "LOAD" and (finding["line"], finding["column"]) == (2, 11)


def test_the_depth_limit_applies_to_the_body() -> None:
    with client(ServeLimits(max_depth=5)) as api:
        response = api.post("/v1/validate", content=b'{"a": [[[[[[1]]]]]]}', headers=JSON)
        assert response.status_code == 200
        [finding] = response.json()["findings"]
        assert finding["requirement"] == "LOAD" and "5" in finding["message_en"]
        assert api.post("/v1/validate", content=b'{"a": [[[1]]]}', headers=JSON).json()["findings"][0]["requirement"] != "LOAD"


def test_as_of_dates_a_bundle_without_submitted_on(api) -> None:
    bundle = json.loads(VALID.read_text(encoding="utf-8"))
    del bundle["submitted_on"]
    response = api.post("/v1/validate?as_of=2022-05-01", json=bundle)
    assert response.status_code == 200 and response.json()["checked_on"] == "2022-05-01"
    assert response.json() == engine.validate(engine.Source("-", response.request.content), as_of="2022-05-01").to_dict()


def test_settings_are_query_parameters_named_after_the_setting(api) -> None:
    response = api.post("/v1/validate?gd-2022.published_on=2022-04-15", content=VALID.read_bytes(), headers=JSON)
    assert response.status_code == 200
    assert response.json() == _report(VALID, settings={"gd-2022.published_on": "2022-04-15"}) != _report(VALID)
    _error(api.post("/v1/validate?gd-2022.no_such_setting=1", content=VALID.read_bytes(), headers=JSON), 400)
    _error(api.post("/v1/validate?gd-2022.published_on=soon", content=VALID.read_bytes(), headers=JSON), 400)


def test_the_servers_settings_apply_unless_the_request_gives_its_own() -> None:
    published = {"gd-2022.published_on": "2022-04-15"}
    from appcheck.serve import create_app
    from starlette.testclient import TestClient

    with TestClient(create_app(settings=published), base_url="http://127.0.0.1") as api:
        assert api.post("/v1/validate", content=VALID.read_bytes(), headers=JSON).json() == _report(VALID, settings=published)
        later = api.post("/v1/validate?gd-2022.published_on=2021-01-01", content=VALID.read_bytes(), headers=JSON).json()
        assert later == _report(VALID, settings={"gd-2022.published_on": "2021-01-01"}) != _report(VALID, settings=published)
    with pytest.raises(ValueError):
        create_app(settings={"gd-2022.no_such": 1})


def test_format_html_is_the_checklist_the_report_shows(api) -> None:
    for lang in ("zh", "en"):
        response = api.post(f"/v1/validate?format=html&lang={lang}", content=INVALID.read_bytes(), headers=JSON)
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
        report = engine.validate(engine.Source("-", INVALID.read_bytes()))
        assert response.text == html.bundle_section(report, 0, Options(lang=lang))
    strict = api.post("/v1/validate?format=html&strict=true", content=VALID.read_bytes(), headers=JSON).text
    assert strict.startswith('<section class="bundle not-ok')  # a pending review fails --strict


@pytest.mark.parametrize("query", ["as_of=2022-13-01", "as_of=yesterday", "lang=fr", "format=xml", "strict=maybe", "colour=red",
                                   "lang=zh&lang=en", "as_of="])
def test_a_bad_query_parameter_is_400(api, query) -> None:
    finding = _error(api.post(f"/v1/validate?{query}", content=VALID.read_bytes(), headers=JSON), 400)
    assert query.split("=")[0] in finding["message_en"]


@pytest.mark.parametrize("content_type", ["text/html", "multipart/form-data; boundary=x", "image/png"])
def test_an_unsupported_content_type_is_415(api, content_type) -> None:
    finding = _error(api.post("/v1/validate", content=VALID.read_bytes(), headers={"content-type": content_type}), 415)
    assert content_type.split(";")[0] in finding["message_en"]


def test_a_body_over_the_limit_is_413_with_a_finding() -> None:
    with client(ServeLimits(max_bytes=1000)) as api:
        finding = _error(api.post("/v1/validate", content=b" " * 1001, headers=JSON), 413, "LOAD")
        assert finding["actual"] == {"code": "too-large", "bytes": 1001} and finding["expected"] == {"max_bytes": 1000}
        assert "1001" in finding["message_en"] and "1000" in finding["message_en"]
        assert api.post("/v1/validate", content=b" " * 998 + b"{}", headers=JSON).status_code == 200  # at the limit


def test_a_bad_content_length_is_400(api) -> None:
    _error(api.post("/v1/validate", content=b"{}", headers={**JSON, "content-length": "two"}), 400)


def test_a_wrong_method_is_405_and_an_unknown_address_404(api) -> None:
    _error(api.get("/v1/validate"), 405)
    _error(api.get("/v2/validate"), 404)
    _error(api.get("/assets/secrets.txt"), 404)


def test_a_request_for_another_host_is_refused(api) -> None:
    assert api.get("/v1/topics", headers={"host": "attacker.example"}).status_code == 400
    assert api.get("/v1/topics", headers={"host": "localhost:8000"}).status_code == 200


def test_a_bug_is_a_500_of_one_line_without_traceback(monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(engine, "validate", broken)
    with client() as api:
        finding = _error(api.post("/v1/validate", content=VALID.read_bytes(), headers=JSON), 500)
    assert "RuntimeError" in finding["message_en"] and "secret internals" not in json.dumps(finding) and "Traceback" not in json.dumps(finding)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
       query=st.lists(st.tuples(st.sampled_from(["as_of", "lang", "format", "strict", "x", "gd-2022.published_on", "zj-2022.deadline_year"]),
                                st.text(max_size=12)), max_size=3),
       path=st.sampled_from(["/v1/validate", "/v1/validate-batch"]),
       content_type=st.sampled_from(["application/json", "application/yaml", "text/plain", "", "text/csv", "application/json; charset=latin-1"]))
def test_no_request_makes_a_server_error(api, body, query, path, content_type) -> None:
    response = api.post(path, params=query, content=body, headers={"content-type": content_type} if content_type else {})
    assert response.status_code in (200, 400, 413, 415), response.text
    if response.status_code != 200:
        _error(response, response.status_code, response.json()["findings"][0]["requirement"])


# ----------------------------------------------------------------------------- POST /v1/validate-batch

def _batch(*paths) -> dict:
    return {"bundles": [{"name": path.name, "content": path.read_text(encoding="utf-8")} for path in paths]}


def test_a_batch_is_the_json_report_of_the_command_line(api) -> None:
    response = api.post("/v1/validate-batch", json=_batch(VALID, INVALID, YAML))
    assert response.status_code == 200
    sources = [engine.Source(path.name, path.read_bytes()) for path in (VALID, INVALID, YAML)]
    assert response.text == json_format.render(engine.validate_batch(sources), Options())
    assert [r["file"] for r in response.json()["reports"]] == [VALID.name, INVALID.name, YAML.name]


def test_a_batch_runs_the_batch_rules() -> None:
    from ..conftest import EXAMPLES

    folder = EXAMPLES / "gd-2022" / "batches"
    paths = sorted(folder.rglob("*.json"))[:6]
    with client() as api:
        response = api.post("/v1/validate-batch", json=_batch(*paths) | {"bundles": [
            {"name": str(p.relative_to(folder)), "content": p.read_text(encoding="utf-8")} for p in paths]})
    expected = engine.validate_batch([engine.Source(str(p.relative_to(folder)), p.read_bytes()) for p in paths])
    assert response.json()["findings"] == [f.to_dict() for f in expected.findings]


def test_a_batch_as_html_is_the_html_report(api) -> None:
    response = api.post("/v1/validate-batch?format=html&lang=en", json=_batch(VALID, INVALID))
    sources = [engine.Source(path.name, path.read_bytes()) for path in (VALID, INVALID)]
    assert response.text == html.render(engine.validate_batch(sources), Options(lang="en"))


@pytest.mark.parametrize("document, where", [
    ([], "/"), ({"bundles": {}}, "/"), ({"bundles": [], "extra": 1}, "/"),
    ({"bundles": ["text"]}, "/bundles/0"), ({"bundles": [{"name": "a.json"}]}, "/bundles/0"),
    ({"bundles": [{"name": "", "content": "{}"}]}, "/bundles/0/name"), ({"bundles": [{"name": 3, "content": "{}"}]}, "/bundles/0/name"),
    ({"bundles": [{"name": "a", "content": {}}]}, "/bundles/0/content"),
    ({"bundles": [{"name": "a", "content": "{}"}, {"name": "a", "content": "{}"}]}, "/bundles/1/name"),
])
def test_a_malformed_batch_is_400_naming_the_place(api, document, where) -> None:
    finding = _error(api.post("/v1/validate-batch", json=document), 400)
    assert finding["path"] == ("" if where == "/" else where) and where in finding["message_en"]


def test_a_batch_that_is_not_json_is_400_with_line_and_column(api) -> None:
    finding = _error(api.post("/v1/validate-batch", content=b'{"bundles": [\n  {"name": "a", }]}', headers=JSON), 400, "LOAD")
    assert (finding["line"], finding["column"]) == (2, 15)  # the trailing comma
    _error(api.post("/v1/validate-batch", content=b"bundles: []", headers={"content-type": "application/yaml"}), 415)


def test_more_bundles_than_the_limit_is_413() -> None:
    with client(ServeLimits(max_bundles=2)) as api:
        document = {"bundles": [{"name": f"{i}.json", "content": "{}"} for i in range(3)]}
        finding = _error(api.post("/v1/validate-batch", json=document), 413)
        assert finding["actual"] == {"bundles": 3} and finding["expected"] == {"max_bundles": 2}
        document["bundles"].pop()
        assert api.post("/v1/validate-batch", json=document).status_code == 200


# ----------------------------------------------------------------------------- topics

def test_topics_list_every_call(api) -> None:
    response = api.get("/v1/topics")
    assert response.status_code == 200 and response.json() == explain.topic_list()
    _error(api.get("/v1/topics?lang=en"), 400)


def test_a_topics_schema_checklist_and_draft(api) -> None:
    assert api.get("/v1/topics/gd-2022/training/schema").json() == explain.editor_schema("gd-2022/training")
    assert api.get("/v1/topics/gd-2022/training/checklist").json() == json.loads(explain.to_json(explain.checklist("gd-2022/training")))
    assert api.get("/v1/topics/gd-2022/training/draft").json() == json.loads(explain.to_json(explain.draft("gd-2022/training")))
    track = explain.topic_list()[0]["topics"][0]
    if track["tracks"]:
        name, first = track["topic"], track["tracks"][0]["id"]
        response = api.get(f"/v1/topics/{name}/checklist", params={"track": first})
        assert response.json() == json.loads(explain.to_json(explain.checklist(name, first)))


@pytest.mark.parametrize("address", ["/v1/topics/gd-2022/no-such/schema", "/v1/topics/no-call/training/checklist",
                                     "/v1/topics/gd-2022/training/checklist?track=no-such", "/v1/topics/gd-2022/training/draft?track=x"])
def test_an_unknown_topic_or_track_is_404(api, address) -> None:
    _error(api.get(address), 404, "TOPIC")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(call=st.text(min_size=1, max_size=10), topic=st.text(min_size=1, max_size=10), what=st.sampled_from(["schema", "checklist", "draft"]),
       track=st.none() | st.text(max_size=10))
def test_any_topic_address_is_answered_or_refused_never_a_server_error(api, call, topic, what, track) -> None:
    from urllib.parse import quote

    response = api.get(f"/v1/topics/{quote(call, safe='')}/{quote(topic, safe='')}/{what}", params={"track": track} if track is not None else {})
    assert response.status_code in (200, 404), response.text


def test_an_unknown_parameter_of_a_topic_is_400(api) -> None:
    _error(api.get("/v1/topics/gd-2022/training/schema?lang=en"), 400)


# ----------------------------------------------------------------------------- OpenAPI, the page, headers

def test_the_openapi_document_describes_every_endpoint_and_its_answers(api) -> None:
    import jsonschema

    document = api.get("/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    assert set(document["paths"]) == {"/v1/validate", "/v1/validate-batch", "/v1/topics", "/v1/topics/{call}/{topic}/schema",
                                      "/v1/topics/{call}/{topic}/checklist", "/v1/topics/{call}/{topic}/draft"}
    for path, operations in document["paths"].items():
        for operation in operations.values():
            assert operation["summary"] and "200" in {str(code) for code in operation["responses"]}
    schemas = document["components"]["schemas"]

    def check(instance, name):
        jsonschema.validate(instance, {"$ref": f"#/components/schemas/{name}", "components": {"schemas": schemas}})

    check(api.post("/v1/validate", content=INVALID.read_bytes(), headers=JSON).json(), "Report")
    check(api.post("/v1/validate-batch", json=_batch(VALID)).json(), "BatchReport")
    check(api.post("/v1/validate?lang=fr", content=b"{}", headers=JSON).json(), "Error")


def test_the_page_loads_nothing_from_anywhere_else(api) -> None:
    response = api.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy and "script-src 'self'" in policy
    assert 'option value="gd-2022/training"' in response.text and '<script src="/assets/page.js">' in response.text
    for name, kind in (("checklist.css", "text/css"), ("page.css", "text/css"), ("page.js", "text/javascript")):
        asset = api.get(f"/assets/{name}")
        assert asset.status_code == 200 and asset.headers["content-type"].startswith(kind)
    assert api.get("/assets/checklist.css").text == html.css()
    assert 'id="lang-en" value="en" checked' in api.get("/?lang=en").text
    _error(api.get("/?lang=fr"), 400)


def test_every_answer_forbids_sniffing_and_referrers(api) -> None:
    for response in (api.get("/"), api.get("/v1/topics"), api.get("/nowhere")):
        assert response.headers["x-content-type-options"] == "nosniff" and response.headers["referrer-policy"] == "no-referrer"


def test_limits_are_validated() -> None:
    for bad in (0, -1, True, 1.5):
        with pytest.raises(ValueError):
            ServeLimits(max_bytes=bad)


def test_the_gate_refuses_past_its_limit_and_reopens() -> None:
    gate = Gate(2)
    with gate, gate:
        with pytest.raises(Refused) as refused:
            with gate:
                pass
        assert refused.value.status == 503 and refused.value.headers == {"Retry-After": "1"}
    with gate:
        assert gate.active == 1


# ----------------------------------------------------------------------------- a real server on 127.0.0.1

def _raw(server, head: bytes, body: bytes = b"") -> socket.socket:
    connection = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    connection.sendall(head + body)
    return connection


def _answer(connection: socket.socket) -> tuple[int, dict, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    while len(rest) < int(headers.get("content-length", "0")):
        chunk = connection.recv(65536)
        if not chunk:
            break
        rest += chunk
    return int(lines[0].split()[1]), headers, rest


def test_an_oversized_body_is_refused_before_it_is_sent(server) -> None:
    """A declared 1 GiB body: the 413 comes back after the headers and a few bytes, the rest never sent."""
    connection = _raw(server, b"POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                              b"Content-Length: 1073741824\r\n\r\n", b"{" * 100)
    status, headers, body = _answer(connection)
    connection.close()
    assert status == 413 and json.loads(body)["findings"][0]["actual"] == {"code": "too-large", "bytes": 1073741824}


def test_a_chunked_body_is_cut_off_once_past_the_limit(server) -> None:
    connection = _raw(server, b"POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"%x\r\n%s\r\n" % (16 * 1024, b" " * 16 * 1024)
    sent = 0
    connection.settimeout(10)
    try:
        for _ in range(64 * 4):  # up to 4 MiB, far past the 64 KiB limit; stops as soon as the answer is there
            connection.sendall(chunk)
            sent += 1
            connection.setblocking(False)
            try:
                if connection.recv(1, socket.MSG_PEEK):
                    break
            except BlockingIOError:
                pass
            finally:
                connection.setblocking(True)
                connection.settimeout(10)
    except (BrokenPipeError, ConnectionResetError):
        pass
    status, _, body = _answer(connection)
    connection.close()
    assert status == 413 and json.loads(body)["findings"][0]["actual"]["code"] == "too-large"
    assert sent < 64 * 4


def test_more_checks_at_once_than_the_limit_is_503(server) -> None:
    import httpx2

    first = _raw(server, b"POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n", b"{")
    try:
        response = httpx2.post(server.url + "/v1/validate", content=VALID.read_bytes(), headers=JSON, timeout=10)
        _error(response, 503)
        assert response.headers["retry-after"] == "1"
    finally:
        first.close()
    for _ in range(50):  # the held check ends once its connection is gone
        response = httpx2.post(server.url + "/v1/validate", content=VALID.read_bytes(), headers=JSON, timeout=10)
        if response.status_code == 200:
            break
    assert response.status_code == 200 and response.json()["ok"] is True
