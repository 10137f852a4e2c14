-- KEYS: bucket; ARGV: user, interaction s. Only subscribers are touched; older times never win.

local old = redis.call('HGET', KEYS[1], ARGV[1])
if not old then return 0 end
local p = string.find(old, '|', 1, true)
if (tonumber(string.sub(old, 1, p - 1)) or 0) >= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. string.sub(old, p))
return 1
