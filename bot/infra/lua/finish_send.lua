-- KEYS: send lease, outbox, send-due; ARGV: owner, user, now ms, due ms (0 = not a retry).
-- Give the user's delivery back: due again at `due` after a retryable failure, now when messages arrived
-- meanwhile, otherwise off the to-do list. 1 done, -1 not the owner.

if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
redis.call('DEL', KEYS[1])
if tonumber(ARGV[4]) > 0 then
  redis.call('ZADD', KEYS[3], ARGV[4], ARGV[2])
elseif redis.call('LLEN', KEYS[2]) > 0 then
  redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
else
  redis.call('ZREM', KEYS[3], ARGV[2])
end
return 1
