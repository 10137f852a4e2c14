-- A fragment, not a script: the function both TAKE_NEXT_DRAIN and DRAIN_NEXT open with (scripts.py joins them).
-- next_drain_job(queue, job key prefix, description prefix of a drain job): the queue's next job taken out of
-- RQ's hands when it is a drain job: {job id, user}; 0 when another kind of job is next (RQ runs it); false when
-- the queue is empty. Lets a running drain job drain the next ready users in turn, without RQ's per-job
-- bookkeeping (bot/core/drain.py).

local function next_drain_job(queue, prefix, description)
  local id = redis.call('LINDEX', queue, 0)
  if not id then return false end
  local d = redis.call('HGET', prefix .. id, 'description')
  if (not d) or string.sub(d, 1, #description) ~= description then return 0 end
  redis.call('LPOP', queue)
  redis.call('DEL', prefix .. id)
  return {id, string.sub(d, #description + 1)}
end
