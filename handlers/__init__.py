"""Handlers and the one place that fixes their order.

Features that act inside every event's transaction register their commit hooks here too, so the core
never names a feature.

Order: events without text (follow/unfollow/chat-now) → guards (over-long text) → global commands
(help) → moderator commands → an active conversation → keyword commands → the same commands in plain
words → question answering, the catch-all. First match wins. The words of every command are in
content/commands.toml; their plain-words patterns in content/intents.toml.
"""

from __future__ import annotations

from bot.core.events import AttachmentMessage, ChatNow, Follow, SubmitInfo, Unfollow
from bot.core.routing import (
    Router,
    all_of,
    any_text,
    command,
    in_state,
    is_moderator,
    on_event,
    plain_words,
    slash_command,
)
from bot.digest import inbox as digest_inbox
from bot.infra.texts import moderator_command, phrases
from bot.nlp.intents import ERASE_COMPLAINT, STOP_COMPLAINT, SUBSCRIBE_FOR_OTHERS
from handlers import (
    articles,
    command_guard,
    erase,
    moderation,
    moderation_flow,
    moderation_window,
    smalltalk,
    story,
    subscription,
    warm,
)
from handlers import help as help_handlers
from handlers.qa import answer_question, show_more


def build_router() -> Router:
    router = Router()
    router.forbidden = moderation.refuse  # the polite refusal, plus an audit entry of the attempt
    router.add_commit_hook(digest_inbox.prepare, reads=digest_inbox.reads)  # interaction time; a kept digest follows
    router.add_commit_hook(moderation_window.prepare)  # a moderator back after Zalo's window: what waits
    router.add_warm_up(warm.route_samples)  # a worker builds the tables below before its first job (handlers/warm.py)
    # 1. events without text
    router.add(on_event(Follow, ChatNow), subscription.follow)
    router.add(on_event(Unfollow), subscription.unfollow)
    # 2. guards and global commands
    router.add(help_handlers.is_too_long, help_handlers.too_long)
    router.add(command(*phrases("help")), help_handlers.show_help)
    # 3. moderator commands (stories / digest preview)
    router.add(slash_command(moderator_command("digest")), subscription.moderator_preview, require=is_moderator)
    router.add(slash_command(moderator_command("queue")), moderation.show_queue, require=is_moderator)
    router.add(slash_command(moderator_command("view")), moderation.view, require=is_moderator)
    router.add(slash_command(moderator_command("approve")), moderation.approve, require=is_moderator)
    router.add(slash_command(moderator_command("reject")), moderation.reject, require=is_moderator)
    router.add(slash_command(moderator_command("stats")), moderation.stats, require=is_moderator)
    router.add(slash_command(moderator_command("publish")), articles.publish, require=is_moderator)
    router.add(slash_command(moderator_command("unpublish")), articles.unpublish, require=is_moderator)
    router.add(slash_command(moderator_command("edit")), moderation.edit, require=is_moderator)
    # a moderator command hidden later in a non-moderator's message: refused and audited like the others
    router.add(command_guard.embeds_moderator_command, moderation.refuse, name="embedded_moderator_command")
    # 4. an active conversation (story draft, confirmations)
    router.add(in_state(erase.STEP_CONFIRM), erase.confirm_step)
    router.add(in_state(moderation_flow.STEP_REASON), moderation.typed_reason, require=is_moderator)
    router.add(command(*erase.ASK_PHRASES), erase.ask)  # here, so that it also works in the middle of a draft
    router.add(story.draft_expired, story.expire)
    router.add(all_of(story.is_drafting, story.is_cancel), story.cancel)
    router.add(story.is_drafting, story.continue_draft)
    # 5. keyword commands (story start, subscriptions, digest, data deletion)
    router.add(command(*story.START_PHRASES), story.start)
    router.add(command(*subscription.UNSUBSCRIBE), subscription.unsubscribe)
    router.add(subscription.subscribe_matcher(), subscription.subscribe)
    router.add(command(*subscription.LATEST), subscription.show_latest_digest)
    router.add(subscription.read_story_matcher(), subscription.read_story)
    # 6. the same commands said in plain words (content/intents.toml); erasing still asks to confirm
    router.add(plain_words("unsubscribe"), subscription.unsubscribe)
    router.add(plain_words(STOP_COMPLAINT), subscription.stop_complaint)  # a stop told done, the digest still comes
    router.add(plain_words(ERASE_COMPLAINT), subscription.erase_complaint)  # erased, the digest still comes
    router.add(plain_words("erase"), erase.ask)
    router.add(plain_words("digest"), subscription.show_latest_digest)
    router.add(plain_words(SUBSCRIBE_FOR_OTHERS), subscription.subscribe_for_others)  # nothing subscribed
    router.add(plain_words("subscribe"), subscription.subscribe)
    router.add(plain_words("story"), story.start)
    router.add(plain_words("help"), help_handlers.show_help)
    router.add(command(*phrases("qa_more")), show_more)
    # 7. the rest: small talk (only when every word is small talk), then questions
    router.add(smalltalk.is_small_talk, smalltalk.reply)
    router.add(on_event(AttachmentMessage, SubmitInfo), help_handlers.unsupported)
    router.add(any_text(), answer_question)
    return router
