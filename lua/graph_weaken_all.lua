-- graph_weaken_all.lua: multiply every edge weight of one record by factor and prune
-- the edges that fall below prune_below (spec 002, weaken_all). Only the record's own
-- set changes, as in the seed: mirrored edges on its neighbours keep their weights.
-- include: edges_core.lua
--
-- KEYS[1]  engram:{ns}:edges:<record>  ZSET neighbour -> weight
-- ARGV[1]  factor in [0, 1] (repr of a double); 0 deletes the whole set
-- ARGV[2]  prune_below (repr of a double); weights strictly below it are removed
-- Reply:   number of edges removed
local factor = tonumber(ARGV[1])
local prune_below = tonumber(ARGV[2])

if factor == 0 then
    local count = redis.call('ZCARD', KEYS[1])
    redis.call('DEL', KEYS[1])
    return count
end

local edges = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
local pruned = 0
for i = 1, #edges, 2 do
    local weight = tonumber(edges[i + 1]) * factor
    if weight < prune_below then
        redis.call('ZREM', KEYS[1], edges[i])
        pruned = pruned + 1
    else
        redis.call('ZADD', KEYS[1], 'XX', edges_num(weight), edges[i])
    end
end
return pruned
