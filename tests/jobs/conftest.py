"""The MT fixtures (stored versions with language labels) for the jobs tests."""

from tests.mt.conftest import add_version  # noqa: F401
