-- graph_link.lua: create a weighted association edge, keeping an existing one (spec 002,
-- LINK_WITH_PRUNE), mirrored on the target when the namespace's graph is symmetric.
-- include: config_core.lua
-- include: edges_core.lua
--
-- KEYS[1]  engram:{ns}:config          HASH symmetric, max_edges, weight_cap (unset: ARGV defaults)
-- KEYS[2]  engram:{ns}:edges:<source>  ZSET target -> weight
-- KEYS[3]  engram:{ns}:in:<target>     SET  sources with an edge to target
-- KEYS[4]  engram:{ns}:edges:<target>  ZSET source -> weight (written only when symmetric)
-- KEYS[5]  engram:{ns}:in:<source>     SET  (written only when symmetric)
-- KEYS[6]  engram:{ns}:stats           HASH the namespace's edge count (edges_core.lua)
-- ARGV[1]  source record id
-- ARGV[2]  target record id
-- ARGV[3]  initial weight > 0 (repr of a double)
-- ARGV[4..6]  defaults of symmetric (1/0), max_edges, weight_cap
-- A new edge is added at the initial weight (noted in the target's in-set), then the set is
-- pruned to max_edges, lowest weights first; an existing edge keeps its weight. Each
-- direction is handled on its own, so a mirror that exists keeps its own weight.
-- Reply:   {"ok", weight of source -> target ("%.17g" string), created (1 or 0)}
--          When created, the weight is the initial one (even if pruned at once).
--          {"above_cap", weight_cap ("%.17g" string)}: the initial weight exceeds the
--          namespace's weight_cap; nothing was written.
local cfg = config_numbers(KEYS[1], {'symmetric', 'max_edges', 'weight_cap'},
    {tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])})
local weight = tonumber(ARGV[3])
if weight > cfg.weight_cap then
    return {'above_cap', edges_num(cfg.weight_cap)}
end

local function link(out_key, in_key, source, target)
    local existing = redis.call('ZSCORE', out_key, target)
    if existing then
        -- Heal an incoming index written before it existed; a no-op otherwise.
        redis.call('SADD', in_key, source)
        return existing, 0
    end
    edges_put(out_key, in_key, source, target, weight)
    edges_prune(out_key, cfg.max_edges)
    return edges_num(weight), 1
end

local stored, created = link(KEYS[2], KEYS[3], ARGV[1], ARGV[2])
if cfg.symmetric == 1 then
    link(KEYS[4], KEYS[5], ARGV[2], ARGV[1])
end
edges_count_commit(KEYS[6])
return {'ok', stored, created}
