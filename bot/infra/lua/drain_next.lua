-- KEYS: lease, inbox, pending users, state, deferred replies, queue; ARGV: owner, ttl ms, user, take (1: the first
-- step), next (1: on release, also take the queue's next drain job), job key prefix, drain job description prefix.
-- One round trip per step of a drain: check (or, on the first step, take) the user's lease, then either
-- hand over the next event with the user's state, renewing the lease, or release the user when no event is
-- left. Returns -1 when the lease is another's; on release 1, or with `next` {1, what next_drain_job returns
-- (false, 0 or {job id, user})}; else {0, event, state as HGETALL, 1 when replies wait in the deferred list
-- (the commit reads them only then)}.
-- A drain with a sender running sends the step after an event inside that event's commit (MULTI), so an event
-- costs one round trip less; and the release takes the next drain job, so a user drained costs one less again.

local v = redis.call('GET', KEYS[1])
if v ~= ARGV[1] and (ARGV[4] ~= '1' or v) then return -1 end
local head = redis.call('ZRANGE', KEYS[2], 0, 0)
if #head == 0 then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[3], ARGV[3])
  if ARGV[5] ~= '1' then return 1 end
  return {1, next_drain_job(KEYS[6], ARGV[6], ARGV[7])}
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return {0, head[1], redis.call('HGETALL', KEYS[4]), redis.call('EXISTS', KEYS[5])}
