-- KEYS: lease, inbox, pending users, state, deferred replies; ARGV: owner, ttl ms, user, take (1: the first step).
-- One round trip per step of a drain: check (or, on the first step, take) the user's lease, then either
-- hand over the next event with the user's state, renewing the lease, or release the user when no event is
-- left. Returns -1 when the lease is another's, 1 when released, else {0, event, state as HGETALL, 1 when
-- replies wait in the deferred list (the commit reads them only then)}.
-- (Was: a lease take, a renew + ZRANGE + HGETALL pipeline per event, and a release: two round trips more.)

local v = redis.call('GET', KEYS[1])
if v ~= ARGV[1] and (ARGV[4] ~= '1' or v) then return -1 end
local head = redis.call('ZRANGE', KEYS[2], 0, 0)
if #head == 0 then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[3], ARGV[3])
  return 1
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return {0, head[1], redis.call('HGETALL', KEYS[4]), redis.call('EXISTS', KEYS[5])}
