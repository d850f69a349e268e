"""An import that lacks entries keeps them, and with them every role and source they name."""

from bot.core.knowledge_files import load_knowledge
from bot.core.models import Citation, Source, Specialist
from bot.services.admin import Admin  # noqa: F401  (the package first, as every entry point loads it: it imports kb_replace)
from bot.services.kb_replace import keeping_the_rest
from tests.conftest import KNOWLEDGE_DIR


def test_an_entry_a_file_lacks_keeps_the_role_and_source_its_specialist_names():
    kb = load_knowledge(KNOWLEDGE_DIR)
    handbook = Source(id="marketing-handbook", title="Marketing handbook", url="https://example.com/handbook")
    specialist = Specialist(
        role="CDO", reasoning="Data teams study the market.", citation=Citation(source=handbook.id, quote="q")
    )
    cdo = kb.role("CMO").model_copy(update={"id": "CDO", "name": "Chief Data Officer", "usual_cover": None})
    item = next(r for r in kb.responsibilities if r.id == "market-research").model_copy(
        update={"specialist": specialist}
    )
    old = kb.model_copy(
        update={
            "roles": (*kb.roles, cdo),
            "sources": (*kb.sources, handbook),
            "responsibilities": tuple(item if r.id == item.id else r for r in kb.responsibilities),
        }
    )
    lacking = kb.model_copy(update={"responsibilities": tuple(r for r in kb.responsibilities if r.id != item.id)})
    merged = keeping_the_rest(old, lacking, retire_missing=True)
    kept = next(r for r in merged.responsibilities if r.id == item.id)
    assert kept.retired and kept.specialist == specialist
    assert "CDO" in {r.id for r in merged.roles} and handbook in merged.sources
