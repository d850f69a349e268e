import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.lexicon import ABOUT_ASKER
from bot.core.normalise import (
    Vocabulary,
    asks_about_oneself,
    asks_about_the_bot,
    asks_for_owner,
    asks_something_else,
    asks_who_decides,
    clean_slack_text,
    question_asked,
    strip_lead_in,
    topic_of,
    words,
)


@pytest.mark.parametrize(
    "typed",
    [
        "pricing",
        "who owns pricing??",
        "<@U0BOT> who owns pricing?",
        "<@U0BOT|whoowns> Who's responsible for *pricing*?",
        "hey, quick question: whose call is pricing",
        "who should I ask about pricing :thinking_face:",
        "which exec owns pricing?",
        "who is in charge of pricing",
        "who decides on pricing",
        "who defines pricing?",
        "who determines pricing",
        "who ultimately decides on pricing",  # an adverb between "who" and the asking verb
        "who actually owns pricing?",
        "Who’s the owner of pricing?",
        "new here :wave: who owns pricing?",  # the asker describing themselves is not the topic
        "just joined - quick question: who decides on pricing",
        # who may or must give the go-ahead, and requests for whoever does
        "who can approve pricing?",
        "who is supposed to sign off on pricing",
        "who gives the final approval for pricing",
        "which exec needs to sign off on pricing?",
        "whom should i ask for approval of pricing",
        "who do i need sign-off from for pricing",
        "need someone to sign off on pricing",
        "can someone approve pricing",
        "someone needs to own pricing",
    ],
)
def test_every_way_of_asking_reaches_the_same_topic(typed):
    assert words(topic_of(typed)) == ["pricing"]


def test_slack_markup_is_reduced_to_the_words_a_person_sees():
    text = "<@U123> <!here> see <https://aws.amazon.com|the AWS bill> in <#C024BE91L|cloud-costs> &amp; :fire:"
    assert clean_slack_text(text) == "see the aws bill in cloud costs &"
    assert words(clean_slack_text(text)) == ["see", "aws", "bill", "cloud", "costs"]


def test_a_bare_link_disappears_and_a_labelled_one_keeps_its_label():
    assert clean_slack_text("<https://example.com> <mailto:a@b.c|Ann>") == "ann"


def test_hyphens_and_slashes_split_words_and_r_and_d_stays_whole():
    assert words("cost-saving r&d product/market") == ["cost", "saving", "r&d", "product", "market"]


def test_synonyms_fold_whole_words_before_stemming():
    vocabulary = Vocabulary([["engineer", "developer", "dev"], ["cost", "bill", "spend"]])
    assert vocabulary.terms("developers") == vocabulary.terms("engineers")
    assert vocabulary.terms("AWS bills") == vocabulary.terms("aws costs")
    # "develop" stems like "developer" but is not a synonym of "engineer"
    assert vocabulary.terms("product development") != vocabulary.terms("product engineer")


def test_productivity_is_not_folded_onto_product():
    assert Vocabulary().terms("productivity") != Vocabulary().terms("product")


def test_production_and_its_shorthand_are_not_folded_onto_product():
    vocabulary = Vocabulary([["production", "prod"]])  # as knowledge/synonyms.yaml has them
    assert vocabulary.terms("prod database") == vocabulary.terms("production database")
    assert vocabulary.terms("prod") != vocabulary.terms("product")


def test_accounting_and_accountants_are_not_folded_onto_a_customer_account():
    vocabulary = Vocabulary()
    assert vocabulary.terms("accountants") == vocabulary.terms("accountant") != vocabulary.terms("account")
    assert vocabulary.terms("accounting") != vocabulary.terms("accounts")


@pytest.mark.parametrize(
    "word, other",
    [
        ("secondment", "seconds"),
        ("succession", "success"),  # CEO succession, not customer success
        ("mobility", "mobile"),
        ("wellness", "well"),
        ("relations", "related"),
        ("conversion", "conversation"),
        ("department", "departing"),
        ("direction", "direct"),
        ("engine", "engineer"),
        ("generative", "generation"),
        ("securities", "security"),
        ("initial", "initiative"),
        ("incoming", "income"),
        ("contingent", "contingency"),
        ("activism", "activation"),
        ("experience", "experiments"),
        ("government", "governance"),
        ("transition", "transit"),
        ("references", "refer"),
        ("projections", "projects"),
        ("positioning", "positions"),
        ("severance", "severity"),
        ("renewable", "renewals"),
        ("hosts", "hosting"),  # a marketplace's hosts
    ],
)
def test_words_the_stemmer_would_fold_onto_another_meaning_are_kept_apart(word, other):
    assert Vocabulary().terms(word) != Vocabulary().terms(other)


def test_promoters_are_not_folded_onto_promotions():
    vocabulary = Vocabulary()
    assert vocabulary.terms("promoters") == vocabulary.terms("promoter") != vocabulary.terms("promotions")


@pytest.mark.parametrize(
    "question, other",
    [
        ("when is the next all-hands?", True),
        ("how do I book a meeting room?", True),
        ("can someone approve my PTO", True),
        ("can you tell me who owns pricing?", False),
        ("anyone know how to export the sprint board to a spreadsheet", True),
        ("does anybody know where the parking permits are", True),
        ("anyone know who owns pricing?", False),
        ("any tips for a good mechanical keyboard?", True),  # asks for advice
        ("any good podcasts on product management?", True),
        ("any recommendations on who owns vendor selection?", False),
        # a filler before the question
        ("so when is the next all-hands?", True),
        ("btw how do I book a meeting room?", True),
        ("roughly how long is the onboarding survey?", True),
        ("ok so who owns pricing?", False),
        ("who owns pricing?", False),
        ("pricing", False),
    ],
)
def test_questions_that_ask_something_else_than_ownership_are_recognised(question, other):
    assert asks_something_else(clean_slack_text(question)) is other


@pytest.mark.parametrize(
    "question, event",
    [
        ("who won the chess match?", True),
        ("who's organising the summer party", True),
        ("who is going to the trade fair", True),
        ("who approved this invoice?", True),
        ("who was at the investor meeting", True),
        ("who is supposed to approve the new vendor contract?", False),  # whose job it is, not an event
        ("who's authorised to sign NDAs?", False),
        ("who runs the summer party budget?", False),  # a duty, in the present
        ("who's working on lowering our legal risk?", False),
        ("who was on the hook for the launch?", False),  # asks for an owner, in the past
        ("who's in the office on friday?", True),  # who is somewhere, now
        ("who is out of office this week", True),
        ("who is in charge of the office move?", False),
        # a time or a place asked with what or which
        ("what time is the sales kickoff on thursday?", True),
        ("which floor is the finance team on?", True),
        ("which team owns the floor plan?", False),
        # a remark that asks nothing
        ("loved the brand workshop this morning, really useful", True),
        ("btw the office move is finally done :tada:", True),
        ("we've shipped the new billing page", True),
        ("investor update slides are on the drive if anyone wants them", True),  # an offer
        ("just joined, who sets our brand guidelines?", False),  # asks who
        ("just need sign-off on the brand refresh", False),  # asks for a decision
        ("great, is the brand workshop recorded?", False),  # a question
        ("brand guidelines", False),  # a bare topic
        # a place or a procedure, an amount, a time, a status, details, or a request to the bot
        ("where do I go to find the travel policy?", True),
        ("where do I go for expense approvals?", False),  # where to go *for* something: to whoever owns it
        ("how much is the conference budget?", True),
        ("how does the pricing page get updated", True),
        ("what is the expense limit for client dinners", True),
        ("what is SOC 2", True),  # what a word means, asked with or without an article
        ("whats an ICP", True),
        ("what are OKRs?", True),
        ("what is the owner of the pricing page?", False),  # asks for an owner all the same
        ("any meetings tomorrow?", True),
        ("need an NDA signed with a potential partner today", False),  # when it is needed, in a request
        ("any update on the office move?", True),
        ("vendor contract details", True),
        ("expense policy, where is it?", True),
        ("show me the holiday calendar", True),
        ("please look up the parental leave policy", True),
        ("who sets the expense limit for client dinners?", False),  # asks who
        ("the new pricing page looks amazing", True),  # a remark
        ("vendor contract signed, thanks all", True),
        ("release notes done", True),
        ("budget review moved to 4pm", True),
        ("who's out sick today?", True),  # who is away, not who owns
        ("who is on vacation next week?", True),
        ("send the board deck to the investors", True),  # a command to an assistant
        ("summarise the pricing thread", True),
        ("the invoice export bug is fixed", True),  # a status update
        ("new expense tool is live", True),
        ("procurement takes forever tbh", True),  # an opinion
        ("security training was actually fun this year", True),
        ("welcome @jordan to the security team! :wave:", True),  # a welcome
        ("welcome pack for new hires", False),  # a topic, not a welcome
        ("+1", True),  # a vote
        ("-1 from me, the old vendor was fine", True),
        ("form 10b5-1 plans for executives", False),  # a number in a name, not a vote
        ("shoutout to everyone who worked on the pricing launch, thanks!", True),  # "who" saying which people
        ("ty legal for turning the vendor msa around so fast", True),  # thanks, however short the word
        ("props to finance for a clean month-end close", True),
        ("really appreciate the security team's help with the pen test", True),
        ("is there anyone who owns the pricing page?", False),  # asks for an owner all the same
        ("we need volunteers for the office move", True),  # a call for volunteers
        ("need the latest security policy pdf", True),  # a document wanted, not its owner
        ("is the hiring freeze for sales still in place?", True),  # whether something still holds
        ("do we have any interviews lined up for tomorrow", True),  # a short message about a day
        ("can someone approve the vendor contract today, who decides?", False),  # asks who, that day
        ("was my expense report signed off yet", True),  # the state of the asker's own request
        ("who signs off my expense report?", False),  # who gives it
        ("need sign-off on the offsite budget", False),  # a decision asked for, not the asker's own
        ("can you explain what to do when a laptop is stolen", True),  # a procedure
        ("how to submit travel receipts", True),
        ("expense report help", True),  # a request for help
        ("help me with the benefits portal", True),
        ("next offsite", True),  # when the next one is
        ("is onboarding usually done in the first week?", True),  # how things generally are
        ("who usually approves discounts?", False),  # asks who
        # a short request to an assistant, a status, what is left, a thing asked for, pay dates and documents
        ("request two days off next week", True),
        ("enroll me in the dental plan", True),
        ("Submit the annual budget to the board and oversee its execution across departments", False),  # a duty
        (
            "Own the release calendar for the mobile and web apps and make sure every update is tested, documented"
            " and announced once it is released",
            False,
        ),  # a duty: "released" is chat only in a short message ("shipped!", "the export bug is fixed")
        # a long statement that never says "I": a duty, whatever errand or chat words it holds
        (
            "Maintain the vendor information pages and the schedule of quarterly reviews with every key supplier"
            " across all regions",
            False,
        ),
        (
            "Recruit, train and energize volunteers, board members and event committees to support the annual"
            " fundraising campaign each year",
            False,
        ),
        ("i need the schedule for the quarterly reviews with every key supplier across all of our regions", True),
        ("expense claim status", True),
        ("travel request approved yet?", True),
        ("sick leave balance", True),
        ("training budget left?", True),
        ("who decides how the training budget left over is spent?", False),  # asks who
        ("org chart please", True),
        ("when's the next pay date", True),
        ("who owns the payroll calendar and payday?", False),
        ("1099 form", True),
        ("lost my payslip from march", True),
        ("403b loan", True),  # one's own retirement account
        ("who picks the 401k provider?", False),  # asks who
        ("block out thursday afternoon for interviews", True),  # one's own calendar
        ("any calls this afternoon", True),  # a short message about a day
        ("goodbye for now", True),  # a farewell
        ("ok talk to you later", True),
        ("that's a negative", True),  # a bare yes or no
        ("confirmed", True),
        ("approved", True),
        ("approved vendors list, who maintains it?", False),  # asks who
        ("negative reviews on g2, who owns responding?", False),  # asks who
        ("definition of net revenue retention", True),  # what a word means
        ("set a reminder for the board call", True),  # a reminder to set
        ("never mind", True),  # a short order to cancel
        ("terminate the reseller agreement with acme early, who signs off?", False),  # asks who
        # a short order to an assistant: a task to do now
        ("draft a press release for the launch", True),
        ("pull the churn numbers for last month", True),
        ("create a table comparing our pricing tiers", True),
        ("write me a linkedin post about our funding round", True),
        ("can you explain our revenue recognition policy", True),
        ("Draft and negotiate commercial contracts with customers and suppliers", False),  # a duty
        ("Create and oversee high-level KPIs for the IT department", False),
        ("Translate the CEO's vision into an operating plan with clear owners and milestones", False),  # a duty
        ("translate this contract into french", True),  # an order
        ("Check compliance with data protection laws across all markets", False),
        ("check my pto balance", True),
        ("draft a press release for the launch, who signs off on it?", False),  # asks who
        # anything asked opening with "please": a favour of the reader, unless a decision or an owner is asked
        ("please reset the sandbox environment", True),
        ("plz rsvp to the offsite survey by friday", True),
        ("please approve the new vendor contract", False),  # a decision asked for
        ("please, who signs off on discounts?", False),  # asks who
        # how something went, praise, a start or an end
        ("the board meeting went really well", True),
        ("sales kickoff was a blast", True),
        ("finance crushed the close this month", True),
        ("quarterly numbers are in and they look solid", True),
        ("our new CISO starts monday", True),
        ("the hiring freeze is over", True),
        ("the hiring freeze is over budget for recruiters, who decides?", False),
        # what a word means, asked another way; whether something happened
        ("meaning of product-market fit", True),
        ("can someone explain what a 409a valuation is", True),
        ("has the security audit finished", True),
        ("did payroll run this week?", True),
        ("did we ever decide who owns the pricing page?", False),  # asks who
        # which person someone is, by who they are to us
        ("who is the new hire on the security team?", True),
        ("who is the CFO's assistant", True),
        ("who's our account exec at salesforce", True),
        ("who is the owner of the security team budget?", False),  # asks for an owner
        ("who is the point person for new hires?", False),
        ("the marketing team is killing it this quarter", True),
        # a figure asked for, steps to follow, a definition
        ("Q3 revenue numbers?", True),
        ("current churn rate", True),
        ("headcount in engineering right now?", True),
        ("churn rate", False),  # a topic
        ("steps to onboard a new customer", True),
        ("churn definition", True),
        # who is doing something on a day; who holds a role now
        ("who's leading the all hands today", True),
        ("who's in the product review tomorrow", True),
        ("who is in charge of the product review process?", False),
        ("who's the new CFO?", True),
        ("who is our head of security", True),
        ("who is the CFO responsible for?", False),
        # a procedure, though it names a decision; files wanted; whether anyone is there; who else goes
        ("what's the process to get a purchase order approved", True),
        ("need approval for a new purchase order", False),  # a decision asked for
        ("need the logo files for a presentation", True),
        ("anyone from finance around?", True),
        ("who else is going to the sales kickoff", True),
        ("managers don't know how to give feedback", False),  # a problem, not a request for a procedure
        # a list to make (an order, up to 12 words); someone by name and team; a laugh
        ("make a list of all our vendors with renewals in june", True),
        ("who is mike from procurement", True),
        # whether something is up yet, a quiz: a status or a fact, not an owner
        ("is the new expenses app live", True),
        ("is the wiki down again", True),
        ("is the wiki down again? who looks after it", False),
        ("is the quarterly close done already?", True),
        ("are the performance reviews finished yet", True),
        ("is the pen test finished? who signs it off", False),
        ("trivia: which city hosted the first world expo", True),
        # an explanation asked for, a thing anyone may have to hand, an opinion asked for with "honest"
        ("sox vs hipaa audits in a nutshell", True),
        ("does anybody have a projector remote", True),
        ("anyone got the offsite agenda", True),
        ("anyone got an idea who owns the offsite agenda?", False),  # asks who
        ("honest opinion: will the four-day week last", True),
        # a copy of something held: a file wanted, not an owner
        ("who has the vendor onboarding checklist doc, cannot see it anywhere", True),
        ("who has the last say on the vendor onboarding checklist doc", False),
        ("who's responsible from our side for the audit?", False),
        ("haha classic procurement", True),
        # an opinion or a pick asked for, short: the reader's taste, not whoever decides
        ("best crm for a small sales team?", True),
        ("what's the best payroll provider for startups", True),
        ("thoughts on notion vs confluence for docs?", True),
        ("asana or monday for project tracking, which would you choose", True),
        ("which is better for hiring, greenhouse or lever?", True),
        ("can anyone recommend a good employment lawyer", True),
        ("any recs for a roadmap tool?", True),
        ("which notebook would you pick for travel?", True),
        ("which tote would you really use: canvas, leather, or nylon", True),  # a series, but asked
        ("who picks the best crm for sales?", False),  # asks who
        ("asana or monday for project tracking, need someone to make the call", False),  # a decision asked for
        ("Best-in-class tooling for the finance team: select, implement and maintain the systems", False),
        # two things told apart, or a meeting to find a time for or to move: neither asks who owns anything
        ("ebitda vs operating income, how do they differ", True),
        ("cac versus ltv - are they that different?", True),
        ("can we find some time friday to walk through the budget", True),
        ("could we find 30 mins with legal on thursday", True),
        ("lets move the vendor review call to monday", True),
        ("can we push the design review to thursday?", True),  # "can we" moving a meeting: no decision asked
        ("can we push the launch to next quarter?", False),  # a decision
        ("the budget standup is being rescheduled, sorry all", True),
        ("the retro clashes with the demo, can we shift it by 30 min", True),
        ("could we make the forecast call weekly from january", True),
        ("need 20 mins with you tomorrow on the vendor shortlist", True),
        ("the offsite planning session moves to the 12th", True),  # a notice of a meeting moved
        ("what does a data warehouse actually do", True),  # what a thing is, asked as what it does
        ("what does gross margin actually measure", True),  # what a figure counts
        ("what does the board do about a deadlock? who decides", False),  # asks who
        ("moving the pricing sync to friday, it clashes with the board call", True),  # a meeting moved
        ("the design review got double booked with the all hands, which do we drop", True),
        ("which folks from marketing are heading to the berlin summit", True),  # who goes, not who owns
        ("invite for the q3 planning session is out, shout if it clashes", True),  # a notice
        ("open bugs are down to 40, back to normal", True),  # a status
        ("leftover sandwiches from the board lunch on 2, come grab some", True),
        ("ticket backlog is back below 200", True),  # a status
        ("ebitda vs operating income, who owns the definition?", False),  # asks who
        # how it feels: a remark, not a question
        ("quarter-end close again. exhausting.", True),
        ("ugh, the travel booking site is down again", True),
        ("performance reviews are the worst", True),
        # a notice: it tells, and asks nothing
        ("heads up: the lift is out of order until thursday", True),
        ("psa - parking garage closes early on fridays", True),
        ("the new careers page goes live on tuesday", True),
        ("the partner portal is now live", True),
        ("wrapped up the q2 vendor audit, notes are in the drive", True),
        ("signups today: 412, best day this quarter", True),  # a report of figures
        ("the acme deal closed, who owns the renewal now?", False),  # asks who
        ("v2.3 is out to all customers, no issues so far", True),
        ("reminder: the fire drill is at noon on wednesday", True),
        ("heads up, the vendor contract renews next week. who signs off on the renewal?", False),  # asks who
        ("the offsite venue was the worst, who picks next year's venue?", False),  # asks who
        # who did a thing, in an irregular past tense
        ("who drew the mockups for the billing page", True),
        ("who ran the customer survey in june?", True),
        ("who built the churn dashboard? it's great", True),
        ("we have to push the launch by a month, whose call is that?", False),  # asks whose call
    ],
)
def test_one_particular_event_or_a_remark_is_not_about_ownership(question, event):
    assert asks_about_oneself(clean_slack_text(question)) is event


@pytest.mark.parametrize(
    "message, errand",
    [
        # a duty lists its work in a series, however short; the "i" of a form is nobody
        ("Prepare tax filings, statutory accounts, and audit packs", False),
        ("Manage fixed assets and leases, depreciation, and disposals.", False),
        ("Create a plan that sets out pricing, packaging, and discounts.", False),
        ("Complete Form I-9 for every new hire", False),
        # an order to an assistant, a remark and the asker's own documents still are
        ("draft a press release for the launch", True),
        ("the login bug is fixed", True),
        ("i need my w-2 and my payslips from march", True),
        # a job description's line, its verb in the third person: a duty, whatever "your" or errand words it holds
        ("Ensures your vendor contracts get signed before the quarter closes", False),
        ("Organises travel details", False),
        ("Compiles the weekly pipeline figures", False),
        # "i.e." is nobody: the line stays impersonal
        ("Set pricing floors, i.e. the lowest discount a rep may offer", False),
        # an order, a status or a question to the bot still is one
        ("send the weekly pipeline figures", True),
        ("can you show your sources", True),
        ("Ensures what, exactly? details please", True),
    ],
)
def test_a_duty_written_as_a_series_or_in_the_third_person_is_not_an_errand(message, errand):
    assert asks_about_oneself(clean_slack_text(message)) is errand


def test_a_managers_team_is_not_the_askers_own_matter():
    assert not asks_about_oneself(clean_slack_text("need sign-off on a bigger tooling budget for my team"))
    assert not asks_about_oneself(clean_slack_text("new vendors for my department, who vets them"))
    assert asks_about_oneself(clean_slack_text("need sign-off on my tooling expenses"))
    assert asks_about_oneself(clean_slack_text("my team's laptops are so slow"))  # no decision asked for
    # a manager speaking of their team or reports is not speaking of their own affairs
    report = "one of my reports raised a complaint, not sure where this should go"
    assert not asks_about_oneself(clean_slack_text(report))


@pytest.mark.parametrize(
    "message",
    [
        "top 3 product bets for next year, where does that decision actually get made?",
        "where does the travel policy even come from",
        "pager fatigue is real. where does on-call policy get set?",
        "where do refunds over 500 get approved",
        "got a fake invoice from 'the ceo' asking me to pay it today, where do phishing reports go",
        "how many analysts we hire next year, is that a finance call or people team?",  # two owners offered
        "need sign-off on a 25k design contract, it's over my approval limit",  # more than the asker may approve
    ],
)
def test_where_something_is_decided_or_sent_or_whose_of_two_asks_for_an_owner(message):
    assert not asks_about_oneself(clean_slack_text(message))


def test_whos_without_its_apostrophe_is_read_as_whos():
    assert clean_slack_text("Whos in charge of payroll") == "who's in charge of payroll"
    assert clean_slack_text("the vision doc, whos writing that") == "the vision doc, who's writing that"
    assert not asks_about_oneself(clean_slack_text("the vision doc, whos writing that"))
    assert asks_about_oneself(clean_slack_text("where do i pick up my badge"))  # a place for the asker still is


def test_doing_something_by_the_book_is_not_a_booking():
    assert ABOUT_ASKER.search(clean_slack_text("are the layoffs in the berlin office being done by the book?")) is None
    assert ABOUT_ASKER.search(clean_slack_text("book the berlin office for tuesday"))


@pytest.mark.parametrize(
    "message, decision",
    [
        ("need approval to hire a contractor for the office move", True),
        ("getting sign-off for the new vendor", True),
        ("please approve the switch to a new payroll provider", True),
        ("should we open a second warehouse?", True),
        ("deploy freeze in december, yes or no?", True),
        ("Approve annual budgets and monitor spend against them", False),  # a duty, as job descriptions put it
        ("the approval workflow is slow today", False),
        ("need someone to approve my PTO", True),  # a decision, but about the asker's own matter:
        ("can we get the new logo approved this week", True),
        ("need a decision on the hybrid work policy", True),
        ("how much discount can sales give? need someone to make the call", True),
        ("need a decision on my equipment request", True),  # the asker's own again
        ("can we sell to a reseller in a sanctioned country?", True),  # whether we may: whoever decides
        ("can i book the big meeting room at 2pm", False),  # a favour for the asker
        ("could we find some time tomorrow to talk through the roadmap", False),  # a meeting asked for, not a decision
        ("can we find half an hour with the board chair next week", False),
        ("can we sync on hiring later", False),
    ],
)
def test_a_request_for_a_decision_asks_for_whoever_makes_it(message, decision):
    assert asks_for_owner(clean_slack_text(message)) is decision
    if {"my", "i"} & set(message.split()):
        assert asks_about_oneself(clean_slack_text(message))  # so still not answered with an owner
    elif decision:
        assert not asks_about_oneself(clean_slack_text(message))  # "how much …? need someone to decide"


@pytest.mark.parametrize(
    "message, decider",
    [
        ("who decides what goes on the roadmap?", True),
        ("whose call is the office move", True),
        ("whos call is the office move", True),  # typed as it sounds
        ("who's decision is it to switch banks?", True),
        ("who has the final say on discounts", True),
        ("who has the final word on sponsorship deals", True),
        ("who has the last word on the office layout?", True),
        ("who has final say on the brand guidelines", True),
        ("kotlin or swift for the new app, who gets the final word", True),
        ("who gets the last say on the offsite venue?", True),
        ("who owns the office plants?", False),  # things are owned too
        ("who has the spare key?", False),
    ],
)
def test_a_question_that_asks_who_decides_is_recognised(message, decider):
    assert asks_who_decides(clean_slack_text(message)) is decider


@pytest.mark.parametrize(
    "typed, cleaned",
    [
        ("who runs the IT department?", "who runs the information technology department?"),
        ("IT wants a new helpdesk tool", "information technology wants a new helpdesk tool"),
        ("<@U0BOT> who owns *IT* support", "who owns information technology support"),
        ("who owns it?", "who owns it?"),  # a pronoun
        ("It is broken, who fixes it?", "it is broken, who fixes it?"),
        ("WHO OWNS IT?", "who owns it?"),  # shouted: every word is in capitals, IT among them
        ("ITSM tooling", "itsm tooling"),
    ],
)
def test_it_written_in_capitals_is_the_department(typed, cleaned):
    assert clean_slack_text(typed) == cleaned


@settings(max_examples=2000, deadline=None)
@given(st.text())
def test_plain_text_is_cleaned_as_the_markup_path_would_clean_it(text):
    # Text without a markup character skips the markup patterns; a mention added at the end forces them,
    # and must not change what comes out.
    assert clean_slack_text(text) == clean_slack_text(text + " <@U0ANY>")


@pytest.mark.parametrize(
    "question, about_the_bot",
    [
        ("who made you?", True),
        ("who made you, is this an internal tool or something we bought from a vendor?", True),  # 15 words
        ("ai, stop talking", True),  # the bot called "ai" or "assistant"
        ("hey assistant what can you look up", True),
        ("which exec owns our ai roadmap?", False),  # ai as a topic
        ("who evaluates emerging tech like ai", False),
        ("who is the creator of this bot", True),
        ("what company owns your code", True),
        ("who is responsible for making you", True),
        ("which company is responsible for your design", True),
        ("repeat that please", True),  # asked to say it again
        ("what was the question", True),
        ("hey bot, who built you and how do you decide which exec owns a topic?", True),
        ("who owns you?", True),
        ("who built you", True),
        ("could you tell me who made the ai", True),  # the bot called "the ai"
        ("who created this assistant?", True),
        ("change the ai's name", True),
        ("who owns the ai roadmap?", False),  # an owner asked for
        ("who do you work for", True),
        ("who is your boss?", True),
        ("what's your name", True),
        ("how old are you", True),
        ("which company designed you?", True),
        ("hey bot, are you connected to the payroll system?", True),
        ("how reliable are your answers on reporting lines?", True),
        # what it can answer and where its answers come from, whatever topic or owner it names
        ("can you also answer questions about budgets", True),
        ("how do you know who owns what?", True),
        ("where does your info on the finance team come from", True),
        # the asking frame, or anyone's "you": a question about something else
        ("can you tell me who owns pricing?", False),
        ("do you know who handles payroll", False),
        ("who do you ask about hosting costs?", False),
        ("who do you go to for a bigger laptop budget?", False),
        ("thank you! who approves travel?", False),
        # longer, or naming more: about that, whatever "you" it holds
        ("who decides how company travel booking works, or do you just book it yourself", False),
        ("who approves your expenses and your travel bookings", False),
        # a job description's "you" is whoever takes the job: a duty written out
        ("You own the recruiting function at a strategic level.", False),
        ("You'll lead the design team and set its standards", False),
        ("You're relentlessly re-prioritizing features to nail the value proposition.", False),
    ],
)
def test_a_question_about_the_bot_itself_is_recognised(question, about_the_bot):
    assert asks_about_the_bot(clean_slack_text(question)) is about_the_bot
    if about_the_bot:
        assert asks_about_oneself(clean_slack_text(question))  # so it is never answered with a topic


@pytest.mark.parametrize(
    "question",
    [
        "where do we take a new partnership idea?",
        "new security questionnaire from a customer, who do i send it to?",
        "pricing change for the starter plan - who should we run it by?",
        "we'd like to reskill support agents. who should design that upskilling program?",  # whose job it is
        "who is supposed to approve the lease?",
        "messages at 11pm every night. who can set a right-to-disconnect policy?",
        # where a matter is passed on
        "a podcast host wants to interview one of us about the funding round, where should i send her?",
        "there's a conflict of interest with one of our suppliers, where would we even raise it",
        "to whom do i forward a subpoena that arrived at reception",
        "the new partner agreement came back with edits, where does it go for review?",
        "where can we complain about the travel tool needing four approvals",
        "who takes point on the vendor audit?",
        # the matter just told, and where it gets put right
        "onboarding checklists differ in every team, where does that get sorted out?",
        # who settles a dispute between two
        "two teams both claim the same budget line, who arbitrates?",
        "reps keep double-claiming accounts in the same region. who sorts that out",
    ],
)
def test_who_to_take_something_to_or_who_should_do_it_asks_for_whoever_owns_it(question):
    cleaned = clean_slack_text(question)
    assert asks_for_owner(cleaned)
    assert not asks_about_oneself(cleaned)


@pytest.mark.parametrize(
    "question, topic",
    [
        ("who's leading the series b?", "series b"),
        ("who is handling vendor contracts", "vendor contracts"),
        ("who makes the final call on m&a?", "m&a"),
        ("who has the last say over pricing", "pricing"),
        ("who makes the call?", ""),
        # "which exec's area", as "whose area"
        ("which exec's area is vendor management?", "vendor management"),
        ("which team's job is it to run payroll", "run payroll"),
    ],
)
def test_asked_of_now_of_the_final_call_or_of_a_roles_area_asks_for_whoever_owns_it(question, topic):
    cleaned = clean_slack_text(question)
    assert asks_for_owner(cleaned)
    assert strip_lead_in(cleaned) == topic
    assert asks_who_decides(cleaned) == ("call" in question or "say" in question)  # the last say is the decision


@pytest.mark.parametrize(
    "question",
    [
        "i clicked a phishing link by accident... who do i tell",
        "who should we notify when a customer reports a data leak?",
        "got a weird invoice from a supplier we never used, who do i report it to",
        "a message posing as the bank asks for my login, where should i report it",
        "where should we flag a forklift near-miss in the warehouse",
    ],
)
def test_asking_whom_to_tell_asks_for_an_owner(question):
    assert asks_for_owner(clean_slack_text(question))


@pytest.mark.parametrize("question", ["where do i send my receipts from the offsite", "where do i report my hours"])
def test_where_the_askers_own_thing_is_sent_is_an_errand(question):
    assert asks_about_oneself(clean_slack_text(question))


@pytest.mark.parametrize(
    "message",
    [
        "my team found a supplier billing us twice for one order since june, where do i raise this",
        "one of my reports keeps rewriting the forecast numbers before it goes up. where should i flag it",
        "got a letter from a tax office in my post about one of our subsidiaries. forward to?",
        "the vendor I manage quietly changed the data terms in my contract. where does that get raised?",
        "i think my team has booked deferred revenue the wrong way all year. where do i ask",
        "a recruiter from a rival keeps emailing my engineers about the reorg. where do i redirect that",
        "the laptop refresh keeps slipping every quarter and nobody seems to own it. not sure where to take this",
        "the travel policy still caps hotels at 2019 rates, where would i propose a change",
        "the on-call rota burns out the same three people. is there someone i can take this to?",
        "q2 territories were carved up before the new hires started, where do i push back on that",
    ],
)
def test_a_scene_then_where_to_take_it_is_not_the_askers_own_matter(message):
    """The "I" and "my" of someone bringing a matter to its owner: with `SCENE_WORDS` words or more told
    before it asks where to take it, the message is about the matter, not the asker's own affairs."""
    assert not asks_about_oneself(clean_slack_text(message))


@pytest.mark.parametrize("message", ["my permit ran out, where do i report it", "where do i send my timesheet"])
def test_where_to_take_ones_own_thing_after_a_few_words_is_still_an_errand(message):
    assert asks_about_oneself(clean_slack_text(message))


@pytest.mark.parametrize(
    "question, topic",
    [
        ("we need sign-off on the tagline for the autumn rebrand", "tagline for the autumn rebrand"),
        ("the new data retention rules need final approval", "new data retention rules"),
        ("looking for a decision on the warehouse lease", "warehouse lease"),
        ("moving the offsite to lisbon, who signs off?", "moving the offsite to lisbon"),
    ],
)
def test_asking_for_the_go_ahead_is_not_the_topic(question, topic):
    assert strip_lead_in(clean_slack_text(question)) == topic


def test_a_favour_asked_of_anyone_asks_for_no_owner():
    assert not asks_for_owner(clean_slack_text("who can send me a w2 so i can do my taxes"))
    assert not asks_for_owner(clean_slack_text("can someone approve my PTO"))
    assert asks_for_owner(clean_slack_text("can someone approve the new logo"))


@pytest.mark.parametrize(
    "question, topic",
    [
        ("base pay for the new VPs. whose area is executive comp?", "base pay for the new vps executive comp"),
        ("the pricing page, who owns that?", "pricing page that"),
        ("uptime numbers for the investors. whose job?", "uptime numbers for the investors"),
        ("we have a new vendor, who should i talk to about the contract", "we have a new vendor the contract"),
    ],
)
def test_asked_after_the_scene_the_asking_words_are_not_the_topic(question, topic):
    assert strip_lead_in(clean_slack_text(question)) == topic


@pytest.mark.parametrize(
    "question",
    [
        "who in the C-suite is accountable for the call center?",
        "the call center misses its kpis. who on the exec team owns it?",
        "the call center is a mess. at exec level, who owns it?",
        "who from our leadership team runs the call center",
    ],
)
def test_where_to_look_for_the_owner_is_not_what_is_owned(question):
    # "C-suite", "exec team" and "leadership team" are aliases of the executive team's own topic
    topic = strip_lead_in(clean_slack_text(question))
    assert "call center" in topic and not any(word in topic for word in ("c-suite", "exec", "leadership"))


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("who do the R&D teams report to?", ["r&d"]),
        ("who does the design team report to", ["design"]),
        ("which exec does customer support roll up to?", ["customer", "support"]),
        ("who does IT report into", ["information", "technology"]),
        ("where does UX research sit in the org?", ["ux", "research"]),  # where an area sits
        ("where do invoices go for approval?", ["invoices"]),
    ],
)
def test_who_a_team_reports_to_asks_for_the_owner_of_the_team(question, topic):
    cleaned = clean_slack_text(question)
    assert asks_for_owner(cleaned)
    assert words(topic_of(question)) == topic


def test_reporting_something_to_someone_is_not_a_reporting_line():
    assert words(topic_of("who should i report this bug to")) != ["bug"]


@pytest.mark.parametrize(
    "message, other",
    [
        ("the new travel tool went live this morning. is there a guide for booking trains?", True),
        ("legal sent round the new contract template. where can i download it?", True),
        ("our biggest vendor raised prices by 20%. who decides whether we renew?", False),
        ("a customer threatened to sue us this morning. where does this go?", False),
        ("a supplier missed the delivery date again. does this get escalated somewhere?", False),
        ("the team wants to move to a new database. is that an engineering call?", False),
        ("the warehouse lease is up in may. does finance have to approve the renewal?", False),
        ("who owns the travel budget? is it the cfo?", False),  # the scene itself asks for the owner
    ],
)
def test_after_a_scene_the_last_question_is_what_is_asked(message, other):
    assert asks_something_else(clean_slack_text(message)) is other


def test_an_abbreviation_does_not_end_the_sentence_asked():
    assert question_asked("whose call is it what we stop doing, i.e. where do our limits lie?").startswith("whose")
    assert question_asked("we sell to banks now. e.g. big ones. is that in scope?") == "is that in scope?"


@pytest.mark.parametrize(
    "message, owner",
    [
        ("can i just order a monitor and expense it, or does somebody have to approve it?", True),
        ("does anyone else need to sign off on the new logo?", True),
        ("do new laptops have to go through someone before we buy them?", True),
        ("their lawyers sent a 9 page nda. can i just sign it or does some team have to review it first", True),
        ("does anyone need a ride to the offsite?", False),
        ("does anyone have to present at the all-hands?", False),
    ],
)
def test_asking_whether_an_approver_is_needed_asks_for_one(message, owner):
    assert asks_for_owner(clean_slack_text(message)) is owner


def test_an_area_weighed_between_two_under_which_it_falls_asks_for_its_owner():
    cleaned = clean_slack_text("does travel booking fall under procurement or the office team?")
    assert asks_for_owner(cleaned)
    assert not asks_something_else(cleaned)


@pytest.mark.parametrize(
    "question",
    [
        "is the pricing page owned by product or marketing?",
        "should vendor onboarding be handled by ops or finance?",
        "does QA belong to engineering or product?",
        "does paying vendors early sit with procurement or someone else",
        "where would a call about data retention for old invoices live",
        "is the API rate limit decision eng's or product's?",
        "is this a legal question: can we use customer logos in ads",
        "where do marketing requests go",
        # two executives or departments weighed against each other
        "is the data retention policy under the cto or the gc",
        "is a hiring freeze the CFO's call or the CHRO's?",
        "warehouse safety training, hr or ops?",
        "is the returns policy an ops problem or a finance problem?",
        # the matter just told, taken somewhere
        "the landlord wants to renegotiate the lease - where does that go",
        "a customer is threatening to go to the press. where does something like that even go?",
        "we're setting the list price for the add-on. should product be deciding that, or is it a sales thing?",
        "a big customer wants single tenancy. is that an eng architecture decision?",
        "our label printers jam every week. the fix there should sit with which leader?",
    ],
)
def test_whose_an_area_is_asked_of_the_area_asks_for_its_owner(question):
    cleaned = clean_slack_text(question)
    assert asks_for_owner(cleaned)
    assert not asks_something_else(cleaned)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on-call policy", ["oncall", "policy"]),  # not "policy" alone: "on" and "call" are stopwords
        ("is anyone on call this weekend", ["oncall", "weekend"]),
        ("go-to-market plan", ["gtm", "plan"]),
        ("the all-hands", ["allhands"]),
        ("business development team", ["bizdev"]),  # not any development
        ("the go/no-go decision", ["gonogo"]),
    ],
)
def test_phrases_that_are_one_word_are_read_as_one(text, expected):
    assert words(clean_slack_text(text)) == expected


def test_a_scene_that_asks_where_to_take_it_asks_nothing_else():
    """A yes-or-no question first is the scene when the message ends by asking where to take it."""
    cleaned = clean_slack_text("can we end a contractor's engagement early? legal question, where do i ask")
    assert not asks_something_else(cleaned)
    assert asks_something_else(clean_slack_text("can we end a contractor's engagement early?"))
