-- graph_strengthen.lua: raise an edge's weight by delta, clamped at the namespace's
-- weight_cap (spec 002, ZINCRBY semantics: an absent edge is created at min(cap, delta)),
-- mirrored on the target when the namespace's graph is symmetric.
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
-- ARGV[3]  delta > 0 (repr of a double)
-- ARGV[4..6]  defaults of symmetric (1/0), max_edges, weight_cap
-- Each direction: w' = min(cap, w + delta), w being its own weight (0 if absent); a set
-- that gained a member is pruned to max_edges, lowest first.
-- Reply:   new weight of source -> target as a "%.17g" string
local cfg = config_numbers(KEYS[1], {'symmetric', 'max_edges', 'weight_cap'},
    {tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])})
local delta = tonumber(ARGV[3])

local weight = edges_strengthen(KEYS[2], KEYS[3], ARGV[1], ARGV[2], delta, cfg.weight_cap, cfg.max_edges)
if cfg.symmetric == 1 then
    edges_strengthen(KEYS[4], KEYS[5], ARGV[2], ARGV[1], delta, cfg.weight_cap, cfg.max_edges)
end
edges_count_commit(KEYS[6])
return edges_num(weight)
