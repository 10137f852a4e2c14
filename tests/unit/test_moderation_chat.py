"""Reader stories, the moderators' side, as conversations through the real route table and the drain's
commit, with the screening job's body run in place of a worker: no HTTP, no RQ. (A moderator clearing a burst
with buttons, Zalo's windows and photos stay end to end: tests/test_story_moderation.py and
tests/test_moderation_taps.py.)"""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

from bot.export import export_all
from bot.infra import audit, keys
from bot.infra.texts import render
from bot.kb import load_kb, reset_kb
from bot.stories import model as stories
from bot.stories.jobs import screen_story
from tests.story_support import MODERATOR, STORY_TEXT, code_in, kb_entry, status
from tests.unit.handler_support import CITIZEN, Chat

MODERATOR_2 = "9000000000000000077"
STRANGER = "5555555555555555555"


def submit(chat: Chat, user: str = CITIZEN, *, title: str = "Làm giấy khai sinh trên điện thoại",
           locality: str = "Hà Giang", parts: tuple[str, ...] = (STORY_TEXT,)) -> str:
    """The whole submission, then the screening job; returns the code the bot replied with."""
    for text in ("gửi câu chuyện", title, locality, *parts, "xong"):
        chat.say(text, user)
    code = code_in(chat.say("đồng ý", user)[-1])
    assert chat.run_job(screen_story, code) == "screened"
    return code


def test_non_moderator_gets_a_refusal_for_every_command_and_nothing_changes(chat: Chat) -> None:
    code = submit(chat)
    commands = ["/hangdoi", f"/xem {code}", f"/xem {code} --goc", f"/duyet {code}", f"/tuchoi {code} spam",
                "/thongke", "/DUYET #" + code]
    for text in commands:
        chat.say(text, STRANGER)
    assert chat.replies(STRANGER) == [render("forbidden")] * len(commands)
    assert status(chat.redis, code) == "screened"
    attempts = [e for e in audit.entries(chat.redis) if e["action"] == "forbidden"]
    assert [e["command"] for e in attempts] == [c.split()[0] for c in commands]
    assert all(e["who"] == audit.citizen(chat.redis, STRANGER) and STRANGER not in json.dumps(e) for e in attempts)


def test_two_moderators_racing_exactly_one_decision_wins(chat: Chat) -> None:
    codes = [submit(chat, locality=place) for place in ("Huế", "Cần Thơ")]
    barrier = threading.Barrier(8)
    results: list[tuple[str, stories.Decision]] = []

    def act(i: int) -> None:
        wanted = stories.APPROVED if i % 2 else stories.REJECTED
        barrier.wait()
        decision = stories.decide(chat.redis, codes[0], wanted, moderator=f"90000000000000000{i:02d}", now_ms=1,
                                  event_key=f"e{i}", retention_s=60, reason="lý do")
        results.append((wanted, decision))

    threads = [threading.Thread(target=act, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    winners = [(w, d) for w, d in results if d.outcome == "ok"]
    assert len(winners) == 1
    assert all(d.outcome == "taken" and d.status == winners[0][0] for _, d in results if d.outcome != "ok")
    assert status(chat.redis, codes[0]) == winners[0][0]

    # The same race through the chat: both moderators are told which decision stands.
    chat.reconfigure(MODERATOR_IDS=f"{MODERATOR},{MODERATOR_2}")
    first = chat.say(f"/duyet {codes[1]}", MODERATOR)[-1]
    second = chat.say(f"/tuchoi {codes[1]} Trùng nội dung", MODERATOR_2)[-1]
    outcomes = sorted([first, second], key=lambda r: "lúc" in r)
    assert outcomes[0].splitlines()[0] in (render("mod_approved", code=codes[1]),
                                           render("mod_rejected", code=codes[1], reason="Trùng nội dung"))
    assert f"#{codes[1]} đã được người kiểm duyệt khác" in outcomes[1]
    decided = [e for e in audit.entries(chat.redis) if e["code"] == codes[1] and e["action"] in ("approved",
                                                                                                 "rejected")]
    assert len(decided) == 1
    notices = [r for r in chat.replies(CITIZEN) if f"(#{codes[1]})" in r]
    assert len(notices) == 1  # the submitter hears one outcome, not two


def test_rejection_with_reason_reaches_the_submitter(chat: Chat) -> None:
    code = submit(chat)
    assert chat.say(f"/tuchoi {code}", MODERATOR)[-1] == render("mod_pick_reason", code=code)  # reasons offered
    reply = chat.say(f"/tuchoi #{code}   Nội dung chưa nói rõ   thay đổi nhờ chuyển đổi số", MODERATOR)[-1]
    reason = "Nội dung chưa nói rõ thay đổi nhờ chuyển đổi số"
    assert reply.splitlines()[0] == render("mod_rejected", code=code, reason=reason)
    assert chat.replies(CITIZEN)[-1] == render("story_notice_rejected", title="Làm giấy khai sinh trên điện thoại",
                                               code=code, reason=reason)
    assert "đã được bạn đã từ chối" in chat.say(f"/duyet {code}", MODERATOR)[-1]
    assert status(chat.redis, code) == "rejected"


def test_original_is_shown_only_with_the_flag_and_dropped_after_the_decision(chat: Chat) -> None:
    chat.reconfigure(STORY_ORIGINAL_RETENTION_SECONDS="0")
    code = submit(chat)
    assert "0912 345 678" in chat.say(f"/xem {code} --goc", MODERATOR)[-1]
    assert "0912 345 678" not in chat.say(f"/xem {code}", MODERATOR)[-1]
    chat.say(f"/tuchoi {code} Thiếu thông tin", MODERATOR)
    assert not chat.redis.exists(keys.story_original(code))
    assert chat.say(f"/xem {code} gốc", MODERATOR)[-1] == render("mod_original_gone", code=code)
    actions = [e["action"] for e in audit.entries(chat.redis) if e["code"] == code]
    assert actions == ["submitted", "screened", "viewed_original", "viewed", "rejected"]


def test_queue_is_oldest_first_with_flags_and_near_duplicates(chat: Chat) -> None:
    first = submit(chat)
    copy = STORY_TEXT.replace("Chị Lan", "Anh Minh") + " Chi tiết ở bit.ly/khai-sinh-nhanh"
    second = submit(chat, "2222222222222222222", title="Khai sinh online", parts=(copy,))
    head, line1, line2 = chat.say("/hangdoi", MODERATOR)[-1].splitlines()
    assert head == render("mod_queue_head", count=2)
    assert line1.startswith(f"#{first} ") and line2.startswith(f"#{second} ")
    assert f"giống #{first}" in line2 and "bit.ly" in line2


def test_stats_counts(chat: Chat, tmp_path: Path) -> None:
    # Two entries past their review_by, one not yet due (year 2100), one historical fact (never due).
    kb_file = tmp_path / "kb.toml"
    kb_file.write_text(kb_entry("a", "Đề án 06 là gì?", "procedure", "2020-01-01", "2021-01-01")
                       + kb_entry("b", "Xếp hạng chính phủ điện tử?", "ranking", "2020-01-01", "2020-07-01")
                       + kb_entry("c", "Ngày chuyển đổi số?", "procedure", "2099-06-01", "2100-01-01")
                       + kb_entry("d", "Quyết định 505?", "history", "2020-01-01", None), encoding="utf-8")
    reset_kb(load_kb(kb_file))
    try:
        approved, rejected, waiting = (submit(chat, str(3333333333333333330 + i)) for i in range(3))
        chat.say(f"/duyet {approved}", MODERATOR)
        chat.say(f"/tuchoi {rejected} Không phù hợp", MODERATOR)
        chat.say("giá vàng hôm nay bao nhiêu")  # off-topic: answered honestly, never counted
        chat.say("cảm ơn nhé")  # small talk: never counted
        chat.say("ứng dụng VNeID báo lỗi mã 0193 khi quét chip thì làm sao")  # in scope, not in the KB
        stats = chat.say("/thongke", MODERATOR)[-1]
    finally:
        reset_kb()
    assert stats == render("mod_stats", pending=1, unscreened=0, approved=1, rejected=1, subscribers=0,
                           unanswered=1, review_due=2)
    assert waiting


def test_export_writes_stories_and_audit_log_as_json_lines(chat: Chat) -> None:
    code = submit(chat)
    chat.say(f"/duyet {code}", MODERATOR)
    out = io.StringIO()
    count = export_all(chat.redis, out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(rows) == count
    [story] = [r for r in rows if r.get("record") == "story"]
    assert story["code"] == code and story["status"] == "approved" and "original" not in story
    assert [r["action"] for r in rows if r.get("record") == "audit"] == ["submitted", "screened", "approved"]
    assert not any(r.get("key", "").startswith((keys.story(""), keys.AUDIT_LOG)) for r in rows)


def test_other_reason_takes_the_next_typed_message(chat: Chat) -> None:
    code = submit(chat)
    chat.say(f"/tuchoi {code}", MODERATOR)
    buttons = [m for m in chat.messages(MODERATOR) if m.buttons][-1].buttons
    assert len(buttons) <= 5
    [other] = [p for t, p in buttons if t == render("mod_button_other_reason")]
    assert chat.say(other, MODERATOR)[-1] == render("mod_type_reason", code=code)
    chat.say("Ảnh chụp chưa rõ, bạn gửi lại giúp nhé", MODERATOR)
    assert status(chat.redis, code) == "rejected"
    story = stories.load(chat.redis, code)
    assert story is not None and story.reason == "Ảnh chụp chưa rõ, bạn gửi lại giúp nhé"


def test_edit_replaces_the_text_before_approval_and_keeps_the_original(chat: Chat) -> None:
    code = submit(chat)

    def body() -> str:
        story = stories.load(chat.redis, code)
        assert story is not None
        return story.body

    assert "[SĐT đã ẩn]" in body()
    fixed = "Nhờ tổ công nghệ số cộng đồng, bà con trong xóm đã biết dùng VNeID để làm thủ tục khai sinh cho con."
    assert chat.say(f"/sua {code} {fixed}", MODERATOR)[-1].startswith(render("mod_edit_done", code=code,
                                                                             chars=len(fixed)))
    assert body() == fixed
    assert "0912 345 678" in (stories.original(chat.redis, code) or {})["body"], "the original is kept"
    edits = [e for e in audit.entries(chat.redis) if e["action"] == "edited" and e["code"] == code]
    assert len(edits) == 1 and fixed not in str(edits[0])
    [approve] = [p for t, p in [m for m in chat.messages(MODERATOR) if m.buttons][-1].buttons
                 if t == render("mod_button_approve")]
    chat.say(approve, MODERATOR)
    closed = chat.say(f"/sua {code} Sửa sau khi duyệt", MODERATOR)[-1]
    assert closed == render("mod_edit_closed", code=code, status=render("mod_status_approved"))
    assert body() == fixed
