"""axe-core on a page in the browser, refusing to check a page that did not load.

An error page (403, 404, 500) has few accessibility problems of its own: checking it
instead of the page meant would pass for the wrong reason. So every check first
asserts the status of the last page the browser loaded.
"""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, Response

SERIOUS = {"serious", "critical"}


class AxeAudit:
    """Runs axe on each page visited; `found` keeps the findings per page name."""

    def __init__(self, page: Page, *, impacts: set[str] | None = None):
        self.page = page
        self.impacts = impacts  # None: every finding counts
        self.found: dict[str, str] = {}
        self.pages: list[str] = []
        self.status: int | None = None
        page.on("response", self._seen)

    def _seen(self, response: Response) -> None:
        if response.request.is_navigation_request() and response.frame == self.page.main_frame:
            self.status = response.status

    def visit(self, url: str, *, name: str | None = None) -> str:
        self.page.goto(url)
        return self.check(name or url)

    def check(self, name: str, *, status: int = 200) -> str:
        """Check the page now shown (after a click or a `visit`); returns the report of
        what counts ("" when nothing does)."""
        assert self.status == status, (
            f"{name}: {self.page.url} answered {self.status}, not {status}; "
            "axe would check the wrong page"
        )
        results = Axe().run(self.page)
        self.pages.append(name)
        violations = [
            v
            for v in results.response["violations"]
            if self.impacts is None or v["impact"] in self.impacts
        ]
        report = results.generate_report() if violations else ""
        if report:
            self.found[name] = report
        return report
