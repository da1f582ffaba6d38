-- Forget a flushed batch, only if it is still the one named (never a newer one).
-- KEYS: flushing. ARGV: the batch id.
if redis.call('HGET', KEYS[1], '_batch') == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
