-- change_log.lua: the change log of a namespace's vectors, a Redis Stream every server tails
-- to keep its in-memory index fresh (DESIGN.md, "Cross-replica freshness").
--
-- log_change(emb_key, log_key, max_length, op, record_id)
--   emb_key: engram:{ns}:emb HASH; its field log_seq numbers the entries 1, 2, 3, ... so a
--     reader that finds a gap knows entries were trimmed (or the namespace was recreated)
--     and reloads. log_key: engram:{ns}:changes STREAM. Both must be in KEYS.
--   op: "upsert" or "delete". Entries name the record only: a reader reads its current
--     state, which makes applying an entry idempotent.
--   Returns the entry's stream id ("<ms>-<n>"), the write's consistency token.
-- last_change(log_key): the id of the newest entry, "0-0" when the log is empty.
local function log_change(emb_key, log_key, max_length, op, record_id)
    local seq = redis.call('HINCRBY', emb_key, 'log_seq', 1)
    return redis.call('XADD', log_key, 'MAXLEN', '~', max_length, '*',
                      'seq', seq, 'op', op, 'id', record_id)
end

local function last_change(log_key)
    local newest = redis.call('XREVRANGE', log_key, '+', '-', 'COUNT', 1)
    if #newest == 0 then return '0-0' end
    return newest[1][1]
end
