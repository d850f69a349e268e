"""Import and export on SQLite and PostgreSQL: round trips, audit entries, and bad files that change nothing."""

import pytest
import yaml

from bot.core.yamlfile import InvalidFile
from bot.services.kb_files import export_data, import_file, to_yaml
from bot.store.tables import AuditRow
from bot.wiring import build_admin
from tests.helpers import save_org
from tests.services.admin.conftest import TEAM, WORKSPACE_ADMIN, everything, new_draft


def write(tmp_path, data, name="kb.yaml"):
    path = tmp_path / name
    path.write_text(to_yaml(data) if isinstance(data, dict) else data, encoding="utf-8")
    return path


def test_export_import_export_is_byte_identical_with_settings_and_admin_edits(service, tmp_path):
    admin = build_admin(service)
    admin.responsibilities.create(WORKSPACE_ADMIN, new_draft(source_title="Office handbook", source_url=None))
    admin.org.add_override(WORKSPACE_ADMIN, topic="pricing", role="COO", reason="Sales sets prices here.")
    first = everything(service)
    imported = import_file(service, write(tmp_path, first), team_id=TEAM, by="cli:alice")
    assert imported.audit_ids == ()  # the file held exactly what was stored
    assert everything(service) == first


def test_export_of_a_workspace_without_settings_round_trips_too(service, tmp_path):
    first = to_yaml(export_data(service, team_id="T0NEW", create=True))
    import_file(service, write(tmp_path, first), team_id="T0NEW", by="cli:alice", create=True)
    assert to_yaml(export_data(service, team_id="T0NEW")) == first


def test_an_import_is_recorded_and_can_be_undone(service, tmp_path):
    data = export_data(service, team_id=None)
    next(r for r in data["responsibilities"] if r["id"] == "hosting-costs")["owner"] = "CEO"
    imported = import_file(service, write(tmp_path, data), team_id=None, by="cli:alice", force=True)
    assert service.ask("who owns hosting costs?").role == "CEO"
    with service.db.transaction() as session:
        entry = session.get(AuditRow, imported.audit_ids[0])
        assert (entry.actor, entry.action, entry.entity_type) == ("cli:alice", "kb.import", "knowledge_base")
    admin = build_admin(service)
    entries = len(service.engine().kb.responsibilities)
    assert (
        admin.history.latest(WORKSPACE_ADMIN)[0].summary == f"imported the knowledge base: {entries} entries, 1 changed"
    )
    admin.history.revert(WORKSPACE_ADMIN, imported.audit_ids[0])
    assert service.ask("who owns hosting costs?").role == "CTO"


def test_a_broken_file_names_file_line_and_field_and_leaves_the_database_as_it_was(service, tmp_path):
    before = everything(service)
    text = before.replace("owner: CPO", "owner: CXO", 1).replace("fallback: CEO", "fallback: CFO")
    path = write(tmp_path, text)
    with pytest.raises(InvalidFile) as refused:
        import_file(service, path, team_id=TEAM, by="cli:alice", create=True)
    owner_line = text.splitlines().index("  owner: CXO") + 1
    assert f"{path}:{owner_line}: responsibilities[" in str(refused.value)
    assert ".owner: unknown role 'CXO'" in str(refused.value)
    assert everything(service) == before


def test_a_file_that_would_break_a_workspaces_override_is_refused(service, tmp_path):
    overrides = [{"topic": "pricing", "role": "COO"}]
    save_org(service, "T0ACME", {"roles": {"CEO": {}, "COO": {}}, "overrides": overrides}, by=None)
    data = export_data(service, team_id=None)
    data["responsibilities"] = [r for r in data["responsibilities"] if r["id"] != "pricing"]
    before = everything(service)
    path = write(tmp_path, data)
    with pytest.raises(InvalidFile, match=r"kb\.yaml: workspace T0ACME's settings: the override “pricing” → COO"):
        import_file(service, path, team_id=None, by="cli:alice", retire_missing=True)
    assert everything(service) == before


def test_entries_a_file_lacks_stay_as_they_are_unless_asked_to_retire_them(service, tmp_path):
    build_admin(service).responsibilities.create(WORKSPACE_ADMIN, new_draft(source_title="Handbook", source_url=None))
    shipped = export_data(service, team_id=None)
    shipped["responsibilities"] = [r for r in shipped["responsibilities"] if r["id"] != "office-coffee-machine"]
    shipped["sources"] = [s for s in shipped["sources"] if s["id"] != "handbook"]
    kept = import_file(service, write(tmp_path, shipped), team_id=None, by="cli:alice")
    assert [r.id for r in kept.changes.kept] == ["office-coffee-machine"] and kept.audit_ids == ()
    assert service.ask("who owns the office coffee machine?").known
    import_file(service, write(tmp_path, shipped), team_id=None, by="cli:alice", retire_missing=True)
    stored = yaml.safe_load(everything(service))
    kept = next(r for r in stored["responsibilities"] if r["id"] == "office-coffee-machine")
    assert kept["retired"] is True and any(s["id"] == "handbook" for s in stored["sources"])
    assert not service.ask("who owns the office coffee machine?").known


@pytest.mark.parametrize(
    ("field", "line_text"), [("org.name", "  name: Acme"), ("roles[0].name", "  name: Chief Executive Officer")]
)
def test_a_value_longer_than_its_column_is_refused_before_writing_on_every_database(
    service, tmp_path, field, line_text
):
    save_org(service, TEAM, {"name": "Acme", "roles": {"CEO": {}, "CTO": {}, "CPO": {}, "COO": {}}}, by=None)
    before = everything(service)
    lines = before.splitlines()
    line = lines.index(line_text) + 1
    lines[line - 1] = "  name: " + "x" * 201
    path = write(tmp_path, "\n".join(lines) + "\n")
    with pytest.raises(InvalidFile) as refused:
        import_file(service, path, team_id=TEAM, by="cli:alice")
    assert str(refused.value) == f"{path}:{line}: {field}: String should have at most 200 characters"
    assert everything(service) == before
