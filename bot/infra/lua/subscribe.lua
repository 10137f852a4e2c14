-- KEYS: bucket, count; ARGV: user, last-interaction s, province, "1" when the province is given

local old = redis.call('HGET', KEYS[1], ARGV[1])
local prov, last = ARGV[3], tonumber(ARGV[2])
if old then
  local p = string.find(old, '|', 1, true)
  local old_last = tonumber(string.sub(old, 1, p - 1)) or 0
  if old_last > last then last = old_last end
  if ARGV[4] ~= '1' then prov = string.sub(old, p + 1) end
end
redis.call('HSET', KEYS[1], ARGV[1], string.format('%d', last) .. '|' .. prov)
if not old then redis.call('INCR', KEYS[2]) return 1 end
return 0
