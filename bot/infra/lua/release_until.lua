-- KEYS: lease, pending users; ARGV: owner, user, due ms. Give the user back; the sweeper hands them out at due.

if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
  return 1
end
return 0
