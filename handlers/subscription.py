"""Subscribing to the weekly digest, reading it on demand, and the moderators' `/bantin`.

Subscription changes are `ctx.on_commit` writes, so they happen together with the event (a retried
event cannot subscribe twice or half-unsubscribe). The interaction time stored with a subscriber is
the event's Zalo timestamp: the fan-out uses it to pick a message type Zalo allows.
"""

from __future__ import annotations

from redis.client import Pipeline

from bot.core.context import Button, Context
from bot.core.events import Event, Follow, TextMessage
from bot.core.routing import Matcher, command, command_args
from bot.digest import schedule as digest_schedule
from bot.digest import subscribers
from bot.digest.compose import pick_fact, pick_stories, render_text, when_label
from bot.digest.inbox import LEFT, READ, latest_slot, run_text
from bot.digest.stories import get_approved
from bot.infra import keys, provinces, safe_text
from bot.infra.texts import phrases
from bot.nlp.digest_asked import asks_unmet
from bot.nlp.intents import for_others
from bot.nlp.normalize import command_form
from bot.nlp.stop_with_digest import digest_not_stop, stop_with_digest
from bot.stories import model as stories
from handlers import asked_too
from handlers import help as help_handlers

SUBSCRIBE = phrases("subscribe")
UNSUBSCRIBE = phrases("unsubscribe")
LATEST = phrases("digest_latest")
READ_STORY_WORDS = {command_form(p) for p in phrases("read_story")}
MAX_PHOTOS_SHOWN = 5


def _province_after_subscribe(text: str) -> provinces.ProvinceMatch | None:
    """"đăng ký Hà Nội" → Hà Nội; None when the words after "đăng ký" are not a place (a question)."""
    said = command_form(text)
    for phrase in sorted(SUBSCRIBE, key=len, reverse=True):
        form = command_form(phrase)
        if said.startswith(form + " "):
            rest = said[len(form) + 1:]
            rest = rest.removeprefix("tin ").removeprefix("tai ").removeprefix("o ")
            found = provinces.match(rest)
            if found is not None and len(rest.split()) <= 5:
                return found
    return None


def subscribe_matcher() -> Matcher:
    exact = command(*SUBSCRIBE)
    return lambda event, ctx: exact(event, ctx) or (
        isinstance(event, TextMessage) and _province_after_subscribe(event.text) is not None)


def read_story_matcher() -> Matcher:
    """"đọc #ABCD", or "doc abcd" when ABCD is a published story (so "doc sach" stays a question)."""
    def match(event: Event, ctx: Context) -> bool:
        if not isinstance(event, TextMessage):
            return False
        words = event.text.strip().split()
        if len(words) != 2 or command_form(words[0]) not in READ_STORY_WORDS:
            return False
        if words[1].startswith("#"):
            return len(words[1]) > 1
        code = stories.parse_code(words[1])
        return code is not None and get_approved(ctx.redis, code) is not None
    return match


def subscribe(event: Event, ctx: Context) -> None:
    """The command, or the same said in plain words: "theo dõi tin tỉnh Lào Cai", "gửi tin cho tôi, tôi ở Huế"
    name the place anywhere in the message (the route already decided it asks to subscribe)."""
    assert isinstance(event, TextMessage)
    if asks_unmet(event.text):  # "Có gửi bản tin bằng tiếng Khmer không thì cho tôi nhận với" (round 17)
        ctx.say("sub_unmet", when=when_label(ctx.settings),
                buttons=[Button(ctx.text("sub_unmet_button"), SUBSCRIBE[0])])
        return
    found = _province_after_subscribe(event.text) or provinces.match(event.text)
    province = found.province if found else None
    already = subscribers.is_subscribed(ctx.redis, ctx.user_id)
    ctx.on_commit(lambda pipe: subscribers.subscribe(
        pipe, ctx.user_id, interaction_ms=event.timestamp_ms,
        province=command_form(province.name) if province else None))
    when = when_label(ctx.settings)
    if province is not None:
        key, values = "sub_subscribed_province", {"when": when, "province": province.display}
    elif already:
        key, values = "sub_already", {"when": when}
    else:
        key, values = "sub_subscribed", {"when": when}
    # a question asked after the request is offered under the confirmation, as after a stop (round 16)
    line, offered = asked_too.offer(event.text, "subscribe")
    if not offered:
        ctx.say(key, **values)
        return
    ctx.send_text(f"{ctx.text(key, **values)}\n\n{ctx.text(line)}", buttons=offered)


def subscribe_for_others(event: Event, ctx: Context) -> None:
    """A subscription asked for someone else ("đăng ký nhận bản tin cho mẹ tôi", round 18): the channel can sign up
    only the Zalo account that writes, so nothing is subscribed; the reply says how that person does it."""
    ctx.say("sub_for_others_subscribe")


def unsubscribe(event: Event, ctx: Context) -> None:
    """Immediate: every later fan-out step checks membership right before sending. A question the message asks
    after the stop ("… dừng nhận bản tin giúp tôi nhé. Mà Ngày Chuyển đổi số là ngày nào?") is offered as buttons
    under the confirmation (round 15: it was dropped). A stop asked for someone else ("hủy đăng ký cho mẹ tôi")
    stops nothing: the reply says that person stops it from their own Zalo (round 16: the asker's was stopped)."""
    text = event.text if isinstance(event, TextMessage) else ""
    if text and (stop_with_digest(text) or digest_not_stop(text)):  # "hủy giúp, nhưng vẫn muốn đọc bản tin tuần này"
        show_latest_digest(event, ctx)
        return
    if text and for_others(text):
        key = "sub_for_others"  # the question asked after it is still offered (review 16, M2)
    else:
        ctx.marks.add(LEFT)
        key = "sub_unsubscribed"
        if not subscribers.is_subscribed(ctx.redis, ctx.user_id):
            key = "sub_not_subscribed"
        else:
            ctx.on_commit(lambda pipe: subscribers.unsubscribe(pipe, ctx.user_id))
    line, offered = asked_too.offer(text, "unsubscribe")
    if not offered:
        ctx.say(key)
        return
    ctx.send_text(f"{ctx.text(key)}\n\n{ctx.text(line)}", buttons=offered)


def stop_complaint(event: Event, ctx: Context) -> None:
    """A complaint about a stop told done ("Tôi hủy bản tin rồi. Sao vẫn nhận?", round 17): nothing is changed. The
    reply says the asker's state: still subscribed (the stop was never recorded, or following the channel again signed
    them up) with a button to stop now, or not subscribed (what still comes is the channel's article Zalo sends every
    follower)."""
    if subscribers.is_subscribed(ctx.redis, ctx.user_id):
        ctx.say("sub_complaint_subscribed", buttons=[Button(ctx.text("sub_complaint_stop_button"),
                                                            UNSUBSCRIBE[0])])
        return
    ctx.say("sub_complaint_not_subscribed")


def erase_complaint(event: Event, ctx: Context) -> None:
    """A complaint that the digest still comes after the asker erased their data ("Tôi đã xóa dữ liệu rồi mà vẫn thấy
    bản tin", round 18: it started another erase): nothing is changed. Erasing ended the subscription, so the reply
    says the state as :func:`stop_complaint` does, with what erasing did."""
    if subscribers.is_subscribed(ctx.redis, ctx.user_id):
        ctx.say("sub_erase_complaint_subscribed", buttons=[Button(ctx.text("sub_complaint_stop_button"),
                                                                  UNSUBSCRIBE[0])])
        return
    ctx.say("sub_erase_complaint_not_subscribed", then=ctx.text("sub_complaint_not_subscribed"))


def follow(event: Event, ctx: Context) -> None:
    """`follow` subscribes (the welcome says how to stop); "Nhắn tin" (chat now) only welcomes."""
    if not isinstance(event, Follow):
        help_handlers.welcome(event, ctx)
        return
    ctx.on_commit(lambda pipe: subscribers.subscribe(pipe, ctx.user_id, interaction_ms=event.timestamp_ms))
    help_handlers.welcome(event, ctx, note_key="sub_follow_note")


def unfollow(event: Event, ctx: Context) -> None:
    """Nothing can reach a user who left the OA: stop the digest too."""
    help_handlers.unfollowed(event, ctx)
    ctx.on_commit(lambda pipe: subscribers.unsubscribe(pipe, ctx.user_id))


def show_latest_digest(event: Event, ctx: Context) -> None:
    """`bản tin`: the latest digest as a reply (a reply is always allowed)."""
    ctx.marks.add(READ)
    slot = latest_slot(ctx.redis)
    sub = subscribers.get(ctx.redis, ctx.user_id)
    text = run_text(ctx.redis, ctx.settings, slot, sub.province if sub else "") if slot else None
    stop_asked = sub is not None and isinstance(event, TextMessage) and stop_with_digest(event.text)
    if text is None:
        if stop_asked:  # none is out: say so and ask the stop, no "subscribe" said to a subscriber (review 18, H4)
            _ask_stop_after(event, ctx, "sub_stop_no_digest_yet")
            return
        ctx.say("digest_none_yet", when=when_label(ctx.settings))
        return
    if sub is None:  # e.g. after "xóa dữ liệu của tôi": "you receive this because you subscribed" is untrue
        footer = ctx.text("digest_footer")
        if text.endswith(footer):
            text = text[: -len(footer)] + ctx.text("digest_footer_not_subscribed")
    ctx.send_text(text)
    if stop_asked:
        _ask_stop_after(event, ctx, "sub_stop_after_digest")


def _ask_stop_after(event: Event, ctx: Context, key: str) -> None:
    """A stop asked with the digest ("Tôi bận quá, hủy giúp, nhưng vẫn muốn đọc bản tin tuần này", round 18): this
    week's first (or that none is out yet), then the stop asked with a button, never done silently. A question asked
    after it is offered under it, as after a stop (review 18, H2)."""
    assert isinstance(event, TextMessage)
    stop = Button(ctx.text("sub_complaint_stop_button"), UNSUBSCRIBE[0])
    line, offered = asked_too.offer(event.text, "unsubscribe")
    if not offered:
        line, offered = asked_too.offer(event.text, "digest")
    asked = ctx.text(key, when=when_label(ctx.settings))
    ctx.send_text(f"{asked}\n\n{ctx.text(line)}" if offered else asked, buttons=[stop, *offered])


def read_story(event: Event, ctx: Context) -> None:
    assert isinstance(event, TextMessage)
    code = safe_text.one_line(event.text.split()[1].lstrip("#").upper(), 12)
    story = get_approved(ctx.redis, code)
    if story is None:
        ctx.say("digest_read_not_found", code=code)
        return
    ctx.say("digest_read_story", title=safe_text.one_line(story.title, 200), locality=safe_text.one_line(
        story.locality, 60), text=safe_text.block(story.excerpt, ctx.settings.story_max_chars))
    if story.url:  # its OA article: the form that can be shared outside the chat
        ctx.say("digest_read_story_article", link=story.url)
    full = stories.load(ctx.redis, story.code)
    if full is not None and full.status == stories.APPROVED:  # its photos, as Zalo image messages
        for url in full.photos[:MAX_PHOTOS_SHOWN]:
            ctx.send_image(url)


def moderator_preview(event: Event, ctx: Context) -> None:
    """`/bantin`: this week's digest as it would go out now; `/bantin ghim <mã>` puts a story first."""
    assert isinstance(event, TextMessage)
    args = command_args(event.text).split()
    if args and command_form(args[0]) == "ghim" and len(args) == 2:
        _pin(ctx, args[1].lstrip("#").upper())
        return
    if args:
        ctx.say("digest_mod_usage")
        return
    slot_at = digest_schedule.next_send(ctx.redis, ctx.settings)
    slot = digest_schedule.slot_id(slot_at)
    stories = pick_stories(ctx.redis, ctx.settings.digest_max_stories)
    when = slot_at.strftime("%H:%M %d/%m/%Y")
    if not stories:
        ctx.say("digest_mod_preview_empty", when=when)
        return
    text = render_text(stories, pick_fact(slot), slot_at.strftime("%d/%m/%Y"), max_chars=ctx.settings.max_text_chars)
    ctx.say("digest_mod_preview", when=when, subscribers=subscribers.count(ctx.redis))
    ctx.send_text(text)


def _pin(ctx: Context, code: str) -> None:
    fresh = {s.code for s in pick_stories(ctx.redis, 1000)}
    if code not in fresh:
        ctx.say("digest_mod_pin_unknown", code=code)
        return
    def write(pipe: Pipeline) -> None:
        pipe.lrem(keys.DIGEST_PINNED, 0, code)
        pipe.lpush(keys.DIGEST_PINNED, code)

    ctx.on_commit(write)
    ctx.say("digest_mod_pinned", code=code)
