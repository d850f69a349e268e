"""How long each stored text may be: the models check these and the tables size their columns from them.

One place, so a value the models accept always fits its column. PostgreSQL refuses a value longer than
its column and SQLite stores it anyway; checking before writing makes both databases behave alike.
"""

ROLE_ID = 10  # CEO, CPTO…
SLUG = 80  # entry and source ids
TITLE = 120  # an entry's title and each alias
NAME = 200  # a role's or an organisation's name, a source's seed file
SLACK_ID = 40  # team, user and channel ids; the person who made a change (`cli:<login>`)
REASONING = 600
QUOTE = 300
SOURCE_TITLE = 200  # what an answer's source line shows in full
SOURCE_URL = 2000
ALIASES_TEXT = 3000  # the aliases one a line: what the topic editor's text box can hold
EXAMPLE = 160  # one example question of an entry (a Slack message)
EXAMPLES = 12  # example questions an entry may have
POST = 80  # a job title under a role ("legal operations manager")
POSTS = 30  # job titles a role may list
