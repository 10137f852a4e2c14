-- Count a screening start on a pending story only (never creates the hash of an erased story); -1 when
-- the story was already parked for moderators.

if redis.call('HGET', KEYS[1], 'status') ~= 'pending' then return 0 end
if redis.call('HEXISTS', KEYS[1], 'screen_parked') == 1 then return -1 end
return redis.call('HINCRBY', KEYS[1], 'screen_attempts', 1)
