-- KEYS: lease; ARGV: owner, ttl ms. Take the lease, or keep it if already ours. 1 taken, 0 someone else's.

local v = redis.call('GET', KEYS[1])
if (not v) or v == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
