-- KEYS: lease, inbox, pending users; ARGV: owner, user.
-- Release only when no event is left: 1 released, 0 more work arrived, -1 not the owner. The outbox is not
-- the drain's to finish: it is on the senders' to-do list (send-due) from the transaction that filled it.

if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
if redis.call('ZCARD', KEYS[2]) == 0 then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[3], ARGV[2])
  return 1
end
return 0
