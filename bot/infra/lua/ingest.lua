-- Constant key names and numbers are baked into the script text (@NAME@), so a request sends only what
-- varies. KEYS: dedupe, inbox, lease, job; ARGV: member, score, user, job-id, now-ms, data, stamp
-- Returns 0 duplicate, 1 stored (a job already drains the user), 2 stored and a new job queued.

if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', @DEDUPE_TTL@) then
  redis.call('HINCRBY', @METRICS@, 'events_duplicate_total', 1)
  return 0
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('HINCRBY', @METRICS@, 'events_received_total', 1)
if redis.call('SET', KEYS[3], ARGV[4], 'NX', 'PX', @LEASE_MS@) then
  -- a lease always has a pending-users entry (the sweeper's safety net), so only a new lease adds one
  redis.call('ZADD', @PENDING@, 'NX', ARGV[5], ARGV[3])
  @WRITE_JOB@
  return 2
end
return 1
