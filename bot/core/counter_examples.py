"""Messages that are not about who owns an area of work: the semantic matcher's counter-examples.

An embedding model finds *something* close to any workplace message: "who has the key to the supply
closet?" lands near office and facilities, "how many vacation days do I have left?" near HR policies.
`knowledge/not_about_ownership.yaml` lists a few hundred such messages (personal admin, IT help, office
logistics, social plans, where-to-find, small talk, trivia), written without seeing any question set. A
question closer to one of them than to every topic is not one the semantic matcher answers
(`bot/core/semantic.py`), nor, when it asks no "who", the lexical matcher: "the q3 budget deck looks
great" names an alias and asks nothing (`uncountered` in `bot/core/answer.py`). They are data the
product ships, like the model, not knowledge an admin edits.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from bot.core.models import Example, Strict
from bot.core.problems import InvalidInput, from_validation_error
from bot.core.yamlfile import located, read_yaml

FILE = "not_about_ownership.yaml"


class CounterExamples(Strict):
    not_about_ownership: tuple[Example, ...]


def load_counter_examples(knowledge_dir: Path) -> tuple[str, ...]:
    """The messages in `knowledge_dir`'s counter-example file; none when the folder has no such file."""
    path = knowledge_dir / FILE
    if not path.is_file():
        return ()
    document = read_yaml(path)
    try:
        return CounterExamples.model_validate(document.data).not_about_ownership
    except ValidationError as error:
        raise located(InvalidInput(from_validation_error(error)), document) from None
