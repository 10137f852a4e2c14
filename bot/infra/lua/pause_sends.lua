-- KEYS: pause; ARGV: µs. Zalo said -32: nobody sends before now + ARGV[1].

local t = redis.call('TIME')
local until_us = tonumber(t[1]) * 1000000 + tonumber(t[2]) + tonumber(ARGV[1])
if until_us > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], string.format('%.0f', until_us), 'PX', 600000)
end
return 1
