"""Finds responsibilities by meaning: the cosine between a question's sentence embedding and each entry's.

The lexical matcher only knows words someone wrote into an alias; this one knows that "who keeps our
servers from being hacked?" is close to "security" without sharing a word. Each entry is embedded as
its title and each alias separately (an entry is as close as its closest phrase, a little less when its
other phrases are far: `SUPPORT_SHARE`), each phrase framed as
the question people ask about it ("who is responsible for AWS bill"), and a question that asks "who"
is embedded whole, as asked ("we've got spare cash in the bank, who decides where to invest it?"):
with the asking frame on both sides, what the cosine compares is what is asked about, and a duty
written out as a sentence lands nearer its entry than its topic words alone would. A bare topic or a
duty stated the way job descriptions put it has no frame, and is compared with the bare phrases
(`asks_who`). An entry's example questions, Slack messages in its askers' own words ("our builds take
forever, who can speed them up?"), are embedded as written and compared too, at their own threshold; a
question that is not clearly nearer some topic than any counter-example (`bot/core/counter_examples.py`:
"who has the spare office key?") is never answered by meaning, only offered the closest topics, unless
it asks outright who decides, or for a decision without "who" ("who decides what goes on the Q3
roadmap?", "the deploy freeze before christmas, yes or no?"); "who owns …" is checked, as things are owned
too ("who owns the office plants?").
Entry vectors are computed once per knowledge revision; the vectors are cached on disk
under a key made of the model's and the texts' sha256, so a new process reads them back instead of
running the encoder over the whole knowledge base, and several processes sharing one database never
share a stale file (a changed entry is a different key).

`Embeddings` loads the encoder on the first question that needs it, once per process, and keeps it
across knowledge revisions. Cosines are mapped onto the lexical matcher's 0..1 scale (`calibrated`), so
the one threshold in `bot/core/answer.py` means the same for both matchers.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from bot.core.decision import ANSWER_THRESHOLD
from bot.core.encoder import SHIPPED_MODEL_DIR, SentenceEncoder
from bot.core.lexicon import EXECUTIVE_WORDS, WHO
from bot.core.matcher import Match, Query, asks_who, job_line
from bot.core.models import Responsibility
from bot.core.named_role import is_subject
from bot.core.role_language import RIDGE, RoleLanguage, in_order
from bot.core.whole_files import write_whole

log = logging.getLogger(__name__)
T = TypeVar("T")

SEMANTIC_THRESHOLD = 0.56  # the cosine (a question against framed phrases) as sure as ANSWER_THRESHOLD
PHRASE_THRESHOLD = 0.58  # the same for a bare topic or a duty statement against the bare phrases
EXAMPLE_THRESHOLD = 0.64  # the same for a question against an entry's example questions
BARE_EXAMPLE_THRESHOLD = 0.70  # and for a bare topic against them
COUNTER_MARGIN = 0.06  # a question must be this much closer (cosine) to a topic than to any counter-example
COUNTER_CAP = ANSWER_THRESHOLD - 0.01  # or its topics score at most this: offered, never answered
# A topic is as close as its closest phrase, less this share of the gap to its next closest: a topic with
# several phrases near the question is surer than one with a single phrase that happens to come close
# ("protecting the … assets of the company" is near one phrase of threat monitoring, and several of
# intellectual property's). Measured over every set: +1 right, +3 off-topic messages abstained; the
# held-out halves +7 right and +2 abstained, the halves read -6 (0.15: 3 fewer right; 0.25: 20 fewer).
SUPPORT_SHARE = 0.1
EntryTexts = Callable[[Responsibility], tuple[str, ...]]
ENTRY_TEXTS: dict[str, EntryTexts] = {  # what an entry is embedded as; bench/bench_matchers.py compares them
    "title": lambda item: (item.title,),
    "title+aliases": lambda item: (item.title, *item.aliases),
    "title+reasoning": lambda item: (f"{item.title}. {item.reasoning}",),
}
DEFAULT_ENTRY_TEXTS = "title+aliases"
ENTRY_FRAME = "who is responsible for {}"  # how each phrase is embedded (bench_matchers.py --texts compares)
# What is encoded of a question or a statement: its asking words and a topic, or a duty, whose object often
# comes late ("Keep the supplier register current for every site, region and business unit, chase each
# missing certificate of insurance, …"). 24 words for a statement read bare, against 16: over every set
# (2026-12-06), held out +10 right and 2 more off-topic messages abstained, the halves read as many right
# (19 duties gained, 20 lost). Then 24 for a question in its asking frame too, and its matter: held out +15
# right (Slack style +11 −5, decision rights +31 −23) and one more off-topic message abstained, read +3
# (Slack style +8 −2); 20 words: held out +16, read −5. A batch of 1,000 questions took a seventh longer.
MAX_ENCODED_WORDS = 24
MAX_ENCODED_CHARS = 150  # however the words run together ("<@<@<@…" is one word of many tokens)
# Asking for a role in the words of the top of the company ("which exec owns …", "who on the leadership
# team …", "at exec level, who …"): the asking, read as "who", not what the question is about, which the
# leadership team's own topic would otherwise seem to be
ASKS_FOR_AN_EXECUTIVE = re.compile(
    r"\b(?:which|what) (?:exec|execs|executive|executives|c-level|c-suite|chief|leader|senior leader)"
    r"(?: (?:role|member|person|exec|executive))?\b"
    r"|\bwho (?:on|in|from) (?:the|our) (?:exec|executive|leadership|senior leadership|c-suite|c-level) team\b"
    r"|\b(?:at|on) (?:the )?(?:exec|executive|c-level|c-suite|leadership) (?:level|team)(?:,)? who\b"
)
# An executive's title in a question names whom it is about or who is told, not the area of work:
# "informing the CEO about significant events" is about running operations, "who eventually replaces our
# CEO" about succession. The executive team's own phrases are full of titles ("hiring a CFO", "the CEO's
# direct reports") and drew such questions to it, so the semantic matcher reads a title as "leader"
# (`without_titles`), except a statement's subject (who does the work: `named` reads it). Over every set
# (2026-12-05, thirteenth session): held out +5 −2 (one of them an off-topic message answered), read +4 −1;
# as "someone" +7 −3, +3 −1, "executive" +3 −1, +4 −3, "manager" +5 −3, +2 −1 (measured with every title
# read so, subjects too; keeping the subjects moved no answer of any set).
EXECUTIVE_TITLE = re.compile(rf"\b(?:{EXECUTIVE_WORDS}|cpto|cio|chief [a-z]+ officer)(s?)\b")
ASKING = re.compile(r"\b(?:who(?:se|m)?|which)\b")  # a sentence that asks for someone (`scene_first`)
REFERS_BACK = re.compile(r"\b(?:that|this|it|them|those|these)\b")  # "who owns that?": the topic came before
SHORT_ASKING = 10  # words: an asking sentence this short that refers back is about the scene before it
QUESTION_CACHE = 4096  # question vectors kept per process (1.5 KB each)
AHEAD_KEPT = 640  # texts read ahead (a question, or its matter) whose cosines are kept for their ranking (64 KB each)
PER_ENTRY = 16  # phrases read per topic wanted before sorting them all (an entry has up to ~40 vectors)


def calibrated(cosine: np.ndarray | float, threshold: float = SEMANTIC_THRESHOLD) -> np.ndarray:
    """A cosine on the lexical matcher's scale: `threshold` becomes ANSWER_THRESHOLD, 1 stays 1, and 0 (or
    less: unrelated) is 0, linearly in between."""
    cosine = np.clip(np.asarray(cosine, dtype=np.float64), 0.0, 1.0)
    below = cosine / threshold * ANSWER_THRESHOLD
    above = ANSWER_THRESHOLD + (cosine - threshold) / (1 - threshold) * (1 - ANSWER_THRESHOLD)
    return np.where(cosine < threshold, below, above)


def read_of(query: Query) -> tuple[str, bool]:
    """What is compared of a parsed question, and whether against the framed phrases: asked with "who …",
    the whole question (or its asking part: `asking_part`); otherwise its topic, against the bare phrases
    (`asks_who`). Either way without the executives' titles it names (`without_titles`)."""
    if not asks_who(query):
        return without_titles(query.topic, keep_subject=True), False
    asked = ASKS_FOR_AN_EXECUTIVE.sub("who", scene_first(query.sentence) or asking_part(query.sentence))
    return without_titles(asked), True


def without_titles(text: str, *, keep_subject: bool = False) -> str:
    """`text` with each executive's title read as "leader" (`EXECUTIVE_TITLE`): "our CEO's plan" becomes
    "our leader's plan". With `keep_subject`, a statement's title that says who does the work stays ("The
    CPO decides which products get more money …": `named` then takes that role's closest topic)."""

    def read(title: re.Match[str]) -> str:
        if keep_subject and is_subject(text[: title.start()]):
            return title.group()
        return f"leader{title.group(1)}"

    return EXECUTIVE_TITLE.sub(read, text)


def scene_first(sentence: str) -> str | None:
    """A question whose last sentence asks who in at most `SHORT_ASKING` words, about something it only
    refers back to ("… which exec usually handles that?"), read as the scene's first words and then that
    sentence: the topic is in the scene ("someone has to write up what got decided at yesterday's
    directors' meeting and sort out the room and dial-in for the next one."), and the question read from
    its start loses the asking sentence, read to its end (`asking_part`) the scene's beginning. Scene words
    give way to fit `MAX_ENCODED_CHARS`, so the asking sentence is read whole. None for any other
    question. Over every set: +20 right, −15, no off-topic message answered (2026-12-04)."""
    words = sentence.split()
    ends = [index for index, word in enumerate(words[:-1]) if word[-1] in ".!?:"]
    if not ends:
        return None
    scene, asking = words[: ends[-1] + 1], words[ends[-1] + 1 :]
    asked = " ".join(asking)
    if len(asking) > SHORT_ASKING or not ASKING.search(asked) or not REFERS_BACK.search(asked):
        return None
    scene = scene[: MAX_ENCODED_WORDS - len(asking)]
    while scene and len(" ".join(scene + asking)) > MAX_ENCODED_CHARS:
        scene = scene[:-1]
    return " ".join(scene + asking)


def asking_part(sentence: str) -> str:
    """A long question whose last "who …" comes late, read as the `MAX_ENCODED_WORDS` words that end where
    that sentence ends: people set the scene first ("we doubled headcount this year and everything is held
    together with duct tape. who builds the processes, systems and team structures we need to scale?"), and
    its first words would be nearly all scene. The window fits in `MAX_ENCODED_CHARS`, dropping scene
    words first. A "who" in the first half of the window is read from the start, as any question is
    (`encoded_text`)."""
    words = sentence.split()
    asking = [index for index, word in enumerate(words) if WHO.match(word)]
    fits = len(words) <= MAX_ENCODED_WORDS and len(sentence) <= MAX_ENCODED_CHARS
    if fits or not asking or asking[-1] < MAX_ENCODED_WORDS // 2:
        return sentence
    end = next((i for i in range(asking[-1], len(words)) if words[i][-1] in "?.!"), len(words) - 1)
    window = words[max(0, end + 1 - MAX_ENCODED_WORDS) : end + 1]
    while len(window) > 1 and len(" ".join(window)) > MAX_ENCODED_CHARS:
        window = window[1:]  # long words: the scene gives way, so `encoded_text` keeps the question whole
    return " ".join(window)


# a question this long whose matter comes first has the matter encoded beside it (`SemanticMatcher._encode_early`)
EARLY_WORDS = 16


def matter_asked_about(query: Query) -> str | None:
    """The topic of a question that names its matter before it asks who ("we're thinking of moving off
    heroku onto aws, whose call?", "the term sheet has a 2x participating liquidation preference. who
    models what that does to us in an exit?"), without the executives' titles: read whole, the matter
    is diluted by the asking and the scene around it, and its topic alone, against the bare phrases,
    may come closer. None for a question that asks first ("who can send me a copy of my payslip from
    march"): its asking is what tells a personal errand from an area of work. Over every set
    (2026-12-06), alone: held out +13 −4 (one off-topic scene answered), read +15 −3; with the short
    questions that name an alias left to their words (`needs_semantic` in bot/core/answer.py), which
    pays for its encoding: held out +11 right, read +7."""
    asking = ASKING.search(query.sentence)
    if asking is None or asking.start() == 0:
        return None
    return encoded_text(without_titles(query.topic))


def supported(closest: float, next_closest: float) -> float:
    """A topic's score: its closest phrase or example, less `SUPPORT_SHARE` of the gap to its next closest
    (0 when it has no other)."""
    return closest - SUPPORT_SHARE * (closest - next_closest)


def thresholds(*, framed: bool) -> tuple[float, float]:
    """The cosines a reading's phrases and its examples are calibrated at (`calibrated`): against the framed
    phrases, or the bare ones."""
    if framed:
        return SEMANTIC_THRESHOLD, EXAMPLE_THRESHOLD
    return PHRASE_THRESHOLD, BARE_EXAMPLE_THRESHOLD


def encoded_text(text: str) -> str:
    """What is encoded of a question or statement: its first `MAX_ENCODED_WORDS` words, at most
    `MAX_ENCODED_CHARS` characters. The encoder's cost grows with the length of what it reads (a
    500-character ramble cost 145 ms of CPU), and a question about one area of work is a sentence."""
    return " ".join(text.split()[:MAX_ENCODED_WORDS])[:MAX_ENCODED_CHARS].strip()


def _best_first(scores: np.ndarray, count: int) -> list[int]:
    """The indices of the `count` highest scores, highest first (ties in index order): a partial sort,
    as only the first few topics of 10,000 phrases are ever read."""
    if count >= len(scores):
        order = np.argsort(-scores, kind="stable")
    else:
        top = np.argpartition(-scores, count - 1)[:count]
        order = top[np.lexsort((top, -scores[top]))]
    return [int(index) for index in order]


class Embeddings:
    """The sentence encoder, loaded on first use, and entry vectors cached on disk by content."""

    def __init__(
        self,
        model_dir: Path = SHIPPED_MODEL_DIR,
        cache_dir: Path | None = None,
        counter_examples: Callable[[], tuple[str, ...]] = tuple,
        threads: int = 1,
    ):
        self.model_dir = model_dir
        self.cache_dir = cache_dir
        self.threads = threads  # the encoder's (`SentenceEncoder`)
        # Messages not about ownership (`bot/core/counter_examples.py`), read when the model is first needed.
        self.counter_examples = counter_examples
        self._counter_vectors: np.ndarray | None = None
        self._encoder: SentenceEncoder | None = None
        self._lock = threading.Lock()
        self._known: dict[str, np.ndarray] = {}  # entry texts this process has embedded, across revisions
        # People ask the same things again ("who owns pricing?"): a repeated question costs no encoding.
        self._questions: OrderedDict[str, np.ndarray] = OrderedDict()  # the most recently used last
        self._questions_lock = threading.Lock()
        self._background: tuple[int, ThreadPoolExecutor] | None = None  # (the process that started it, it)
        # Not `_lock`: the encoding thread holds that while the model loads, and the reader would wait it out.
        self._background_lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._encoder is not None

    def encoder(self) -> SentenceEncoder:
        if self._encoder is None:
            with self._lock:
                if self._encoder is None:
                    self._encoder = SentenceEncoder(self.model_dir, threads=self.threads)
        return self._encoder

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.encoder().encode(texts)

    def in_background(self, work: Callable[..., T], *args: Any) -> Future[T]:
        """`work(*args)` on this process's encoding thread, after whatever was given it before: a batch's
        questions are encoded while the caller reads the next ones and answers those already done (the
        encoder and numpy let go of the interpreter while they compute). The thread starts on first use,
        and again in a forked process, where the parent's thread does not run."""
        with self._background_lock:
            if self._background is None or self._background[0] != os.getpid():
                self._background = (os.getpid(), ThreadPoolExecutor(1, thread_name_prefix="whoowns-encoder"))
            return self._background[1].submit(work, *args)

    def counter_vectors(self) -> np.ndarray:
        """The counter-examples' vectors (none: an empty array), read and computed once per process."""
        if self._counter_vectors is None:
            texts = list(self.counter_examples())
            self._counter_vectors = self.entry_vectors(texts) if texts else np.zeros((0, self.encoder().dimensions))
        return self._counter_vectors

    def encode_question(self, text: str) -> np.ndarray:
        return self.encode_questions([text])[0]

    def forget_questions(self) -> None:
        """Empties the question cache, so each question is encoded afresh (a benchmark timing the encoder)."""
        with self._questions_lock:
            self._questions.clear()

    def remembers(self, question: str) -> bool:
        """True when `question`'s vector is in the question cache."""
        with self._questions_lock:
            return question in self._questions

    def encode_questions(self, texts: list[str]) -> list[np.ndarray]:
        """A vector a question, in order: the last `QUESTION_CACHE` asked are kept, and the others are
        encoded together, in one run of the encoder."""
        found: dict[str, np.ndarray] = {}
        with self._questions_lock:
            for text in texts:
                if text in self._questions:
                    self._questions.move_to_end(text)
                    found[text] = self._questions[text]
        missing = [text for text in dict.fromkeys(texts) if text not in found]
        if missing:
            for text, vector in zip(missing, self.encode(missing), strict=True):
                vector.flags.writeable = False  # shared by every caller that asks the same question
                found[text] = vector
            with self._questions_lock:
                self._questions.update((text, found[text]) for text in missing)
                while len(self._questions) > QUESTION_CACHE:
                    self._questions.popitem(last=False)
        return [found[text] for text in texts]

    def entry_vectors(self, texts: list[str]) -> np.ndarray:
        """`encode(texts)`, read from the disk cache when this model has embedded exactly these texts
        before; otherwise only the texts this process has not embedded yet are encoded (an admin's edit
        to one entry costs one entry's encoding, not the whole knowledge base's)."""
        encoder = self.encoder()

        def encoded() -> np.ndarray:
            missing = [text for text in dict.fromkeys(texts) if text not in self._known]
            self._known.update(zip(missing, encoder.encode(missing), strict=True))
            return np.stack([self._known[text] for text in texts]) if texts else encoder.encode([])

        vectors = self.kept("entry embeddings", "\n".join(texts), (len(texts), encoder.dimensions), encoded)
        self._known.update(zip(texts, vectors, strict=True))
        return vectors

    def kept(self, what: str, content: str, shape: tuple[int, ...], compute: Callable[[], np.ndarray]) -> np.ndarray:
        """`compute()`, an array of `shape` that depends only on `content` and this model, read back from the
        disk cache when a process has computed it before, and written there otherwise (not when there is no
        cache folder, or it cannot be written)."""
        if self.cache_dir is None:
            return compute()
        digest = hashlib.sha256(f"{what}\n{content}".encode()).hexdigest()
        path = self.cache_dir / f"{self.encoder().fingerprint[:16]}-{digest[:32]}.npy"
        try:
            found: np.ndarray = np.load(path, allow_pickle=False)
            if found.shape == shape:
                return found
        except (OSError, ValueError):
            pass  # not cached yet, or a damaged file: compute and write it again
        array = compute()
        write_whole(path, lambda file: np.save(file, array, allow_pickle=False), what=what)
        return array


class SemanticMatcher:
    """Responsibilities ranked by cosine similarity; entry vectors are computed on the first question."""

    def __init__(
        self,
        responsibilities: Iterable[Responsibility],
        embeddings: Embeddings,
        entry_texts: str = DEFAULT_ENTRY_TEXTS,
        frame: str = ENTRY_FRAME,
    ):
        self.embeddings = embeddings
        self._phrases: list[str] = []  # what matched, as the knowledge base writes it
        self._owners: list[str] = []  # whose each phrase is, then whose each example question is
        self._titles: dict[str, str] = {}
        self._roles: dict[str, str] = {}  # whose each topic is, as the knowledge base says
        examples: list[str] = []
        example_owners: list[str] = []
        for item in responsibilities:
            if not item.retired:
                self._titles[item.id] = item.title
                self._roles[item.id] = item.owner
                for phrase in dict.fromkeys(ENTRY_TEXTS[entry_texts](item)):
                    self._phrases.append(phrase)
                    self._owners.append(item.id)
                for example in item.examples:
                    examples.append(example)
                    example_owners.append(item.id)
        self._owners += example_owners
        self._rows: dict[str, tuple[list[int], list[int]]] = {}  # each topic's phrases, its examples (`scores_of`)
        for index, owner in enumerate(self._owners):
            self._rows.setdefault(owner, ([], []))[index >= len(self._phrases)].append(index)
        # What is embedded: each phrase in its frame, then each phrase bare, then the example questions as
        # written (a question already has its asking frame).
        self._texts = [frame.format(phrase) for phrase in self._phrases] + self._phrases + examples
        self._vectors: np.ndarray | None = None
        self._lock = threading.Lock()
        self._language: RoleLanguage | None = None  # fitted on the first question that needs it
        self._language_lock = threading.Lock()
        # A question asked again is ranked again for free (its vector is cached too: `Embeddings`).
        self.ranked = lru_cache(maxsize=QUESTION_CACHE)(self._rank)
        # The cosines of the questions read ahead against every vector, each a row of one matrix product
        # being computed (`encode_ahead`); each is used once, by the ranking it was read for, the oldest
        # forgotten past `AHEAD_KEPT` (a question read ahead and then answered without them: small talk).
        self._ahead: OrderedDict[str, Future[dict[str, np.ndarray]]] = OrderedDict()

    def _matrix(self) -> np.ndarray:
        if self._vectors is None:
            with self._lock:
                if self._vectors is None:
                    self._vectors = self.embeddings.entry_vectors(self._texts)
        return self._vectors

    def role_scores(self, query: Query) -> dict[str, float]:
        """Each role's score for what `match_question` reads of `query` (`RoleLanguage`), fitted on every
        phrase and example the first time; the question's vector is cached, so nothing is encoded again."""
        text = encoded_text(read_of(query)[0])
        if not text or not self._phrases:
            return {}
        vectors = self._matrix()
        if self._language is None:
            with self._language_lock:
                if self._language is None:
                    count = len(self._phrases)
                    roles = [self._roles[owner] for owner in self._owners]
                    labels = roles[:count] * 2 + roles[count:]  # whose each row of `vectors` is
                    distinct = in_order(labels)
                    weights = self.embeddings.kept(
                        "role language",
                        "\n".join([f"ridge {RIDGE}", *self._texts, *labels]),
                        (vectors.shape[1] + 1, len(distinct)),
                        lambda: RoleLanguage.fit(vectors, labels).weights,
                    )
                    self._language = RoleLanguage(distinct, weights)
        return self._language.scores(self.embeddings.encode_question(text))

    def match_question(self, query: Query, limit: int = 5) -> list[Match]:
        """The best `limit` responsibilities for a parsed question: asked with "who …", the whole question
        against the framed phrases; otherwise its topic against the bare ones (`asks_who`). A question
        that names its matter before it asks, and finds no topic sure enough that way, is read again as
        its topic alone (`matter_asked_about`), and the reading that finds the closer topic is taken; a long
        one has its matter encoded on the encoding thread meanwhile (`_encode_early`)."""
        return self._reading_taken(query, limit)[0]

    def _reading_taken(self, query: Query, limit: int) -> tuple[list[Match], str, bool]:
        """`match_question`'s matches, with the text they were read from and whether against the framed
        phrases. A question asking who decides, and a line of a job description (`job_line`: "Review the
        security questionnaires that suppliers return …"), are never capped for being near a counter-example:
        the one asks about ownership, the other describes a role's work, however like a remark its words
        are. For the duty, over every set (2026-12-06): held out +6 right and two off-topic messages answered of
        7,315, read +6; a question without its mark ("… how soon can they …", `INVERTED_QUESTION`) is no job
        line, which kept a third off-topic message unanswered. Nor is a scene followed by where to take it
        (`Query.takes_on`: "a text claiming to be our bank asked for a login code, where do I report it"): the
        errands it is like ("who do I report a broken printer to") tell no scene first. Over every set
        (2026-12-07): read +2 (Slack style), held out unchanged, no off-topic message answered."""
        text, framed = read_of(query)
        decision = query.asks_decider or (query.asks_owner and not WHO.search(query.sentence))  # "…, yes or no?"
        matter = matter_asked_about(query) if framed else None
        early = self._encode_early(text, matter)
        found = self.match(text, limit, framed=framed, countered=not (decision or job_line(query) or query.takes_on))
        if matter is None or (found and found[0].score >= ANSWER_THRESHOLD):
            return found, text, framed
        if early is not None:
            early.result()  # its vector is cached: `match` finds it there
        bare = self.match(matter, limit, framed=False)
        if bare and (not found or bare[0].score > found[0].score):
            return bare, matter, False
        return found, text, framed

    def scores_of(self, query: Query, topics: list[str], limit: int = 5) -> dict[str, float]:
        """The score of each of `topics` for the reading `match_question` takes of `query` (with `limit`),
        scored as `match` scores a topic it ranks, whether or not it is among the best: its closest phrase
        or example, less a share of the gap to its next closest (which `match` counts only among the phrases
        it reads, the closest few per topic wanted: it may find a topic's score lower). A few topics' scores,
        where ranking them all would read every phrase."""
        _, text, framed = self._reading_taken(query, limit)
        text = encoded_text(text)
        if not text or not self._phrases:
            return {}
        vectors, count = self._matrix(), len(self._phrases)
        question = self.embeddings.encode_question(text)
        of_phrases, of_examples = thresholds(framed=framed)
        found = {}
        for topic in topics:
            phrases, examples = self._rows.get(topic, ([], []))
            # vectors: the framed phrases, the bare ones, then the examples (an example's index counts the phrases)
            own = np.sort(
                np.concatenate(
                    (
                        calibrated(vectors[[i + (0 if framed else count) for i in phrases]] @ question, of_phrases),
                        calibrated(vectors[[i + count for i in examples]] @ question, of_examples),
                    )
                )
            )[::-1]
            if len(own):
                found[topic] = round(supported(float(own[0]), float(own[1]) if len(own) > 1 else 0.0), 3)
        return found

    def _encode_early(self, text: str, matter: str | None) -> Future[np.ndarray] | None:
        """Starts encoding `matter` on the encoding thread while the caller encodes `text`, when both are new
        and the question is long (`EARLY_WORDS`): a question that names its matter before asking is read
        again as its matter when the whole finds no topic sure enough, and the two encodings one after the
        other were the slowest answers in process (the slowest 1% of 4,000 questions all encoded two texts).
        On two cores they take about the time of one: taking turns three times, p99 over those 4,000 fell
        from 14.9-16.1 ms to 12.4-14.9 ms, for about a fifth more CPU in process (the whole is sure four
        times in five, and its matter's vector is then only cached; a batch, read ahead, is not affected).
        None when there is nothing to start: no matter, either already encoded, or the text read ahead
        (`encode_ahead`, which encodes the matters it needs itself)."""
        if matter is None or not self.embeddings.loaded:
            return None
        text = encoded_text(text)
        if len(text.split()) < EARLY_WORDS or not matter or text in self._ahead:
            return None
        if self.embeddings.remembers(text) or self.embeddings.remembers(matter):
            return None
        return self.embeddings.in_background(self.embeddings.encode_question, matter)

    def encode_ahead(self, queries: list[Query]) -> None:
        """Starts encoding what `match_question` will read of each query, all in one run of the encoder on
        its own thread (`Embeddings.in_background`), and their cosines against every entry's vectors in one
        matrix product; the caller goes on reading while it runs. One product for many questions instead of
        one a question took a batch of 1,000 from 3.4–3.8 s to 3.1–3.3 s in process. The topics of those
        that name their matter before asking (`matter_asked_about`) and find no topic sure enough follow,
        in a second run: encoding every such topic ahead, or each when it is needed, cost the batch 0.3 s
        or more."""
        read: dict[str, None] = {}  # what is read of each query, in order, once
        matters: dict[str, str] = {}  # what is read of a query -> its matter, for one that names it first
        for query in queries:
            text, framed = read_of(query)
            text = encoded_text(text)
            read[text] = None
            matter = (matter_asked_about(query) or "") if framed else ""
            if matter and not self.embeddings.remembers(matter):
                matters.setdefault(text, matter)
        texts = [text for text in read if text and not self.embeddings.remembers(text)]  # asked before: cached
        if self._phrases and texts:
            cosines = self.embeddings.in_background(self._cosines, texts, matters)
            for text in [*texts, *matters.values()]:
                self._ahead[text] = cosines
                self._ahead.move_to_end(text)
            while len(self._ahead) > AHEAD_KEPT:
                self._ahead.popitem(last=False)

    def load_ahead(self) -> None:
        """Starts loading the encoder and the entry vectors on the encoding thread, if not loaded yet."""
        self.embeddings.in_background(self._matrix)

    def _cosines(self, texts: list[str], matters: dict[str, str]) -> dict[str, np.ndarray]:
        """Each text's cosines against every entry vector, a row of its own: one taken (`_rank`) or
        forgotten frees its 64 KB, whatever becomes of the others. Then the same for the matter of each
        text in `matters` that is not sure of a topic read whole (`_unsure`)."""
        questions = dict(zip(texts, self.embeddings.encode_questions(texts), strict=True))
        rows = {
            text: row.copy()
            for text, row in zip(texts, np.stack(list(questions.values())) @ self._matrix().T, strict=True)
        }
        wanted = [
            matter for text, matter in matters.items() if text not in rows or self._unsure(rows[text], questions[text])
        ]
        if wanted:
            product = np.stack(self.embeddings.encode_questions(wanted)) @ self._matrix().T
            rows.update((matter, row.copy()) for matter, row in zip(wanted, product, strict=True))
        return rows

    def _unsure(self, row: np.ndarray, question: np.ndarray) -> bool:
        """True when a question read whole (`row`: its cosines against every vector) may find no topic as
        sure as `ANSWER_THRESHOLD`: its closest framed phrase or example scores below it (`_rank` then
        takes a share of the gap to the runner-up too, so a few more may turn out unsure and be encoded
        when asked), or it is nearer a message not about ownership (`_closer_to_a_counter_example`)."""
        cosines = self._reading(row, framed=True)
        best = float(self._scores(cosines, framed=True).max(initial=0.0))
        return best < ANSWER_THRESHOLD or self._closer_to_a_counter_example(question, float(cosines.max(initial=0.0)))

    def _reading(self, row: np.ndarray, *, framed: bool) -> np.ndarray:
        """Of a row of cosines against every vector, those a reading compares: the framed phrases (or the
        bare ones), then the example questions."""
        count = len(self._phrases)
        return np.concatenate((row[:count] if framed else row[count : 2 * count], row[2 * count :]))

    def _scores(self, cosines: np.ndarray, *, framed: bool) -> np.ndarray:
        """A reading's cosines (`_reading`) on the answer's scale, the phrases and the examples each at
        their own threshold (`calibrated`)."""
        count = len(self._phrases)
        phrases, examples = thresholds(framed=framed)
        return np.concatenate((calibrated(cosines[:count], phrases), calibrated(cosines[count:], examples)))

    def match(self, text: str, limit: int = 5, *, framed: bool = True, countered: bool = True) -> list[Match]:
        """The best `limit` responsibilities for `text` (a question, cleaned of Slack markup, as asked),
        best first, scored by calibrated cosine against the framed phrases, or the bare ones; `countered`:
        checked against the counter-examples (a question asking outright who decides, or for a decision
        without "who", is not: "who decides what goes on the Q3 roadmap?" and "the deploy freeze before
        christmas, yes or no?" are about ownership, however close "where did the Q3 planning spreadsheet
        go" comes)."""
        text = encoded_text(text)
        if not text or not self._phrases:
            return []
        return list(self.ranked(text, limit, framed, countered))

    def _rank(self, text: str, limit: int, framed: bool, countered: bool) -> tuple[Match, ...]:
        ahead = self._ahead.pop(text, None)
        read = ahead.result().pop(text, None) if ahead else None  # first: its vector is then cached, not encoded
        count, vectors, question = len(self._phrases), self._matrix(), self.embeddings.encode_question(text)
        if read is not None:
            cosines = self._reading(read, framed=framed)
        else:
            phrases = vectors[:count] if framed else vectors[count : 2 * count]
            cosines = np.concatenate((phrases @ question, vectors[2 * count :] @ question))
        scores = self._scores(cosines, framed=framed)
        order = _best_first(scores, limit * PER_ENTRY)
        if len({self._owners[index] for index in order}) < limit:
            order = _best_first(scores, len(scores))  # a few entries hold all the best phrases: look further
        capped = countered and self._closer_to_a_counter_example(question, float(cosines.max()))
        first: dict[str, int] = {}  # each topic's closest phrase or example, best first
        runner_up: dict[str, float] = {}  # and the score of its next closest, if among those read
        for index in order:
            owner = self._owners[index]
            if owner not in first:
                first[owner] = index
            elif owner not in runner_up:
                runner_up[owner] = float(scores[index])
        scored = {}  # each topic's score: its closest, less a share of the gap to its next closest
        for owner, index in first.items():
            score = supported(float(scores[index]), runner_up.get(owner, 0.0))
            scored[owner] = round(min(score, COUNTER_CAP) if capped else score, 3)  # capped: offered, never answered
        matches = []
        for owner in sorted(scored, key=lambda owner: -scored[owner])[:limit]:  # ties stay in `order`
            index = first[owner]
            matched = self._phrases[index] if index < count else self._titles[owner]  # examples are not shown
            matches.append(Match(owner, scored[owner], matched, capped))
        return tuple(matches)

    def _closer_to_a_counter_example(self, question: np.ndarray, nearest_topic: float) -> bool:
        """True for "who has the spare office key?": not at least `COUNTER_MARGIN` nearer its closest topic
        than the closest message that is not about ownership."""
        counter = self.embeddings.counter_vectors()
        return bool(len(counter)) and float((counter @ question).max()) + COUNTER_MARGIN > nearest_topic
