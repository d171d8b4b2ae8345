-- confidence_core.lua: the capped-evidence Bayesian update of spec 004, as a local
-- function. Included (prepended) by confidence_update.lua and ledger_resolve.lua so the
-- ledger's feedback changes confidence with the same formula inside its own script.
--
-- confidence_apply(hash_key, record_id, signal, initial, cap)
--   hash_key: the namespace's confidence HASH (record_id -> msgpack map
--     {confidence, evidence_count, corroborations, contradictions}); must be in the
--     caller's KEYS.
--   signal, initial: numbers in [0, 1]; cap: integer >= 1.
--   An absent record starts at `initial` with zero counts.
--     n_eff = min(evidence_count + 1, cap)   (the +1 is the prior's pseudo-count)
--     c'    = clamp(c + (signal - c) / (n_eff + 1), 0, 1)
--   evidence_count counts real observations; signal >= 0.5 corroborates, else contradicts.
--   Returns {confidence as a "%.17g" string, evidence_count, corroborations, contradictions}
--   (the confidence is a string because Redis truncates Lua numbers in replies).
local function confidence_apply(hash_key, record_id, signal, initial, cap)
    local state = {}
    local raw = redis.call('HGET', hash_key, record_id)
    if raw then
        state = cmsgpack.unpack(raw)
    end
    local c = tonumber(state.confidence) or initial
    local n = tonumber(state.evidence_count) or 0
    local corroborations = tonumber(state.corroborations) or 0
    local contradictions = tonumber(state.contradictions) or 0

    local n_eff = math.min(n + 1, cap)
    c = c + (signal - c) / (n_eff + 1)
    if c < 0 then c = 0 elseif c > 1 then c = 1 end

    n = n + 1
    if signal >= 0.5 then
        corroborations = corroborations + 1
    else
        contradictions = contradictions + 1
    end

    redis.call('HSET', hash_key, record_id, cmsgpack.pack({
        confidence = c,
        evidence_count = n,
        corroborations = corroborations,
        contradictions = contradictions,
    }))
    return {string.format('%.17g', c), n, corroborations, contradictions}
end
