-- The story's total for display. KEYS: pending, flushing, total. ARGV: today's and
-- yesterday's pending fields.
local p = redis.call('HMGET', KEYS[1], ARGV[1], ARGV[2])
local f = redis.call('HMGET', KEYS[2], ARGV[1], ARGV[2])
local unflushed = 0
for _, v in ipairs({p[1], p[2], f[1], f[2]}) do
  if v then unflushed = unflushed + tonumber(v) end
end
local total = redis.call('GET', KEYS[3])
if total then total = tonumber(total) else total = -1 end
return {unflushed, total}
