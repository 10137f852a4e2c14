-- KEYS: bucket, count, unread-digest marker; ARGV: user

redis.call('DEL', KEYS[3])
if redis.call('HDEL', KEYS[1], ARGV[1]) == 1 then redis.call('DECR', KEYS[2]) return 1 end
return 0
