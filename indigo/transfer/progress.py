"""A progress bar on the terminal for long exports and imports (nothing when quiet)."""

import sys


class Progress:
    WIDTH = 30

    def __init__(self, label: str, *, total: int, stream=None):
        self.label, self.total, self.done_count = label, max(total, 0), 0
        self.stream = stream if stream is not None else sys.stderr
        self._shown = -1

    def step(self, n: int = 1) -> None:
        self.done_count += n
        percent = 100 if not self.total else min(100, self.done_count * 100 // self.total)
        if percent != self._shown:
            self._shown = percent
            filled = self.WIDTH * percent // 100
            bar = "#" * filled + "." * (self.WIDTH - filled)
            self.stream.write(
                f"\r{self.label}: [{bar}] {percent:3d}% {self.done_count}/{self.total}"
            )
            self.stream.flush()

    def done(self) -> None:
        if self.total == 0:
            self.step(0)
        self.stream.write("\n")
        self.stream.flush()


class Null:
    """A stream that shows nothing (--quiet)."""

    def write(self, text):
        pass

    def flush(self):
        pass
