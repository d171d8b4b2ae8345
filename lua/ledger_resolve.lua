-- ledger_resolve.lua: resolve a record's prediction against what happened (spec 001),
-- atomically: read the prediction, compute its error, mark it resolved, rank the error,
-- and when the error exceeds the threshold lower the record's confidence (spec 004).
-- include: confidence_core.lua
--
-- KEYS[1]  engram:{ns}:pred    HASH record_id -> msgpack {predicted, created_at, resolved,
--                              [actual | outcome], [resolved_at], [prediction_error]}
-- KEYS[2]  engram:{ns}:errors  ZSET record_id -> prediction error of its latest resolution
-- KEYS[3]  engram:{ns}:conf    HASH record_id -> msgpack confidence state
-- ARGV[1]  record_id
-- ARGV[2]  now: resolution time, seconds since the epoch (repr of a double)
-- ARGV[3]  "actual" or "outcome"
-- ARGV[4]  "actual": msgpack map name -> number | string | boolean; "outcome": its name
-- ARGV[5]  "outcome": the outcome's error (repr of a double); "actual": ignored
-- ARGV[6]  error_threshold: an error strictly above it feeds back into confidence
-- ARGV[7]  low_signal: the confidence signal that feedback applies
-- ARGV[8]  initial_confidence, ARGV[9] evidence_cap (as for confidence_update.lua)
-- Reply:   {"no_prediction"} or {"already_resolved"} (nothing changed), or
--          {"resolved", error} or
--          {"resolved", error, confidence, evidence_count, corroborations, contradictions}
--          when feedback applied; error and confidence are "%.17g" strings.
--
-- Error of "actual" (spec 001): the mean over the union of keys of
--   numbers: |p - a| / max(|p|, |a|, 1); other values: 0 if the same type and value,
--   else 1 (booleans are not numbers); a key missing on either side: 1. No keys: 0.

-- Per-key error. The scaled form is used only when p - a overflows (opposite huge values).
local function value_error(p, a)
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

local function prediction_error(predicted, actual)
    local sum, n = 0, 0
    for k, p in pairs(predicted) do
        local a = actual[k]
        if a == nil then
            sum = sum + 1
        else
            sum = sum + value_error(p, a)
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

local record_id = ARGV[1]
local raw = redis.call('HGET', KEYS[1], record_id)
if not raw then
    return {'no_prediction'}
end
local prediction = cmsgpack.unpack(raw)
if prediction.resolved then
    return {'already_resolved'}
end

local err
if ARGV[3] == 'actual' then
    local actual = cmsgpack.unpack(ARGV[4])
    err = prediction_error(prediction.predicted or {}, actual)
    prediction.actual = actual
else
    err = tonumber(ARGV[5])
    prediction.outcome = ARGV[4]
end
prediction.resolved = true
prediction.resolved_at = tonumber(ARGV[2])
prediction.prediction_error = err

local err_text = string.format('%.17g', err)
redis.call('HSET', KEYS[1], record_id, cmsgpack.pack(prediction))
redis.call('ZADD', KEYS[2], err_text, record_id)

if err > tonumber(ARGV[6]) then
    local state = confidence_apply(KEYS[3], record_id, tonumber(ARGV[7]),
        tonumber(ARGV[8]), tonumber(ARGV[9]))
    return {'resolved', err_text, state[1], state[2], state[3], state[4]}
end
return {'resolved', err_text}
