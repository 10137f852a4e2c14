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
OWN_MESSAGE_IDS = f"{P}own-msg-ids"  # Zalo message ids of our sends, to recognise echoes

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
