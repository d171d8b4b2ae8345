"""The Starlette app of ``engram ui``: one route per page, HTML from Jinja2 templates with
autoescaping on (stored text and metadata are always text), SVG charts drawn server-side,
the graph drawn in the browser by the vendored cytoscape.js from ``/graph.json``.

Namespaces and record ids travel in query parameters (``?ns=...&id=...``), so any name the
contract allows (slashes, spaces, any script) round-trips. Reads use the configured key; the
write forms (delete, outcome) show only when `backend.RoleProbe` says the key may write, and
their POST handlers check the role again (the server enforces it anyway) and the CSRF token.
Every response carries `security.HEADERS` and ``Server-Timing: app;dur=<ms>``.
"""

from __future__ import annotations

import time
import urllib.parse
from pathlib import Path
from typing import Any

import grpc
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from engram.ui import backend, charts, security

HERE = Path(__file__).parent
HTTP_OF = {grpc.StatusCode.INVALID_ARGUMENT: 400, grpc.StatusCode.UNAUTHENTICATED: 401,
           grpc.StatusCode.PERMISSION_DENIED: 403, grpc.StatusCode.NOT_FOUND: 404,
           grpc.StatusCode.FAILED_PRECONDITION: 409, grpc.StatusCode.RESOURCE_EXHAUSTED: 429,
           grpc.StatusCode.UNAVAILABLE: 503, grpc.StatusCode.DEADLINE_EXCEEDED: 504}


def url(path: str, **params: Any) -> str:
    """``path?k=v&...`` with every value percent-encoded; None values left out."""
    query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None and v != ""})
    return f"{path}?{query}" if query else path


def _int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        return max(low, min(high, int(value))) if value not in (None, "") else default
    except ValueError:
        raise HTTPException(400, f"not a whole number: {value!r}") from None


def _float(value: str | None) -> float | None:
    if value in (None, ""):
        return None
    try:
        return float(value)
    except ValueError:
        raise HTTPException(400, f"not a number: {value!r}") from None


def _required(request: Request, name: str) -> str:
    value = request.query_params.get(name, "")
    if not value:
        raise HTTPException(400, f"query parameter {name!r} is required")
    return value


def build(engram: backend.Engram, *, read_only: bool = False, address: str = "",
          confidence_sample: int = 5_000) -> Starlette:
    """The app over ``engram`` (a `backend.Engram`). ``read_only`` hides and refuses every
    write whatever the key may do; ``confidence_sample`` caps the records read by the
    confidence page; ``address`` is shown in the header."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(url=url, rankings=backend.RANKINGS, outcomes=backend.OUTCOMES, address=address)
    probe = backend.RoleProbe(engram, read_only=read_only)

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        ns = context.get("ns") or request.query_params.get("ns", "")
        context.setdefault("ns", ns)
        context.setdefault("can_write", bool(ns) and probe.can_write(ns))
        html = env.get_template(template).render(request=request, csrf=security.token_of(request), **context)
        response = HTMLResponse(html, status_code=status)
        security.set_cookie(request, response)
        return response

    def index(request: Request) -> Response:
        names, next_token = backend.namespaces(engram, request.query_params.get("token", ""))
        return page(request, "namespaces.html", names=names, next_token=next_token, title="Namespaces")

    def namespace(request: Request) -> Response:
        ns = _required(request, "ns")
        return page(request, "namespace.html", ns=ns, view=backend.overview(engram, ns), cap=backend.COUNT_CAP,
                    title=ns)

    def records(request: Request) -> Response:
        ns = _required(request, "ns")
        q = request.query_params
        sort = q.get("sort", "id")
        result = backend.records(engram, ns, q.get("token", ""), _int(q.get("size"), 50, 1, 1000), sort,
                                 q.get("desc") == "1", q.get("q", ""))
        return page(request, "records.html", ns=ns, result=result, sort=sort, desc=q.get("desc") == "1",
                    filter=q.get("q", ""), size=_int(q.get("size"), 50, 1, 1000), token=q.get("token", ""),
                    columns=backend.SORTABLE, title=f"Records · {ns}")

    def record(request: Request) -> Response:
        ns, rid = _required(request, "ns"), _required(request, "id")
        try:
            detail = backend.record_detail(engram, ns, rid)
        except LookupError:
            return page(request, "error.html", status=404, ns=ns, title="Not found",
                        message=f"no record {rid!r} in namespace {ns!r}")
        return page(request, "record.html", ns=ns, detail=detail, rid=rid, done=request.query_params.get("done", ""),
                    title=f"Record {rid}")

    def confirm_delete(request: Request) -> Response:
        ns, rid = _required(request, "ns"), _required(request, "id")
        if not probe.can_write(ns):
            raise HTTPException(403, "this page's API key may only read this namespace")
        return page(request, "delete.html", ns=ns, rid=rid, title=f"Delete {rid}?")

    async def write(request: Request) -> Response:
        form = await request.form()
        problem = security.check(request, form)
        if problem:
            raise HTTPException(403, problem)
        ns, rid = str(form.get("ns", "")), str(form.get("id", ""))
        if not ns or not rid:
            raise HTTPException(400, "form fields 'ns' and 'id' are required")
        return await _run_write(request, ns, rid, form)

    async def _run_write(request: Request, ns: str, rid: str, form: Any) -> Response:
        from starlette.concurrency import run_in_threadpool

        if not await run_in_threadpool(probe.can_write, ns):
            raise HTTPException(403, "this page's API key may only read this namespace")
        if request.url.path == "/record/delete":
            reply = await run_in_threadpool(backend.delete_record, engram, ns, rid)
            done = f"deleted {rid!r}: {reply.removed_edge_count} edges removed" if reply.deleted else \
                f"nothing was stored for {rid!r}"
            return RedirectResponse(url("/records", ns=ns, done=done), status_code=303)
        outcome = str(form.get("outcome", ""))
        if outcome not in backend.OUTCOMES:
            raise HTTPException(400, f"outcome must be one of {', '.join(backend.OUTCOMES)}")
        reply = await run_in_threadpool(backend.report_outcome, engram, ns, [rid], outcome)
        result = reply.results[0]
        done = f"{outcome}: confidence now {result.confidence.confidence:.4f}"
        return RedirectResponse(url("/record", ns=ns, id=rid, done=done), status_code=303)

    def search(request: Request) -> Response:
        ns = _required(request, "ns")
        q = request.query_params
        text, ranking = q.get("q", ""), q.get("ranking", "RANKING_SIMILARITY")
        if ranking not in backend.RANKINGS:
            raise HTTPException(400, f"ranking must be one of {', '.join(backend.RANKINGS)}")
        filters = {}
        for line in q.get("filter", "").splitlines():
            if line.strip():
                key, sep, value = line.partition("=")
                if not sep:
                    raise HTTPException(400, f"filter line {line!r}: expected key=value")
                filters[key.strip()] = value.strip()
        top_k = _int(q.get("top_k"), 10, 1, 100)
        min_score = _float(q.get("min_score"))
        hits = backend.search(engram, ns, text, ranking, top_k, min_score, filters) if text else None
        return page(request, "search.html", ns=ns, text=text, ranking=ranking, top_k=top_k, hits=hits,
                    min_score=q.get("min_score", ""), filter=q.get("filter", ""), title=f"Search · {ns}")

    def graph(request: Request) -> Response:
        ns = _required(request, "ns")
        return page(request, "graph.html", ns=ns, rid=request.query_params.get("id", ""),
                    depth=_int(request.query_params.get("depth"), 2, 1, 4), title=f"Graph · {ns}")

    def graph_json(request: Request) -> Response:
        ns, rid = _required(request, "ns"), _required(request, "id")
        depth = _int(request.query_params.get("depth"), 2, 1, 4)
        return JSONResponse(backend.graph(engram, ns, rid, depth))

    def ledger(request: Request) -> Response:
        ns = _required(request, "ns")
        view = backend.ledger(engram, ns)
        # every hour and weekday drawn, those without errors at 0, so the shape over time shows
        slots = {"hour": [f"{h:02d}" for h in range(24)],
                 "weekday": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]}
        by = {}
        for name, groups in view.groups.items():
            means = {k: s.mean for k, s in groups}
            by[name] = charts.bars([(k, means.get(k, 0.0)) for k in slots.get(name, list(means))])
        histogram = charts.bars(charts.histogram(view.errors, 20), unit="count")
        return page(request, "ledger.html", ns=ns, view=view, by=by, histogram=histogram, cap=backend.COUNT_CAP,
                    title=f"Ledger · {ns}")

    def confidence(request: Request) -> Response:
        ns = _required(request, "ns")
        values, more = backend.confidences(engram, ns, confidence_sample)
        chart = charts.bars(charts.histogram(values, 20), unit="count")
        mean = sum(values) / len(values) if values else 0.0
        return page(request, "confidence.html", ns=ns, chart=chart, n=len(values), more=more, mean=mean,
                    title=f"Confidence · {ns}")

    def on_rpc_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, grpc.RpcError)
        return page(request, "error.html", status=HTTP_OF.get(exc.code(), 502), title="Engram error",
                    message=f"{exc.code().name}: {exc.details()}", can_write=False)

    def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return page(request, "error.html", status=exc.status_code, title="Error", message=exc.detail,
                    can_write=False)

    routes = [
        Route("/", index), Route("/namespace", namespace), Route("/records", records), Route("/record", record),
        Route("/record/delete", confirm_delete, methods=["GET"]),
        Route("/record/delete", write, methods=["POST"]), Route("/record/outcome", write, methods=["POST"]),
        Route("/search", search), Route("/graph", graph), Route("/graph.json", graph_json),
        Route("/ledger", ledger), Route("/confidence", confidence),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={grpc.RpcError: on_rpc_error, HTTPException: on_http_error})
    return _Timed(app)  # type: ignore[return-value]


class _Timed:
    """ASGI wrapper: adds `security.HEADERS` and ``Server-Timing: app;dur=<ms>`` (time from
    the request's arrival to the response's start, the server time the benchmark reads)."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def sending(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode().lower() not in security.HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in security.HEADERS.items()]
                headers.append((b"server-timing", f"app;dur={(time.perf_counter() - started) * 1000:.2f}".encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, sending)
