"""The emulator's message log stays small when one text goes to many users (bot/zalo/emulator/message_log.py):
a digest to 100,000 subscribers once made the emulator the largest process of the bench (about 300 MB)."""

from __future__ import annotations

import json
import tracemalloc

from bot.zalo.emulator.config import EmulatorConfig
from bot.zalo.emulator.state import EmulatorState

DIGEST = "Bản tin chuyển đổi số tuần này: bà con bán nông sản qua mạng, thanh toán bằng mã QR. " * 20


def _sent(user: str, text: str, buttons: list | None = None) -> dict:
    # a fresh text object per message, as parsing each request's JSON makes one
    return {"user_id": user, "endpoint": "cs", "text": json.loads(json.dumps(text)), "attachment": None,
            "buttons": buttons or [], "quota_type": "reply", "quote_message_id": None}


def test_a_text_sent_to_many_users_is_kept_once() -> None:
    state = EmulatorState(EmulatorConfig())
    state.record_message(_sent("1", DIGEST))  # warm up: the first payload and the log itself
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for n in range(20_000):
            state.record_message(_sent(str(7_000_000_000_000_000_000 + n), DIGEST))
        per_message = (tracemalloc.get_traced_memory()[0] - before) / 20_000
    finally:
        tracemalloc.stop()
    assert len(DIGEST.encode("utf-16-le")) > 3000  # one copy of the text alone is larger than a whole entry
    assert per_message < 400, per_message


def test_the_log_lists_what_the_api_always_returned() -> None:
    state = EmulatorState(EmulatorConfig())
    buttons = [{"title": "Xem thêm", "type": "oa.query.show", "payload": "more"}]
    first = state.record_message(_sent("11", "chào", buttons))
    second = state.record_message(_sent("22", "chào", buttons))
    third = state.record_message(_sent("11", "tạm biệt"))
    assert list(first) == ["user_id", "endpoint", "text", "attachment", "buttons", "quota_type",
                           "quote_message_id", "at", "message_id"]
    assert len({first["message_id"], second["message_id"], third["message_id"]}) == 3
    assert all(len(m["message_id"]) == 20 for m in (first, second, third))
    assert state.list_messages("11") == [first, third]
    assert state.list_messages(None) == [first, second, third]
    listed = state.list_messages("22")[0]
    listed["buttons"][0]["title"] = "changed"  # a caller's copy: the other user's message sharing it is untouched
    assert state.list_messages("11")[0]["buttons"] == buttons
    state.clear_messages()
    assert state.list_messages(None) == []
