-- KEYS: outbox, send pause, send lease, in-flight mark; ARGV: owner, lease ttl ms.
-- The one step before each send, atomic so that a process that lost its send lease (stalled past the TTL: CPU
-- starvation, GC, SIGSTOP) can never start a send: it checks the lease, renews it, reads the head and marks
-- the head in flight under `owner`. Every later change of the head is made only while that mark is still ours.
-- {µs of the shared -32 pause left, nil}: nobody sends now; {-1, nil}: the lease is no longer ours;
-- {0, nil}: the outbox is empty; {0, head}: send it; {-2, head, mark}: the head was in flight under an owner
-- that lost its lease — it may have reached Zalo, so its outcome is unknown and it is never sent again.

local left = tonumber(redis.call('GET', KEYS[2]) or '0')
if left > 0 then
  local t = redis.call('TIME')
  left = math.max(0, left - (tonumber(t[1]) * 1000000 + tonumber(t[2])))
  if left > 0 then return {left, false} end
end
if redis.call('GET', KEYS[3]) ~= ARGV[1] then return {-1, false} end
redis.call('PEXPIRE', KEYS[3], ARGV[2])
local head = redis.call('LINDEX', KEYS[1], 0)
if not head then
  redis.call('DEL', KEYS[4])
  return {0, false}
end
-- the mark names the owner and the message ("owner\nhead"), so a mark left by anything but a flush in flight (an
-- outbox deleted by hand) never makes a later message look like it was in flight
local mine = ARGV[1] .. '\n' .. head
local mark = redis.call('GET', KEYS[4])
if mark and mark ~= mine and string.sub(mark, -(#head + 1)) == '\n' .. head then return {-2, head, mark} end
redis.call('SET', KEYS[4], mine)
return {0, head}
