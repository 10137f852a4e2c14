-- KEYS: queue; ARGV: job key prefix, description prefix of a drain job.
-- The next queued job, taken out of RQ's hands when it is a drain job: {job id, user}; 0 when another kind of
-- job is next (RQ runs it); nothing when the queue is empty (next_drain_job.lua, which scripts.py puts first).

return next_drain_job(KEYS[1], ARGV[1], ARGV[2])
