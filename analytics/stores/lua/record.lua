-- One Lua call per counted view. KEYS: seen, pending, flushing, total, hour, day,
-- hour of the section, day of the section. ARGV: dedupe window (ms), today's and
-- yesterday's pending fields, story id, pending/hour/day/total TTLs (s).
local counted = 0
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
  counted = 1
  -- A field or member seen for the first time may be in a new key: give it its
  -- TTL then (a key that already exists has one).
  if redis.call('HINCRBY', KEYS[2], ARGV[2], 1) == 1 then
    redis.call('EXPIRE', KEYS[2], ARGV[5])
  end
  for i = 5, 8 do
    if tonumber(redis.call('ZINCRBY', KEYS[i], 1, ARGV[4])) == 1 then
      redis.call('EXPIRE', KEYS[i], i % 2 == 1 and ARGV[6] or ARGV[7])
    end
  end
end
local p = redis.call('HMGET', KEYS[2], ARGV[2], ARGV[3])
local f = redis.call('HMGET', KEYS[3], ARGV[2], ARGV[3])
local unflushed = 0
for _, v in ipairs({p[1], p[2], f[1], f[2]}) do
  if v then unflushed = unflushed + tonumber(v) end
end
local total = redis.call('GET', KEYS[4])
if total then
  if counted == 1 then redis.call('EXPIRE', KEYS[4], ARGV[8]) end
  total = tonumber(total)
else
  total = -1
end
return {counted, unflushed, total}
