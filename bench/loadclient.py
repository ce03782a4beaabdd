"""A small HTTP load client: C processes, each one keep-alive connection, for S seconds.

Processes rather than threads, so that the client's own Python does not serialise on
one core; each records the latency of every request. Used by `bench_http.py`.
"""

import http.client
import multiprocessing
import statistics
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    body: bytes | None = None
    headers: tuple[tuple[str, str], ...] = ()
    # Called per request to vary the body (e.g. a new applicant each time); picklable.
    vary: str | None = None


@dataclass(frozen=True)
class Result:
    requests: int
    seconds: float
    errors: int
    p50_ms: float
    p95_ms: float
    statuses: dict

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def _body(request: Request, n: int, worker: int) -> bytes | None:
    if request.vary and request.body:
        return request.body.replace(request.vary.encode(), f"{worker}x{n}".encode())
    return request.body


def _worker(port: int, request: Request, seconds: float, worker: int, out) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    latencies, statuses, n = [], {}, 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        n += 1
        began = time.perf_counter()
        try:
            connection.request(
                request.method, request.path, _body(request, n, worker), dict(request.headers)
            )
            response = connection.getresponse()
            response.read()
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        except (ConnectionError, http.client.HTTPException, TimeoutError):
            connection.close()
            status = 0
        latencies.append(time.perf_counter() - began)
        statuses[status] = statuses.get(status, 0) + 1
    out.put((latencies, statuses))


def load(port: int, request: Request, *, clients: int, seconds: float) -> Result:
    out = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(target=_worker, args=(port, request, seconds, i, out))
        for i in range(clients)
    ]
    began = time.perf_counter()
    for w in workers:
        w.start()
    latencies, statuses = [], {}
    for _ in workers:
        part, counts = out.get()
        latencies.extend(part)
        for status, count in counts.items():
            statuses[status] = statuses.get(status, 0) + count
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - began
    ok = sum(c for s, c in statuses.items() if 200 <= s < 300)
    cuts = statistics.quantiles(latencies, n=20) if len(latencies) > 1 else [0] * 19
    return Result(
        requests=ok,
        seconds=elapsed,
        errors=len(latencies) - ok,
        p50_ms=statistics.median(latencies) * 1000 if latencies else 0.0,
        p95_ms=cuts[18] * 1000,
        statuses=statuses,
    )
