"""Reader stories, the moderators' side, chat-level, plus data deletion and the export."""

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
from tests.story_support import CITIZEN, MODERATOR, STORY_TEXT, open_window, say, status, submit
from tests.support import BotHarness

MODERATOR_2 = "9000000000000000077"
STRANGER = "5555555555555555555"


def test_non_moderator_gets_a_refusal_for_every_command_and_nothing_changes(bot: BotHarness) -> None:
    code = submit(bot)
    commands = ["/hangdoi", f"/xem {code}", f"/xem {code} --goc", f"/duyet {code}", f"/tuchoi {code} spam",
                "/thongke", "/DUYET #" + code]
    for text in commands:
        say(bot, STRANGER, text)
    assert bot.replies(STRANGER) == [render("forbidden")] * len(commands)
    assert status(bot.redis, code) == "screened"
    attempts = [e for e in audit.entries(bot.redis) if e["action"] == "forbidden"]
    assert [e["command"] for e in attempts] == [c.split()[0] for c in commands]
    assert all(e["who"] == audit.citizen(bot.redis, STRANGER) and STRANGER not in json.dumps(e) for e in attempts)


def test_two_moderators_racing_exactly_one_decision_wins(bot: BotHarness) -> None:
    codes = [submit(bot, locality=place) for place in ("Huế", "Cần Thơ")]
    barrier = threading.Barrier(8)
    results: list[tuple[str, stories.Decision]] = []

    def act(i: int) -> None:
        wanted = stories.APPROVED if i % 2 else stories.REJECTED
        barrier.wait()
        decision = stories.decide(bot.redis, codes[0], wanted, moderator=f"90000000000000000{i:02d}", now_ms=1,
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
    assert status(bot.redis, codes[0]) == winners[0][0]

    # The same race through the chat: both moderators are told which decision stands.
    bot.reconfigure(MODERATOR_IDS=f"{MODERATOR},{MODERATOR_2}")
    bot.send(MODERATOR, f"/duyet {codes[1]}")
    bot.send(MODERATOR_2, f"/tuchoi {codes[1]} Trùng nội dung")
    bot.settle()
    first, second = bot.replies(MODERATOR)[-1], bot.replies(MODERATOR_2)[-1]
    outcomes = sorted([first, second], key=lambda r: "lúc" in r)
    assert outcomes[0].splitlines()[0] in (render("mod_approved", code=codes[1]),
                                           render("mod_rejected", code=codes[1], reason="Trùng nội dung"))
    assert f"#{codes[1]} đã được người kiểm duyệt khác" in outcomes[1]
    decided = [e for e in audit.entries(bot.redis) if e["code"] == codes[1] and e["action"] in ("approved", "rejected")]
    assert len(decided) == 1
    notices = [r for r in bot.replies(CITIZEN) if f"(#{codes[1]})" in r]
    assert len(notices) == 1  # the submitter hears one outcome, not two


def test_rejection_with_reason_reaches_the_submitter(bot: BotHarness) -> None:
    code = submit(bot)
    say(bot, MODERATOR, f"/tuchoi {code}")
    assert bot.replies(MODERATOR)[-1] == render("mod_pick_reason", code=code)  # ready-made reasons offered
    say(bot, MODERATOR, f"/tuchoi #{code}   Nội dung chưa nói rõ   thay đổi nhờ chuyển đổi số")
    reason = "Nội dung chưa nói rõ thay đổi nhờ chuyển đổi số"
    assert bot.replies(MODERATOR)[-1].splitlines()[0] == render("mod_rejected", code=code, reason=reason)
    assert bot.replies(CITIZEN)[-1] == render("story_notice_rejected", title="Làm giấy khai sinh trên điện thoại",
                                              code=code, reason=reason)
    say(bot, MODERATOR, f"/duyet {code}")
    assert "đã được bạn đã từ chối" in bot.replies(MODERATOR)[-1]
    assert status(bot.redis, code) == "rejected"


def test_notice_waits_for_the_next_message_when_the_window_has_closed(bot: BotHarness) -> None:
    code = submit(bot)
    bot.advance_clock(8 * 24 * 3600)  # the citizen's 7-day window is over
    open_window(bot, MODERATOR)
    say(bot, MODERATOR, f"/duyet {code}")
    notice = render("story_notice_approved", title="Làm giấy khai sinh trên điện thoại", code=code)
    assert notice not in bot.replies(CITIZEN)
    assert bot.redis.llen(keys.deferred(CITIZEN)) == 2  # the decision, then the article's link
    link = bot.redis.hget(keys.story(code), "article_link").decode()
    say(bot, CITIZEN, "menu")
    assert bot.replies(CITIZEN)[-3:] == [notice, render("story_notice_article", title="Làm giấy khai sinh trên "
                                                        "điện thoại", code=code, link=link), render("help")]
    assert not bot.redis.exists(keys.deferred(CITIZEN))


def test_original_is_shown_only_with_the_flag_and_dropped_after_the_decision(bot: BotHarness) -> None:
    bot.reconfigure(STORY_ORIGINAL_RETENTION_SECONDS="0")
    code = submit(bot)
    say(bot, MODERATOR, f"/xem {code} --goc")
    assert "0912 345 678" in bot.replies(MODERATOR)[-1]
    say(bot, MODERATOR, f"/xem {code}")
    assert "0912 345 678" not in bot.replies(MODERATOR)[-1]
    say(bot, MODERATOR, f"/tuchoi {code} Thiếu thông tin")
    assert not bot.redis.exists(keys.story_original(code))
    say(bot, MODERATOR, f"/xem {code} gốc")
    assert bot.replies(MODERATOR)[-1] == render("mod_original_gone", code=code)
    actions = [e["action"] for e in audit.entries(bot.redis) if e["code"] == code]
    assert actions == ["submitted", "screened", "viewed_original", "viewed", "rejected"]


def test_queue_is_oldest_first_with_flags_and_near_duplicates(bot: BotHarness) -> None:
    first = submit(bot)
    copy = STORY_TEXT.replace("Chị Lan", "Anh Minh") + " Chi tiết ở bit.ly/khai-sinh-nhanh"
    second = submit(bot, "2222222222222222222", title="Khai sinh online", parts=(copy,))
    say(bot, MODERATOR, "/hangdoi")
    head, line1, line2 = bot.replies(MODERATOR)[-1].splitlines()
    assert head == render("mod_queue_head", count=2)
    assert line1.startswith(f"#{first} ") and line2.startswith(f"#{second} ")
    assert f"giống #{first}" in line2 and "bit.ly" in line2


def _kb_entry(ident: str, title: str, kind: str, verified: str, review_by: str | None) -> str:
    review = f"review_by = {review_by}\n" if review_by else ""
    return (f'[[entry]]\nid = "{ident}"\ntopic = "t"\ntitle = "{title}"\nquestions = ["{title}"]\n'
            f'answer = "Trả lời."\nkind = "{kind}"\nverified = {verified}\n{review}'
            '[[entry.sources]]\ntitle = "Nguồn"\npublisher = "Cơ quan"\nurl = "https://a.gov.vn/"\n'
            'date = 2020-01-01\nquote = "Câu trích."\n\n')


def test_stats_counts(bot: BotHarness, tmp_path: Path) -> None:
    # Two entries past their review_by, one not yet due (year 2100), one historical fact (never due).
    kb_file = tmp_path / "kb.toml"
    kb_file.write_text(_kb_entry("a", "Đề án 06 là gì?", "procedure", "2020-01-01", "2021-01-01")
                       + _kb_entry("b", "Xếp hạng chính phủ điện tử?", "ranking", "2020-01-01", "2020-07-01")
                       + _kb_entry("c", "Ngày chuyển đổi số?", "procedure", "2099-06-01", "2100-01-01")
                       + _kb_entry("d", "Quyết định 505?", "history", "2020-01-01", None), encoding="utf-8")
    reset_kb(load_kb(kb_file))
    try:
        approved, rejected, waiting = (submit(bot, str(3333333333333333330 + i)) for i in range(3))
        say(bot, MODERATOR, f"/duyet {approved}")
        say(bot, MODERATOR, f"/tuchoi {rejected} Không phù hợp")
        bot.send(CITIZEN, "giá vàng hôm nay bao nhiêu")  # off-topic: answered honestly, never counted
        bot.send(CITIZEN, "cảm ơn nhé")  # small talk: never counted
        bot.send(CITIZEN, "ứng dụng VNeID báo lỗi mã 0193 khi quét chip thì làm sao")  # in scope, not in the KB
        bot.settle()
        say(bot, MODERATOR, "/thongke")
    finally:
        reset_kb()
    assert bot.replies(MODERATOR)[-1] == render("mod_stats", pending=1, unscreened=0, approved=1, rejected=1,
                                                subscribers=0, unanswered=1, review_due=2)
    assert waiting


def test_data_deletion_after_confirmation(bot: BotHarness) -> None:
    bot.reconfigure(STORY_MAX_PER_DAY="10")
    published = submit(bot)
    say(bot, MODERATOR, f"/duyet {published}")
    rejected = submit(bot, parts=(STORY_TEXT + " Bản thứ hai.",))
    say(bot, MODERATOR, f"/tuchoi {rejected} Trùng")
    waiting = submit(bot, parts=(STORY_TEXT + " Bản thứ ba.",))
    say(bot, CITIZEN, "gửi câu chuyện")
    say(bot, CITIZEN, "Một bản nháp")

    say(bot, CITIZEN, "Xoá dữ liệu của tôi")
    assert bot.replies(CITIZEN)[-1] == render("erase_ask")
    say(bot, CITIZEN, "hủy")  # changes nothing and returns to the draft
    assert bot.replies(CITIZEN)[-1] == render("erase_kept")
    assert bot.redis.hget(keys.state(CITIZEN), "step") == b"story:locality"

    say(bot, CITIZEN, "xóa dữ liệu của tôi")
    say(bot, CITIZEN, "xác nhận xóa")
    assert bot.replies(CITIZEN)[-1] == render("erase_done", deleted=2, anonymized=1)
    assert not bot.redis.exists(keys.state(CITIZEN))
    assert not bot.redis.exists(keys.story(waiting)) and not bot.redis.exists(keys.story(rejected))
    assert not bot.redis.exists(keys.story_original(waiting))
    assert not bot.redis.exists(keys.user_stories(CITIZEN))
    kept = stories.load(bot.redis, published)
    assert kept is not None and kept.status == "approved" and kept.user_id == ""
    assert bot.redis.zcard(keys.STORY_QUEUE) == 0
    dump = io.StringIO()
    export_all(bot.redis, dump)
    assert CITIZEN not in dump.getvalue()  # nothing left that names the citizen
    [fact] = [e for e in audit.entries(bot.redis) if e["action"] == "data_deleted"]
    submitted = {e["who"] for e in audit.entries(bot.redis) if e["action"] == "submitted"}
    assert submitted == {fact["who"]} and fact["stories_deleted"] == "2"  # one person, followed
    assert not bot.redis.hexists(audit.SALTS, CITIZEN)  # the mapping is gone with the erasure
    assert audit.citizen(bot.redis, CITIZEN) != fact["who"]  # so the old pseudonym cannot be rebuilt


def test_export_writes_stories_and_audit_log_as_json_lines(bot: BotHarness) -> None:
    code = submit(bot)
    say(bot, MODERATOR, f"/duyet {code}")
    out = io.StringIO()
    count = export_all(bot.redis, out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(rows) == count
    [story] = [r for r in rows if r.get("record") == "story"]
    assert story["code"] == code and story["status"] == "approved" and "original" not in story
    assert [r["action"] for r in rows if r.get("record") == "audit"] == ["submitted", "screened", "approved"]
    assert not any(r.get("key", "").startswith((keys.story(""), keys.AUDIT_LOG)) for r in rows)
