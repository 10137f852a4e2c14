-- `take(K, A)`, a function the scripts that end with a take share (scripts.py: OUTBOX_TAKE calls it with KEYS, ARGV;
-- OUTBOX_SENT_TAKE after a pop; CLAIM_SENDS once per user it claims).
-- K: outbox, send pause, send lease, in-flight mark[, send-due].
-- A: owner, lease ttl ms, this process's id, process-alive ttl ms, process-alive key prefix, in-flight max ms[,
-- user]. With send-due and the user given, an empty outbox also ends the delivery (what FINISH_SEND does then: the
-- send lease given back, the user off the to-do list), so a flush that emptied the outbox needs no further step.
-- The one step before each send, atomic so that a process that lost its send lease (stalled past the TTL: CPU
-- starvation, GC, SIGSTOP) can never start a send: it checks the lease, renews it, reads the head and marks
-- the head in flight as "process\nms\nowner\nhead" (and refreshes this process's liveness key). Every later
-- change of the head is made only while that mark is still ours. Answers:
-- {µs of the shared -32 pause left, nil}: nobody sends now; {-1, nil}: the lease is no longer ours;
-- {0, nil}: the outbox is empty; {0, head, mark}: send it;
-- {-3, nil, mark}: the head is in flight under a process that is alive: leave it, its owner finishes (or dies);
-- {-4, head, mark}: its process died with it in flight: taken over, send it again (the documented kill window);
-- {-2, head, mark}: in flight longer than the max under a live process (a stuck thread), or under a mark of the
-- old shape: it may have reached Zalo, so its outcome is unknown and it is never sent again.


local function take(K, A)
  local t = redis.call('TIME')
  local now_us = tonumber(t[1]) * 1000000 + tonumber(t[2])
  local left = tonumber(redis.call('GET', K[2]) or '0')
  if left > 0 then
    left = math.max(0, left - now_us)
    if left > 0 then return {left, false} end
  end
  if redis.call('GET', K[3]) ~= A[1] then return {-1, false} end
  redis.call('PEXPIRE', K[3], A[2])
  local head = redis.call('LINDEX', K[1], 0)
  if not head then
    redis.call('DEL', K[4])
    if K[5] then
      redis.call('DEL', K[3])
      redis.call('ZREM', K[5], A[7])
    end
    return {0, false}
  end
  local now_ms = math.floor(now_us / 1000)
  local status = 0
  -- the mark names the message, so a mark left by anything but a flush in flight (an outbox deleted by hand) never
  -- makes a later message look like it was in flight
  local mark = redis.call('GET', K[4])
  if mark and string.sub(mark, -(#head + 1)) == '\n' .. head then
    local proc, at = string.match(mark, '^([^\n]*)\n(%d+)\n')
    if not proc then return {-2, head, mark} end
    if redis.call('EXISTS', A[5] .. proc) == 1 then
      if now_ms - tonumber(at) > tonumber(A[6]) then return {-2, head, mark} end
      return {-3, false, mark}
    end
    status = -4
  end
  local mine = A[3] .. '\n' .. string.format('%d', now_ms) .. '\n' .. A[1] .. '\n' .. head
  redis.call('SET', K[4], mine)
  redis.call('SET', A[5] .. A[3], '1', 'PX', A[4])
  return {status, head, mine}
end
