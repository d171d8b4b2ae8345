-- graph_weaken_all.lua: multiply every edge weight of one record by factor and prune
-- the edges that fall below prune_below (spec 002, weaken_all). Only the record's own
-- set changes, as in the seed: mirrored edges on its neighbours keep their weights.
-- Pruned targets' in-sets keep the record (their keys are not known here); the incoming
-- index is documented as a superset.
-- include: config_core.lua
-- include: edges_core.lua
--
-- KEYS[1]  engram:{ns}:config          HASH decay_factor (unset: ARGV[3])
-- KEYS[2]  engram:{ns}:edges:<record>  ZSET neighbour -> weight
-- KEYS[3]  engram:{ns}:stats           HASH the namespace's edge count (edges_core.lua)
-- ARGV[1]  factor in [0, 1] (repr of a double), or "" for the namespace's decay_factor;
--          0 deletes the whole set
-- ARGV[2]  prune_below (repr of a double); weights strictly below it are removed
-- ARGV[3]  default of decay_factor
-- Reply:   number of edges removed
local factor = tonumber(ARGV[1])
if factor == nil then
    factor = config_numbers(KEYS[1], {'decay_factor'}, {tonumber(ARGV[3])}).decay_factor
end
local prune_below = tonumber(ARGV[2])

if factor == 0 then
    local count = redis.call('ZCARD', KEYS[2])
    redis.call('DEL', KEYS[2])
    edges_removed(count)
    edges_count_commit(KEYS[3])
    return count
end

local edges = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
local pruned = 0
for i = 1, #edges, 2 do
    local weight = tonumber(edges[i + 1]) * factor
    if weight < prune_below then
        redis.call('ZREM', KEYS[2], edges[i])
        pruned = pruned + 1
    else
        redis.call('ZADD', KEYS[2], 'XX', edges_num(weight), edges[i])
    end
end
edges_removed(pruned)
edges_count_commit(KEYS[3])
return pruned
