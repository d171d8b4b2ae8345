-- graph_strengthen.lua: raise an edge's weight by delta, clamped at weight_cap (spec 002,
-- ZINCRBY semantics: an absent edge is created at min(cap, delta)), mirrored on the
-- target's set when the graph is symmetric.
-- include: edges_core.lua
--
-- KEYS[1]  engram:{ns}:edges:<source>  ZSET target -> weight
-- KEYS[2]  engram:{ns}:edges:<target>  ZSET source -> weight (only when symmetric)
-- ARGV[1]  source record id
-- ARGV[2]  target record id
-- ARGV[3]  delta > 0 (repr of a double)
-- ARGV[4]  weight_cap > 0 (repr of a double)
-- ARGV[5]  max_edges, integer >= 1; a set that gained a member is pruned to it, lowest first
-- Each side: w' = min(cap, w + delta), w being that side's own weight (0 if absent).
-- Reply:   new weight of source -> target as a "%.17g" string
local delta = tonumber(ARGV[3])
local cap = tonumber(ARGV[4])
local max_edges = tonumber(ARGV[5])

local function strengthen(key, member)
    local old = redis.call('ZSCORE', key, member)
    local new = math.min(cap, (tonumber(old) or 0) + delta)
    local weight = edges_num(new)
    redis.call('ZADD', key, weight, member)
    if not old then
        edges_prune(key, max_edges)
    end
    return weight
end

local weight = strengthen(KEYS[1], ARGV[2])
if KEYS[2] then
    strengthen(KEYS[2], ARGV[1])
end
return weight
