-- KEYS: outbox, send pause. {µs left of the shared -32 pause (0 = none), the outbox's head (nil = empty)}: the
-- outbox flush reads both before each send in the one round trip it made for the head alone.

local left = tonumber(redis.call('GET', KEYS[2]) or '0')
if left > 0 then
  local t = redis.call('TIME')
  left = math.max(0, left - (tonumber(t[1]) * 1000000 + tonumber(t[2])))
end
return {left, redis.call('LINDEX', KEYS[1], 0)}
