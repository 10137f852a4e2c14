-- Run after outbox_take.lua's `take`, as one script (scripts.CLAIM_SENDS).
-- KEYS: send-due, send pause, this claim's answer (keys.send_claim(owner)). ARGV: now ms, ttl ms, owner, limit, then the key prefixes of the send lease, the
-- outbox and the in-flight mark, then this process's id, process-alive ttl ms, process-alive key prefix, in-flight
-- max ms.
-- A sender claims up to `limit` due users: each gets the send lease (unless an inline drain holds it) and a
-- score ttl ahead, so a sender that dies mid-send leaves its users due again when its leases have expired. Each
-- claimed user's first take is made here too (the same step a flush makes before each send; an empty outbox ends
-- the delivery at once), so a reply costs no round trip of its own before it goes to Zalo.
-- Answers {user, take's answer...} per claimed user. The answer is kept a lease long under the claim's own key, so
-- the same claim run again (redis-py retries a call whose connection broke before its answer) answers the same
-- users, whose heads it marked, instead of leaving them marked for a claim nobody heard back from.

local kept = redis.call('GET', KEYS[3])
if kept then return cjson.decode(kept) end
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
