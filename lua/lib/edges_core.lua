-- edges_core.lua: helpers for the per-record edge ZSETs (spec 002), included by every script
-- that writes them (the graph scripts, record_outcome.lua, record_delete.lua). Every key
-- passed here must be in the caller's KEYS.
--
-- The namespace's edge count (``engram:{ns}:stats`` HASH, keys.py): every such script calls
-- edges_count_commit(stats_key) once, after its writes. If any edge set gained or lost a
-- member, it bumps ``edge_writes`` (so a counting pass, lua/edges_count_init.lua, can tell
-- that no edge set was created, grown, shrunk or removed while it scanned; a weight change
-- alone does not matter to a count) and, once a counting pass has established ``edges``,
-- adds the script's net change to it. A script that changed no membership writes nothing. Writes go through edges_put / edges_prune, or report direct removals with
-- edges_removed.

-- Net change in the number of edge entries made by this script so far, and whether any
-- membership changed (a net change of 0 may still move entries between sets).
local edges_delta = 0
local edges_changed = false

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
        local removed = redis.call('ZREMRANGEBYRANK', key, 0, card - max_edges - 1)
        edges_delta = edges_delta - removed
        edges_changed = edges_changed or removed > 0
        return removed
    end
    return 0
end

-- Set the edge source -> target in out_key (source's ZSET) to weight (a number), and note
-- source in in_key (target's incoming SET, read when target is deleted). Returns nothing.
local function edges_put(out_key, in_key, source, target, weight)
    local added = redis.call('ZADD', out_key, edges_num(weight), target)
    edges_delta = edges_delta + added
    edges_changed = edges_changed or added > 0
    redis.call('SADD', in_key, source)
end

-- Note n edge entries removed without edges_prune (ZREM, DEL). Returns n.
local function edges_removed(n)
    edges_delta = edges_delta - n
    edges_changed = edges_changed or n > 0
    return n
end

-- Commit this script's edge-count change to stats_key (see the header). Call once, last.
local function edges_count_commit(stats_key)
    if not edges_changed then return end
    redis.call('HINCRBY', stats_key, 'edge_writes', 1)
    if edges_delta ~= 0 and redis.call('HEXISTS', stats_key, 'edges') == 1 then
        redis.call('HINCRBY', stats_key, 'edges', edges_delta)
    end
    edges_delta, edges_changed = 0, false
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
