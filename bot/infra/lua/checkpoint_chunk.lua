-- KEYS: owner, chunks; ARGV: token, lease ms, chunk, cursor ("done" ends it), next token ("" = none)

if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
if ARGV[4] == 'done' then redis.call('DEL', KEYS[1]) return 1 end
if ARGV[5] ~= '' then redis.call('SET', KEYS[1], ARGV[5], 'PX', ARGV[2]) return 1 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
