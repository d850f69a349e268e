"""When the answer engine (`bot/core/answer.py`) answers, abstains, says an area is shared or offers topics.

All on the matchers' one 0..1 scale. They sit in a module of their own, beside the engine rather than in
a matcher, because the semantic matcher and the organisation checks calibrate against them too, and the
engine imports both. Changing when the bot abstains is changing `ANSWER_THRESHOLD` here; the shared
question sets (`bench/bench_matchers.py`) show what a change moves.
"""

ANSWER_THRESHOLD = 0.53  # below this the bot says it does not know; one known word beside one unknown is 0.5
LEXICAL_SURE = 0.71  # above this the lexical matcher decides alone: more than one alias named among unknown words
NAMED_SURE = 0.65  # or this, for a short question asking for an owner that names one alias whole (0.7)
NAMED_RIVAL = 0.1  # unless another topic scores this close to that alias (`needs_semantic` in bot/core/answer.py)
SHORT_QUESTION_WORDS = 20  # a question asking for an owner in at most this many words is short (`needs_semantic`)
NAMED_MEANING_LEAD = 0.1  # a long question's named alias gives way to another role's topic this much nearer in meaning
LEXICAL_TIE = 0.02  # two topics this close are alike to the lexical matcher (0.813 and 0.805 from the same words)
AGREEMENT_SHARE = 0.2  # both matchers' best topic is the same: the higher score gains this share of the lower
DECIDER_FACTOR = 1.1  # "whose call is it to …": asking outright who decides is itself about ownership
NAMED_MARGIN = 0.3  # a statement naming the role doing its work puts that role's topic first within this of the best
LEGALITY_MARGIN = 0.2  # a question about whether something is lawful puts a topic of the law first within this
OFFERED_MARGIN = 0.35  # a role's topic the question offers as owner ("is that product or mktg?") goes first within this
OFFERED_SURE = 0.35  # and from this score it is answered: the asker narrowed the owner down (`offered_owner`)
SECURITY_MARGIN = 0.3  # a security incident or exposure told puts a topic of security first within this
APPROVAL_MARGIN = 0.2  # asked approval to spend money or give a discount: that approval's topic first within this
BUILD_MARGIN = 0.35  # a "who" question about what gets built puts the roadmap or prioritisation first within this
DUTY_WORDS = 10  # a statement this long with no "who" is a duty written out (`duty_written_out` in bot/core/matcher.py)
JOB_LINE_WORDS = 14  # a duty written out this long, impersonal, asking nothing: a job description (`job_line`)
JOB_LINE_FACTOR = 1.06  # whose topics are that much surer: 0.50 becomes the threshold
LANGUAGE_MARGIN = 0.16  # two roles' topics this close: the role whose language the question is in goes first
LANGUAGE_LEAD = 0.3  # when that role scores this much more than the best's (`in_its_roles_language`)
JOB_LINE_LANGUAGE_MARGIN = 0.15  # for a line of a job description (`job_line`), roles' topics this close
JOB_LINE_LANGUAGE_LEAD = 0.25  # and a lead this large
SHARED_MARGIN = 0.05  # two matches this close, owned by different roles, make an area shared
VOTE_MARGIN = 0.06  # topics this close to the best vote for their role (`most_topics` in bot/core/answer.py)
VOTE_TOPICS = 4  # of which at most this many, the closest
DUTY_VOTE_MARGIN = 0.1  # for a duty written out (no "who", `DUTY_WORDS` or more), topics this close vote
SUGGEST_SCORE = 0.3  # a topic at least this close, and within `SUGGEST_MARGIN` of the best, is worth offering
SUGGEST_MARGIN = 0.08
RELATED_SCORE = 0.45  # a question with no "who" and no topic this close is not about who owns anything
