"""Every Lua script of the bot, in one module: each is one atomic step that plain commands cannot make safe.

Each script says above it what KEYS and ARGV it takes and what it returns. Call one as
`scripts.RENEW_LEASE(client, keys=[...], args=[...])`: on a client it runs by SHA (EVALSHA), loading the text
again after a Redis restart (NOSCRIPT); inside a pipeline or transaction it sends the text (EVAL), because a
MULTI cannot recover from NOSCRIPT half-way. The webhook's ingest script and the sweeper's claim are
templates: `bot/core/ingest.py` fills in RQ's job format (`bot/core/rqjob.py`) and a few constants once per
process.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import redis
from redis.client import Pipeline
from redis.exceptions import NoScriptError

Arg = str | int | float | bytes


class Lua:
    """A Lua script, run atomically by Redis."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sha = hashlib.sha1(text.encode()).hexdigest()

    def __call__(self, client: redis.Redis | Pipeline, *, keys: Sequence[str] = (),
                 args: Sequence[Arg] = ()) -> Any:  # what the script returns: an int, bytes or a list
        if isinstance(client, Pipeline):
            return client.eval(self.text, len(keys), *keys, *args)
        try:
            return client.evalsha(self.sha, len(keys), *keys, *args)
        except NoScriptError:
            client.script_load(self.text)
            return client.evalsha(self.sha, len(keys), *keys, *args)


# --- leases: one owner at a time (a user's drain, a digest fan-out chunk) ---------------------------------

# KEYS: lease; ARGV: owner, ttl ms. Take the lease, or keep it if already ours. 1 taken, 0 someone else's.
TAKE_LEASE = Lua("""
local v = redis.call('GET', KEYS[1])
if (not v) or v == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
""")

# KEYS: lease; ARGV: owner, ttl ms. Extend our lease; 0 when it is no longer ours.
RENEW_LEASE = Lua("""
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
""")

# KEYS: lease, inbox, pending users; ARGV: owner, user.
# Release only when no event is left: 1 released, 0 more work arrived, -1 not the owner. The outbox is not
# the drain's to finish: it is on the senders' to-do list (send-due) from the transaction that filled it.
FINISH_DRAIN = Lua("""
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
if redis.call('ZCARD', KEYS[2]) == 0 then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[3], ARGV[2])
  return 1
end
return 0
""")

# KEYS: lease, pending users; ARGV: owner, user, due ms. Give the user back; the sweeper hands them out at due.
RELEASE_UNTIL = Lua("""
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
  return 1
end
return 0
""")

# KEYS: send-due; ARGV: now ms, ttl ms, owner, limit, send-lease key prefix.
# A sender claims up to `limit` due users: each gets the send lease (unless an inline drain holds it) and a
# score ttl ahead, so a sender that dies mid-send leaves its users due again when its leases have expired.
CLAIM_SENDS = Lua("""
local now, ttl = tonumber(ARGV[1]), tonumber(ARGV[2])
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[4]))
local out = {}
for _, user in ipairs(due) do
  if redis.call('SET', ARGV[5] .. user, ARGV[3], 'NX', 'PX', ttl) then out[#out + 1] = user end
  redis.call('ZADD', KEYS[1], now + ttl, user)
end
return out
""")

# KEYS: send lease, outbox, send-due; ARGV: owner, user, now ms, due ms (0 = not a retry).
# Give the user's delivery back: due again at `due` after a retryable failure, now when messages arrived
# meanwhile, otherwise off the to-do list. 1 done, -1 not the owner.
FINISH_SEND = Lua("""
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
redis.call('DEL', KEYS[1])
if tonumber(ARGV[4]) > 0 then
  redis.call('ZADD', KEYS[3], ARGV[4], ARGV[2])
elseif redis.call('LLEN', KEYS[2]) > 0 then
  redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
else
  redis.call('ZREM', KEYS[3], ARGV[2])
end
return 1
""")

# KEYS: queue; ARGV: job key prefix, description prefix of a drain job.
# The next queued job, taken out of RQ's hands when it is a drain job: {job id, user}; else nothing. Lets a
# running drain job drain the next ready users in turn, without RQ's per-job bookkeeping (bot/core/drain.py).
TAKE_NEXT_DRAIN = Lua("""
local id = redis.call('LINDEX', KEYS[1], 0)
if not id then return false end
local d = redis.call('HGET', ARGV[1] .. id, 'description')
if (not d) or string.sub(d, 1, #ARGV[2]) ~= ARGV[2] then return false end
redis.call('LPOP', KEYS[1])
redis.call('DEL', ARGV[1] .. id)
return {id, string.sub(d, #ARGV[2] + 1)}
""")

# --- the webhook's ingest and the sweeper's claim (templates; see bot/core/ingest.py) --------------------------

# Constant key names and numbers are baked into the script text (@NAME@), so a request sends only what
# varies. KEYS: dedupe, inbox, lease, job; ARGV: member, score, user, job-id, now-ms, data, stamp
# Returns 0 duplicate, 1 stored (a job already drains the user), 2 stored and a new job queued.
INGEST_TEMPLATE = """
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', @DEDUPE_TTL@) then
  redis.call('HINCRBY', @METRICS@, 'events_duplicate_total', 1)
  return 0
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('HINCRBY', @METRICS@, 'events_received_total', 1)
if redis.call('SET', KEYS[3], ARGV[4], 'NX', 'PX', @LEASE_MS@) then
  -- a lease always has a pending-users entry (the sweeper's safety net), so only a new lease adds one
  redis.call('ZADD', @PENDING@, 'NX', ARGV[5], ARGV[3])
  @WRITE_JOB@
  return 2
end
return 1
"""

# Give the user to a new job unless some job holds the lease; used by the sweeper and by retries.
# KEYS: lease, job, queue; ARGV: job-id, lease-ms, data, stamp, description, user-lease-ms, job-key prefix
# An orphaned queued lease is taken over: still longer than a running drain's lease (a drain job shortens
# it to USER_LEASE_SECONDS the moment it starts), yet its job has left the queue. That job was taken by a
# worker that died before the job took the lease; without this the user waited out the whole queued lease
# (QUEUED_LEASE_MS, 5 min; found by the soak). A job that is merely slow to start finds the lease changed
# and returns "busy": the lease's compare-and-set keeps one drain per user either way.
CLAIM_TEMPLATE = """
local owner = redis.call('GET', KEYS[1])
if owner then
  if redis.call('PTTL', KEYS[1]) <= tonumber(ARGV[6]) then return 0 end
  if redis.call('HGET', ARGV[7] .. owner, 'status') == @QUEUED@ then return 0 end
  redis.call('HINCRBY', @METRICS@, 'leases_reclaimed_total', 1)
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
@WRITE_JOB@
return 1
"""

# --- Zalo tokens ------------------------------------------------------------------------------------------

# KEYS: token hash; ARGV: access token, refresh token. Seed the pair from the environment, once, whole.
SEED_TOKENS = Lua("""
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'access_token', ARGV[1], 'refresh_token', ARGV[2], 'expires_at', '0')
end
return 1
""")

# --- digest subscribers -----------------------------------------------------------------------------------

# KEYS: bucket, count; ARGV: user, last-interaction s, province, "1" when the province is given
SUBSCRIBE = Lua("""
local old = redis.call('HGET', KEYS[1], ARGV[1])
local prov, last = ARGV[3], tonumber(ARGV[2])
if old then
  local p = string.find(old, '|', 1, true)
  local old_last = tonumber(string.sub(old, 1, p - 1)) or 0
  if old_last > last then last = old_last end
  if ARGV[4] ~= '1' then prov = string.sub(old, p + 1) end
end
redis.call('HSET', KEYS[1], ARGV[1], string.format('%d', last) .. '|' .. prov)
if not old then redis.call('INCR', KEYS[2]) return 1 end
return 0
""")

# KEYS: bucket, count, unread-digest marker; ARGV: user
UNSUBSCRIBE = Lua("""
redis.call('DEL', KEYS[3])
if redis.call('HDEL', KEYS[1], ARGV[1]) == 1 then redis.call('DECR', KEYS[2]) return 1 end
return 0
""")

# KEYS: bucket; ARGV: user, interaction s. Only subscribers are touched; older times never win.
TOUCH_SUBSCRIBER = Lua("""
local old = redis.call('HGET', KEYS[1], ARGV[1])
if not old then return 0 end
local p = string.find(old, '|', 1, true)
if (tonumber(string.sub(old, 1, p - 1)) or 0) >= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. string.sub(old, p))
return 1
""")

# --- digest fan-out ---------------------------------------------------------------------------------------

# KEYS: owner, chunks; ARGV: token, lease ms, chunk, cursor ("done" ends it), next token ("" = none)
CHECKPOINT_CHUNK = Lua("""
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
if ARGV[4] == 'done' then redis.call('DEL', KEYS[1]) return 1 end
if ARGV[5] ~= '' then redis.call('SET', KEYS[1], ARGV[5], 'PX', ARGV[2]) return 1 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
""")


def _rate_slot(*, rate: str, pause: str, interval: str) -> str:
    """Lua that reserves the next send slot of the shared rate limit (after any -32 pause) and returns the
    µs to wait; one text for both scripts that need it."""
    return f"""
local interval = tonumber({interval})
if interval <= 0 then return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local start = math.max(tonumber(redis.call('GET', {rate}) or '0'), tonumber(redis.call('GET', {pause}) or '0'), now)
redis.call('SET', {rate}, string.format('%.0f', start + interval), 'PX', 600000)
return start - now
"""


# KEYS: 1 log, 2 report, 3 prev bucket, 4 prev unread marker, 5 subscriber count, 6 next bucket, 7 rate, 8 pause
# ARGV: 1 prev user, 2 prev outcome, 3 prev counter, 4 slot, 5 unread ttl, 6 next user, 7 interval µs (0 = none)
# Returns: -1 nothing next, -2 next unsubscribed, -3 next already handled, else µs to wait before sending.
DELIVERY_STEP = Lua("""
if ARGV[1] ~= '' then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
  if ARGV[2] == 'w' or ARGV[2] == 'q' or ARGV[2] == 'n' then
    redis.call('SET', KEYS[4], ARGV[4], 'EX', ARGV[5])
  elseif ARGV[2] == 'x' then
    if redis.call('HDEL', KEYS[3], ARGV[1]) == 1 then redis.call('DECR', KEYS[5]) end
  end
end
if ARGV[6] == '' then return -1 end
if redis.call('HEXISTS', KEYS[6], ARGV[6]) == 0 then
  if redis.call('HSETNX', KEYS[1], ARGV[6], '-') == 1 then redis.call('HINCRBY', KEYS[2], 'unsubscribed', 1) end
  return -2
end
if redis.call('HSETNX', KEYS[1], ARGV[6], 'c') == 0 then return -3 end
redis.call('HINCRBY', KEYS[2], 'claimed', 1)
""" + _rate_slot(rate="KEYS[7]", pause="KEYS[8]", interval="ARGV[7]"))

# KEYS: rate, pause; ARGV: interval µs. Another slot for a recipient already claimed (fallback or retry).
RESERVE_SEND_SLOT = Lua(_rate_slot(rate="KEYS[1]", pause="KEYS[2]", interval="ARGV[1]"))

# KEYS: pause; ARGV: µs. Zalo said -32: nobody sends before now + ARGV[1].
PAUSE_SENDS = Lua("""
local t = redis.call('TIME')
local until_us = tonumber(t[1]) * 1000000 + tonumber(t[2]) + tonumber(ARGV[1])
if until_us > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], string.format('%.0f', until_us), 'PX', 600000)
end
return 1
""")

# --- reader stories -------------------------------------------------------------------------------------

# KEYS: story, original, queue, unscreened, approved, rejected
# ARGV: code, new status, moderator, now ms, reason, event key, retention s
STORY_DECIDE = Lua("""
local st = redis.call('HGET', KEYS[1], 'status')
if not st then return {'missing', ''} end
if st == 'approved' or st == 'rejected' then
  if redis.call('HGET', KEYS[1], 'decision_event') == ARGV[6] then return {'ok', st} end
  return {'taken', st, redis.call('HGET', KEYS[1], 'decided_by') or '', redis.call('HGET', KEYS[1], 'decided_at') or ''}
end
if ARGV[2] == 'approved' and st ~= 'screened' then return {'unscreened', st} end
redis.call('HSET', KEYS[1], 'status', ARGV[2], 'decided_by', ARGV[3], 'decided_at', ARGV[4],
           'decision_event', ARGV[6], 'reason', ARGV[5])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
if ARGV[2] == 'approved' then redis.call('ZADD', KEYS[5], ARGV[4], ARGV[1])
else redis.call('ZADD', KEYS[6], ARGV[4], ARGV[1]) end
if tonumber(ARGV[7]) <= 0 then redis.call('DEL', KEYS[2]) else redis.call('EXPIRE', KEYS[2], ARGV[7]) end
return {'ok', ARGV[2]}
""")

# Published stories stay, anonymized; everything else of the user's goes.
# KEYS: story, original, queue, unscreened, rejected, fingerprints, user index; ARGV: code
STORY_ERASE = Lua("""
local st = redis.call('HGET', KEYS[1], 'status')
redis.call('DEL', KEYS[2])
redis.call('ZREM', KEYS[7], ARGV[1])
if not st then return 'missing' end
if st == 'approved' then
  redis.call('HSET', KEYS[1], 'user', '', 'anonymized', '1')
  return 'anonymized'
end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('ZREM', KEYS[5], ARGV[1])
redis.call('HDEL', KEYS[6], ARGV[1])
return 'deleted'
""")

# Count a screening start on a pending story only (never creates the hash of an erased story); -1 when
# the story was already parked for moderators.
COUNT_SCREENING_ATTEMPT = Lua("""
if redis.call('HGET', KEYS[1], 'status') ~= 'pending' then return 0 end
if redis.call('HEXISTS', KEYS[1], 'screen_parked') == 1 then return -1 end
return redis.call('HINCRBY', KEYS[1], 'screen_attempts', 1)
""")
