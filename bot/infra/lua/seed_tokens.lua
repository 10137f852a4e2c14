-- KEYS: token hash; ARGV: access token, refresh token. Seed the pair from the environment, once, whole.

if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'access_token', ARGV[1], 'refresh_token', ARGV[2], 'expires_at', '0')
end
return 1
