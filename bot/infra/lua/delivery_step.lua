-- KEYS: 1 log, 2 report, 3 prev bucket, 4 prev unread marker, 5 subscriber count, 6 next bucket, 7 rate, 8 pause
-- ARGV: 1 prev user, 2 prev outcome, 3 prev counter, 4 slot, 5 unread ttl, 6 next user, 7 interval µs (0 = none)
-- Returns: -1 nothing next, -2 next unsubscribed, -3 next already handled, else µs to wait before sending.
-- Ends with rate_slot.lua (KEYS[7], KEYS[8], ARGV[7]).

if ARGV[1] ~= '' then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
  if ARGV[2] == 'w' or ARGV[2] == 'q' or ARGV[2] == 'n' then
    redis.call('SET', KEYS[4], ARGV[4], 'EX', ARGV[5])
  elseif ARGV[2] == 'x' then
    if redis.call('HDEL', KEYS[3], ARGV[1]) == 1 then redis.call('DECR', KEYS[5]) end
  end
end
if ARGV[6] == '' then return -1 end
if redis.call('HEXISTS', KEYS[6], ARGV[6]) == 0 then
  if redis.call('HSETNX', KEYS[1], ARGV[6], '-') == 1 then redis.call('HINCRBY', KEYS[2], 'unsubscribed', 1) end
  return -2
end
if redis.call('HSETNX', KEYS[1], ARGV[6], 'c') == 0 then return -3 end
redis.call('HINCRBY', KEYS[2], 'claimed', 1)
