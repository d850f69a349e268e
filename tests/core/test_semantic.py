"""The semantic matcher: one confidence scale with the lexical matcher, a content-keyed on-disk cache of
entry vectors, and a model that is only loaded by a question that needs it."""

import os
import threading

import numpy as np
import pytest

from bot.core.answer import Engine
from bot.core.decision import ANSWER_THRESHOLD
from bot.core.matcher import Matcher, asks_who, job_line
from bot.core.models import Citation, Responsibility
from bot.core.role_language import RoleLanguage
from bot.core.semantic import (
    COUNTER_CAP,
    ENTRY_FRAME,
    MAX_ENCODED_CHARS,
    MAX_ENCODED_WORDS,
    SEMANTIC_THRESHOLD,
    SUPPORT_SHARE,
    Embeddings,
    SemanticMatcher,
    asking_part,
    calibrated,
    encoded_text,
    matter_asked_about,
    read_of,
    scene_first,
    without_titles,
)
from tests.e2e.waiting import DEADLINE


@pytest.mark.parametrize(
    ("sentence", "read"),
    [
        (  # the scene first, then the question: the 24 words that end with it
            "we hired forty people this quarter, opened offices in two new countries and merged three support "
            "teams, and nothing we do is written down. who designs the ways of working we need as we grow?",
            "countries and merged three support teams, and nothing we do is written down. who designs the ways "
            "of working we need as we grow?",
        ),
        (  # a short question after the scene: the scene's last words come with it
            "a contractor whose access we forgot to remove in march may have downloaded the customer list to a "
            "personal laptop over the weekend. who handles that? cheers",
            "whose access we forgot to remove in march may have downloaded the customer list to a personal "
            "laptop over the weekend. who handles that?",
        ),
        (  # the asking words come early: read from the start, as any question is
            "who owns the roadmap for the new mobile app we are planning to launch in the spring next year?",
            "who owns the roadmap for the new mobile app we are planning to launch in the spring next year?",
        ),
        ("our app keeps crashing, who makes sure it stays up?", "our app keeps crashing, who makes sure it stays up?"),
    ],
)
def test_a_long_question_is_read_where_it_asks(sentence, read):
    assert asking_part(sentence) == read


def test_the_asking_part_is_encoded_to_its_last_word():
    sentence = (
        "our quarterly reconciliation between the finance and operations departments keeps failing because of "
        "incompatible spreadsheets. who decides which organisational responsibilities get consolidated or discontinued?"
    )
    assert len(" ".join(sentence.split()[-MAX_ENCODED_WORDS:])) > MAX_ENCODED_CHARS  # its words are too long
    assert encoded_text(asking_part(sentence)).endswith(
        "who decides which organisational responsibilities get consolidated or discontinued?"
    )


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("which exec owns the crm setup", "who owns the crm setup"),
        ("which c-level signs off on the travel policy?", "who signs off on the travel policy?"),
        ("who on the leadership team decides on the office lease?", "who decides on the office lease?"),
        ("at exec level, who owns the customer onboarding experience?", "who owns the customer onboarding experience?"),
    ],
)
def test_asking_for_an_executive_is_read_as_asking_who(engine, question, read):
    """ "Which exec" and "who on the leadership team" ask for a role: read as they are, they make the
    question seem to be about the leadership team itself."""
    assert read_of(engine.matcher.parse(question)) == (read, True)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("who replaces our ceo when she retires?", "who replaces our leader when she retires?"),
        ("is it the cfo's call or the coo's?", "is it the leader's call or the leader's?"),
        ("both ceos signed", "both leaders signed"),
        ("our chief revenue officer and general counsel disagree", "our leader and leader disagree"),
        ("a crowd of cooks at the cfo-led offsite", "a crowd of cooks at the leader-led offsite"),
    ],
)
def test_an_executives_title_is_read_as_leader(text, read):
    assert without_titles(text) == read


def test_a_statements_subject_keeps_its_title():
    """Who does the work, named first, is what `named` reads; a title in passing is not."""
    statement = "the cfo approves budgets, works with the ceo on cash and reports to the coo"
    assert without_titles(statement, keep_subject=True) == (
        "the cfo approves budgets, works with the leader on cash and reports to the leader"
    )
    assert without_titles(statement).startswith("the leader approves")


def test_a_question_is_compared_without_the_titles_it_names(engine):
    assert read_of(engine.matcher.parse("who briefs the CEO on warehouse output?")) == (
        "who briefs the leader on warehouse output?",
        True,
    )
    assert read_of(engine.matcher.parse("warehouse output reports for the coo")) == (
        "warehouse output reports for the leader",
        False,
    )


def test_a_short_asking_sentence_that_refers_back_is_read_after_the_scene_it_refers_to(engine):
    sentence = (
        "someone has to write up what got decided at yesterday's directors' meeting and sort out the room "
        "and dial-in for the next one. which exec usually handles that?"
    )
    read = scene_first(sentence)  # the scene's first words, as many as fit, then the asking sentence whole
    assert read == (
        "someone has to write up what got decided at yesterday's directors' meeting and sort out the room and "
        "dial-in which exec usually handles that?"
    )
    assert len(read.split()) <= MAX_ENCODED_WORDS and len(read) <= MAX_ENCODED_CHARS and encoded_text(read) == read
    assert read_of(engine.matcher.parse(sentence)) == (read.replace("which exec", "who"), True)
    assert not encoded_text(asking_part(sentence)).endswith("handles that?")  # read as asked: the scene alone
    for other in (
        "who owns the board minutes?",  # one sentence
        "the board met yesterday. who writes up the minutes and sorts out the room for next time?",  # says what
        "the board met yesterday and nobody wrote anything down. who, in a company like ours, usually ends up "
        "having to deal with that?",  # asks at length: read as asked
        "the board met yesterday. can you summarise that?",  # asks no one
    ):
        assert scene_first(other) is None


def test_calibration_puts_the_semantic_threshold_on_the_answer_threshold():
    assert float(calibrated(SEMANTIC_THRESHOLD)) == pytest.approx(ANSWER_THRESHOLD)
    assert float(calibrated(1.0)) == pytest.approx(1.0)
    assert float(calibrated(0.0)) == 0.0 and float(calibrated(-0.3)) == 0.0
    grid = calibrated(np.linspace(-1, 1, 201))
    assert np.all(np.diff(grid) >= 0) and grid.min() >= 0 and grid.max() <= 1


def entry(identifier: str, title: str, *aliases: str) -> Responsibility:
    return Responsibility(
        id=identifier,
        title=title,
        owner="CTO",
        aliases=aliases,
        reasoning="For the test.",
        citation=Citation(source="any", quote="any"),
    )


def framed(*phrases: str) -> list[str]:
    """Entry phrases as the encoder reads them: each in its frame, then each bare."""
    return [ENTRY_FRAME.format(phrase) for phrase in phrases] + list(phrases)


class CountingEmbeddings(Embeddings):
    """The real encoder and cache, counting the texts the encoder is run on."""

    def __init__(self, shared: Embeddings, cache_dir, *, counter_examples: bool = False):
        super().__init__(shared.model_dir, cache_dir, shared.counter_examples if counter_examples else tuple)
        self._encoder = shared.encoder()
        self.encoded: list[str] = []
        self.runs: list[list[str]] = []  # what each run of the encoder read

    def encoder(self):
        encoder = super().encoder()
        counting = self

        class Counting:
            fingerprint = encoder.fingerprint
            dimensions = encoder.dimensions

            def encode(self, texts):
                counting.encoded.extend(texts)
                counting.runs.append(list(texts))
                return encoder.encode(texts)

        return Counting()


def test_a_topic_with_several_phrases_near_the_question_is_surer_than_one_with_a_single_phrase(embeddings):
    lone = entry("lone", "Hosting costs")
    backed = entry("backed", "Hosting costs", "hosting bills", "cloud hosting costs")
    first, second = SemanticMatcher([lone, backed], embeddings).match("hosting costs", limit=2, framed=False)
    # both name the question word for word; only one has other phrases close to it
    assert (first.responsibility_id, second.responsibility_id) == ("backed", "lone")
    assert second.score == pytest.approx(1 - SUPPORT_SHARE, abs=0.002)  # the gap to nothing: a tenth off
    assert 1 - SUPPORT_SHARE < first.score < 1


def test_entry_vectors_are_read_back_from_the_cache_until_an_entry_changes(embeddings, tmp_path):
    items = [entry("hosting", "Hosting costs", "cloud bill"), entry("hiring", "Hiring engineers")]
    first = CountingEmbeddings(embeddings, tmp_path)
    found = SemanticMatcher(items, first).match("servers are too expensive", limit=2)
    assert found[0].responsibility_id == "hosting"
    assert first.encoded == [*framed("Hosting costs", "cloud bill", "Hiring engineers"), "servers are too expensive"]

    another_process = CountingEmbeddings(embeddings, tmp_path)
    again = SemanticMatcher(items, another_process).match("servers are too expensive", limit=2)
    assert another_process.encoded == ["servers are too expensive"]  # entries read back, not encoded again
    assert again == found

    changed = [items[0], entry("hiring", "Recruiting engineers")]
    edited = CountingEmbeddings(embeddings, tmp_path)
    SemanticMatcher(changed, edited).match("servers are too expensive")
    assert framed("Recruiting engineers")[0] in edited.encoded
    assert len(list(tmp_path.glob("*.npy"))) == 2 and not list(tmp_path.glob("*.tmp*"))


def test_the_roles_language_is_fitted_once_and_read_back_by_a_new_process(embeddings, tmp_path, monkeypatch):
    items = [
        entry("hosting", "Hosting costs", "cloud bill", "server spend"),
        entry("hiring", "Hiring engineers", "recruiting", "interview loops").model_copy(update={"owner": "CHRO"}),
    ]
    query = Matcher(items).parse("who pays for the servers?")
    fitted = SemanticMatcher(items, CountingEmbeddings(embeddings, tmp_path)).role_scores(query)
    assert set(fitted) == {"CTO", "CHRO"} and fitted["CTO"] > fitted["CHRO"]

    def refit(*_args):
        raise AssertionError("fitted again")

    monkeypatch.setattr(RoleLanguage, "fit", refit)
    another_process = SemanticMatcher(items, CountingEmbeddings(embeddings, tmp_path))
    assert another_process.role_scores(query) == fitted
    recruiter = items[1].model_copy(update={"aliases": ("recruiting", "interview loops", "sourcing candidates")})
    with pytest.raises(AssertionError, match="fitted again"):  # another phrase: another fit
        SemanticMatcher([items[0], recruiter], CountingEmbeddings(embeddings, tmp_path)).role_scores(query)


def test_a_damaged_cache_file_is_computed_again(embeddings, tmp_path):
    items = [entry("hosting", "Hosting costs")]
    SemanticMatcher(items, CountingEmbeddings(embeddings, tmp_path)).match("cloud")
    (cached,) = tmp_path.glob("*.npy")
    cached.write_bytes(b"not an array")
    recount = CountingEmbeddings(embeddings, tmp_path)
    assert SemanticMatcher(items, recount).match("cloud")[0].responsibility_id == "hosting"
    assert recount.encoded == [*framed("Hosting costs"), "cloud"]


def test_an_unwritable_cache_still_answers(embeddings, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would be")
    matcher = SemanticMatcher([entry("hosting", "Hosting costs")], CountingEmbeddings(embeddings, blocked / "cache"))
    assert matcher.match("cloud")[0].responsibility_id == "hosting"


def test_the_model_is_loaded_only_by_a_question_the_lexical_matcher_is_unsure_of(kb, embeddings):
    lazy = Embeddings(cache_dir=embeddings.cache_dir)  # entry vectors read back, as a new process does
    engine = Engine(kb, lazy)
    assert engine.answer("who owns hosting costs?").matched_by == "lexical"
    assert engine.answer("who handles pricng?").role == "CPO"
    assert not lazy.loaded
    engine.answer("who grows the engineering org?")
    assert lazy.loaded


def test_after_an_edit_a_running_process_encodes_only_the_changed_text(embeddings, tmp_path):
    process = CountingEmbeddings(embeddings, tmp_path)
    SemanticMatcher([entry("hosting", "Hosting costs", "cloud bill")], process).match("servers")
    SemanticMatcher([entry("hosting", "Hosting costs", "cloud bill", "AWS invoice")], process).match("servers")
    # the question is encoded once, the new alias framed and bare
    assert process.encoded == [*framed("Hosting costs", "cloud bill"), "servers", *framed("AWS invoice")]


def test_a_match_names_the_phrase_that_matched_not_its_frame(embeddings, tmp_path):
    matcher = SemanticMatcher([entry("hosting", "Hosting costs", "AWS bill")], CountingEmbeddings(embeddings, tmp_path))
    assert matcher.match("who pays the amazon web services invoice?")[0].matched in ("Hosting costs", "AWS bill")


def test_a_question_put_like_an_entrys_example_finds_it_and_names_its_title(embeddings, tmp_path):
    example = "our builds take forever and people sit idle waiting, who can speed them up?"
    bare = entry("ci", "Developer productivity", "developer tools")
    with_example = bare.model_copy(update={"examples": (example,)})
    question = "the build pipeline is so slow that engineers wait around all day, who fixes that?"
    process = CountingEmbeddings(embeddings, tmp_path)
    found = SemanticMatcher([with_example, entry("events", "Events", "conferences")], process).match(question)
    assert example in process.encoded and ENTRY_FRAME.format(example) not in process.encoded  # as written
    assert (found[0].responsibility_id, found[0].matched) == ("ci", "Developer productivity")  # never the example
    without = SemanticMatcher([bare, entry("events", "Events", "conferences")], process).match(question)
    assert found[0].score > without[0].score + 0.1


def countered_by(embeddings: Embeddings, tmp_path, *messages: str) -> Embeddings:
    """The session's encoder, with `messages` as the counter-examples (messages not about ownership)."""
    countered = Embeddings(embeddings.model_dir, tmp_path, lambda: messages)
    countered._encoder = embeddings.encoder()
    return countered


def test_a_question_nearer_a_counter_example_than_every_topic_is_never_answered_by_meaning(embeddings, tmp_path):
    items = [entry("facilities", "Office and facilities", "office space", "office lease", "office keys")]
    question = "who has the spare office key?"  # one person's key, not who owns the office
    plain = countered_by(embeddings, tmp_path)  # no counter-examples
    [nearest] = SemanticMatcher(items, plain).match(question)  # something is always nearest
    countered = countered_by(embeddings, tmp_path, "who has the spare key to the bike room?", "hi")
    [offered] = SemanticMatcher(items, countered).match(question)  # still a topic to offer, never an answer
    assert nearest.score >= ANSWER_THRESHOLD > offered.score == COUNTER_CAP
    assert (
        SemanticMatcher(items, countered).match("who negotiates the office lease?")[0].responsibility_id == "facilities"
    )


def test_a_question_asking_who_decides_is_not_checked_against_counter_examples(embeddings, tmp_path):
    items = [entry("roadmap", "Product roadmap", "roadmap", "roadmap priorities")]
    question = "who decides what goes on the q2 roadmap?"
    near = "where did the q2 roadmap spreadsheet go"  # shares the words, asks nothing about a decision
    matcher = SemanticMatcher(items, countered_by(embeddings, tmp_path, near))
    assert matcher.match(question)[0].score == COUNTER_CAP  # as close to the counter-example as to the topic
    query = Matcher(items).parse(question)
    assert query.asks_decider
    assert matcher.match_question(query)[0].score >= ANSWER_THRESHOLD


def test_a_line_of_a_job_description_is_not_checked_against_counter_examples(embeddings, tmp_path):
    items = [entry("vendor-security", "Vendor security risk", "vendor security reviews")]
    duty = (
        "Review the security questionnaires that suppliers return and judge whether their controls meet our standards"
    )
    near = "the security questionnaires suppliers sent back this week look fine"  # a remark: reports, asks nothing
    matcher = SemanticMatcher(items, countered_by(embeddings, tmp_path, near))
    assert matcher.match(duty, framed=False)[0].score == COUNTER_CAP
    query = Matcher(items).parse(duty)
    assert job_line(query)
    assert matcher.match_question(query)[0].score >= ANSWER_THRESHOLD


def test_a_scene_then_where_to_take_it_is_not_checked_against_counter_examples(embeddings, tmp_path):
    items = [entry("fraud", "Payment fraud", "payment fraud", "fraudulent transactions")]
    question = "a supplier's bank details were changed by email and the payment already left. who do we report it to?"
    near = "the supplier emailed new bank details and the payment already left"  # a remark: reports, asks nothing
    matcher = SemanticMatcher(items, countered_by(embeddings, tmp_path, near))
    query = Matcher(items).parse(question)
    assert query.takes_on and not query.asks_decider and not job_line(query)
    assert matcher.match(read_of(query)[0])[0].score == COUNTER_CAP
    assert matcher.match_question(query)[0].score >= ANSWER_THRESHOLD


def test_a_duty_written_out_as_a_sentence_is_compared_whole(embeddings, tmp_path):
    """The question is embedded as asked, the entries in the same asking frame: the frame cancels out."""
    items = [entry("treasury", "Cash and treasury", "cash reserves"), entry("events", "Events", "conferences")]
    matcher = SemanticMatcher(items, CountingEmbeddings(embeddings, tmp_path))
    found = matcher.match("we've got spare money sitting in the bank, who decides where to put it short-term?")
    assert found[0].responsibility_id == "treasury"


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("who owns hosting costs?", True),
        ("we have no IT person - who keeps track of our SaaS accounts?", True),
        ("hosting costs", False),
        ("Oversee financial planning, budgeting and forecasting", False),  # a duty from a job description
    ],
)
def test_a_question_asking_who_is_compared_whole_and_a_statement_by_its_topic(engine, question, asks):
    assert asks_who(engine.matcher.parse(question)) is asks


def test_a_statement_is_compared_with_the_bare_phrases(embeddings, tmp_path, engine):
    items = [entry("treasury", "Cash and treasury", "cash reserves")]
    matcher = SemanticMatcher(items, CountingEmbeddings(embeddings, tmp_path))
    statement = engine.matcher.parse("Manage the cash reserves")
    framed_score = matcher.match(statement.topic, limit=1)[0].score
    bare_score = matcher.match(statement.topic, limit=1, framed=False)[0].score
    assert matcher.match_question(statement, limit=1)[0].score == bare_score != framed_score


def test_questions_read_ahead_are_encoded_in_one_run_and_answered_as_if_asked_alone(kb, embeddings, fused):
    questions = [
        "who owns hosting costs?",  # the lexical matcher is sure: never encoded
        "who grows the engineering org?",
        "who keeps our servers from being hacked?",
        "who owns pricing and who grows the engineering org?",  # two topics, one of them read twice
        "what's the wifi password?",
    ]
    counting = CountingEmbeddings(embeddings, embeddings.cache_dir, counter_examples=True)
    engine = Engine(kb, counting)
    engine.semantic.match("warm up")  # entry vectors computed: their runs are not what is measured
    before = len(counting.runs)
    engine.prepare(questions)
    read_now(engine)
    assert len(counting.runs) == before + 1
    read_ahead = counting.runs[-1]
    assert "who grows the engineering org?" in read_ahead and "who owns hosting costs?" not in read_ahead
    assert set(engine.semantic._ahead) == set(read_ahead)  # their cosines: one matrix product for them all
    answers = [engine.answer(question).to_json() for question in questions]
    assert len(counting.runs) == before + 1, "a question read ahead was encoded again"
    assert engine.semantic._ahead == {}, "a question read ahead was ranked with a product of its own"
    assert answers == [fused.answer(question).to_json() for question in questions]


def test_the_matter_of_a_question_unsure_read_whole_is_encoded_ahead_in_a_second_run(kb, embeddings, fused):
    matter_first = "convertible note with a cap, who?"
    questions = [matter_first, "hey, who grows the engineering org?"]  # the second is sure read whole
    counting = CountingEmbeddings(embeddings, embeddings.cache_dir, counter_examples=True)
    engine = Engine(kb, counting)
    engine.semantic.match("warm up")
    before = len(counting.runs)
    engine.prepare(questions)
    read_now(engine)
    assert len(counting.runs) == before + 2  # the questions read whole, then the one matter that is needed
    assert counting.runs[-1] == [matter_asked_about(engine.matcher.parse(matter_first))]
    answers = [engine.answer(question).to_json() for question in questions]
    assert len(counting.runs) == before + 2, "a matter read ahead was encoded again"
    assert answers == [fused.answer(question).to_json() for question in questions]


def test_a_long_questions_matter_is_encoded_on_the_encoding_thread_while_the_whole_is_read(kb, embeddings, fused):
    matter_first = (
        "the investors sent over a convertible note with a valuation cap. who works out what it means for our shares?"
    )
    short = "our office lease renewal, who handles it?"  # a matter too, but short: read again only when needed
    threads: dict[str, str] = {}

    class Threaded(CountingEmbeddings):
        def encode(self, texts):
            threads.update((text, threading.current_thread().name) for text in texts)
            return super().encode(texts)

    counting = Threaded(embeddings, embeddings.cache_dir, counter_examples=True)
    engine = Engine(kb, counting)
    engine.semantic.match("warm up")
    assert engine.answer(matter_first).to_json() == fused.answer(matter_first).to_json()
    query = engine.matcher.parse(matter_first)
    whole, matter = encoded_text(read_of(query)[0]), matter_asked_about(query)
    assert threads[matter].startswith("whoowns-encoder") and threads[whole] == threading.current_thread().name
    before = len(counting.runs)
    assert engine.answer(matter_first).to_json() == fused.answer(matter_first).to_json()
    assert len(counting.runs) == before, "a question asked again was encoded again"
    engine.answer(short)
    assert {text for text, name in threads.items() if name.startswith("whoowns-encoder")} == {matter}


def read_now(engine: Engine) -> None:
    """Waits for the encoding thread to finish what `prepare` gave it."""
    for cosines in list(engine.semantic._ahead.values()):
        cosines.result(timeout=DEADLINE)


def test_a_batch_is_encoded_a_chunk_at_a_time_on_the_encoding_thread_while_it_is_read(
    kb, embeddings, fused, monkeypatch
):
    monkeypatch.setattr("bot.core.answer.AHEAD_CHUNK", 2)
    questions = [
        "who grows the engineering org?",
        "who keeps our servers from being hacked?",
        "who owns hosting costs?",  # the lexical matcher is sure: never encoded
        "who makes sure we do not run out of money?",
        "who tells the story of our company to the press?",
        "what is the wifi password?",
    ]
    started, go = threading.Event(), threading.Event()
    threads: set[str] = set()

    class Held(CountingEmbeddings):
        holding = False

        def encode(self, texts):
            if self.holding:
                threads.add(threading.current_thread().name)
                started.set()
                assert go.wait(DEADLINE), "the test never let the encoder go on"
            return super().encode(texts)

    held = Held(embeddings, embeddings.cache_dir, counter_examples=True)
    engine = Engine(kb, held)
    engine.semantic.match("warm up")  # entry vectors and counter-examples computed before the batch
    before, held.holding = len(held.runs), True
    engine.prepare(questions)  # returns while the encoder is still held on its first chunk
    assert started.wait(DEADLINE) and len(held.runs) == before
    go.set()
    answers = [engine.answer(question).to_json() for question in questions]
    assert [len(run) for run in held.runs[before:]] == [2, 2, 1]  # in chunks, in the order read
    assert threads == {next(iter(threads))} and next(iter(threads)).startswith("whoowns-encoder")
    assert answers == [fused.answer(question).to_json() for question in questions]


def test_a_question_asked_before_is_not_read_ahead_and_what_is_never_asked_is_forgotten(kb, embeddings, monkeypatch):
    monkeypatch.setattr("bot.core.semantic.AHEAD_KEPT", 2)
    counting = CountingEmbeddings(embeddings, embeddings.cache_dir, counter_examples=True)
    engine = Engine(kb, counting)
    engine.answer("who grows the engineering org?")  # its vector and ranking are cached now
    before = len(counting.runs)
    engine.prepare(["who grows the engineering org?", "who makes sure we do not run out of money?"])
    read_now(engine)
    assert counting.runs[before:] == [["who makes sure we do not run out of money?"]]
    engine.prepare(["who tells the story of our company to the press?", "what is the wifi password?"])
    read_now(engine)
    # Three read ahead, none asked yet: the oldest is forgotten (and ranked with a product of its own if asked).
    assert list(engine.semantic._ahead) == [
        "who tells the story of our company to the press?",
        "what is the wifi password",  # no "who": its topic is read
    ]


def test_a_forked_process_encodes_on_a_thread_of_its_own(embeddings):
    assert embeddings.in_background(sum, [1, 2]).result(timeout=DEADLINE) == 3  # the parent's thread runs
    child = os.fork()
    if child == 0:  # the parent's encoding thread does not exist here: work given it would never run
        try:
            os._exit(0 if embeddings.in_background(sum, [3, 4]).result(timeout=DEADLINE) == 7 else 1)
        finally:
            os._exit(2)
    _pid, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_the_question_cache_keeps_the_most_recent_questions(embeddings, tmp_path, monkeypatch):
    monkeypatch.setattr("bot.core.semantic.QUESTION_CACHE", 2)
    counting = CountingEmbeddings(embeddings, tmp_path)
    for text in ["hosting", "pricing", "hosting", "security", "pricing"]:
        counting.encode_question(text)
    # "pricing" was pushed out by "security" (two kept: "hosting" used again, then "security").
    assert counting.encoded == ["hosting", "pricing", "security", "pricing"]
    vector = counting.encode_question("security")
    assert not vector.flags.writeable  # shared by every caller: nobody may change it in place


def test_a_question_is_read_as_far_as_a_statement(engine):
    """A duty's object often comes late, and so does a long question's: both are encoded to
    `MAX_ENCODED_WORDS` words, the question in its asking frame and the statement bare."""
    duty = (
        "Keep the supplier register current for every site, region and business unit, chase each missing "
        "certificate of insurance, and flag any vendor with a contract renewing within ninety days"
    )
    text, framed = read_of(engine.matcher.parse(duty))
    assert not framed
    assert encoded_text(text).split() == text.split()[:MAX_ENCODED_WORDS]
    question = "who keeps " + duty[5:]
    text, framed = read_of(engine.matcher.parse(question))
    assert framed and len(encoded_text(text).split()) == MAX_ENCODED_WORDS > 16
    assert "insurance," in encoded_text(text).split()  # the seventeenth word and on: read, not cut
