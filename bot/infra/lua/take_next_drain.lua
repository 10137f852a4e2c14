-- KEYS: queue; ARGV: job key prefix, description prefix of a drain job.
-- The next queued job, taken out of RQ's hands when it is a drain job: {job id, user}; 0 when another kind of
-- job is next (RQ runs it); nothing when the queue is empty. Lets a running drain job drain the next ready users
-- in turn, without RQ's per-job bookkeeping (bot/core/drain.py).

local id = redis.call('LINDEX', KEYS[1], 0)
if not id then return false end
local d = redis.call('HGET', ARGV[1] .. id, 'description')
if (not d) or string.sub(d, 1, #ARGV[2]) ~= ARGV[2] then return 0 end
redis.call('LPOP', KEYS[1])
redis.call('DEL', ARGV[1] .. id)
return {id, string.sub(d, #ARGV[2] + 1)}
