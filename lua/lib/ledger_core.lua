-- ledger_core.lua: resolving a record's open prediction (spec 001) with the feedback into
-- confidence (spec 004), shared by ledger_resolve.lua and record_outcome.lua.
-- Needs confidence_core.lua included before it.
--
-- pred_key: HASH record_id -> msgpack {predicted, created_at, resolved, [actual | outcome],
--   [resolved_at], [prediction_error]}; errors_key: ZSET record_id -> latest error;
--   conf_key, ids_key: as in confidence_core.lua. All must be in the caller's KEYS.
--
-- Error of "actual" (spec 001): the mean over the union of keys of
--   numbers: |p - a| / max(|p|, |a|, 1); other values: 0 if the same type and value,
--   else 1 (booleans are not numbers); a key missing on either side: 1. No keys: 0.

-- Per-key error. The scaled form is used only when p - a overflows (opposite huge values).
local function ledger_value_error(p, a)
    if type(p) == 'number' and type(a) == 'number' then
        local m = math.max(math.abs(p), math.abs(a), 1)
        local d = math.abs(p - a)
        if d == math.huge then
            return math.abs(p / m - a / m)
        end
        return d / m
    end
    if type(p) == type(a) and p == a then
        return 0
    end
    return 1
end

local function ledger_prediction_error(predicted, actual)
    local sum, n = 0, 0
    for k, p in pairs(predicted) do
        local a = actual[k]
        if a == nil then
            sum = sum + 1
        else
            sum = sum + ledger_value_error(p, a)
        end
        n = n + 1
    end
    for k, _ in pairs(actual) do
        if predicted[k] == nil then
            sum = sum + 1
            n = n + 1
        end
    end
    if n == 0 then
        return 0
    end
    return sum / n
end

-- Resolve record_id's open prediction at `now` (epoch seconds), either against `actual`
-- (a table) or, when actual is nil, with `outcome` (a name) and its error `outcome_error`.
-- cfg: numbers initial_confidence, evidence_cap, error_threshold, low_signal.
-- An error strictly above error_threshold applies low_signal to the record's confidence.
-- Returns status ("no_prediction" and "already_resolved" change nothing, or "resolved"),
-- then, when resolved, the error as a "%.17g" string and the confidence state reply when
-- feedback applied (else nil).
local function ledger_resolve(pred_key, errors_key, conf_key, ids_key, record_id, now,
                              actual, outcome, outcome_error, cfg)
    local raw = redis.call('HGET', pred_key, record_id)
    if not raw then
        return 'no_prediction'
    end
    local prediction = cmsgpack.unpack(raw)
    if prediction.resolved then
        return 'already_resolved'
    end

    local err
    if actual then
        err = ledger_prediction_error(prediction.predicted or {}, actual)
        prediction.actual = actual
    else
        err = outcome_error
        prediction.outcome = outcome
    end
    prediction.resolved = true
    prediction.resolved_at = now
    prediction.prediction_error = err

    local err_text = string.format('%.17g', err)
    redis.call('HSET', pred_key, record_id, cmsgpack.pack(prediction))
    redis.call('ZADD', errors_key, err_text, record_id)

    if err > cfg.error_threshold then
        return 'resolved', err_text, confidence_apply(conf_key, ids_key, record_id, cfg.low_signal,
            cfg.initial_confidence, cfg.evidence_cap)
    end
    return 'resolved', err_text, nil
end
