"""Regression tests for the outside review (issue 10; docs/security.md lists each threat with its test).

Each test reproduces one finding as the reviewer did, against the real web app, Redis and emulator, and
asserts the bounded answer. Timing findings are checked as ratios of two runs measured side by side.
"""

from __future__ import annotations

import json
import time

import pytest

from bot import signature
from bot.events import MAX_DEPTH, nesting_depth
from tests.test_webhook import body_for, post, signed


def _deep_body(depth: int) -> bytes:
    """The reviewer's body: nested `depth` deep around an escaped lone surrogate."""
    inner = "[" * depth + '"\\ud800"' + "]" * depth
    now = int(time.time() * 1000)
    return f'{{"timestamp":"{now}","event_name":"user_send_text","x":{inner}}}'.encode()


@pytest.fixture()
def url(bot, web_server) -> str:  # noqa: ANN001
    return f"http://127.0.0.1:{web_server.server.server_port}"


# --- T5: an unsigned body can produce a 500 --------------------------------------------------------------

def test_deeply_nested_body_is_refused_without_a_500(bot, url: str) -> None:  # noqa: ANN001
    raw = _deep_body(600)
    assert len(raw) < 1400
    unsigned = post(url, raw, "mac=" + "0" * 64)
    assert unsigned.status_code == 400 and unsigned.json() == {"status": "bad_body"}
    signed_deep = post(url, raw, signed(raw, bot.settings))
    assert signed_deep.status_code == 400
    missing = post(url, raw, None)
    assert missing.status_code == 401


def test_nesting_is_measured_outside_strings() -> None:
    assert nesting_depth(b'{"a": "[[[[{{{{", "b": [1, [2]]}') == 3
    assert nesting_depth(b'{"a": "\\"[[[[", "b": {}}') == 2
    assert nesting_depth(_deep_body(MAX_DEPTH + 1)) > MAX_DEPTH


def test_a_signed_event_with_a_lone_surrogate_is_still_accepted(bot, url: str) -> None:  # noqa: ANN001
    raw = body_for("xin chào \\ud800 bạn", settings=bot.settings).replace(b"\\\\ud800", b"\\ud800")
    assert b"\\ud800" in raw and json.loads(raw)
    answer = post(url, raw, signed(raw, bot.settings))
    assert answer.status_code == 200 and answer.json() == {"status": "accepted"}
    assert signature.HEADER
