-- confidence_core.lua: the capped-evidence Bayesian update of spec 004, as local functions.
-- Included (prepended) by confidence_update.lua, ledger_resolve.lua and record_outcome.lua
-- so every confidence change uses the same formula inside its own atomic script.
--
-- conf_key: the namespace's confidence HASH (record_id -> msgpack map {confidence,
--   evidence_count, corroborations, contradictions}); ids_key: its listing ZSET (record_id,
--   score 0). Both must be in the caller's KEYS.
-- A state reply is {confidence as a "%.17g" string, evidence_count, corroborations,
-- contradictions} (a string because Redis truncates Lua numbers in replies).

-- The record's state as numbers c, n, corroborations, contradictions; an absent record is
-- at `initial` with zero counts.
local function confidence_read(conf_key, record_id, initial)
    local state = {}
    local raw = redis.call('HGET', conf_key, record_id)
    if raw then
        state = cmsgpack.unpack(raw)
    end
    return tonumber(state.confidence) or initial, tonumber(state.evidence_count) or 0,
        tonumber(state.corroborations) or 0, tonumber(state.contradictions) or 0
end

local function confidence_reply(c, n, corroborations, contradictions)
    return {string.format('%.17g', c), n, corroborations, contradictions}
end

-- The record's state reply, unchanged.
local function confidence_state(conf_key, record_id, initial)
    return confidence_reply(confidence_read(conf_key, record_id, initial))
end

-- Apply one observation; signal, initial in [0, 1], cap an integer >= 1:
--   n_eff = min(evidence_count + 1, cap)   (the +1 is the prior's pseudo-count)
--   c'    = clamp(c + (signal - c) / (n_eff + 1), 0, 1)
-- evidence_count counts real observations; signal >= 0.5 corroborates, else contradicts.
-- Stores the state, indexes record_id in ids_key, returns the new state reply.
local function confidence_apply(conf_key, ids_key, record_id, signal, initial, cap)
    local c, n, corroborations, contradictions = confidence_read(conf_key, record_id, initial)

    local n_eff = math.min(n + 1, cap)
    c = c + (signal - c) / (n_eff + 1)
    if c < 0 then c = 0 elseif c > 1 then c = 1 end

    n = n + 1
    if signal >= 0.5 then
        corroborations = corroborations + 1
    else
        contradictions = contradictions + 1
    end

    redis.call('HSET', conf_key, record_id, cmsgpack.pack({
        confidence = c,
        evidence_count = n,
        corroborations = corroborations,
        contradictions = contradictions,
    }))
    redis.call('ZADD', ids_key, 0, record_id)
    return confidence_reply(c, n, corroborations, contradictions)
end
