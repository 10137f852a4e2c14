"""Hypothesis throws hostile stories at the whole path: submission → screening → /hangdoi and /xem.

Stories mix what the outside review used (runs of separators between digits, near-miss phone and ID
numbers, long captions, many links, dotted names without a TLD) with Unicode that breaks naive code
(combining-mark piles, zero-width and bidi characters, emoji, Vietnamese). Every step must finish within
its budget (each `settle` has a deadline and raises past it; the test has a timeout) and nothing may be
stored past a limit: the draft's state, the stored original, and every message sent. Derandomized on CI
(conftest's "ci" profile) like the other suites.
"""

from __future__ import annotations

import itertools
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.infra import keys
from bot.stories import draft
from bot.stories import model as stories
from handlers import story as story_handlers
from tests.story_support import MODERATOR, open_window, say
from tests.support import BotHarness

STEP_BUDGET_S = 10.0  # every step settles (workers, screening, photo download, replies) within this
_users = itertools.count()

SEPARATED_DIGITS = st.builds(
    lambda digit, sep, n: (digit + sep) * n,
    st.sampled_from("0123456789"), st.sampled_from([" ", "   ", " - ", ".", "-", "  .  ", " . "]),
    st.integers(10, 700))
NEAR_MISSES = st.sampled_from(["0912 345 67", "+84 912 345 6789 1", "(028) 3822 1234 5", "0 0 1 0 9 3 0 0 1 2 3 4 5",
                               "STK 0123 4567 89 ngân hàng", "a@b@c@d", "a." * 300, "www." * 200, "1.2." * 300])
HOSTILE_CHARS = st.text(alphabet=st.sampled_from(
    list("0123456789 .-\n") + ["\u0301", "\u0323", "\u200b", "\u200d", "\u202e", "\ufeff", "😀", "🇻", "đ", "ư", "Ạ"]),
    min_size=1, max_size=3000)
VIETNAMESE = st.sampled_from(["Bà con trong xóm đã biết dùng VNeID để làm thủ tục khai sinh cho con.",
                              "Chợ quê dùng mã QR, không cần tiền lẻ nữa; cô Hoa rất vui."])
TEXT = st.one_of(SEPARATED_DIGITS, NEAR_MISSES, HOSTILE_CHARS, VIETNAMESE,
                 st.builds(lambda a, b: a + b, VIETNAMESE, SEPARATED_DIGITS))
PART = st.one_of(
    st.tuples(st.just("text"), TEXT),
    st.tuples(st.just("caption"), TEXT),
    st.tuples(st.just("link"), st.one_of(st.just("https://bit.ly/x"), st.builds(lambda n: "https://a.vn/" + "x" * n,
                                                                               st.integers(1, 2500)))),
)


def _stored_within_limits(bot: BotHarness, user: str) -> None:
    raw = bot.redis.hget(keys.state(user), "story_parts")
    if raw is not None:
        assert len(raw.decode()) <= draft.max_state_chars(bot.settings)
        assert draft.within_limits(json.loads(raw), bot.settings)
    for code in stories.user_codes(bot.redis, user):
        original = stories.original(bot.redis, code)
        assert original is not None
        assert len(original["body"]) <= bot.settings.story_max_chars
        assert len(original["links"]) <= bot.settings.story_max_links
        assert len(original["title"]) <= story_handlers.TITLE_MAX_CHARS
        assert len(json.loads(bot.redis.hget(keys.story(code), "photos"))) <= bot.settings.story_max_photos


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(title=st.one_of(VIETNAMESE, TEXT.map(lambda t: t[:200])), parts=st.lists(PART, min_size=1, max_size=6),
       photos=st.integers(0, 2))
def test_hostile_stories_finish_within_budget_and_within_limits(bot: BotHarness, title: str,
                                                                 parts: list[tuple[str, str]], photos: int) -> None:
    if not bot.redis.exists("test:window-open"):
        open_window(bot, MODERATOR)
        bot.redis.set("test:window-open", 1)
    user = f"77{next(_users):017d}"
    media = f"{bot.emulator_url}/_emulator/media"
    for text in ("gửi câu chuyện", title, "Cần Thơ"):
        say(bot, user, text)
    for kind, value in [*parts, *[("photo", f"{media}/cho-que-{i}.png") for i in range(photos)]]:
        if kind == "text":
            bot.send(user, value)
        elif kind == "caption":
            bot.event(user, "user_send_image", url=f"{media}/chu-thich.png", text=value)
        elif kind == "photo":
            bot.event(user, "user_send_image", url=value)
        else:
            bot.event(user, "user_send_link", url=value, title=value[:300])
        bot.settle(timeout=STEP_BUDGET_S)
        _stored_within_limits(bot, user)
    for text in ("xong", "đồng ý"):
        say(bot, user, text)
    bot.settle(timeout=STEP_BUDGET_S)  # screening and photo downloads included
    _stored_within_limits(bot, user)
    for code in stories.user_codes(bot.redis, user):
        assert stories.load(bot.redis, code).screened  # screening finished, not parked, not pending
        for command in ("/hangdoi", f"/xem {code}"):
            say(bot, MODERATOR, command)
    assert all(len(m.get("text") or "") <= bot.settings.max_text_chars for m in bot.messages())
