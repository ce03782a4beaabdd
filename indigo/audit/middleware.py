from indigo.audit.tracing import trace_start


class TraceMiddleware:
    """Every request runs in a trace; its id is sent back as `traceparent`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with trace_start(operation="", traceparent=request.headers.get("traceparent")) as trace:
            request.trace = trace
            response = self.get_response(request)
        response.headers.setdefault("traceparent", trace.traceparent)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        request.trace.operation = (match.view_name if match else "") or request.path[:120]
