-- graph_unlink.lua: remove an association edge (spec 002), in both directions when the
-- graph is symmetric.
--
-- KEYS[1]  engram:{ns}:edges:<source>  ZSET target -> weight
-- KEYS[2]  engram:{ns}:edges:<target>  ZSET source -> weight (only when symmetric)
-- ARGV[1]  source record id
-- ARGV[2]  target record id
-- Reply:   number of edges removed (0, 1 or 2)
local removed = redis.call('ZREM', KEYS[1], ARGV[2])
if KEYS[2] then
    removed = removed + redis.call('ZREM', KEYS[2], ARGV[1])
end
return removed
