"""An unanswered question is counted with its event's commit, so a retried event counts once."""

from __future__ import annotations

import redis

from bot.kb import top_unanswered
from handlers.ask import note_unanswered
from tests.unit.handler_support import MakeCtx


def test_an_unanswered_question_counts_only_when_its_event_commits(make_ctx: MakeCtx,
                                                                     redis_client: redis.Redis) -> None:
    question = "tỉnh nào chuyển đổi số tốt nhất năm 2023"
    crashed = make_ctx(question)
    note_unanswered(crashed, question)  # the worker dies before the commit: nothing may be counted
    assert top_unanswered(redis_client) == []

    retried = make_ctx(question)
    note_unanswered(retried, question)
    with redis_client.pipeline() as pipe:
        for write in retried.writes:
            write(pipe)
        pipe.execute()
    assert [count for _, count in top_unanswered(redis_client)] == [1]
