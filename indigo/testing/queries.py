"""A page's database queries, so that tests can say they do not grow with its rows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def page_queries(client, url: str, **headers) -> int:
    """The number of queries answering GET `url` (which must answer 200)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(captured.captured_queries)


# What recording a page in the processing log costs, whatever the number of people on it:
# lock, advance and insert for the who (AccessTrace) and for the lines (one bulk insert).
PROCESSING_LOG_QUERIES = 6
