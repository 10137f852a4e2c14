-- Run after outbox_take.lua's `take`, as one script (scripts.CLAIM_SENDS).
-- KEYS: send-due, send pause, this claim's answer (keys.send_claim(owner)), optionally the answer kept for the
-- same sender's previous claim (deleted: see below). ARGV: now ms, ttl ms, owner, limit, then the key prefixes of
-- the send lease, the outbox and the in-flight mark, then this process's id, process-alive ttl ms, process-alive
-- key prefix, in-flight max ms.
-- A sender claims up to `limit` due users: each gets the send lease (unless an inline drain holds it) and a
-- score ttl ahead, so a sender that dies mid-send leaves its users due again when its leases have expired. Each
-- claimed user's first take is made here too (the same step a flush makes before each send; an empty outbox ends
-- the delivery at once), so a reply costs no round trip of its own before it goes to Zalo.
-- Answers {user, take's answer...} per claimed user. The answer is kept a lease long under the claim's own key, so
-- the same claim run again (redis-py retries a call whose connection broke before its answer) answers the same
-- users, whose heads it marked, instead of leaving them marked for a claim nobody heard back from.
-- A sender claims one call after another, so when it makes this claim its previous call has returned and nothing
-- will run that one again: its kept answer (KEYS[4]) is deleted here. Left to its TTL it stayed in memory long
-- after: Redis reclaims expired keys it is not asked about by sampling, and stops while under a tenth of the keys
-- with a TTL it samples are expired, which the 7-day dedupe keys ensured (docs/bench-runs/2026-12-07-mem32.md).

local kept = redis.call('GET', KEYS[3])
if kept then return cjson.decode(kept) end
if KEYS[4] then redis.call('DEL', KEYS[4]) end
local now, ttl = tonumber(ARGV[1]), tonumber(ARGV[2])
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[4]))
local out = {}
for _, user in ipairs(due) do
  redis.call('ZADD', KEYS[1], now + ttl, user)
  if redis.call('SET', ARGV[5] .. user, ARGV[3], 'NX', 'PX', ttl) then
    local answer = take({ARGV[6] .. user, KEYS[2], ARGV[5] .. user, ARGV[7] .. user, KEYS[1]},
                        {ARGV[3], ARGV[2], ARGV[8], ARGV[9], ARGV[10], ARGV[11], user})
    table.insert(answer, 1, user)
    out[#out + 1] = answer
  end
end
if #out > 0 then redis.call('SET', KEYS[3], cjson.encode(out), 'PX', ttl) end
return out
