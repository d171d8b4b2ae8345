-- edges_core.lua: helpers for the per-record edge ZSETs (spec 002), included by the
-- graph scripts. Every key passed here must be in the caller's KEYS.

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
