-- graph_link.lua: create a weighted association edge, keeping an existing one (spec 002,
-- LINK_WITH_PRUNE), mirrored on the target's set when the graph is symmetric.
-- include: edges_core.lua
--
-- KEYS[1]  engram:{ns}:edges:<source>  ZSET target -> weight
-- KEYS[2]  engram:{ns}:edges:<target>  ZSET source -> weight (only when symmetric)
-- ARGV[1]  source record id
-- ARGV[2]  target record id
-- ARGV[3]  initial weight (repr of a double)
-- ARGV[4]  max_edges, integer >= 1
-- Each set gets ZADD NX (an existing edge keeps its weight), then, if it holds more than
-- max_edges members, its lowest-weight edges are removed.
-- Reply:   {weight of source -> target ("%.17g"-exact string), created (1 or 0)}
--          When created, the weight is ARGV[3] (even if the new edge was the lowest of an
--          over-full set and was pruned at once).
local max_edges = tonumber(ARGV[4])

local function link(key, member)
    local existing = redis.call('ZSCORE', key, member)
    if existing then
        return existing, 0
    end
    redis.call('ZADD', key, 'NX', ARGV[3], member)
    edges_prune(key, max_edges)
    return ARGV[3], 1
end

local weight, created = link(KEYS[1], ARGV[2])
if KEYS[2] then
    link(KEYS[2], ARGV[1])
end
return {weight, created}
