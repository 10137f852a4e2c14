-- Published stories stay, anonymized; everything else of the user's goes.
-- KEYS: story, original, queue, unscreened, rejected, fingerprints, user index; ARGV: code

local st = redis.call('HGET', KEYS[1], 'status')
redis.call('DEL', KEYS[2])
redis.call('ZREM', KEYS[7], ARGV[1])
if not st then return 'missing' end
if st == 'approved' then
  redis.call('HSET', KEYS[1], 'user', '', 'anonymized', '1')
  return 'anonymized'
end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('ZREM', KEYS[5], ARGV[1])
redis.call('HDEL', KEYS[6], ARGV[1])
return 'deleted'
