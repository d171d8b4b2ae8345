"""``engram ui``: a web page to look inside an Engram server (namespaces, records, search,
the graph, the ledger, confidence), as a client of its public gRPC API.

Modules: `cli` (flags, serving), `backend` (the gRPC calls each page makes), `charts`
(server-side SVG geometry), `security` (CSRF, response headers), `app` (the Starlette routes).
"""
