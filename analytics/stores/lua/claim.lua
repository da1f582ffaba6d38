-- Take the pending views for a flush. If an earlier flush took a batch and did not
-- finish it, that batch is returned again, with its id, so that it is applied at
-- most once. KEYS: pending, flushing. ARGV: a new batch id, the TTL.
if redis.call('EXISTS', KEYS[2]) == 1 then
  return {redis.call('HGET', KEYS[2], '_batch'), 1}
end
if redis.call('EXISTS', KEYS[1]) == 0 then
  return false
end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('HSET', KEYS[2], '_batch', ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[2])
return {ARGV[1], 0}
