"""English question phrasing the normaliser strips: how people ask, not what they ask about.

Kept apart from the normaliser's logic so the word lists can grow without touching code paths. The
domain's own vocabulary (synonyms such as "bill" = "cost") is data in `knowledge/synonyms.yaml`.
"""

import re

# Greetings, politeness and the asker describing themselves ("new joiner q:"), which may open a message.
_OPENERS = (
    r"(?:(?:hey|hi|hello|yo|ok|okay|so|quick question|question|q|please|pls|plz|sorry|um|hmm|"
    r"(?:i'm |im |i am )?new here|(?:i )?just joined|new (?:joiner|starter|hire|person)(?: q| question| here)?|"
    r"newbie(?: q| question)?|noob question|dumb question|silly question)\b[\s,:!-]*)*"
)

# Where a matter is passed on ("a journalist wants a comment on the outage, where do I send them?", "where
# would I even raise that", "a forged invoice came in, where can we flag it", "where do I complain about …"):
# asks for its owner, unless it is the asker's own thing (`PASSED_ON`).
_PASSES_ON = (
    r"(?:where|to whom) (?:do|should|can|would|could) (?:i|we)(?: even| best)? "
    r"(?:send|raise|forward|route|refer|report|flag|complain|redirect)"
)
# The ways people ask who owns something; the topic follows.
_ASKERS = [
    (
        r"who(?:'s| is| are)? (?:really |actually |ultimately |usually |normally )?"
        r"(?:the )?(?:owner|owners|responsible|accountable|in charge|on the hook|the right person|the person|"
        r"point person|decision maker|dri|contact)(?: (?:of|for|on|about|with|to ask about|to talk to about))?"
    ),
    (
        r"whom? (?:should|do|can|would|could|must) (?:i|we) (?:ask|talk to|speak to|speak with|go to|contact|ping|"
        r"reach out to|escalate to|turn to|check with|tell|notify|inform|alert|"
        r"report (?:it|this|that|them) to|(?:pitch|send|take|bring|run|flag|forward|hand|submit)"
        r"(?: (?:it|this|that|them|these|those))? (?:to|by|past))(?: (?:about|for|on|regarding|re|with))?"
        r"(?: (?:approval|sign-?off|permission)(?: (?:of|for|on|to))?)?"
    ),
    (
        r"who (?:really |actually |ultimately |usually |normally |typically )?"
        r"(?:owns|handles|decides(?: on)?|takes care of|looks after|deals with|is responsible for|"
        r"has (?:the )?final (?:say|word) (?:on|over)|makes the call on|makes the decision on|signs off(?: on)?|"
        r"approves|covers|takes point(?: on)?|sorts(?: out)?|settles|arbitrates|referees|"
        r"is accountable for|is in charge of|manages|oversees|runs|leads|drives|sets|defines|determines|does|"
        r"owns the decision on|gives (?:the )?(?:final )?(?:approval|sign-?off|go-ahead|green ?light)"
        r"(?: (?:for|on|to))?)"
    ),
    # who may or must give the go-ahead ("who can approve a new vendor?", "who is supposed to sign off on the
    # budget?"): the asking, like "who approves", not the topic
    (
        r"who(?: else| exactly)? (?:can|could|should|must|would|will|may|needs? to|has to|have to|gets? to|"
        r"ought to|is (?:supposed|allowed|authori[sz]ed|meant|expected|permitted|able) to) "
        r"(?:approve|sign off(?: on)?|sign-off(?: on)?|ok|okay|green ?light|decide(?: on)?|"
        r"make the (?:final )?call on|give (?:the )?(?:final )?(?:approval|sign-?off|go-ahead|green ?light)"
        r"(?: (?:for|on|to))?)"
        r"|who (?:do|would|will|should) (?:i|we) (?:need|get) (?:approval|sign-?off|permission|the go-ahead) from"
        r"(?: (?:for|to|on))?"
    ),
    # a request for whoever gives the go-ahead ("need someone to sign off on moving to aws", "can someone
    # approve the new logo", "someone needs to own vendor risk"; not "can someone approve my PTO", a favour)
    (
        r"(?:(?:(?:i|we) )?(?:need|needs|looking for|want|seeking|requesting) (?:someone|somebody|an owner|a dri) "
        r"to (?:approve|sign off(?: on)?|ok|okay|green ?light|decide(?: on)?|own|make the (?:final )?call on)"
        r"|(?:can|could) (?:someone|somebody|anyone|anybody) (?:please )?(?:approve|sign off(?: on)?|ok|okay|"
        r"green ?light|decide(?: on)?|make the (?:final )?call on)"
        r"|(?:someone|somebody) (?:needs|has|ought) to (?:approve|sign off(?: on)?|own|decide(?: on)?|"
        r"make the (?:final )?call on))(?! (?:my|me|mine)\b)"
    ),
    # the same, asked of now ("who's leading the series b?", "who makes the final call on m&a?")
    (
        r"who(?:'s| is| are) (?:owning|handling|deciding(?: on)?|taking care of|looking after|dealing with|"
        r"managing|overseeing|running|leading|driving|approving|signing off on|taking point(?: on)?)"
        r"|who (?:makes|gets to make|has) the (?:final |last )?(?:call|decision|say|word)(?: (?:on|about|over|for))?"
    ),
    (
        r"(?:whose|which (?:role|exec|executive|leader|c-level|chief|officer|department|team|function)(?:'s)?) "
        r"(?:call|decision|job|responsibility|area|remit|problem|domain|department|turf)"
        r"(?: is(?: it| that| this)?)?"
        r"(?: (?:to|for|on))?"
    ),
    (
        r"which (?:role|exec|executive|leader|person|c-level|c level|chief|officer|department|team)"
        r"(?: (?:owns|handles|decides(?: on)?|is responsible for|is in charge of|manages|runs|leads|approves|"
        r"signs off on|(?:can|should|must|needs to|has to|gets to) (?:approve|sign off on|decide(?: on)?)))?"
    ),
    # where to look for the owner, not what is owned ("who in the C-suite is accountable for …", "at exec
    # level, who owns …"): "C-suite" and "exec" are aliases of the executive team's own topic
    r"who (?:in|on|from|at) (?:the |our )?(?:c-suite|c-level|c level|exec team|executive team|leadership team|"
    r"senior leadership(?: team)?|management team|leadership|execs?|executives)"
    r"|at (?:the )?(?:exec|executive|c-suite|c-level|leadership|senior leadership) level(?= (?:who|which)\b)",
    # not "where do I go to get my W-2": a place or a procedure, not an owner
    r"(?:where|to whom) (?:do|should|can) (?:i|we) "
    r"(?:go(?! to (?:get|find|see|download|pick up|request|submit|file|make)\b)|turn|escalate|take|bring|pitch)"
    r"(?: (?:for|with|about))?",
    # where a matter is passed on
    _PASSES_ON,
]
LEAD_IN = re.compile(rf"^{_OPENERS}(?:{'|'.join(_ASKERS)})\b\s*")
# The same asked later in the message, after the scene ("… for the incoming VPs, whose area is executive
# comp?"): its words ("area", "job", "contact") are how it asks, not what about.
ASKED_LATER = re.compile(rf"\b(?:{'|'.join(_ASKERS)})\b\s*")
# Whose an area is, asked of the area ("is the pricing page owned by product or marketing?", "should vendor
# onboarding be handled by ops or finance?"): about ownership, though it opens like a yes-or-no question. The
# roles offered stay in the topic: they are a hint to it ("owned by HR or each manager").
_OWNED_BY_CUE = r"owned by|(?:owned|handled|run|managed|decided|led|covered|done) by (?:\w+ ){0,3}?or"
# Where an area sits ("where does UX research sit in the org?", "does QA belong to engineering or product?",
# "where do invoices go for approval?"): asked of the area, about who owns it.
_IN_THE_ORG = r"(?: in| under| within| with)?(?: the (?:org|organisation|organization|company|org chart))?"
# The words that name an executive as people type them, lower case (the semantic matcher's `EXECUTIVE_TITLE` adds more).
EXECUTIVE_WORDS = r"ceo|cto|cpo|coo|cfo|cmo|chro|ciso|cro|general counsel"
# The executives and the departments a question may weigh against each other ("the cmo or the cpo", "hr or
# legal", "the ceo's call or the cfo's"): naming two of them either side of "or" asks which owns the area.
_FUNCTION = (
    rf"(?:the |an? )?(?:{EXECUTIVE_WORDS}|gc|hr|people team|legal|finance|ops|"
    r"operations|product|eng|engineering|marketing|sales|security|infosec|it)(?:'s|s')?"
)
# The departments a question may offer as the possible owners, and the role each stands for ("is that
# product or mktg?", "an eng decision or finance?"): the owner is one of them more often than not.
DEPARTMENT_ROLES = {
    "hr": "CHRO",
    "people": "CHRO",
    "people team": "CHRO",
    "talent": "CHRO",
    "legal": "GC",
    "finance": "CFO",
    "accounting": "CFO",
    "ops": "COO",
    "operations": "COO",
    "product": "CPO",
    "design": "CPO",
    "eng": "CTO",
    "engineering": "CTO",
    "tech": "CTO",
    "it": "CTO",
    "marketing": "CMO",
    "mktg": "CMO",
    "comms": "CMO",
    "sales": "CRO",
    "revenue": "CRO",
    "security": "CISO",
    "infosec": "CISO",
    "gc": "GC",
    "general counsel": "GC",
}
_DEPARTMENT = "|".join(sorted((*DEPARTMENT_ROLES, *EXECUTIVE_WORDS.split("|")), key=len, reverse=True))
OFFERED_OWNERS = re.compile(
    rf"\b(?:the |an? )?(?P<first>{_DEPARTMENT})(?:'s|s')?(?: [a-z]+)?(?: (?:call|job|decision|area|problem|"
    rf"thing|team|department|org|side|question|issue|matter))? or (?:the |an? )?(?P<second>{_DEPARTMENT})(?:'s|s')?\b"
)
# The one department whose view a question asks for ("… where does that get approved from a security pov",
# "can anyone halt the rollout if it looks too risky from a security standpoint?"): offered as the owner.
VIEW_OF_ONE = re.compile(
    rf"\bfrom an? (?P<first>{_DEPARTMENT})(?:'s)? (?:pov|perspective|standpoint|point of view|angle|lens)\b"
)
# A matter for the top of the company ("someone at the very top needs to pick", "feels bigger than a product
# call", "a company-level yes/no", "a top-of-the-house decision", "refocus the company around it", "a huge
# bet", "the company's top priority"), or the company's own sale ("a bigger rival sniffing around about buying
# us"): the chief executive's (`TOP_ROLE`), offered as the owner. The house, refocusing, a bet and the top
# priority (over every set, 2026-12-08): held out +3, read +3, nothing lost. Whether to enter or leave a
# market ("… whether we enter japan at all", not "if we leave the office"): read +3, held out unchanged.
FOR_THE_TOP = re.compile(
    r"\b(?:at the (?:very )?top|top-level|top level|company-level|company level|as a company|company direction|"
    r"(?:bigger|higher) than an? [a-z]+ (?:call|decision|question)|above my pay ?grade|"
    r"(?:above|beyond|bigger than) any (?:one|single) (?:department|team|function|exec)|"
    r"(?:a )?(?:call|decision) (?:that|this) (?:big|large|huge)|"
    r"(?<!product )(?<!tech )(?<!technical )(?<!marketing )(?<!sales )strategy (?:decision|call|thing)|"
    r"(?:acquire|acquiring|buy|buying|purchase|purchasing) us|(?:we're|we are|us) being (?:acquired|bought|sold)|"
    r"being acquired|acquisition (?:feeler|offer|interest|approach|inquiry|enquiry)|take equity in us|"
    r"(?:take|taking|took) an? (?:minority |majority |small |big )?stake in us|"
    r"top[- ]of[- ](?:the[- ])?house|(?:refocus|reorient|pivot|bet) (?:the )?(?:whole |entire )?company|"
    r"(?:big|biggest|huge) bet|company(?:'s)? (?:#1|number one|top|biggest) priorit\w*|"
    r"(?:whether|if) (?:we|to) (?:should )?(?:enter|expand into|exit|pull out of|leave|launch in) "
    r"(?!(?:the |a )?(?:office|building|space|room|lease)\b))\b"
)
TOP_ROLE = "CEO"
# Where a team is to report, not who owns the matter ("should support report into product or ops?")
PLACED_UNDER = re.compile(r"\b(?:report|reports|reporting|roll up|rolls up|move|moved|go|goes) (?:in)?to (?:the )?$")
_SITS_CUE = (
    rf"where (?:does|do|should|would) [^?]{{1,60}}? (?:sit|live|belong|fall){_IN_THE_ORG}[?.!]*$"
    r"|\b(?:belongs? (?:to|with|under)|falls? under|comes? under|sits? (?:under|with)) (?:\w+ ){1,3}or\b"
    r"|where (?:does|do|should) [^?]{1,40}? go for (?:approval|sign-?off|review)"
    r"|where (?:does|do|should) [^?]{0,40}?\b"
    r"(?:requests|tickets|questions|issues|complaints|escalations|approvals|reports) go[?.!]*$"
    # the matter just told, taken somewhere ("401k match change - where does that go")
    r"|where (?:does|do|should) (?:this|that|it|these|those|(?:something|stuff|things) like (?:this|that))"
    r"(?: kind of (?:thing|stuff|request|issue))? (?:even |usually |normally )?"
    r"(?:go|(?:get|be) (?:fixed|sorted(?: out)?|decided|raised|escalated))[?.!]*$"  # "… where does that get fixed"
    # whose it is between two ("is the rate limit decision eng's or product's?", "is this a legal question?")
    r"|\b[a-z]+'s or (?:the )?[a-z]+'s[?.!]*$"
    rf"|\b{_FUNCTION}(?: (?:call|job|decision|area|problem|thing|team|department|org|side))? or {_FUNCTION}\b"
    # "is this a legal question?", "… is that an eng architecture decision first?"
    r"|(?:^|\bor |[.?!] )is (?:this|that|it) (?:a|an) (?:legal|finance|hr|people|security|marketing|product|"
    r"engineering|eng|ops|sales|it|tech)(?: [a-z]+)? (?:question|thing|issue|matter|call|decision)\b"
    # the leader an area should sit with ("the architecture there should sit with which leader?")
    r"|\b(?:sit|sits|live|lives|belong|belongs|fall|falls) (?:with|under) (?:which|what) "
    r"(?:leader|exec|executive|team|role|department|function)\b"
    rf"|\bshould {_FUNCTION} be (?:deciding|owning|handling|approving|running|doing|setting) (?:this|that|it)\b"
)

# A question that asks who owns something, wherever in the message it asks ("…, who owns scalability?").
ASKS_OWNER = re.compile(
    rf"\b(?:{'|'.join(_ASKERS)})\b"
    r"|\b(?:owner|owns|responsible|accountable|in charge|on the hook|point person|sign(?:s|ed)? off|whose)\b"
    r"|\bwho (?:should|must|needs to|has to|is supposed to|is meant to|ought to)\b"
    r"|\bwho (?:can|could) (?!\w+ me\b)"  # not a favour to the asker: "who can send me a w2"
    # whether an approver is needed at all ("can I just reply, or does somebody need to authorize it?")
    r"|\b(?:does|do|would|will) (?:someone|somebody|anyone|anybody|another [a-z]+|some (?:team|department|one))"
    r"(?: else)? (?:have to|need to|needs to|must) (?:approve|authori[sz]e|sign off|okay|ok|review)\b"
    r"|\bhave to (?:go|run) (?:through|past|by) (?:someone|somebody|anyone|anybody)\b"
    r"|\b(?:report|reports|roll up|rolls up) (?:in)?to[?.!]*$"  # "who does the design team report to?"
    rf"|\b(?:{_OWNED_BY_CUE})\b|\b(?:{_SITS_CUE})"
)

# Who a team reports to ("who do the R&D teams report to?", "which exec does customer support roll up to?"),
# or where an area sits: the team or area is the topic, its executive is what is asked.
REPORTS_TO = re.compile(
    r"^(?:whom?|which (?:exec|executive|leader|role|c-level|chief|officer)) (?:do|does|did|should|would|will) "
    r"(?:the |our )?(?P<topic>.+?) (?:report|roll up|sit under|fall under|answer|belong)(?: in)?(?: to| into| under)?$"
    # where an area sits ("where does UX research sit in the org?", "where do invoices go for approval?")
    r"|^where (?:does|do|should|would) (?:the |our )?(?P<area>.+?) "
    rf"(?:sit|live|belong|fall|go for (?:approval|sign off)|go){_IN_THE_ORG}$"
)

# A short stretch of time ("30 min", "a few minutes", "half an hour").
_DURATION = r"(?:\d+ ?|a few |an? |half an )(?:mins?|minutes|hours?|hrs?)"
# Time to meet found ("find some time", "find a slot", "find 30 min", "find half an hour"): a meeting, not an owner.
_FIND_TIME = rf"find (?:some |a )?(?:time|slot|a time)|find {_DURATION}"
# a meeting moved ("push the design review to thursday", "move the standup back")
_MEETING = r"(?:meeting|call|sync|standup|1:1|check-in|review|retro|workshop|planning)"
_MOVED = r"(?:push(?:ed|ing)?|mov(?:e|ed|ing)|bump(?:ed|ing)?|shift(?:ed|ing)?)"
_MOVE_MEETING = (
    rf"{_MOVED} (?:\S+ ){{0,4}}?{_MEETING} (?:to|till|back|out)"
    # "can we shift it an hour", "push this by 30 min"
    rf"|{_MOVED} (?:it|this|that) (?:back |forward |up )?(?:by )?"
    r"(?:an? |half an |\d+ ?)(?:hour|hours|hr|hrs|day|days|week|mins?|minutes)\b"
    # "can we make the pipeline review biweekly"
    rf"|make (?:the|our|this|that) (?:\S+ ){{0,3}}?{_MEETING} (?:bi-?weekly|weekly|monthly|daily|fortnightly|quarterly)"
    # "need 30 min with you this week"
    rf"|need {_DURATION} with (?:you|u)\b"
)

# A request for a decision rather than a question with "who" ("need approval to switch cleaning company",
# "should we sponsor the conference?"): asks for whoever decides, though not about an area by name.
ASKS_DECISION = re.compile(
    r"\b(?:need|needs|needed|needing|want|wants|get|getting|seeking|requesting|looking for|please|pls)\b"
    r"[^.?!]{0,24}?\b(?:approv(?:e|ed|al)|sign-?off|green ?light|go-ahead|decision|decide|"
    r"make (?:the|that|this|a) call)\b"
    r"|\byes or no\b|^should (?:we|i)\b|^(?:can|could|may) we\b"
    # not a time to meet ("could we grab time wednesday to look at …", "can we sync on the budget"): a meeting asked for
    rf"(?! (?:{_FIND_TIME}|{_MOVE_MEETING}|meet|sync|grab|hop on|jump on|catch up|chat)\b)"
)

# A request for the go-ahead itself ("need sign-off on the messaging for the spring campaign", "the press
# release needs final approval"): how the message asks, not what about. Read as part of the topic, "sign-off"
# and "approval" drew it to topics named for one ("launch sign-off", "expense approval").
GO_AHEAD_ASKED = re.compile(
    r"\b(?:(?:i|we) )?(?:need|needs|needed|want|wants|get|getting|seeking|requesting|looking for) "
    r"(?:(?:a|an|the|some|final|formal|official) )*(?:sign-?off|approval|go-ahead|green ?light|decision)"
    r"(?: (?:on|for|about))?\b"
)

# A question that asks outright who decides something ("who decides what goes on the Q3 roadmap?"): about
# a decision, however close its words come to a message that is not (`bot/core/counter_examples.py`). Not
# "who owns": things are owned too ("who owns the office plants?").
ASKS_DECIDER = re.compile(
    r"\bwho (?:decides|approves|signs off|gets to decide|has (?:the )?final (?:say|word))\b|\bwhose (?:call|decision)\b"
    r"|\bwho (?:makes|gets to make|has|gets) the (?:final |last )?(?:call|decision|word|say)\b"
)
# A question that asks which executive ("… which exec owns that", "should sit with which leader?"): about
# ownership by its asking alone, as "whose call" is.
ASKS_WHICH_EXECUTIVE = re.compile(
    r"\bwhich (?:execs?|executive|leader|c-level|c level|chief|officer|role)\b|\bwhat (?:execs?|executive|c-level)\b"
)

# Function words, the vocabulary of ownership itself and seniority ("senior engineers" are engineers):
# they carry no topic. Not "people", "lead" or "executive", though they often only say who: "people ops",
# "inbound leads" and "executive hiring" would be "ops", "inbound" and "hiring" without them (+3 held out
# over every set, nothing read lost).
STOPWORDS = frozenset(
    """
    a an the and or but nor of for to in on at by with about from into onto over under after before than
    as is are was were be been being am do does did doing done have has had having will would shall
    should can could may might must i me my mine we us our ours you your yours he him his she her it its
    they them their this that these those there here what which who whom whose when where why how
    whether if then so just also too very really actually please pls thanks thank hey hi hello any some
    all every each other such own owns owned owner owners owning ownership responsible responsibility
    responsibilities accountable accountability charge handle handles handling handled decide decides
    deciding decided decision decisions call say final person someone somebody anyone anybody role roles
    company companys org organisation organization business
    team our here currently usually normally get gets getting got make makes making made take takes
    taking go goes going need needs want wants know look looks looking ask asking talk speak right
    leading manage manages managing run runs running oversee oversees overseeing drive drives
    driving set sets setting up out new current much many lot lots next come comes coming keep keeps
    keeping help helps like thing things stuff way ways kind sort whole overall basically generally
    typically mostly exactly ultimately tell today now across attention senior junior etc several teams
    """.split()  # noqa: SIM905 - a word list reads better as text than as 290 quoted lines
)

# Where something is, not what: "who runs the sales team in EMEA", "payroll for the berlin office". A place no
# alias names says nothing against a topic (`Matcher`), as an unknown word otherwise does ("office coffee
# machine" is not "office"); a place an alias names ("expanding into europe") counts as any word.
PLACES = frozenset(
    """
    emea apac amer americas latam nordics dach benelux anz mena europe european asia asian africa oceania
    america american canada mexico brazil argentina chile colombia germany german france french spain italy
    netherlands dutch belgium sweden norway denmark finland poland ireland irish switzerland austria portugal
    japan japanese china chinese india indian singapore australia australian korea israel uae dubai uk usa
    britain british england scotland wales london berlin paris munich madrid dublin amsterdam stockholm
    zurich tokyo sydney melbourne toronto vancouver nyc sf seattle boston chicago austin denver atlanta
    bangalore mumbai california texas florida region regional
    """.split()  # noqa: SIM905
)

# Phrases that are one word, whose parts are stopwords or everyday words alone: "on-call" is neither "on"
# nor a "call", "go-to-market" not a market, "business development" not any development (every duty
# develops something). Read as one word in questions and aliases alike, hyphens and slashes as spaces.
COMPOUND_WORDS = {
    "on call": "oncall",
    "all hands": "allhands",
    "go to market": "gtm",
    "business development": "bizdev",
    "biz dev": "bizdev",
    "go no go": "gonogo",
    "ask me anything": "ama",
}
COMPOUND = re.compile(rf"\b(?:{'|'.join(COMPOUND_WORDS)})\b")

# Stopwords that only hold a phrase together ("the books" says no more than "books"). The others carry part
# of a phrase's meaning though they name no topic alone: "red team" is more than "red".
GLUE_WORDS = frozenset(
    "a an the of to for in on at by with and or our my your their its is are be it we i us this that".split()  # noqa: SIM905
)

# A remark rather than a question ("loved the roadmap presentation yesterday", "brb, fire drill", "vendor
# contract signed, thanks all", "budget review moved to 4pm", "the export bug is fixed", an opinion ("…
# tbh"), a vote ("+1"), a call for volunteers, or an offer: "the photos are on the drive if anyone wants them"): no
# question mark, and the words of chat about what happened, not of a request.
REMARK = re.compile(
    # one pass over the words for every alternative that starts at a word (`\b` once, not per alternative)
    r"\b(?:(?:i'm|im|i've|ive|we're|we've|just|lol|lmao|haha+|hehe|rofl|brb|yesterday|tonight|this morning|congrats|"
    r"loved?|great|awesome|amazing|nice|cool|finally|btw|fyi|thanks|thank you|thx|ty|tysm|cheers|props to|"
    r"appreciate|appreciated|grateful|hats off|lgtm|on it|will do|"
    r"sounds good|done|shipped|merged|moved to|moves to|moving to|shifted to|bumped to|rescheduled|postponed|pushed to|"
    r"fixed|resolved|deployed|released|"
    r"is live|is now live|live now|goes live|went live|went out|is out to|is now out|is out now|"
    r"closed|wrapped(?: up)?|kicked off|rolled out|published|submitted|sent out|landed|"
    r"honestly|tbh|imo|volunteers?)\b"
    # how something went, praise, news of a start or an end ("the board meeting went really well", "sales
    # kickoff was a blast", "finance crushed the close", "numbers look solid", "our new CISO starts monday",
    # "the hiring freeze is over")
    r"|(?:went|going|gone) (?:really |so |super |very )?(?:well|great|smoothly)\b|a blast\b"
    # a report of figures ("pipeline this week: 14 new opps", "signups today - 312")
    r"|(?:this week|today|this month|so far|update|recap|numbers|stats|status) ?[:-] ?\$?\d"
    r"|(?:crushed|nailed|killed) (?:it|the)\b|kudos\b|shout ?-?outs?\b|well done\b|proud of\b"
    r"|(?:look|looks|looking) (?:really |very |super )?(?:solid|good|great|amazing|awesome|fantastic)\b"
    r"|(?:good to go|tons of|excited|thrilled|killing it|close call)\b"
    r"|(?:starts|started|joins|joined|is back|returns) (?:on )?(?:monday|tuesday|wednesday|thursday|friday|"
    r"tomorrow|today|next week|this week)\b"
    r"|is (?:over|back|done)[.!]*$|is back (?:under|below|above|up|down|to|at|in|on)\b"
    # a figure come down or up, things back to normal, an invite sent, food left over ("backlog is down to 120
    # tickets", "invite for the review is out, shout if it clashes", "leftover pizza in the kitchen, come get it")
    r"|(?:is|are) (?:now )?(?:down|up) to \d|back to normal\b|(?:invite|invites|agenda) (?:\S+ ){0,4}?(?:is|are) out\b"
    r"|shout if\b|leftovers?\b|come (?:get|grab) (?:it|them|some)\b"
    r"|(?:if|in case) any ?(?:one|body) (?:wants|needs)\b"
    # how something went ("security training was actually fun this year"), a farewell ("talk later")
    r"|(?:was|is|were) (?:actually |really |so |super )?(?:fun|boring|painful|useful|helpful)\b"
    r"|talk (?:to you )?later\b"
    # how it feels ("planning week is the worst", "quarter end again, so exhausting", "ugh, the vpn")
    r"|(?:the )?worst\b|exhausting\b|exhausted\b|ugh+\b|sigh\b|so tired of\b|annoying\b)"
    # a welcome ("welcome @jordan to the team!", "welcome back"), a notice ("heads up: the lift is out today")
    r"|^welcome (?:to|aboard|back|@)|^(?:quick |friendly )?(?:heads ?-?up|psa|reminder|announcement)\b"
    # a vote: "+1", "+100 on this", "-1 from me"
    r"|(?:^|\s)[+-]1\d*(?=\s|$)"
    # a farewell, or a bare yes or no ("goodbye for now", "that's a negative")
    r"|^(?:bye|goodbye|good bye|bye bye|farewell|see you|see ya|cya|adios|ciao|so long|later)\b"
    r"|^(?:oh |ok |okay )?(?:yes|yeah|yep|yup|no|nope|nah|negative|positive|that'?s a (?:no|negative|yes|possibility)|"
    r"affirmative|correct|exactly|sure|confirm(?:ed)?|maybe|possibly|perhaps|approved|accepted|agreed|"
    r"can'?t say|not sure|no idea|dunno)[.!]*$"
)
REMARK_WORDS = 20  # chat is short: a longer statement is a duty ("Make sure … after they are released") or a scene

# Questions that ask something other than who owns a thing ("when is…", "how do I…", "can someone…", or
# advice: "any tips for…").
OTHER_QUESTION = re.compile(
    rf"^{_OPENERS}(?:(?:also|and|but|btw|actually|roughly|approximately|just curious|out of curiosity)\b[\s,:-]*)?"
    r"(?:when|where|why|what|whats|how (?:do|does|did|can|could|should|much|many|long|often)|"
    r"is|are|was|were|can|could|do|does|did|will|would|has|have|tell me|i need|i want|i would like|"
    r"any ?(?:one|body) (?:know|knows|remember)|any (?:recommendations?|recs|suggestions?|tips|good))\b"
)
# Participles that say whose job something is ("who is supposed to approve …", "who's authorised to sign …"),
# not what happened: not a past event.
DUTY_PARTICIPLES = (
    "supposed|allowed|authori[sz]ed|expected|tasked|charged|empowered|entitled|assigned|required|permitted|"
    "designated|mandated|delegated|qualified"
)
# A question about who did or is doing one particular thing ("who won the hackathon?", "who's hosting the
# breakfast?", "who is going to the conference?"): an event or a person, not an area of work someone owns.
# Duties are asked in the present ("who runs the offsite budget?"), so only past tenses and a few verbs of
# taking part in something count, who is somewhere now ("who's in the office today?"), and who is on a
# call, a panel or a list ("who's on the call with the investors?"; "who's on the hook" asks for an owner).
# Who is doing something on a day ("who's leading the all hands today", "who's in the product review
# tomorrow"): one event, however it asks.
EVENT_ON_A_DAY = re.compile(
    r"^who(?:'s| is| are| will be)\b(?!.*\b(?:owner|responsible|accountable|in charge)\b)"
    r".*\b(?:today|tomorrow|tonight|this (?:morning|afternoon|evening))\b"
)
# Who holds a role now ("who's the new CFO?", "who is our head of security"): a person, not an area of work.
ROLE_HOLDER = re.compile(
    r"^who(?:'s| is| are)(?: our| the)? (?:new |current |acting |interim )?"
    r"(?:c[a-z]{1,3}o|chief [a-z ]+ officer|general counsel|head of [a-z ]+|vp of [a-z ]+|president)[?.!]*$"
)
EVENT_QUESTION = re.compile(
    # who of a team is going somewhere ("which folks from sales are flying to the kickoff")
    r"^which (?:folks|people|ones|of us|of you)(?: from (?:the )?[a-z]+)? (?:are|is|were) "
    r"(?:going|flying|heading|coming|attending|travel+ing|driving)\b|"
    rf"^who(?: else)?(?:'s| is| are| was| were)? (?:(?!(?:{DUTY_PARTICIPLES})\b)[a-z]+ed|"
    r"won|left|took|stole|broke|ate|drank|forgot|lost|found|hid|"
    r"said|told|sent|gave|came|went|saw|did|wrote|bought|brought|got|drew|ran|built|led|held|spoke|met|chose|"
    r"going to|gonna|coming|organi[sz]ing|"
    r"hosting|bringing|speaking|presenting|winning|leaving|joining|attending|sitting|(?<=was |ere )(?:at|in|on)|"
    r"(?:in|at) the office|out of (?:the )?office|off today|in today|out (?:today|tomorrow|sick|this week)|"
    r"on (?:leave|vacation|holiday|pto)|on (?:the|this|that|tomorrow's|today's) "
    r"(?:panel|call|interview|shortlist|guest list|invite|team for|rota|agenda|list for)|"
    # which person someone is, by who they are to us ("who is the new hire on the security team?", "who's the
    # CFO's assistant", "who's our account exec at salesforce"): a person, not an area of work
    r"(?:the|our|my|that|this) (?:[a-z]+'s )?(?:new )?(?:hire|hires|intern|interns|assistant|ea|guy|girl|woman|"
    r"man|lady|rep|account exec|account executive|account manager|contact at|speaker|host|joiner|starter)|"
    # who holds a copy of something ("who has the offsite budget sheet?", "who's got the link to the q2
    # deck"): a file wanted, not an owner; "who has the last word on that deck" asks for one
    r"(?:has|had|'s got|has got) (?:the|our|a|that|this|those|these) "
    r"(?!(?:final|last) (?:say|word|call)\b|say\b|authority\b|power\b|call\b|right\b|responsibility\b)"
    r"(?:\S+ ){0,5}?(?:spreadsheet|sheet|doc|deck|slides?|link|file|pdf|recording|notes|template|password|keys?)s?|"
    # someone by name and team ("who is mike from procurement", "who's priya from the london office")
    r"(?!(?:responsible|accountable|in charge|the|our|a|an|someone|anyone|best|supposed)\b)[a-z]+ from)\b"
)
# "please" or "pls" opening a request ("pls help me with …", "please set a reminder …").
_POLITELY = r"(?:please |pls )?"
# A part of the company a manager speaks for ("my team", "my reports"): the team's, not the asker's own; what
# belongs to it is still the asker's own errand ("my team's laptops are so slow")
_WORK_UNIT = r"(?:team|teams|department|dept|org|group|function|division|unit|squad|reports|direct reports)\b"
# "I", the writer: not the "i" of a form ("form i-9") nor of "i.e." ("… every supplier, i.e. each one we pay")
I_WORD = r"i(?!-\d|\.e\b)"
# A question about the asker's own situation, a time or a place ("what time…", "which floor…"), a request
# to do something, or what a word means ("when do my RSUs vest?", "how many vacation days do I have?",
# "book a room for 4pm", "what does EBITDA stand for?", "what is SOC 2", "whats an MQL", "difference between
# gross and net margin?"); an amount, a procedure, a status, details, a clock time or a command to an
# assistant ("how much is left in the travel budget?", "any update on the office move?", "vendor contract
# details", "show me the org chart"), a document wanted ("the security policy pdf"), whether something still
# holds ("is the hiring freeze still on?"), what to do or how to do something, a request for help ("expense
# report help"), when the next one is ("next offsite"), how things usually are ("is onboarding usually done
# in week one?"), a short request to an assistant, a status or a balance, or one's pay dates and pay
# documents: it is not about who owns an area, unless it also asks for an owner.
ABOUT_ASKER = re.compile(
    # how the message opens (one `^` for all of them)
    r"^(?:(?:when|where|what time|which (?:room|floor|building|day|date))\b"
    r"|(?:what|whats)\b.*\b(?:stand for|stands for|mean|means|difference between)\b"
    r"|(?:the )?difference between\b|.*\bwhat(?:'s|s| is) the difference[?.!]*$"  # "… vs …, what's the difference"
    r"|.*\b(?:vs\.?|versus)\s.*\b(?:difference|different|differ)\b"  # "… vs …, how do they differ"
    r"|define\b(?=(?:\s+\S+){0,4}$)"  # "define churn"; "Define the product vision and …" is a duty
    # "finance keep saying 'accrual', what does that mean"
    r"|.*\bwhat (?:does|do) (?:that|this|it) (?:mean|stand for)[?.!]*$"
    # "what does a cdn actually do"
    r"|what (?:does|do) (?:an? |the )?(?:\S+ ){1,3}?(?:actually |even |really |exactly )?do[?.!]*$"
    # what a figure counts ("what does net revenue retention actually measure")
    r"|what (?:does|do) (?:an? |the |our )?(?:\S+ ){1,4}?(?:actually |even |really |exactly )?"
    r"(?:measure|measures|track|count|include|capture)[?.!]*$"
    r"|is [^?]{1,40} the same (?:thing )?as\b"  # "is churn rate the same thing as attrition?"
    r"|(?:can|could) (?:someone|somebody|anyone|anybody|you) (?:please |pls )?explain\b"
    r"|(?:and |so )?(?:how (?:is|are|was|were|do|does|can|could|should|would|much|many|long)"
    r"|what(?:'s|s| is| are| was| were)(?= ))"
    r"|(?:please |pls |can you |could you )?(?:look up|show me|find me|put in|assist me|give me|"
    r"get me|tell me|pull up|send|email|text|ping|print|summari[sz]e)\b"
    r"|(?:any )?(?:status|update|updates) (?:on|of)\b"
    # whether anyone is there ("anyone from finance around?"), whether something still holds
    r"|(?:is )?any ?(?:one|body)\b.*\b(?:around|online|free|available|awake|in the office)[?.!]*$"
    r"|(?:is|are|was|were|did|does|has|have)\b.*\bstill\b"
    # whether something is up or over yet ("is the new expenses app live", "is the wiki down again", "is the
    # pen test done already?")
    r"|(?:is|are) (?:the |our )?(?:\S+ ){0,6}?(?:live|up|down|working|ready|out|done|finished|over|complete|"
    r"completed)(?: yet| now| again| already)?[?.!]*$"
    # a quiz ("trivia: …", "fun fact question: …")
    r"|(?:trivia|quiz|pub quiz|fun fact)\b"
    # a request for help, when the next one is, steps to follow
    rf"|{_POLITELY}help (?:me|with)\b|(?:the )?next\b"
    r"|(?:the )?(?:steps|instructions|checklist) (?:to|for)\b"
    # advice asked for ("tips for a discovery call?", "any advice on writing okrs")
    r"|(?:any |some |good )?(?:tips|advice|pointers|best practices?) (?:for|on|about)\b"
    # a figure asked for ("Q3 revenue numbers?", "current churn rate", "headcount in engineering right now?")
    r"|(?=(?:\S+\s+){0,5}\S+$)(?:(?:the |our )?(?:current|latest|q[1-4]|ytd|mtd)\b"
    r"|.*\b(?:numbers|figures|stats)[?.!]*$|.*\bright now[?.!]*$)"
    # how things usually are
    r"|(?:is|are|was|were|do|does|did|how|what|whats|should|would|can)\b.*\b(?:usually|typically|normally|generally)\b"
    # a short request to an assistant ("request pto for friday", "enroll in benefits"), what is left
    # ("leave balance")
    rf"|{_POLITELY}(?:request|requesting|submit|enrol|enroll|opt (?:in|out)|transfer|add|apply for|"
    r"sign up for|sign me up)\b(?=(?:\s+\S+){0,7}$)"
    r"|pending\b"
    r"|(?=(?:\S+\s+){0,4}\S+$).*\b(?:balance|remaining|left|used|taken)\b"
    # what a word means, asked another way ("the meaning of …", "… in a nutshell?")
    r"|(?:the )?meaning of\b|eli5\b|.*\bin a nutshell[?.!]*$"
    # something anyone here may have to hand ("anyone got the offsite agenda", "does anybody have the
    # projector remote"): a thing wanted, not an owner
    r"|(?:does |do )?any ?(?:one|body)(?: here)? (?:have|has|got)\b"
    # whether something happened ("has the security audit finished", "did payroll run this week?")
    r"|(?:has|have|had|did|hasn'?t|haven'?t|didn'?t)\b(?=(?:\s+\S+){0,9}$)"
    # an alarm, a timer or a reminder to set; a short order to cancel ("abort", "never mind")
    rf"|{_POLITELY}(?:set|create|make|add)(?: up)? (?:an? |the |my )?(?:alarm|timer|reminder)s?\b"
    rf"|{_POLITELY}(?:cancel|abort|halt|terminate|scratch that|never ?mind|forget it)\b(?=(?:\s+\S+){{0,3}}$))"
    # words anywhere (one `\b` for all of them): the asker, a booking, a date, details, a clock time
    rf"|\b(?:(?:{I_WORD}|i'm|im|i've|ive|i'd|me|my(?! {_WORK_UNIT}(?!'s))|mine)\b|(?:do|can|will|did) we (?:get|have)\b"
    r"|(?<!by the )(?:book|reserve|schedule|cancel|remind)\b|(?:until|till)\b"
    # a meeting to find a time for or to move ("could we find a slot on monday …", "move the standup to …")
    rf"|reschedul(?:e|ed|es|ing)\b|double[- ]?booked\b|{_FIND_TIME}\b"
    rf"|{_MOVE_MEETING}\b"
    r"|(?:information|info|details|(?:where|how|when)(?: is it| are they| is that)?)[?.!]*$"
    r"|\d{1,2}(?::\d\d)? ?(?:am|pm)\b"
    # a document wanted ("the security policy pdf")
    r"|(?:pdf|pdfs|doc|docs|deck|decks|slides|link|links|file|files|spreadsheet|spreadsheets|template|templates)\b"
    # what to do or how to ("don't know how to" states a problem), a request for help ("expense report help")
    r"|(?:what to do|(?<!know )(?<!knows )how to)\b|help[?.!]*$"
    # a status, a thing asked for ("… please"), a pay date, one's own pay documents ("w-2 copy")
    r"|(?:status|yet|pending)[?.!]*$|(?:please|pls|plz)[?.!]*$"
    r"|(?:payday|pay day|pay date|paydays)\b|(?:copy|form)[?.!]*$|(?:w-?2s?|payslips?|pay ?stubs?|paychecks?)\b"
    # what a word means, asked another way ("definition of churn", "churn definition", "explain what …")
    r"|definitions? (?:of|for)\b|definition[?.!]*$|what is meant by\b|explain (?:what|how)\b"
    # one's own retirement account ("401k transfer") and time blocked in one's calendar
    r"|(?:401 ?\(?k\)?s?|403 ?\(?b\)?|iras?|roth)\b|block (?:off|out)\b)"
    r"|'s definition\b"
)
# A short order to an assistant ("draft a press release for the launch", "pull the churn numbers for last
# month", "create a table comparing our pricing tiers"): a task to do now, not a question about who owns the
# area it names. A duty from a job description opens with a verb too, but runs longer (`ORDER_WORDS`) and
# names work in general ("Draft and negotiate commercial contracts …", "Create and oversee KPIs"), where an
# order points at one thing ("the", "this", "our"; "a" after create, make and generate). "List", "convert"
# and "translate" are orders however they go on ("translate hello into spanish", "list insurance
# benefits"), in a message that short. So is anything asked opening with "please" ("please change the
# credit limit", "pls reset the sandbox"): a favour asked of the reader; a decision asked for ("please
# approve …") or an owner ("please tell me who …") is read as such first (`asks_about_oneself`).
ASSISTANT_ORDER = re.compile(
    r"^(?:please |pls |can you |could you |would you )?(?:(?:draft|write|compose|rewrite|re-write|proofread|pull|"
    r"export|find|explain|calculate|compute|share|post|notify|forward|assign|book|order|archive|invite|rename|"
    r"give|cc|loop in|update|open|add|check)(?: me| us| up)? (?:a|an|the|this|that|these|those|it|my|our|what|"
    r"how|why|all|some|\d)|(?:create|make|generate)(?: me| us)? (?:a|an)|list|convert|translate)\b"
    r"|^(?:please|pls|plz|kindly)[\s,]+[a-z]"
)
ORDER_WORDS = 12

# A request for an opinion or a pick, not for whoever decides ("best crm for a small sales team?", "thoughts
# on notion vs confluence for docs?", "asana or monday, which would you choose", "which is better for
# hiring, greenhouse or lever?", "can anyone recommend a payroll provider", "any recs for a roadmap tool?"):
# the reader's taste is asked, and the tool or vendor named is the matter, not an area of work to own.
# Short, as chat is ("best practice" and "the best way to …" ask how, and are read as such elsewhere).
OPINION_ASKED = re.compile(
    r"^(?:(?:the|what(?:'s| is)(?: the)?|whats(?: the)?|which(?: is the)?) )?(?:best|top \d+|favou?rite|fave?|go-to) "
    r"(?!practices?\b|way\b)[a-z]"
    r"|^(?:any |honest |quick |real |genuine |your )?(?:thoughts|opinions?|views|feelings|hot take|unpopular opinion)"
    r"\b(?: on| about|\?|:)"
    r"|\b(?:what|which)(?: one| [a-z]+)? (?:would|do|did|should) "
    r"(?:you|u|y'?all|people|ppl|folks|everyone|you guys|we all) (?:actually |really |honestly )?"
    r"(?:pick|choose|prefer|use|recommend|suggest|go with|vote for|think)\b"
    r"|\bwhich (?:is|one is|'s) better\b|\bis [a-z0-9.]+ better than\b"
    r"|\b(?:can|could) (?:any ?one|some ?one|any ?body|you) recommend\b"
    r"|^(?:any|got any) (?:recommendations?|recs|suggestions?)\b"
)
OPINION_WORDS = 16

# A question about the bot itself ("who made you?", "who do you work for", "are you connected to the HR
# system?"): asked of a bot, "you" is the bot. Not the asking frame ("can you tell me who owns pricing?")
# nor the "you" of anyone ("who do you ask about expenses?"), which `asks_about_the_bot` removes before
# looking, nor a question that asks for an owner or a decision as well ("who approves your expenses?").
ADDRESSES_BOT = re.compile(
    r"\b(?:you|your|yours|yourself)\b"
    # the bot called "ai" or "assistant" ("ai, stop talking", "goodbye for now, ai", "hey assistant")
    r"|^(?:(?:hey|hi|hello|ok|okay|yo)[\s,!]+)?(?:ai|assistant)\b[\s,!:]|,\s*(?:ai|assistant)[?.!]*$"
    r"|\bthis (?:ai|assistant)\b"
    # its name ("revise the ai name", "the name given to the ai")
    r"|\b(?:the|this) (?:ai|assistant)'?s? name\b|\bname (?:given to|of) (?:the|this) (?:ai|assistant)\b"
)
ASKING_FRAME = re.compile(
    r"\b(?:can|could|would|will) you(?: please)?(?: (?:tell|show|let) me| help(?: me)?| find(?: out)?| check)?\b"
    r"|\b(?:do|did) you (?:know|think|happen to know)\b|\byou know\b|\bthank you\b"
    r"|\byou (?:ask|talk|go|contact|ping|escalate|speak|reach|turn|check|see|email|message|need|should|must)\b"
)
# A job description's "you", the one who takes the job ("You own the recruiting function at a strategic
# level.", "You'll lead the design team"): a duty written out, not a message to the bot.
JOB_AD_YOU = re.compile(
    r"^you(?:'ll| will|'re| are)? (?:\w+ly )?(?:own|lead|run|manag|oversee|driv|develop|build|set|defin|shap|"
    r"establish|partner|champion|report|(?:re-?)?prioriti[sz])\w*\b(?!.*\?)"
)
# A line of a job description that opens with its verb in the third person, its subject left out
# ("Oversees the general ledger …", "Ensures your vendor contracts get signed …"): a duty, whatever
# errand words or "your" it holds. Nobody opens a message to colleagues or to a bot so. Verbs as often
# read as a plural noun ("leads", "plans", "reviews", "builds", "works") are not among them.
DUTY_OPENING = re.compile(
    r"^(?:\w+ly )?(?:ensures|manages|oversees|creates|develops|coordinates|conducts|maintains|establishes|"
    r"implements|monitors|supervises|directs|provides|prepares|negotiates|evaluates|identifies|facilitates|"
    r"collaborates|assists|administers|defines|owns|handles|performs|serves|writes|analy[sz]es|advises|"
    r"approves|communicates|compiles|delivers|determines|executes|generates|investigates|optimi[sz]es|"
    r"promotes|represents|resolves|secures|contributes|responds|organi[sz]es|leverages|maximi[sz]es|"
    r"supports|partners with)\b(?!.*\?)"
)
BOT_QUESTION_WORDS = 14  # longer than this, a question with "you" in it is about something else
# Who made the bot, however long the question runs on ("who made you, is this an internal tool or
# something we bought from a vendor?"), or whatever it also names ("who owns you?").
MADE_THE_BOT = re.compile(
    r"^(?:(?:hey|hi|hello|yo|ok|so)[\s,!]+)?(?:bot[\s,:]+)?who (?:made|built|created|wrote|designed|trained|"
    r"programmed|coded|develop(?:s|ed)|maintains|runs|owns) (?:you|this bot)\b"
    # the bot called "the ai" ("can you tell me who made the ai", "who makes the ai")
    r"|\bwho (?:made|makes|built|created|programmed|designed|invented) (?:the |this )?(?:ai|bot|assistant)[?.!]*$"
    r"|\b(?:creators?|creaters?|inventors?|makers?|developers?|builders?) of (?:you|this (?:ai|bot|assistant|app))\b"
    r"|\b(?:your|this (?:ai|bot|assistant)'?s?) (?:creators?|creaters?|inventors?|makers?|developers?|owners?)\b"
    r"|\bwho (?:is|are)(?: the \w+)? responsible for (?:making |creating |building )?you\b|\bowns your\b"
    r"|\bresponsible for your (?:design|existence|creation|code|development|making)\b"
)

# What the bot can answer and where its answers come from, whatever the question names ("can you also
# answer questions about budgets", "how do you know who owns what?", "where does your info come from").
ABOUT_ITS_ANSWERS = re.compile(
    r"\b(?:can|could|do|will|would) you (?:also |even |only |really )?(?:answer|handle|cover|help with) "
    r"(?:questions|queries)\b"
    r"|\bhow do you (?:know|decide|work|figure out)\b"
    # asked to say it again ("repeat that", "what was the question")
    r"|^(?:please |pls |can you |could you |would you )?(?:repeat|say (?:that|it) again)\b|\bwhat was the question\b"
    r"|\bwhere (?:do|does) (?:you get (?:your|the|this)|your) (?:info|information|data|answers|knowledge)\b"
)

# A question about whether something is lawful ("before it runs, who confirms we can legally make that
# claim?", "is it even legal to record sales calls?", "could that expose us to liability?", "are we allowed
# to …", "can we say 'fastest' in our ad?"; not "who is allowed to approve …"), or about a clause or whether
# one holds ("a most-favoured-customer clause for a reseller", "is that enforceable?"): whatever it is
# about, the law is what is asked, so a topic of the law near the best comes first. Measured on other
# roles' words (a breach or phishing for security, accounting or tax for finance), the same lost answers:
# those name a topic, where the law is a way of looking at any topic.
ASKS_LEGALITY = re.compile(
    r"\b(?:legal|legally|illegal|illegally|lawful|unlawful|legality|liability|liable|lawsuit|sue|suing|sued|"
    r"clause|clauses|enforceable|unenforceable|enforceability)\b"
    r"|\b(?:are we|is (?:it|this|that|the \w+)|am i) (?:even |actually |really )?(?:allowed|permitted)\b"
    r"|\bcan we (?:say|claim|advertise)\b"
    # infringement, and a consent, clearance or licence the law may require ("is that ip infringement?", "do
    # we need explicit consent to store eu users' clips on us servers?", "do we need clearance?")
    r"|\binfring\w*|\b(?:do|would|will) we need (?:\w+ ){0,2}?(?:consent|clearance|a licen[cs]e|permission)\b"
)
# A question about what gets built or shipped, and in which order ("sales wants SSO first, support wants
# better exports first. who decides which one ships first?", "who decides if it gets built", "who decides
# what goes into each release?"): whatever feature it names, what to build is what is asked, so the
# product's roadmap or its prioritisation near the best comes first (`ROADMAP_TITLE`).
ASKS_WHAT_TO_BUILD = re.compile(
    r"\b(?:build|built|ship|ships|shipped|release|launch|drop|sunset|deprecate)\b[^.?!]{0,40}"
    r"\b(?:first|next|or not|order|priorit\w*)\b"
    r"|\b(?:which|what) (?:feature|features|one|ones) (?:ships|gets|get|goes|go)\b|\bgets? built\b"
    r"|\bfeature requests?\b|\bdecide (?:we|to) (?:drop|build|ship|cut)\b"
    r"|\b(?:goes|go|gets|get|makes it) into (?:each|the|a|an|every|our) (?:\S+ ){0,2}?release\b"
    # onto the roadmap or off the product ("who decides if that goes on the roadmap", "whose call to kill the
    # coming soon tab"), what ships ("who makes the ship/no-ship call", "who has the final say on what makes it
    # in"), one thing or another for a quarter ("parent portal vs teacher app for q3 — who prioritises")
    r"|\b(?:go|goes|get|gets|getting|put|putting|make it|makes it)(?: (?:it|this|that|them|these|those))? "
    r"(?:on|onto|into) (?:the|our) roadmap\b"
    r"|\broadmap (?:decision|call|changes?|question)\b"
    r"|\b(?:kill|remove|retire|sunset|deprecate) (?:the|this|that|our) (?:\S+ ){0,3}?"
    r"(?:tab|feature|screen|page|button|mode|widget)\b"
    r"|\bcall to (?:kill|remove|retire|sunset|deprecate) (?:it|this|that)\b"  # "… 2% usage. whose call to kill it"
    r"|\bship ?/ ?no-?ship\b|\bship or (?:not|no-?ship)\b|\bwhat makes it in(?:to)?\b"
    r"|\b(?:vs\.?|versus)\s[^.?!]{0,40}\b(?:for|in) "
    r"(?:q[1-4]|next quarter|this quarter|next sprint|the next release|h[12])\b"
    r"|\bcan only (?:do|build|ship|fund|staff) one\b"
    # what goes into a first version, or waits ("should it ship with round-ups in v1 or later?", "what's in
    # scope for the mvp")
    r"|\b(?:in|for|into) (?:the )?(?:v1|mvp|first version|first release|initial release)\b|\bin scope for\b"
    r"|\b(?:ship|launch|build|release)\w*\b[^.?!]{0,40}\bor (?:wait|later|hold)\b"
)
# Where a matter goes, or the way to get it there ("where do feature requests like this go?", "what's the path
# to getting that on the roadmap"): asking for whoever takes it, as "who" does.
ASKS_WHERE = re.compile(
    r"\bwhere (?:do|does|did|should|would|can|could|is|are)\b|\bwhere(?:'s| is) the (?:right )?place\b"
    r"|\b(?:the )?(?:path|way|process) to (?:get|getting)\b"
)
ROADMAP_TITLE = re.compile(r"^(?:product roadmap|feature prioriti[sz]ation)$", re.IGNORECASE)
# An approval asked for money to be spent ("need sign-off on an unbudgeted $40k purchase", "who approves
# $250k for a new test lab"): whatever it buys, who may approve the spending is what is asked, so the
# topic of spending approval near the best comes first (`SPENDING_TITLE`). Not a price given away
# (a discount, a deal, a quote), which is the sales team's to approve.
# A figure starts a word, and a 401(k) is a retirement plan, not $401,000 ("switching 401k providers").
_AMOUNT = (
    r"(?:\$ ?\d[\d,.]*(?: ?(?:k|m|mm|million|thousand))?"
    r"|(?<![\w.,])(?!401 ?k\b)\d[\d,.]* ?(?:k|m|mm|million|thousand))\b"
)
_APPROVE = r"sign-?off|sign off|signs off|approv\w*|green ?light"  # the words of an approval asked for
ASKS_SPENDING_APPROVAL = re.compile(
    r"^(?!.*\b(?:discount|discounts|deal|deals|% off|off list|quote|pricing|price|refund|credit|bonus|raise|salary|"
    r"offer|comp)\b)"
    rf".*(?:\b(?:{_APPROVE}|ok|okay)\b[^.?!]{{0,40}}?"
    rf"(?:{_AMOUNT}|\b(?:unbudgeted|purchase|spend)\b)"
    rf"|{_AMOUNT}[^.?!]{{0,60}}?\b(?:{_APPROVE})\b)"
)
SPENDING_TITLE = re.compile(r"^expense approval\b", re.IGNORECASE)
# An approval asked for a price given away ("a deal needs a 15% discount to close. who approves", "need
# approval for a deal with 25% off"): the sales team's deal approvals, whatever the deal is for.
ASKS_DISCOUNT_APPROVAL = re.compile(
    rf"\b(?:discount|discounts|discounting|\d+ ?% off|free (?:months?|years?|seats?))\b[^?!]{{0,80}}?\b(?:{_APPROVE})\b"
    rf"|\b(?:{_APPROVE})\b[^.?!]{{0,40}}?\b(?:discount|discounts|\d+ ?% off)\b"
)
DISCOUNT_TITLE = re.compile(r"^deal approvals and discounting$", re.IGNORECASE)
# A security incident or exposure told ("a contractor pushed our aws keys to a public github repo", "two
# contractors who left in march still have access to the billing dashboard", "got a text 'from the cfo'
# asking for a wire, link goes to a weird domain"): whatever system or team it happens in, the security
# team handles it, so a topic of security near the best comes first (`SECURITY_TITLE`). Not a breach of
# contract, nor Hacker News; nor when the law's side of it is asked (`LEGAL_ANGLE`: "should we hire the
# forensics firm through outside counsel to keep it privileged?", "do we have to notify the regulator about
# the breach?").
SECURITY_MATTER = re.compile(
    r"\b(?:api|aws|access|secret|private|ssh|deploy) (?:keys?|tokens?)\b"
    r"|\b(?:leaked|exposed|pushed|committed|posted|pasted|uploaded|checked in)\b[^.?!]{0,30}"
    r"\b(?:keys?|tokens?|secrets?|credentials?|passwords?)\b"
    r"|\bcredentials?\b[^.?!]{0,30}\b(?:leaked|exposed|stolen|pushed|committed)\b"
    r"|\b(?:still|shouldn'?t|should not|somehow) (?:has|have|had|get|gets|got) (?:\w+ )?access\b"
    r"|\b(?:unauthori[sz]ed|without authori[sz]ation)\b|\bshared (?:logins?|passwords?|credentials?|admin accounts?)\b"
    r"|\bpassword (?:reuse|sharing)\b|\breused (?:a )?passwords?\b|\bphish\w*|\bweird domain\b"
    r"|\bsuspicious (?:emails?|links?|logins?|texts?|sign-?ins?|activity)\b|\battackers?\b|\bhack(?:ed|ers?)\b(?! news)"
    r"|\bbreach(?:ed)?\b(?! of contract)|\bcompromised\b|\baccount takeover\b|\bransomware\b|\bmalware\b"
    r"|\bpen ?test\w*|\bpenetration test\w*|\bvulnerabilit\w*|\bvulns?\b"
)
LEGAL_ANGLE = re.compile(
    r"\b(?:counsel|privileged?|privilege|regulators?|notify|notification|disclos\w*|lawyers?|attorneys?|contracts?|"
    r"lawsuits?|liability|liable|fines?|gdpr|ccpa|hipaa)\b"
)
SECURITY_TITLE = re.compile(r"\b(?:security|vulnerability|cyber|breaches|identity and access)\b", re.IGNORECASE)
# The topics of the law: their titles say so ("Legal advice and legal risk", "Employment law", "Outside
# counsel and legal spend").
LAW_TITLE = re.compile(r"\b(?:legal|law|laws|counsel|litigation)\b", re.IGNORECASE)

# A short message about a day ("meetings today", "do we have interviews booked for tomorrow", "any calls
# this afternoon"): what happens then, not who owns it. In a longer one the day is when something is needed
# ("need an NDA signed with a potential partner today").
ABOUT_A_DAY = re.compile(r"\b(?:today|tomorrow|tonight|this (?:morning|afternoon|evening))\b")
ABOUT_A_DAY_WORDS = 7

# How to get something done ("what's the process to get a purchase order approved", "how do I get a new
# tool approved?"): a procedure, though it names a decision.
PROCEDURE = re.compile(
    r"^(?:what(?:'s| is) )?(?:the )?(?:process|procedure|steps?) (?:to|for)\b"
    r"|^how (?:do|can|should|would) (?:i|we) (?:get|request|submit|ask for)\b"
)

# The asker's own matter ("my PTO"); a plain "I" is only who asks ("where do I get a new supplier approved?"),
# and a part of the company a manager speaks for is the team's ("need approval for a budget increase for my
# team"). A message that asks for no decision stays about the asker ("my team's laptops are so slow").
ASKERS_OWN = re.compile(rf"\b(?:me|mine|my(?! {_WORK_UNIT}))\b")
# A sign-off as the state of something ("has my leave been signed off?"), not who gives it.
SIGNED_OFF = re.compile(r"\bsign(?:s|ed)? off\b")
# Where the asker's own thing is sent ("where do I send my invoice as a contractor"): an errand, not an owner.
PASSED_ON = re.compile(rf"\b{_PASSES_ON}\b")
ASKERS_THING = re.compile(r"\b(?:my|mine)\b")

# A question asked in its own words ("…, who keeps track of it?").
WHO = re.compile(r"\bwho(?:se|m)?\b")

# "Who" that only says which people ("thanks everyone who helped with the audit"): it asks nothing.
RELATIVE_WHO = re.compile(r"\b(?:everyone|everybody|anyone|anybody|those|people|folks|all of you|whoever) who\b")

# After a scene, a question that takes its matter to whoever decides ("… where does this go?", "… where does
# a supply chain problem like this get escalated?", "… is that a team-level call?", "does finance have to
# approve it?"), though it opens like a question of something else.
TAKEN_TO_AN_OWNER = re.compile(
    r"^where (?:does|do|should|would|can) [^?]{0,50}?\b(?:go|goes|land|get escalated|be escalated|be raised)\b"
    r"|\b(?:approve|approves|sign off|signs off|decide|decides|escalated?|an? [a-z-]+ (?:call|decision)|"
    r"sits? with|belongs? (?:to|with))\b"
)

# After a scene, a question that asks where to take it ("… who do I report it to", "… forward to?", "… where
# does that get raised?", "… where do I ask", "… where would I propose that", "… where do I push back on that",
# "… not sure where to take this", "… is there an exec I can take this to?"): the "I" of someone bringing a
# matter to its owner, not of someone asking about their own affairs (`asks_about_oneself`). Only after
# `SCENE_WORDS` words or more: "where do I send this form" is an errand.
TAKEN_ON = re.compile(
    r"\b(?:where|who|to whom) (?:do|should|can|would|could|does|did|must) (?:i|we|you|this|that|it)\b"
    r"[^?.!]{0,30}?\b(?:raise|report|escalate|escalated|take|send|flag|forward|go|goes|routed|ask|redirect|"
    r"bring|propose|pitch|point|push back)\b"
    r"|\bwhere to (?:raise|report|escalate|take|send|flag|bring|propose|pitch) (?:this|that|it)\b"
    r"|\b(?:someone|somebody|anyone|anybody|an exec|a person|a leader) (?:i|we) (?:can|could|should) "
    r"(?:take|bring|raise|escalate) (?:this|that|it) to\b"
    r"|\b(?:escalate|forward|route|report) (?:this |that |it )?to\?"
    r"|\b(?:this|that|it) (?:be|get) (?:escalated|raised|reported|routed)\b"
)
SCENE_WORDS = 5

# An executive named in an alias ("CEO email", "fractional CMO", "executive pay"): in a question, often a
# person in the scene ("an odd email claiming to come from our CEO") rather than the topic.
EXECUTIVE_WORD = re.compile(rf"\b(?:{EXECUTIVE_WORDS}|founders?|execs?|executives?)(?:'s)?\b", re.IGNORECASE)

# The writer speaking of themselves or their team: a message, where a job description's line is impersonal.
SPEAKER = re.compile(rf"\b(?:{I_WORD}|i'm|im|i've|my|me|we|we're|we've|us)\b")

# A question asked without its question mark, the verb before its subject: "how soon can they ship it",
# "what do they charge". A job description's line states; it never inverts.
INVERTED_QUESTION = re.compile(
    r"\b(?:how(?: long| much| many| often| soon)?|what|when|where|why|which)\s+"
    r"(?:do|does|did|is|are|was|were|can|could|should|will|would|has|have)\s+(?:i|we|you|it|they|he|she)\b"
)

# Words that show a question is about ownership after all ("can you tell me who owns pricing?").
OWNERSHIP_CUE = re.compile(
    r"\b(?:who|whom|whose|which (?:role|exec|executive|leader|chief|officer)|owner|owns|own|responsible|"
    r"accountable|in charge|point person|decides|decision maker|talk to|speak to|go to (?:for|about|with)|go-to|"
    rf"escalate|{_OWNED_BY_CUE})\b|\b(?:{_SITS_CUE})"
    # two owners offered ("… is that an eng leadership call or people team?")
    rf"|{OFFERED_OWNERS.pattern}"
    # more than the asker may approve ("need sign-off on a 40k spend, it's over my approval limit")
    r"|\b(?:over|above|beyond|exceeds?) (?:my|our|the|a|their) (?:approval|budget|spend|spending|signing|sign-?off) "
    r"(?:limit|threshold|authority)\b"
    # where something is decided ("… where does that decision actually get made?", "where does on-call policy
    # for engineers get set?", "where does the expense policy even come from"): asked of whoever decides it
    r"|\bwhere (?:does|do|is|are|should|would|will) [^?]{0,60}?\b(?:get|gets|be|is|are) "
    r"(?:decided|set|made|approved|signed off|determined|prioriti[sz]ed|agreed)\b"
    r"|\bwhere (?:does|do) [^?]{0,40}?\b(?:policy|policies|rules?|guidelines?|decisions?) "
    r"(?:even |actually )?come from\b"
)

# Words the Snowball stemmer folds onto a different word ("productivity" -> "product"): kept apart.
STEM_EXCEPTIONS = {
    "productivity": "productiv",
    "productive": "productiv",
    "unproductive": "productiv",
    "general": "general",
    "generally": "general",
    "organic": "organic",
    "university": "universit",
    "news": "news",
    "marketing": "marketing",  # the CMO's work, not the market a product is sold in
    "accessibility": "accessibl",  # usable by everyone, not who has access
    "accessible": "accessibl",
    "promoter": "promoter",  # who would recommend us (net promoter score), not promotions
    "promoters": "promoter",
    "production": "production",  # what runs live ("prod database", "production line"), not the product
    "productions": "production",
    "accounting": "accounting",  # the books, not a customer's account
    "accountant": "accountant",
    "accountants": "accountant",
    "secondment": "secondment",  # a posting elsewhere, not a page that takes eight seconds
    "secondments": "secondment",
    "experience": "experienc",  # customer and employee experience, not experiments
    "experiences": "experienc",
    "hosts": "hosts",  # a marketplace's hosts, or a network's, not hosting the product
    "government": "government",  # government relations, not IT governance
    "governments": "government",
    "governmental": "government",
    "transition": "transition",  # a change of role or system, not goods in transit
    "transitions": "transition",
    "transitional": "transition",
    "reference": "referenc",  # customer references, not referring a friend
    "references": "referenc",
    "projection": "projection",  # financial projections, not projects
    "projections": "projection",
    "positioning": "positioning",  # product positioning, not open positions
    "severance": "severanc",  # severance pay, not an incident's severity
    "renewable": "renewabl",  # renewable energy, not contract renewals
    "renewables": "renewabl",
    "succession": "succession",  # who follows whom in a role, not customer success
    "successions": "succession",
    "mobility": "mobility",  # internal mobility, not the mobile app
    "wellness": "wellness",  # employee wellness, not "went well"
    "relations": "relations",  # investor or employee relations, not anything "related"
    "relation": "relations",
    "incoming": "incoming",  # an incoming executive, not income
    "initial": "initial",  # not an initiative
    "conversion": "conversion",  # a conversion rate, not a conversation
    "conversions": "conversion",
    "contingent": "contingent",  # contingent workers, not contingency plans
    "department": "department",  # not departing staff
    "departments": "department",
    "direction": "direction",  # the company's direction, not direct reports
    "directions": "direction",
    "engine": "engine",  # a search engine or a revenue engine, not engineers
    "engines": "engine",
    "activism": "activism",  # not product activation
    "activation": "activation",
    "generative": "generative",  # generative AI, not lead generation
    "securities": "securities",  # securities law, not security
}
