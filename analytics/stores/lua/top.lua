-- A ranking over several buckets, without leaving the union behind.
-- KEYS: a scratch key, then the buckets. ARGV: how many to return.
local n = #KEYS - 1
redis.call('ZUNIONSTORE', KEYS[1], n, unpack(KEYS, 2))
local top = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
redis.call('DEL', KEYS[1])
return top
