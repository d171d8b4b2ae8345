-- record_delete.lua: remove one record from all four signals at once: its confidence entry,
-- its edges and every edge pointing at it, its prediction and error, its vector and text,
-- its times (created, updated, used, expiry) and its text-hash entries. Optionally only if a
-- forgetting condition still holds (checked first, atomically with the deletion).
-- The neighbours' keys are known only at run time: the caller reads the record's in-set and
-- edge set first and passes every neighbour key; this script re-checks that nothing new
-- appeared meanwhile (else it changes nothing and replies "retry"). In settle mode (the
-- caller's last attempt) it deletes everything it was given and keeps only the edges that
-- appeared since the read, whose other keys it cannot touch: as if they were linked just
-- after the deletion. Their in-set members and edge-set members stay, so they stay findable.
-- A removed vector is appended to the namespace's change log, so replicas evict it.
-- include: change_log.lua
-- include: edges_core.lua
--
-- KEYS[1]  engram:{ns}:conf          HASH record_id -> confidence state
-- KEYS[2]  engram:{ns}:conf:ids      ZSET record_id (listing cursor)
-- KEYS[3]  engram:{ns}:pred          HASH record_id -> prediction
-- KEYS[4]  engram:{ns}:pred:ids      ZSET record_id (listing cursor)
-- KEYS[5]  engram:{ns}:errors        ZSET record_id -> prediction error
-- KEYS[6]  engram:{ns}:vec           HASH record_id -> vector
-- KEYS[7]  engram:{ns}:doc           HASH record_id -> document
-- KEYS[8]  engram:{ns}:edges:<id>    ZSET the record's own edges
-- KEYS[9]  engram:{ns}:in:<id>       SET  sources with an edge to the record
-- KEYS[9 + i], i = 1..n_in           engram:{ns}:edges:<ARGV[3 + i]>, each in-source's edges
-- KEYS[9 + n_in + 2j - 1], KEYS[9 + n_in + 2j], j = 1..n_out
--                                    engram:{ns}:edges:<t>, engram:{ns}:in:<t> of each
--                                    out-neighbour t = ARGV[3 + n_in + j]
-- KEYS[t + 1]  engram:{ns}:emb       HASH   {model, dimensions, log_seq}, t = 9 + n_in + 2 n_out
-- KEYS[t + 2]  engram:{ns}:changes   STREAM the change log
-- KEYS[t + 3]  engram:{ns}:created   ZSET record_id -> created_at, ms
-- KEYS[t + 4]  engram:{ns}:updated   ZSET record_id -> updated_at, ms
-- KEYS[t + 5]  engram:{ns}:used      ZSET record_id -> last_used_at, ms
-- KEYS[t + 6]  engram:{ns}:expiry    ZSET record_id -> expires_at, ms
-- KEYS[t + 7]  engram:{ns}:texts     HASH sha1(text) -> record_id (only this record's entry goes)
-- KEYS[t + 8]  engram:{ns}:text_of   HASH record_id -> sha1(text)
-- KEYS[t + 9]  engram:{ns}:doc:ids   ZSET record_id, score 0 (ListRecords' cursor)
-- KEYS[t + 10] engram:{ns}:stats     HASH the namespace's edge count (edges_core.lua)
-- ARGV[1]  record id
-- ARGV[2]  n_in, ARGV[3] n_out
-- ARGV[4 .. 3 + n_in]                in-sources as read (SMEMBERS in:<id>)
-- ARGV[4 + n_in .. 3 + n_in + n_out] out-neighbours as read (ZRANGE edges:<id>)
-- ARGV[4 + n_in + n_out]             "1": settle mode (never replies "retry"); else "0"
-- ARGV[5 + n_in + n_out]             change-log length (approximate MAXLEN)
-- ARGV[6 + n_in + n_out]             condition (the forgetting sweeper's re-check, so a
--                                    record written again since it was selected survives):
--                                    "" none; "expired": delete only if the record's expires_at
--                                    is at or before `cutoff`; "low_confidence_unused": only if its confidence
--                                    (stored, else `initial`) is below `threshold` and its
--                                    last_used_at, or if never used its created_at, is at or
--                                    before `cutoff` (a record with neither is kept)
-- ARGV[7 + n_in + n_out]             cutoff, ms since the epoch (with a condition)
-- ARGV[8 + n_in + n_out]             threshold (low_confidence_unused)
-- ARGV[9 + n_in + n_out]             initial confidence of the namespace (low_confidence_unused)
-- Reply:   {"kept"}: the condition does not hold; nothing changed.
--          {"retry", sources, targets}: the in-set or edge set now holds a member not passed;
--          nothing changed; sources and targets are their current members, for the next try.
--          {"deleted", removed_edge_count, found (1 if anything was stored for the record),
--           change_id (the change-log entry of the removed vector, else the newest entry),
--           had_vector (1 if a vector was removed and logged)}
local id = ARGV[1]
local n_in, n_out = tonumber(ARGV[2]), tonumber(ARGV[3])

local passed_in, passed_out = {}, {}
for i = 1, n_in do passed_in[ARGV[3 + i]] = true end
for j = 1, n_out do passed_out[ARGV[3 + n_in + j]] = true end
local settle = ARGV[4 + n_in + n_out] == '1'
local t = 9 + n_in + 2 * n_out
local emb_key, log_key = KEYS[t + 1], KEYS[t + 2]
local created_key, updated_key, used_key, expiry_key = KEYS[t + 3], KEYS[t + 4], KEYS[t + 5], KEYS[t + 6]
local texts_key, text_of_key, record_ids_key = KEYS[t + 7], KEYS[t + 8], KEYS[t + 9]

local condition = ARGV[6 + n_in + n_out] or ''
if condition ~= '' then
    local cutoff = tonumber(ARGV[7 + n_in + n_out])
    if condition == 'expired' then
        local expires = tonumber(redis.call('ZSCORE', expiry_key, id))
        if not expires or expires > cutoff then return {'kept'} end
    elseif condition == 'low_confidence_unused' then
        local threshold, initial = tonumber(ARGV[8 + n_in + n_out]), tonumber(ARGV[9 + n_in + n_out])
        local last = tonumber(redis.call('ZSCORE', used_key, id) or redis.call('ZSCORE', created_key, id))
        if not last or last > cutoff then return {'kept'} end
        local confidence = initial
        local raw = redis.call('HGET', KEYS[1], id)
        if raw then confidence = tonumber(cmsgpack.unpack(raw).confidence) or initial end
        if not (confidence < threshold) then return {'kept'} end
    else
        return redis.error_reply('unknown condition ' .. condition)
    end
end
local sources = redis.call('SMEMBERS', KEYS[9])
local targets = redis.call('ZRANGE', KEYS[8], 0, -1)
local new_in, new_out = 0, 0
for _, source in ipairs(sources) do
    if not passed_in[source] then new_in = new_in + 1 end
end
for _, target in ipairs(targets) do
    if not passed_out[target] then new_out = new_out + 1 end
end
if (new_in > 0 or new_out > 0) and not settle then
    return {'retry', sources, targets}
end

local found = 0
local function count(n) found = found + n end
count(redis.call('HDEL', KEYS[1], id))
count(redis.call('ZREM', KEYS[2], id))
count(redis.call('HDEL', KEYS[3], id))
count(redis.call('ZREM', KEYS[4], id))
count(redis.call('ZREM', KEYS[5], id))
local had_vector = redis.call('HDEL', KEYS[6], id)
count(had_vector)
count(redis.call('HDEL', KEYS[7], id))
count(redis.call('ZREM', record_ids_key, id))
count(redis.call('ZREM', created_key, id))
count(redis.call('ZREM', updated_key, id))
count(redis.call('ZREM', used_key, id))
count(redis.call('ZREM', expiry_key, id))
local digest = redis.call('HGET', text_of_key, id)
if digest then
    count(redis.call('HDEL', text_of_key, id))
    -- Another record may hold the same text now (it took the entry over): leave it its entry.
    if redis.call('HGET', texts_key, digest) == id then redis.call('HDEL', texts_key, digest) end
end
local change_id
if had_vector == 1 then
    change_id = log_change(emb_key, log_key, ARGV[5 + n_in + n_out], 'delete', id)
else
    change_id = last_change(log_key)
end

local removed = 0
if new_out == 0 then
    removed = redis.call('ZCARD', KEYS[8])
    count(redis.call('DEL', KEYS[8]))
else  -- settle: keep the edges that appeared since the read
    for j = 1, n_out do removed = removed + redis.call('ZREM', KEYS[8], ARGV[3 + n_in + j]) end
end
if new_in == 0 then
    count(redis.call('DEL', KEYS[9]))
else  -- settle: keep the sources whose edges this call cannot reach
    for i = 1, n_in do redis.call('SREM', KEYS[9], ARGV[3 + i]) end
end

-- Edges pointing at the record: from every source of the in-set, and, should the index
-- miss one, from every out-neighbour (a mirrored edge). A key passed twice removes once.
for i = 1, n_in do
    removed = removed + redis.call('ZREM', KEYS[9 + i], id)
end
for j = 1, n_out do
    local base = 9 + n_in + 2 * j
    removed = removed + redis.call('ZREM', KEYS[base - 1], id)
    redis.call('SREM', KEYS[base], id)
end
if removed > 0 then found = 1 end
edges_removed(removed)
edges_count_commit(KEYS[t + 10])
return {'deleted', removed, math.min(found, 1), change_id, had_vector}
