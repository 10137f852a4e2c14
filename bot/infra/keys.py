"""The only place that builds Redis key names.

Every key starts with ``dxbot:`` so the bot can share a Redis with other tools and `dxbot export`
knows what is ours. User ids are Zalo's numeric strings, safe to embed as they are.
"""

from __future__ import annotations

P = "dxbot:"

# --- ingest (webhook) ---
def dedupe(event_key: str) -> str:
    """Set once per delivered event; its TTL bounds how long a redelivery is recognised."""
    return f"{P}seen:{event_key}"


def inbox(user_id: str) -> str:
    """Sorted set of a user's pending events, scored by Zalo's timestamp (ms) so order is the user's."""
    return f"{P}inbox:{user_id}"


def lease(user_id: str) -> str:
    """Who is processing a user right now (value: the RQ job id); absent means nobody."""
    return f"{P}lease:{user_id}"


PENDING_USERS = f"{P}pending-users"  # zset user_id -> first-pending time (ms); the sweeper's to-do list
SEND_DUE = f"{P}send-due"  # zset user_id -> when their outbox is next due (ms); the senders' to-do list
SENDER_ALIVE = f"{P}sender:alive"  # PX key refreshed by every running `dxbot sender`; absent = workers deliver
PROC_ALIVE = f"{P}proc-alive:"  # + a sending process's id: PX key that process refreshes; absent = it is dead


def proc_alive(proc_id: str) -> str:
    """Present while the sending process `proc_id` (a sender, an inline drain) lives (bot/core/inflight.py)."""
    return PROC_ALIVE + proc_id


def send_lease(user_id: str) -> str:
    """Who is delivering a user's outbox right now (a sender thread or an inline drain); absent = nobody."""
    return f"{P}send-lease:{user_id}"


def send_claim(owner: str) -> str:
    """A sender's claim's answer, kept a lease long so the claim run again by a client retry answers the same."""
    return f"{P}send-claim:{owner}"


def sending(user_id: str) -> str:
    """The mark of the head of a user's outbox in flight to Zalo ("process\nms\nowner\nhead"); absent = none.
    Set atomically with the lease check before a send, cleared with every change of the head (outbox.py)."""
    return f"{P}sending:{user_id}"


# --- per-user processing ---
def state(user_id: str) -> str:
    """Hash: conversation state of one user."""
    return f"{P}state:{user_id}"


def attempts(event_key: str) -> str:
    return f"{P}attempts:{event_key}"


def outbox(user_id: str) -> str:
    """List of messages committed for sending to a user, oldest first."""
    return f"{P}outbox:{user_id}"





DEAD_EVENTS = f"{P}dead:events"  # hash event_key -> JSON {event, error, attempts, at}
DEAD_SENDS = f"{P}dead:sends"  # hash message_id -> JSON {message, error, at}
UNDELIVERABLE = f"{P}undeliverable"  # capped list of messages Zalo refused for good (e.g. -230)

# --- Zalo tokens ---
TOKENS = f"{P}zalo:tokens"  # hash access_token, refresh_token, expires_at
TOKEN_LOCK = f"{P}zalo:token-lock"

# --- metrics ---
METRICS = f"{P}metrics"  # hash counter-name -> value
LATENCY = f"{P}metrics:reply-latency"  # hash bucket -> count, plus sum/count

# --- knowledge base ---
KB_UNANSWERED = f"{P}kb:unanswered"


def deferred(user_id: str) -> str:
    """Messages Zalo refused because the user's window was closed; delivered when they next write."""
    return f"{P}deferred:{user_id}"


# µs timestamp (Redis TIME) before which no process sends to Zalo: set on Zalo's -32 by the digest fan-out, a
# sender or a worker, honoured by all of them (bot/core/send_pause.py)
SEND_PAUSE = f"{P}send-pause"

# --- weekly digest (subscriptions, schedule, fan-out) ---
SUBSCRIBER_BUCKETS = 8192  # fixed: changing it needs a migration (subscribers are hashed into buckets)
SUBSCRIBER_COUNT = f"{P}subs:count"  # integer, kept in step with the buckets by Lua scripts
CLOCK_OFFSET = f"{P}clock:offset-ms"  # sandbox only: how far the bot's "now" is ahead of real time
DIGEST_LATEST = f"{P}digest:latest"  # slot id of the most recent digest that went out (or is going out)
DIGEST_ACTIVE = f"{P}digest:active"  # set of slot ids whose fan-out is not finished (the sweeper resumes them)
DIGEST_INCLUDED_STORIES = f"{P}digest:included-stories"  # set of story codes already in a digest
DIGEST_PINNED = f"{P}digest:pinned"  # list of story codes a moderator put first in the next digest
DIGEST_RATE = f"{P}digest:rate-tat"  # GCRA "theoretical arrival time" (µs) shared by every fan-out worker
DIGEST_FIXTURE_STORIES = f"{P}digest:fixture-stories"  # adapter store used until bot.stories has a read API


def subscriber_bucket(index: int) -> str:
    """Hash user_id -> "<last interaction s>|<province>"; small hashes stay compact (listpack)."""
    return f"{P}subs:{index}"


def digest_run(slot: str) -> str:
    """Hash: one weekly digest (status, stories, fact, texts per province, timestamps)."""
    return f"{P}digest:{slot}"


def digest_log(slot: str) -> str:
    """Hash user_id -> one-letter outcome; HSETNX on it is the per-recipient "at most once" guard."""
    return f"{P}digest:{slot}:log"


def digest_report(slot: str) -> str:
    """Hash of counters (claimed, sent_cs_free, deferred_window, ...) for status and the report."""
    return f"{P}digest:{slot}:report"


def digest_chunks(slot: str) -> str:
    """Hash chunk -> next bucket index to process ("done" when finished)."""
    return f"{P}digest:{slot}:chunks"


def digest_chunk_owner(slot: str, chunk: int) -> str:
    """The fan-out job that owns a chunk now (PX lease); absent = the sweeper may start a new one."""
    return f"{P}digest:{slot}:owner:{chunk}"


def digest_guard(slot: str, what: str) -> str:
    """SET NX guards of one slot ("fired", "previewed", "finalized", "missed")."""
    return f"{P}digest:{slot}:{what}"


def digest_broadcast_count(month: str, what: str = "sent") -> str:
    """Counters of `month` (YYYYMM): "sent" broadcasts (one per edition) against the OA's monthly quota, and
    "weeks", digests broadcast, against each follower's monthly cap."""
    return f"{P}digest:broadcasts:{month}:{what}"


def digest_broadcast_lock(slot: str) -> str:
    """Held (with a TTL) by the one job publishing and broadcasting the digest of `slot`."""
    return f"{P}digest:broadcasting:{slot}"


def digest_unread(user_id: str) -> str:
    """Slot id of a digest kept for this user until they next write."""
    return f"{P}digest:unread:{user_id}"


# --- reader stories (submission, screening, moderation, audit) ---
STORY_SEQ = f"{P}stories:seq"  # counter; each value maps to one short code (bot.stories.code_for)
STORY_QUEUE = f"{P}stories:queue"  # zset code -> submitted ms: awaiting a decision, oldest first
STORY_UNSCREENED = f"{P}stories:unscreened"  # zset code -> last (re)queue ms: screening not done yet
STORY_APPROVED = f"{P}stories:approved"  # zset code -> decided ms
STORY_REJECTED = f"{P}stories:rejected"  # zset code -> decided ms
STORY_FINGERPRINTS = f"{P}stories:fingerprints"  # hash code -> MinHash signature (near-duplicate search)
AUDIT_LOG = f"{P}audit"  # stream: append-only log of who did what to which story (never the story text)


def story(code: str) -> str:
    """Hash: one story as moderators and readers see it (masked text, flags, status, decision)."""
    return f"{P}story:{code}"


def story_original(code: str) -> str:
    """Hash: the unmasked text as submitted; expires a configured time after the decision."""
    return f"{P}story-original:{code}"


def story_screen_lock(code: str) -> str:
    """Held (with a TTL) by the one worker screening a story; absent + still unscreened = recover it."""
    return f"{P}story-screening:{code}"


STORY_ARTICLES_PENDING = f"{P}stories:articles-pending"  # zset code -> ms: article to publish or remove


def story_article_lock(code: str) -> str:
    """Held (with a TTL) by the one worker publishing or removing a story's article."""
    return f"{P}story-article:{code}"


def mod_notice_burst(moderator: str) -> str:
    """String (a story code), expiring: a new-story notice went to this moderator within the burst window."""
    return f"{P}mod:burst:{moderator}"


def mod_seen(moderator: str) -> str:
    """Integer (Zalo ms): when this moderator last wrote to the OA (Zalo's window to message them)."""
    return f"{P}mod:seen:{moderator}"


def user_stories(user_id: str) -> str:
    """Zset code -> submitted ms of one user's stories (daily limit, data deletion)."""
    return f"{P}stories:user:{user_id}"


# --- going live (OAuth grant of the OA) ---
ZALO_REFUSED_FORMS = f"{P}zalo:refused-forms"  # hash form -> JSON {at, code}: forms this install sends plain
OAUTH_GRANT = f"{P}zalo:oauth-grant"  # hash oa_id, granted_at (s): which OA the stored tokens belong to


def oauth_state(state: str) -> str:
    """The PKCE code_verifier waiting for the OAuth callback of one `dxbot auth` run (short TTL, used once)."""
    return f"{P}zalo:oauth-state:{state}"
