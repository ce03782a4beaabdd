"""gunicorn for Indigo's web processes (docs/deployment.md).

Everything comes from the environment, so one file serves a laptop and a cluster.
The processes are stateless: run as many as the load needs, on as many machines,
behind any load balancer; sessions live in the database, documents in the dossier's
storage, work in the database's queues.
"""

import multiprocessing
import os

wsgi_app = "indigo.wsgi:application"
bind = os.environ.get("INDIGO_BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("INDIGO_WEB_PROCESSES", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("INDIGO_WEB_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"
# A request that takes longer than this is a bug; the letter and partner calls are
# the worker's job, not the web's.
timeout = int(os.environ.get("INDIGO_WEB_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle a process now and then, so slow memory growth cannot add up.
max_requests = int(os.environ.get("INDIGO_WEB_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
# Load the application once, before forking: less memory per process.
preload_app = True
accesslog = "-"
errorlog = "-"
# Who asked what, without the query string (it may hold search terms).
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
# Behind a TLS-terminating proxy, trust its X-Forwarded-* headers only from it.
forwarded_allow_ips = os.environ.get("INDIGO_TRUSTED_PROXIES", "127.0.0.1")
