"""Observability: request ids and structured logs (`logs`), Prometheus metrics (`metrics`),
and the gRPC server interceptor that ties them to every call (`interceptor`)."""
