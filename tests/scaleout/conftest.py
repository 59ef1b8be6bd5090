"""The scale-out tests speak HTTP to a running production stack: `make test-scaleout` starts one
(`scripts/prod-stack.sh run`), which sets SCALEOUT_BASE and the other SCALEOUT_* variables. Without them
(the plain `pytest` run) nothing in this directory is collected."""

import os

import pytest

collect_ignore_glob = [] if os.environ.get("SCALEOUT_BASE") else ["test_*.py"]

MEASUREMENTS = []


@pytest.fixture(scope="session")
def measurements():
    """Lines for the summary at the end of the run (times measured against the stack)."""
    return MEASUREMENTS


def pytest_terminal_summary(terminalreporter):
    if MEASUREMENTS:
        terminalreporter.section("scale-out measurements")
        for line in MEASUREMENTS:
            terminalreporter.write_line(line)
