-- KEYS: outbox, in-flight mark; ARGV: the mark OUTBOX_TAKE set ("process\nms\nowner\nhead").
-- Zalo accepted the head this owner marked in flight: pop it, only if the mark is still ours (1). 0: a process
-- that took the user over meanwhile settled it ("outcome unknown" after a stuck send, or sent it again after this
-- process was presumed dead), and the head is another message.

if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[2])
redis.call('LPOP', KEYS[1])
return 1
