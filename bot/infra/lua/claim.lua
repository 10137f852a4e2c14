-- Give the user to a new job unless some job holds the lease; used by the sweeper and by retries.
-- KEYS: lease, job, queue, the list a worker's dequeue moves a job into (RQ's intermediate list);
-- ARGV: job-id, lease-ms, data, stamp, description, user-lease-ms, job-key prefix
-- An orphaned queued lease is taken over: still longer than a running drain's lease (a drain job shortens
-- it to USER_LEASE_SECONDS the moment it starts), yet its job has left the queue. That job was taken by a
-- worker that died before the job took the lease; without this the user waited out the whole queued lease
-- (QUEUED_LEASE_MS, 5 min; found by the soak). The job has left the queue when it is gone, no longer `queued`
-- (a worker marked it started), or still `queued` but in the intermediate list: RQ's dequeue moved it there and
-- the worker's next transaction would have marked it started (a worker SIGKILLed in between, or cut off by a
-- Redis SIGKILL, leaves it so until RQ fails it a minute or more later; found by the fault run). A job that is
-- merely slow to start finds the lease changed and returns "busy": the lease's compare-and-set keeps one drain
-- per user either way.

local owner = redis.call('GET', KEYS[1])
if owner then
  if redis.call('PTTL', KEYS[1]) <= tonumber(ARGV[6]) then return 0 end
  if redis.call('HGET', ARGV[7] .. owner, 'status') == @QUEUED@
     and not redis.call('LPOS', KEYS[4], owner) then return 0 end
  redis.call('HINCRBY', @METRICS@, 'leases_reclaimed_total', 1)
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
@WRITE_JOB@
return 1
