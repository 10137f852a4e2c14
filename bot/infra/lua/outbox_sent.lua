-- Run after outbox_take.lua's `take`, as one script (scripts.OUTBOX_SENT_TAKE): Zalo accepted the head this owner
-- marked in flight; pop it and count it, then take the next head, in one round trip.
-- KEYS: OUTBOX_TAKE's five, then 6 the metrics hash, 7 the latency hash.
-- ARGV: OUTBOX_TAKE's seven, then 8 the mark OUTBOX_TAKE set ("process\nms\nowner\nhead"), 9 the metrics field
-- counting the message, 10 its webhook-to-reply latency bucket ('' = none), 11 that latency in seconds.
-- The pop happens only while the mark is still ours; else {-5, false}: a process that took the user over meanwhile
-- settled it ("outcome unknown" after a stuck send, or sent it again after this process was presumed dead), and the
-- head is another message, which this owner must leave alone. Otherwise OUTBOX_TAKE's answer for the next head. Run
-- again after its answer was lost (redis-py retries a call whose connection broke), it finds the next head marked
-- by this very owner: nothing is popped or counted twice, and the take answers -3 with that mark (outbox.py sends
-- it: a mark of this process and owner that no abandoned flush left was set by a take it never heard back from).

local mark = redis.call('GET', KEYS[4])
local again = false  -- this step run a second time by the client's retry (its first answer was lost): popped then
if mark and mark ~= ARGV[8] then
  local proc, _, owner = string.match(mark, '^([^\n]*)\n(%d+)\n([^\n]*)\n')
  again = proc == ARGV[3] and owner == ARGV[1]
end
if not again then
  redis.call('HINCRBY', KEYS[6], ARGV[9], 1)
  if ARGV[10] ~= '' then
    redis.call('HINCRBY', KEYS[7], ARGV[10], 1)
    redis.call('HINCRBY', KEYS[7], 'count', 1)
    redis.call('HINCRBYFLOAT', KEYS[7], 'sum', ARGV[11])
  end
  if mark ~= ARGV[8] then return {-5, false} end
  redis.call('DEL', KEYS[4])
  redis.call('LPOP', KEYS[1])
end
return take(KEYS, ARGV)
