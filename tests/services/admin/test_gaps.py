"""What the bot could not answer and what people voted 👎, per workspace, until an admin handles it."""

from bot.services.feedback import AnswerMessage, FeedbackService
from bot.services.topic_requests import TopicRequests
from tests.services.admin.conftest import ELSEWHERE_ADMIN, TEAM, WORKSPACE_ADMIN, new_draft

COFFEE = "who owns the office coffee machine?"


def vote_down(service, question, responsibility_id, user="U0VOTER", ts="1700000000.000100"):
    message = AnswerMessage(TEAM, "C0GENERAL", ts, question, responsibility_id)
    FeedbackService(service.db).vote(message, user_id=user, helpful=False)


def test_unanswered_questions_are_counted_per_workspace_with_rephrasings_together(admin, service):
    service.ask(COFFEE, team_id=TEAM)
    service.ask("Who's responsible for office coffee machines", team_id=TEAM)
    service.ask("<@U0BOT> who owns the office *coffee machine*??", team_id=TEAM)
    service.ask(COFFEE, team_id="T0OTHER")
    service.ask(COFFEE)  # no workspace: the command line, not kept
    service.ask("who owns hosting costs?", team_id=TEAM)  # answered: not a gap
    [gap] = admin.gaps.list(WORKSPACE_ADMIN)
    assert (gap.kind, gap.count, gap.answered) == ("unanswered", 3, None)
    assert gap.text == "office coffee machine"
    assert [g.count for g in admin.gaps.list(ELSEWHERE_ADMIN)] == [1]


def test_the_most_asked_come_first(admin, service):
    for _ in range(2):
        service.ask("who owns the snack budget for fridays?", team_id=TEAM)
    service.ask(COFFEE, team_id=TEAM)
    assert [g.text for g in admin.gaps.list(WORKSPACE_ADMIN)] == ["snack budget for fridays", "office coffee machine"]


def test_adding_a_gap_as_an_alias_answers_it_and_takes_it_off_the_list(admin, service):
    service.ask(COFFEE, team_id=TEAM)
    [gap] = admin.gaps.list(WORKSPACE_ADMIN)
    admin.responsibilities.add_alias(WORKSPACE_ADMIN, "day-to-day-operations", gap.text)
    assert service.ask(COFFEE, team_id=TEAM).responsibility.id == "day-to-day-operations"
    assert admin.gaps.list(WORKSPACE_ADMIN) == []


def test_a_new_entry_started_from_a_gap_takes_it_off_the_list(admin, service):
    service.ask("who owns the espresso maker?", team_id=TEAM)
    [gap] = admin.gaps.list(WORKSPACE_ADMIN)
    admin.responsibilities.create(WORKSPACE_ADMIN, new_draft(aliases=(gap.text,)), gap=gap.text)
    assert admin.gaps.list(WORKSPACE_ADMIN) == []
    service.ask("who owns the espresso maker?", team_id=TEAM)  # answered now: not counted again
    assert admin.gaps.list(WORKSPACE_ADMIN) == []


def test_a_handled_question_asked_again_unanswered_comes_back(admin, service):
    service.ask(COFFEE, team_id=TEAM)
    saved = admin.responsibilities.add_alias(WORKSPACE_ADMIN, "day-to-day-operations", "office coffee machine")
    admin.history.revert(WORKSPACE_ADMIN, saved.audit_id)
    service.ask(COFFEE, team_id=TEAM)
    assert [(g.text, g.count) for g in admin.gaps.list(WORKSPACE_ADMIN)] == [("office coffee machine", 2)]


def test_a_thumbs_down_is_listed_until_the_answer_it_was_about_changes(admin, service):
    vote_down(service, "who owns the AWS bill?", "hosting-costs")
    vote_down(service, "Who owns the aws bills", "hosting-costs", user="U0SECOND", ts="1700000000.000200")
    vote_down(service, "who owns hosting costs?", "hosting-costs", user="U0THIRD")
    gaps = admin.gaps.list(WORKSPACE_ADMIN)
    assert [(g.kind, g.text, g.count) for g in gaps] == [("disliked", "aws bills", 2), ("disliked", "hosting costs", 1)]
    assert gaps[0].answered.id == "hosting-costs"
    admin.org.add_override(WORKSPACE_ADMIN, topic="hosting costs", role="COO")
    assert admin.gaps.list(WORKSPACE_ADMIN) == []


def test_a_request_to_add_a_question_lists_who_asked_first_and_once_each(admin, service):
    requests = TopicRequests(service)
    for _ in range(3):
        service.ask("who owns the snack budget for fridays?", team_id=TEAM)
    service.ask(COFFEE, team_id=TEAM)
    assert requests.ask_to_add(team_id=TEAM, user_id="U0ASKER1", question=COFFEE)
    assert not requests.ask_to_add(
        team_id=TEAM, user_id="U0ASKER1", question="Who's responsible for office coffee machines"
    )  # the same question, reworded: one request
    requests.ask_to_add(team_id=TEAM, user_id="U0ASKER2", question=COFFEE)
    first, second = admin.gaps.list(WORKSPACE_ADMIN)
    assert (first.kind, first.text, first.askers) == ("unanswered", "office coffee machine", ("U0ASKER2", "U0ASKER1"))
    assert (second.text, second.askers) == ("snack budget for fridays", ())


def test_a_request_is_listed_even_when_the_question_is_no_longer_counted_and_goes_once_answered(admin, service):
    TopicRequests(service).ask_to_add(team_id=TEAM, user_id="U0ASKER1", question="who owns the espresso maker?")
    [gap] = admin.gaps.list(WORKSPACE_ADMIN)
    assert (gap.kind, gap.text, gap.count, gap.askers) == ("requested", "espresso maker", 1, ("U0ASKER1",))
    admin.responsibilities.add_alias(WORKSPACE_ADMIN, "day-to-day-operations", "espresso maker")
    assert admin.gaps.list(WORKSPACE_ADMIN) == []


def test_what_someone_wrote_with_a_thumbs_down_is_listed_with_that_vote(admin, service):
    vote_down(service, "who owns the AWS bill?", "hosting-costs")
    TopicRequests(service).answer_feedback(
        team_id=TEAM,
        user_id="U0VOTER",
        question="who owns the AWS bill?",
        responsibility_id="hosting-costs",
        owner=" the COO ",
        note="Finance pays it.",
    )
    [gap] = admin.gaps.list(WORKSPACE_ADMIN)
    assert gap.kind == "disliked" and [(n.user_id, n.owner, n.note) for n in gap.notes] == [
        ("U0VOTER", "the COO", "Finance pays it.")
    ]
