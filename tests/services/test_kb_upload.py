"""An uploaded knowledge file goes through `kb import`'s own checks; problems name the upload, not a temporary path."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from bot.core.yamlfile import InvalidFile
from bot.services.admin import NotAllowed
from bot.services.kb_files import export_data, to_yaml
from bot.services.kb_upload import MAX_UPLOAD_BYTES, import_upload, safe_name

TEAM = "T0UPLOAD1"


def allow(session: Session, knowledge: bool) -> None:
    return None


def refuse(session: Session, knowledge: bool) -> None:
    raise NotAllowed()


def exported(service, **org) -> bytes:
    data = export_data(service, team_id=TEAM, create=True)
    data["org"].update(org)
    return to_yaml(data).encode()


@pytest.mark.parametrize(
    ("uploaded", "shown"), [("../../etc/kb.yaml", "kb.yaml"), ("C:\\files\\kb.yml", "kb.yml"), ("", "upload.yaml")]
)
def test_an_uploads_name_is_never_a_path(uploaded, shown):
    assert safe_name(uploaded) == shown


def test_a_dry_run_says_what_moves_and_keeps_nothing_then_the_import_keeps_it(service):
    overrides = [{"topic": "hosting costs", "role": "COO", "reason": "Finance pays the cloud bill."}]
    content = exported(service, overrides=overrides)
    dry = import_upload(service, "kb.yaml", content, team_id=TEAM, by="U0ADMIN", permit=allow, dry_run=True)
    assert [(m.topic, m.to_role) for m in dry.moves] == [("hosting-costs", "COO")] and dry.audit_ids == ()
    assert service.org(TEAM).overrides == ()
    done = import_upload(service, "kb.yaml", content, team_id=TEAM, by="U0ADMIN", permit=allow, dry_run=False)
    assert len(done.audit_ids) == 1 and service.org(TEAM).overrides[0].role == "COO"


def test_problems_name_the_uploaded_file_and_its_line(service):
    content = exported(service).replace(b"fallback: CEO", b"fallback: CFOO")
    with pytest.raises(InvalidFile) as raised:
        import_upload(service, "ours.yaml", content, team_id=TEAM, by="U0ADMIN", permit=allow, dry_run=True)
    assert all(message.startswith("ours.yaml:") for message in raised.value.messages), raised.value.messages
    assert "whoowns-upload-" not in str(raised.value)


def test_a_refused_admin_check_changes_nothing(service):
    content = exported(service, overrides=[{"topic": "pricing", "role": "COO", "reason": "Sales ops sets prices."}])
    with pytest.raises(NotAllowed):
        import_upload(service, "kb.yaml", content, team_id=TEAM, by="U0MEMBER", permit=refuse, dry_run=False)
    assert service.org(TEAM).overrides == ()


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [("kb.txt", b"roles: {}", "kb.txt: not a YAML file"), ("kb.yaml", b"#" * (MAX_UPLOAD_BYTES + 1), "larger than")],
)
def test_a_file_that_is_not_yaml_or_too_large_is_refused_before_reading_it(service, name, content, problem):
    with pytest.raises(InvalidFile, match=problem):
        import_upload(service, name, content, team_id=TEAM, by="U0ADMIN", permit=allow, dry_run=True)
