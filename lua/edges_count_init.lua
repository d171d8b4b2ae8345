-- edges_count_init.lua: establish a namespace's edge count (``edges`` in engram:{ns}:stats),
-- for a namespace whose edges were written before it was kept (by an earlier version) or
-- since the namespace was deleted. The caller reads ``edge_writes``, then SCANs the
-- namespace's edge sets, then calls this script with every key found. Every script that
-- writes an edge set bumps ``edge_writes`` (lib/edges_core.lua), so if it is unchanged no
-- edge set was created, changed or removed by a script since before the scan began: the
-- keys passed are then all the edge sets there are, and their cardinalities, summed here
-- atomically, are the exact count, which those scripts keep from then on.
--
-- A namespace that holds nothing (no edge, record, confidence entry or prediction, and no
-- edge write) is left without a stats key: a read of an unknown name creates no key.
--
-- KEYS[1]    engram:{ns}:stats         HASH edge_writes, edges
-- KEYS[2]    engram:{ns}:vec           HASH (only read: is the namespace empty?)
-- KEYS[3]    engram:{ns}:conf:ids      ZSET (likewise)
-- KEYS[4]    engram:{ns}:pred:ids      ZSET (likewise)
-- KEYS[5..]  engram:{ns}:edges:<id>    ZSET every edge set the scan found
-- ARGV[1]    edge_writes as read before the scan ("" when it was unset)
-- Reply:     {"ok", edges}: the count now (also when a pass had already established it);
--            {"empty"}: the namespace holds nothing; nothing written;
--            {"retry"}: an edge set was written since the read; nothing changed.
local stored = redis.call('HGET', KEYS[1], 'edges')
if stored then return {'ok', tonumber(stored)} end
if (redis.call('HGET', KEYS[1], 'edge_writes') or '') ~= ARGV[1] then
    return {'retry'}
end
local total = 0
for i = 5, #KEYS do
    total = total + redis.call('ZCARD', KEYS[i])
end
if total == 0 and ARGV[1] == '' and redis.call('HLEN', KEYS[2]) == 0 and redis.call('ZCARD', KEYS[3]) == 0
        and redis.call('ZCARD', KEYS[4]) == 0 then
    return {'empty'}
end
redis.call('HSET', KEYS[1], 'edges', total)
return {'ok', total}
