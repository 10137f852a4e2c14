"""Issue 16: a reply is never lost to a payload Zalo refuses. The emulator refuses a form for the whole run
(`/_emulator/refuse`); the bot degrades, resends in the same place, remembers, and rechecks later."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import requests

from bot.core.context import Button, Context
from bot.core.events import Event, TextMessage
from bot.core.routing import Router, any_text
from bot.infra import clock, keys
from bot.infra.texts import render
from tests.digest_helpers import MONDAY_8, add_story, digests_received, log_of, run_digest, subscribe_at
from tests.story_support import MODERATOR, STORY_TEXT
from tests.support import BotHarness
from tests.test_golive import dxbot

CITIZEN = "1300000000000000001"
OTHER = "1300000000000000002"
CHOICES_HEAD = render("buttons_fallback")
NOTICE_HEAD = render("form_refused_notice", form="\x00", fallback="", recheck="").split("\x00")[0]


def refuse(bot: BotHarness, *forms: str) -> None:
    bot.emulator("POST", "/refuse", json={"forms": list(forms)})


def refusals(bot: BotHarness, user: str) -> list[dict]:
    answer = bot.emulator("GET", "/messages", params={"user_id": user, "include_refused": "1"}).json()["messages"]
    return [m for m in answer if m.get("status") == "refused"]


def delivered(bot: BotHarness, user: str) -> list[dict]:
    return bot.messages(user)


def chat(bot: BotHarness, user: str, text: str) -> str:
    """One message, fully processed; returns the text of the last message the user received."""
    bot.send(user, text)
    bot.settle()
    return bot.replies(user)[-1]


def notices(bot: BotHarness) -> list[str]:
    return [t for t in bot.replies(MODERATOR) if t.startswith(NOTICE_HEAD)]


def test_refused_buttons_help_still_reaches_the_citizen_as_typed_choices(bot: BotHarness) -> None:
    refuse(bot, "cs_buttons")
    reply = chat(bot, CITIZEN, "trợ giúp")
    assert reply.startswith(render("help"))
    assert f"{CHOICES_HEAD}\n• gửi câu chuyện" in reply
    [message] = delivered(bot, CITIZEN)
    assert message["attachment"] is None and message["buttons"] == []
    [refused] = refusals(bot, CITIZEN)
    assert refused["error"] == -201 and refused["attachment"]["payload"]["buttons"]
    assert bot.metric("messages_degraded_total", cause="refused", form="buttons") == 1
    assert bot.redis.hexists(keys.ZALO_REFUSED_FORMS, "buttons")
    assert bot.redis.llen(keys.UNDELIVERABLE) == 0


def test_one_refusal_switches_the_install_every_kind_of_reply_arrives_as_text(bot: BotHarness) -> None:
    refuse(bot, "cs_buttons")
    chat(bot, MODERATOR, "/thongke")  # the moderator's Zalo window is open
    assert CHOICES_HEAD in chat(bot, CITIZEN, "trợ giúp")  # the one refusal
    # answer with choices (an unknown question offers three topics)
    answer = chat(bot, OTHER, "ứng dụng VNeID báo lỗi mã 0193 khi quét chip thì làm sao")
    assert answer.startswith(render("unknown")) and answer.count("\n• ") == 3  # topics not listed twice
    # every story step, then the moderator's alert and the decision told to the citizen
    before = len(bot.replies(OTHER))
    steps = [chat(bot, OTHER, step) for step in
             ("gửi câu chuyện", "Làm giấy khai sinh trên điện thoại", "Hà Giang", STORY_TEXT, "xong")]
    assert len(bot.replies(OTHER)) - before >= 5  # at least one reply per step, none lost
    assert sum(CHOICES_HEAD in step for step in steps) >= 4  # the steps that offer buttons (hủy, xong, đồng ý)
    done = chat(bot, OTHER, "đồng ý")
    code = done.split("#", 1)[1][:8].split()[0].strip(".,)")
    assert any(code in t for t in bot.replies(MODERATOR)), "the moderator alert arrived"
    chat(bot, MODERATOR, f"/duyet {code}")
    assert code in bot.replies(OTHER)[-1]
    # only the first message with buttons was refused; everything after went plain at once
    assert len(refusals(bot, CITIZEN)) == 1
    assert refusals(bot, OTHER) == [] and refusals(bot, MODERATOR) == []
    assert all(m["buttons"] == [] for user in (CITIZEN, OTHER, MODERATOR) for m in delivered(bot, user))
    assert bot.metric("messages_degraded_total", cause="remembered", form="buttons") >= 5  # answer + story steps
    # moderators are told once, and /metrics says so
    assert len(notices(bot)) == 1 and render("form_name_buttons") in notices(bot)[0]
    body = requests.get(f"http://127.0.0.1:{bot.settings.port}/metrics", timeout=5).text
    assert 'dxbot_zalo_form_plain{form="buttons"} 1.0' in body


def test_recheck_restores_buttons_once_zalo_accepts_them_again(bot: BotHarness) -> None:
    bot.reconfigure(ZALO_FORM_RECHECK_SECONDS="3600")
    clock.sync_with_emulator(bot.redis, bot.settings)
    refuse(bot, "cs_buttons")
    chat(bot, MODERATOR, "/thongke")
    chat(bot, CITIZEN, "trợ giúp")
    assert len(refusals(bot, CITIZEN)) == 1
    # recheck due while Zalo still refuses: one more refusal, plain again, no second notice
    clock.move(bot.redis, bot.settings, advance_s=3601)
    assert CHOICES_HEAD in chat(bot, CITIZEN, "trợ giúp")
    assert len(refusals(bot, CITIZEN)) == 2
    assert CHOICES_HEAD in chat(bot, CITIZEN, "trợ giúp")  # within the new wait: no refusal
    assert len(refusals(bot, CITIZEN)) == 2
    # Zalo accepts buttons again; the next recheck goes rich and stays rich
    bot.emulator("DELETE", "/refuse")
    clock.move(bot.redis, bot.settings, advance_s=3601)
    for _ in range(2):
        assert chat(bot, CITIZEN, "trợ giúp") == render("help")
        assert delivered(bot, CITIZEN)[-1]["buttons"][0]["payload"] == "gửi câu chuyện"
    assert not bot.redis.hexists(keys.ZALO_REFUSED_FORMS, "buttons")
    assert bot.metric("zalo_form_switches_total", form="buttons", to="rich") == 1
    assert bot.metric("zalo_form_switches_total", form="buttons", to="plain") == 1
    assert len(notices(bot)) == 1


def mixed_router() -> Router:
    """One event answered by five messages of every form, to check their order survives degradation."""
    router = Router()

    def answer(event: Event, ctx: Context) -> None:
        assert isinstance(event, TextMessage)
        ctx.send_text("một")
        ctx.send_text("hai", buttons=[Button("Ba", "ba")])
        ctx.send_image(f"{ctx.settings.api_base}/_emulator/media/anh.png", caption="bốn")
        ctx.send_text("năm. " + "Câu dài để chia lại. " * 70)  # ~1,500 characters: one part at 2,000
        ctx.send_text("sáu")

    router.add(any_text(), answer)
    return router


def test_every_form_degrades_in_place_and_order_is_kept(bot: BotHarness) -> None:
    refuse(bot, "cs_buttons", "cs_media", "text_over:1000")
    bot.use_router(mixed_router())
    bot.send(CITIZEN, "thử")
    bot.settle()
    texts = bot.replies(CITIZEN)
    assert texts[0] == "một"
    assert texts[1] == f"hai\n\n{CHOICES_HEAD}\n• ba"
    assert texts[2] == "bốn\n" + render("image_link", url=f"{bot.settings.api_base}/_emulator/media/anh.png")
    long_parts = texts[3:-1]
    assert len(long_parts) >= 2 and all(len(p) <= 1000 for p in long_parts) and long_parts[0].startswith("năm.")
    assert texts[-1] == "sáu"
    assert [r["error"] for r in refusals(bot, CITIZEN)] == [-201, -201, -210]
    assert bot.redis.llen(keys.UNDELIVERABLE) == 0
    assert {f.decode() for f in bot.redis.hkeys(keys.ZALO_REFUSED_FORMS)} == {"buttons", "image", "long_text"}


def test_a_refused_plain_form_is_given_up_with_its_reason_and_the_next_message_goes(bot: BotHarness) -> None:
    refuse(bot, "text_over:50")
    router = Router()
    router.add(any_text(), lambda e, ctx: (ctx.send_text("x" * 300), ctx.send_text("ngắn thôi")))
    bot.use_router(router)
    bot.send(CITIZEN, "thử")
    bot.settle()
    assert bot.replies(CITIZEN) == ["ngắn thôi"]
    assert bot.redis.llen(keys.UNDELIVERABLE) == 1
    assert b"BadRequest" in bot.redis.lindex(keys.UNDELIVERABLE, 0)
    assert bot.metric("messages_failed_total", reason="BadRequest") == 1


def test_operator_switch_still_sends_typed_choices_without_trying_buttons(bot: BotHarness) -> None:
    bot.reconfigure(ZALO_CS_BUTTONS="0")
    assert CHOICES_HEAD in chat(bot, CITIZEN, "trợ giúp")
    assert refusals(bot, CITIZEN) == [] and notices(bot) == []


def test_digest_reaches_subscribers_when_templates_or_buttons_are_refused(bot: BotHarness) -> None:
    fresh, old = "5200000000000000001", "5200000000000000002"
    bot.reconfigure(DIGEST_RATE_PER_SECOND="0", DIGEST_PREVIEW_MINUTES="0", DIGEST_PROMOTION="1")
    add_story(bot, "AB23")
    subscribe_at(bot, old, MONDAY_8 - timedelta(days=10), follow=True)
    subscribe_at(bot, fresh, MONDAY_8 - timedelta(hours=1))
    refuse(bot, "button:oa.query.show")
    run_digest(bot)
    [cs] = digests_received(bot, fresh)
    [promotion] = digests_received(bot, old)
    assert cs["endpoint"] == "cs" and promotion["endpoint"] == "promotion" and promotion["buttons"] == []
    assert (log_of(bot, fresh), log_of(bot, old)) == ("s", "m")
    assert bot.redis.hexists(keys.ZALO_REFUSED_FORMS, "promotion_buttons")


def test_digest_refused_as_a_template_is_kept_for_the_next_message(bot: BotHarness) -> None:
    old = "5200000000000000003"
    bot.reconfigure(DIGEST_RATE_PER_SECOND="0", DIGEST_PREVIEW_MINUTES="0", DIGEST_PROMOTION="1")
    add_story(bot, "AB23")
    subscribe_at(bot, old, MONDAY_8 - timedelta(days=10), follow=True)
    refuse(bot, "templates")
    run_digest(bot)
    assert digests_received(bot, old) == [] and log_of(bot, old) == "w"
    bot.send(old, "xin chào")  # the user writes again: the kept digest arrives as text
    bot.settle()
    assert len(digests_received(bot, old)) == 1


def test_emulator_refusal_control(bot: BotHarness) -> None:
    url = f"{bot.emulator_url}/_emulator/refuse"
    assert requests.post(url, json={"forms": ["bogus"]}, timeout=5).status_code == 400
    assert requests.post(url, json={"forms": "cs_buttons"}, timeout=5).status_code == 400
    answer = requests.post(url, json={"forms": ["cs_buttons", "button:oa.open.url", "text_over:10"]}, timeout=5)
    assert answer.json() == {"forms": ["cs_buttons", "button:oa.open.url", "text_over:10"]}
    assert requests.get(url, timeout=5).json()["forms"] == ["cs_buttons", "button:oa.open.url", "text_over:10"]
    assert requests.delete(url, timeout=5).json() == {"forms": []}
    refuse(bot, "templates")
    bot.emulator("POST", "/reset")
    assert requests.get(url, timeout=5).json() == {"forms": []}



def test_doctor_probe_reports_which_forms_zalo_accepts(bot: BotHarness, base_env: dict[str, str],
                                                       tmp_path: Path) -> None:
    chat(bot, MODERATOR, "/thongke")  # the probe goes to a moderator whose Zalo window is open
    refuse(bot, "cs_buttons")
    out = dxbot(base_env, "doctor", "--probe", cwd=tmp_path).stdout
    assert "Zalo refuses buttons on CS messages (-201)" in out and "Zalo accepts plain text with typed choices" in out
    assert bot.replies(MODERATOR)[-1].startswith(render("probe_message") + "\n\n" + CHOICES_HEAD)
    assert bot.redis.hexists(keys.ZALO_REFUSED_FORMS, "buttons")  # the bot uses typed choices at once
    bot.emulator("DELETE", "/refuse")
    out = dxbot(base_env, "doctor", "--probe", cwd=tmp_path).stdout
    assert "Zalo accepts buttons on CS messages (probe sent to 9000000000000000009)" in out
    assert bot.messages(MODERATOR)[-1]["buttons"][0]["payload"] == render("probe_button_payload")
    assert not bot.redis.hexists(keys.ZALO_REFUSED_FORMS, "buttons")
    out = dxbot(base_env, "doctor", "--probe-to", "1300000000000000009", cwd=tmp_path).stdout
    assert "cannot probe: Zalo will not deliver to 1300000000000000009 now" in out


def test_emulator_refuses_from_the_command_line_for_the_whole_run() -> None:
    from bot.zalo.emulator.__main__ import build_parser, config_from_args

    args = build_parser().parse_args(["--refuse", "cs_buttons", "--refuse", "button:oa.query.hide"])
    assert config_from_args(args).refuse == ("cs_buttons", "button:oa.query.hide")
    with pytest.raises(ValueError, match="unknown refusal rule"):
        config_from_args(build_parser().parse_args(["--refuse", "everything"]))
