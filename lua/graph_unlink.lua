-- graph_unlink.lua: remove an association edge (spec 002), in both directions when the
-- namespace's graph is symmetric, and drop it from the incoming index.
-- include: config_core.lua
-- include: edges_core.lua
--
-- KEYS[1]  engram:{ns}:config          HASH symmetric (unset: ARGV[3])
-- KEYS[2]  engram:{ns}:edges:<source>  ZSET target -> weight
-- KEYS[3]  engram:{ns}:in:<target>     SET  sources with an edge to target
-- KEYS[4]  engram:{ns}:edges:<target>  ZSET source -> weight (written only when symmetric)
-- KEYS[5]  engram:{ns}:in:<source>     SET  (written only when symmetric)
-- KEYS[6]  engram:{ns}:stats           HASH the namespace's edge count (edges_core.lua)
-- ARGV[1]  source record id
-- ARGV[2]  target record id
-- ARGV[3]  default of symmetric (1/0)
-- Reply:   number of edges removed (0, 1 or 2)
local cfg = config_numbers(KEYS[1], {'symmetric'}, {tonumber(ARGV[3])})

local removed = redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('SREM', KEYS[3], ARGV[1])
if cfg.symmetric == 1 then
    removed = removed + redis.call('ZREM', KEYS[4], ARGV[1])
    redis.call('SREM', KEYS[5], ARGV[2])
end
edges_removed(removed)
edges_count_commit(KEYS[6])
return removed
