-- Flushed totals only grow, so a write never lowers one: a page render that read
-- the database just before a flush committed cannot undo the flush's higher
-- figure. ARGV: TTL, key prefix, then story id and total pairs.
for i = 3, #ARGV, 2 do
  local key = ARGV[2] .. ARGV[i]
  local current = tonumber(redis.call('GET', key) or '-1')
  if tonumber(ARGV[i + 1]) > current then
    redis.call('SET', key, ARGV[i + 1], 'EX', ARGV[1])
  else
    redis.call('EXPIRE', key, ARGV[1])
  end
end
return 1
