-- KEYS: story, original, queue, unscreened, approved, rejected
-- ARGV: code, new status, moderator, now ms, reason, event key, retention s

local st = redis.call('HGET', KEYS[1], 'status')
if not st then return {'missing', ''} end
if st == 'approved' or st == 'rejected' then
  if redis.call('HGET', KEYS[1], 'decision_event') == ARGV[6] then return {'ok', st} end
  return {'taken', st, redis.call('HGET', KEYS[1], 'decided_by') or '', redis.call('HGET', KEYS[1], 'decided_at') or ''}
end
if ARGV[2] == 'approved' and st ~= 'screened' then return {'unscreened', st} end
redis.call('HSET', KEYS[1], 'status', ARGV[2], 'decided_by', ARGV[3], 'decided_at', ARGV[4],
           'decision_event', ARGV[6], 'reason', ARGV[5])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
if ARGV[2] == 'approved' then redis.call('ZADD', KEYS[5], ARGV[4], ARGV[1])
else redis.call('ZADD', KEYS[6], ARGV[4], ARGV[1]) end
if tonumber(ARGV[7]) <= 0 then redis.call('DEL', KEYS[2]) else redis.call('EXPIRE', KEYS[2], ARGV[7]) end
return {'ok', ARGV[2]}
