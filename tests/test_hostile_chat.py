"""Hostile input in the chat: spoofed moderator commands, and injection in story text shown to moderators
and readers (definition of "shown safely": bot/infra/safe_text.py)."""

from __future__ import annotations

import itertools
import json
import time
import unicodedata

import requests

from bot.digest.compose import render_text
from bot.digest.stories import DigestStory
from bot.infra import audit, keys
from bot.infra.safe_text import MAX_MARKS, clean
from bot.infra.texts import render
from bot.zalo import signature
from tests.story_support import CITIZEN, MODERATOR, code_in, open_window, say, status, submit
from tests.support import BotHarness

STRANGER = "5555555555555555551"
_IDS = itertools.count()


def signed_text(bot: BotHarness, user: str, text: str) -> None:
    """A text event POSTed straight to the webhook, signed like Zalo: carries what the emulator cannot
    build (lone surrogates), and proves nothing in the text is trusted even when the MAC is right."""
    s = bot.settings
    event = {"app_id": s.app_id, "sender": {"id": user}, "recipient": {"id": "2000000000000000002"},
             "event_name": "user_send_text", "message": {"text": text, "msg_id": f"h{next(_IDS)}x{time.time_ns()}"},
             "timestamp": str(int(time.time() * 1000))}
    raw = json.dumps(event).encode()
    header = signature.header_value(s.app_id, raw, event["timestamp"], s.oa_secret_key)
    answer = requests.post(f"http://127.0.0.1:{s.port}/webhook", data=raw, headers={signature.HEADER: header},
                           timeout=10)
    assert answer.status_code == 200, answer.text
    bot.settle()


# --- 1. moderator commands from someone who is not a moderator -------------------------------------------

def spoof_attempts(code: str) -> list[tuple[str, str]]:
    """(message, the command the audit entry must name)."""
    m = MODERATOR
    return [
        (f"/duyet {code} {m}", "/duyet"),
        (f"sender: {m} /duyet {code}", "/duyet"),
        (f'{{"sender": {{"id": "{m}"}}, "text": "/duyet {code}"}}', "/duyet"),
        (f"Tôi là kiểm duyệt viên {m}, nhờ kênh /duyet #{code} giúp", "/duyet"),
        (f"\u200b/duyet {code}", "/duyet"),  # zero-width space in front
        (f"/du\u200dyet {code}", "/duyet"),  # zero-width joiner inside
        (f"\u202e/duyet {code}", "/duyet"),  # right-to-left override
        (f"\ufeff/tuchoi {code} spam", "/tuchoi"),  # BOM
        (f"／duyet {code}", "/duyet"),  # full-width slash
        (f"／ｄｕｙｅｔ　{code}", "/duyet"),  # full-width letters and ideographic space
        (f"⁄xem {code} --goc", "/xem"),  # fraction slash
        (f"∕hangdoi {m}", "/hangdoi"),  # division slash
        (f"/THONGKE as {m}", "/THONGKE"),
        (f"xin chào\n/bantin ghim {code}", "/bantin"),
    ]


def test_spoofed_moderator_commands_are_refused_change_nothing_and_are_audited(bot: BotHarness) -> None:
    code = submit(bot)
    assert status(bot.redis, code) == "screened"
    # The display name says "moderator": ids come only from the signed event's sender.id.
    bot.emulator("PUT", f"/users/{STRANGER}", json={"display_name": MODERATOR})
    stories_before = {k: bot.redis.hgetall(k) for k in bot.redis.scan_iter(match="dxbot:story:*")}
    citizen_before = bot.replies(CITIZEN)
    attempts = spoof_attempts(code)
    for text, _ in attempts:
        say(bot, STRANGER, text)
    signed_text(bot, STRANGER, f"/duyet {code}\ud800")  # and a lone surrogate through the signed webhook
    assert bot.replies(STRANGER) == [render("forbidden")] * (len(attempts) + 1)
    assert status(bot.redis, code) == "screened"
    assert {k: bot.redis.hgetall(k) for k in bot.redis.scan_iter(match="dxbot:story:*")} == stories_before
    assert bot.replies(CITIZEN) == citizen_before  # no "approved"/"rejected" notice
    entries = list(audit.entries(bot.redis))
    refused = [e for e in entries if e["action"] == "forbidden"]
    assert [e["command"] for e in refused] == [c for _, c in attempts] + ["/duyet"]
    assert all(e["who"] == audit.citizen(bot.redis, STRANGER) for e in refused)
    assert not [e for e in entries if e["action"] in ("approved", "rejected", "viewed", "viewed_original")]


def test_the_same_look_alike_forms_work_for_a_real_moderator(bot: BotHarness) -> None:
    """What looks like a command is one: a moderator's full-width or zero-width-prefixed command runs."""
    first, second = submit(bot), submit(bot, title="Chợ quê dùng mã QR")
    say(bot, MODERATOR, f"\u200b／duyet {first}")
    assert bot.replies(MODERATOR)[-1].startswith(render("mod_approved", code=first) + "\n")
    say(bot, MODERATOR, f"sender: {MODERATOR} /duyet {second}")  # not at the start: not a command for anyone
    assert status(bot.redis, second) == "screened"
    assert "forbidden" not in {e["action"] for e in audit.entries(bot.redis)}


def test_a_story_draft_may_mention_commands_as_plain_text(bot: BotHarness) -> None:
    """Inside a draft the words are story text (shown to moderators as text); nothing runs."""
    body = "Ở xã tôi, cán bộ hướng dẫn bà con cách gõ lệnh như /duyet hay /xem trên ứng dụng của huyện."
    code = submit(bot, parts=(body,))
    assert status(bot.redis, code) == "screened"
    assert "forbidden" not in {e["action"] for e in audit.entries(bot.redis)}


# --- 2. injection in story text ------------------------------------------------------------------------

HOSTILE_TITLE = "<b>Chợ\u202e RQ\u202c</b> \u200b\x07\x1b[31m #ZZZZ\u2028/duyet 2E3T \u2066x\u2069 ﷽"
HOSTILE_PARTS = (
    "<script>alert('xss')</script> <a href=\"http://phish.example\">bấm vào</a> **đậm** [link](http://x.io) "
    "&lt;i&gt; {code} {{title}} %s",
    "Điều khiển: \x00\x01\x07\x08\x1b[2J\x1b[31mđỏ\x1b[0m \x7f \x85 \x9b kết thúc\r\ndòng mới\rdòng nữa",
    "Bidi: \u202egnp.exe\u202c \u2067ẩn\u2069 \u200e\u200f\u061c và zero-width: a\u200bb\u200cc\u2060d\ufeffe\u00adf "
    "g\u200dh, thẻ ẩn \U000e0041\U000e0042, chữ trống \u3164\u2800.",
    "Dấu chồng: a" + "\u0301" * 1800,
    "Bom emoji: " + "💣" * 900 + " 👨\u200d👩\u200d👧 " + "❤️" * 300,
    "Dòng dài: " + "x" * 1990,
    "Kết: câu chuyện thật về chuyển đổi số ở xã, bà con dùng VNeID và thanh toán không tiền mặt.\n\n\n\n\n\n\nHết.",
)
FORBIDDEN_CATEGORIES = ("Cc", "Cf", "Cs", "Co")


def assert_safe(text: str, *, where: str) -> None:
    """The definition of "safe to show" (bot/infra/safe_text.py), checked on one delivered message."""
    assert len(unicodedata.normalize("NFC", text)) <= 2000, f"{where}: over Zalo's 2,000 characters"
    marks = 0
    for i, ch in enumerate(text):
        category = unicodedata.category(ch)
        if ch == "\u200d":  # only inside an emoji sequence
            assert unicodedata.category(text[i - 1]) == "So" and unicodedata.category(text[i + 1]) == "So", where
            continue
        assert ch == "\n" or category not in FORBIDDEN_CATEGORIES, f"{where}: {ch!r} ({category}) at {i}"
        assert not "\U000e0000" <= ch <= "\U000e007f", where
        marks = marks + 1 if category in ("Mn", "Me") else 0
        assert marks <= MAX_MARKS, f"{where}: {marks} combining marks in a row"
    assert "\n\n\n" not in text, f"{where}: more than one blank line"
    assert "💣" * 11 not in text and "x" * 1991 not in text


def test_hostile_story_text_is_shown_safely_to_moderators_and_readers(bot: BotHarness) -> None:
    bot.reconfigure(STORY_MAX_CHARS="20000")
    open_window(bot, MODERATOR)
    for text in ("gửi câu chuyện", HOSTILE_TITLE, "Cần Thơ"):
        say(bot, CITIZEN, text)
    for part in HOSTILE_PARTS:
        say(bot, CITIZEN, part)
    signed_text(bot, CITIZEN, "Ký tự hỏng: \ud83d giữa câu và \udc00 ở cuối")  # lone surrogates
    say(bot, CITIZEN, "xong")
    say(bot, CITIZEN, "đồng ý")
    code = code_in(bot.replies(CITIZEN)[-1])
    assert status(bot.redis, code) == "screened" and not bot.redis.hlen(keys.DEAD_EVENTS)

    alert = bot.replies(MODERATOR)[-1]
    assert_safe(alert, where="alert")
    lines = alert.split("\n")
    assert len(lines) == 2 and lines[0].startswith(f"📝 Câu chuyện mới #{code}: ") and lines[1].endswith(f"/xem {code}")
    assert "\u202e" not in alert and "/duyet 2E3T" in lines[0]  # the title's fake command stays in the title line

    seen = len(bot.replies(MODERATOR))
    for command in ("/hangdoi", f"/xem {code}", f"/xem {code} --goc"):
        say(bot, MODERATOR, command)
    shown = bot.replies(MODERATOR)[seen:]
    for n, message in enumerate(shown):
        assert_safe(message, where=f"moderator message {n}")
    queue = shown[0].split("\n")
    assert len(queue) == 2 and queue[1].startswith(f"#{code} · ")  # one line per story, whatever its title
    view = shown[1].split("\n")
    assert view[0].startswith(f"#{code} · ") and view[1].startswith("Tiêu đề: <b>Chợ RQ</b>")
    assert view[2].startswith("Địa phương: thành phố Cần Thơ") or view[2].startswith("Địa phương: ")
    body = "\n".join(shown[1:])
    assert "<script>alert('xss')</script>" in body  # markup is shown as the text it is (Zalo renders none)
    assert "gnp.exe" in body and "abcdef" in body and "dòng mới\ndòng nữa" in body and "\ufffd" in body
    assert len(shown) <= 2 + 2 * 6  # /hangdoi 1 + /xem and --goc: a bounded number of parts each

    say(bot, MODERATOR, f"/duyet {code}")
    say(bot, MODERATOR, "/bantin")
    say(bot, "5555555555555555552", f"đọc #{code}")
    for message in [*bot.replies(MODERATOR)[-2:], *bot.replies("5555555555555555552")]:
        assert_safe(message, where="digest/read")


def test_digest_renderer_neutralises_hostile_fixture_stories() -> None:
    """The digest text itself (also what `dxbot digest preview` prints to a terminal)."""
    hostile = [DigestStory(code=f"C{i}AB", title=HOSTILE_TITLE + "\n" * 5 + "x" * 5000, locality="Hà\u202eNội\n",
                           excerpt=part + "\n" + "y" * 5000, approved_ms=i) for i, part in enumerate(HOSTILE_PARTS)]
    text = render_text(hostile, None, "01/06")
    assert_safe(text, where="digest")
    assert clean(text) == unicodedata.normalize("NFC", text)
    assert text.count("👉") >= 1 and "\x1b" not in text
