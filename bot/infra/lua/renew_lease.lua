-- KEYS: lease; ARGV: owner, ttl ms. Extend our lease; 0 when it is no longer ours.

if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
