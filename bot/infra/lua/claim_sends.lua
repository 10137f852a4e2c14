-- KEYS: send-due; ARGV: now ms, ttl ms, owner, limit, send-lease key prefix.
-- A sender claims up to `limit` due users: each gets the send lease (unless an inline drain holds it) and a
-- score ttl ahead, so a sender that dies mid-send leaves its users due again when its leases have expired.

local now, ttl = tonumber(ARGV[1]), tonumber(ARGV[2])
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[4]))
local out = {}
for _, user in ipairs(due) do
  if redis.call('SET', ARGV[5] .. user, ARGV[3], 'NX', 'PX', ttl) then out[#out + 1] = user end
  redis.call('ZADD', KEYS[1], now + ttl, user)
end
return out
