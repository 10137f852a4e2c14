-- A fragment, not a script: reserve the next send slot of the shared rate limit (after any -32 pause)
-- and return the µs to wait (with no rate limit, only the pause is waited for). @RATE@, @PAUSE@ (keys) and @INTERVAL@ (µs) are filled in by scripts.py;
-- DELIVERY_STEP ends with it and RESERVE_SEND_SLOT is it alone.

local interval = tonumber(@INTERVAL@)
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local paused = tonumber(redis.call('GET', @PAUSE@) or '0')
if interval <= 0 then return math.max(0, paused - now) end
local start = math.max(tonumber(redis.call('GET', @RATE@) or '0'), paused, now)
redis.call('SET', @RATE@, string.format('%.0f', start + interval), 'PX', 600000)
return start - now
