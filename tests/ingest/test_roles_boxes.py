"""The boxes after and around the story: comment forms, related-story labels, appeals.

Shapes seen across blind batches 8-21 (login-gated comment sections followed by the
site's chrome, related-story headings in every language, appeal boxes); the pages
here are written for the repository.
"""

from __future__ import annotations

import pytest

from tests.ingest.page_roles import roles_by_text

STORY = (
    "Harbour crane collapses in Gdansk\n\n"
    "A container crane collapsed at the port of Gdansk on Tuesday, injuring two workers.\n"
    "The port authority said the crane had been inspected in October and found safe.\n"
    "Investigators from the labour inspectorate arrived at the terminal in the afternoon.\n"
    "Operations at the terminal are expected to resume on Thursday, the operator said.\n\n"
)


def test_a_comment_section_showing_only_its_login_gate_ends_with_it() -> None:
    """No post below the form: the newsletter box and the story list after it are chrome."""
    text = STORY + (
        "Comments (0)\n"
        "You must be logged in to post a comment.\n"
        "Log in\n"
        "Newsletter: the week's port and shipping news in your inbox  Sign up\n"
        "Ferry operator orders two new ships for the Baltic route\n"
    )
    roles = roles_by_text(text)
    assert roles["Comments (0)"] == "comment_form"
    assert roles["You must be logged in to post a comment."] == "comment_form"
    assert roles["Log in"] == "comment_form"
    assert roles["Ferry operator orders two new ships for the Baltic route"] != "comment_form"
    assert all(r != "comment_form" for t, r in roles.items() if t.startswith("Newsletter"))


def test_a_comment_section_with_timed_posts_runs_on_over_them() -> None:
    text = STORY + (
        "Comments (2)\n"
        "Log in to comment.\n"
        "harbour_watcher\n"
        "Tuesday 14:02\n"
        "This is the third accident at that terminal in two years.\n"
        "Marta K.\n"
        "Tuesday 15:40\n"
        "Hoping the two workers recover quickly.\n"
    )
    roles = roles_by_text(text)
    assert roles["This is the third accident at that terminal in two years."] == "comment_form"
    assert roles["Hoping the two workers recover quickly."] == "comment_form"


@pytest.mark.parametrize(
    ("label", "lang"),
    [
        ("Новини на тему", "uk"),
        ("Вам також може бути цікаво:", "uk"),
        ("Связанные материалы", "ru"),
        ("Новости на тему", "ru"),
        ("Explore further", "en"),
        ("Das könnte dich auch interessieren:", "de"),
        ("Lire également", "fr"),
    ],
)
def test_a_related_stories_heading_is_link_residue(label: str, lang: str) -> None:
    from workbench.core.roles import _rule_role

    assert _rule_role(label) == "link_residue"
