-- edges_core.lua: helpers for the per-record edge ZSETs (spec 002), included by the graph
-- scripts and record_outcome.lua. Every key passed here must be in the caller's KEYS.

-- A double as a string ZADD reads back exactly (redis.call would format a Lua number
-- with only 14 significant digits).
local function edges_num(x)
    return string.format('%.17g', x)
end

-- Keep at most max_edges members in key, dropping the lowest weights (lowest rank first;
-- ties go by member name, as ZSET order does). Returns the number removed.
local function edges_prune(key, max_edges)
    local card = redis.call('ZCARD', key)
    if card > max_edges then
        return redis.call('ZREMRANGEBYRANK', key, 0, card - max_edges - 1)
    end
    return 0
end

-- Set the edge source -> target in out_key (source's ZSET) to weight (a number), and note
-- source in in_key (target's incoming SET, read when target is deleted). Returns nothing.
local function edges_put(out_key, in_key, source, target, weight)
    redis.call('ZADD', out_key, edges_num(weight), target)
    redis.call('SADD', in_key, source)
end

-- Strengthen source -> target: w' = min(cap, w + delta), an absent edge starting at 0, then
-- prune out_key to max_edges if the edge is new. Returns the new weight (a number).
local function edges_strengthen(out_key, in_key, source, target, delta, cap, max_edges)
    local old = redis.call('ZSCORE', out_key, target)
    local new = math.min(cap, (tonumber(old) or 0) + delta)
    edges_put(out_key, in_key, source, target, new)
    if not old then
        edges_prune(out_key, max_edges)
    end
    return new
end
