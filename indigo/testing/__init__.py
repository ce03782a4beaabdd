"""Helpers shared by the test suites of several apps (imported only by tests)."""
