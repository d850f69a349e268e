"""`python -m bot org diff A.yaml B.yaml`: each topic that changes hands, with both resolutions' reasoning."""

import json

from tests.cli.running import run


def test_org_diff_prints_each_topic_that_changes_hands_with_both_reasonings(cli_env, tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("roles: {CEO: {}, CTO: {}, CPO: {}, COO: {}}\n", encoding="utf-8")
    b.write_text(
        "roles: {CEO: {}, CTO: {}, CPO: {}, COO: {}}\n"
        "overrides: [{topic: hosting costs, role: COO, reason: Finance pays the cloud bill here.}]\n",
        encoding="utf-8",
    )
    result = run(["org", "diff", str(a), str(b)], cli_env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{a} → {b}: 1 topic changes hands: 1 from the CTO to the COO."
    assert lines[2] == "hosting-costs: Hosting costs: CTO → COO"
    assert lines[3].startswith(f"  {a} (CTO): ")
    assert "Finance pays the cloud bill here." in " ".join(result.stdout.split())
    same = run(["org", "diff", str(a), str(a)], cli_env)
    assert same.stdout == f"{a} → {a}: No topic changes hands.\n"
    report = json.loads(run(["org", "diff", "--json", str(a), str(b)], cli_env).stdout)
    assert report["moves"][0]["after"][0] == "Here the COO owns hosting costs: Finance pays the cloud bill here."
    first = report["moves"][0]
    assert (first["id"], first["from"], first["to"]) == ("hosting-costs", "CTO", "COO")


def test_org_diff_names_a_bad_settings_file_by_line_and_field(cli_env, tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("roles: {CEO: {}}\n", encoding="utf-8")
    b.write_text("roles:\n  CEO: {}\n  CPTO: {covers: [CXO]}\n", encoding="utf-8")
    result = run(["org", "diff", str(a), str(b)], cli_env)
    assert result.returncode == 2 and "roles.CPTO.covers[0]: unknown role 'CXO'" in result.stderr
