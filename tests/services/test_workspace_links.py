from bot.services.workspace_links import WorkspaceLinks


def test_a_token_opens_only_the_workspace_it_was_made_for():
    links = WorkspaceLinks("a-server-secret-0123")
    token = links.token("T0ACME")
    assert token.startswith("T0ACME.")
    assert links.team_of(token) == "T0ACME"
    assert links.team_of(token.replace("T0ACME", "T0EVIL")) is None
    assert links.team_of("T0ACME") is None


def test_another_servers_secret_makes_tokens_this_one_refuses():
    assert WorkspaceLinks("a-server-secret-0123").team_of(WorkspaceLinks("another-secret-4567").token("T0ACME")) is None


def test_without_a_secret_no_workspace_link_is_made_or_accepted():
    links = WorkspaceLinks(None)
    assert links.token("T0ACME") is None
    assert links.team_of("T0ACME." + "0" * 24) is None
