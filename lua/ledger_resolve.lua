-- ledger_resolve.lua: resolve a record's prediction against what happened (spec 001),
-- atomically: read the prediction, compute its error, mark it resolved, rank the error,
-- and when the error exceeds the namespace's error_threshold lower the record's
-- confidence with low_signal (spec 004). Formula and states in lib/ledger_core.lua.
-- include: config_core.lua
-- include: confidence_core.lua
-- include: ledger_core.lua
--
-- KEYS[1]  engram:{ns}:config    HASH field -> number (initial_confidence, evidence_cap,
--                                error_threshold, low_signal, outcome_error_<outcome>)
-- KEYS[2]  engram:{ns}:pred      HASH record_id -> msgpack prediction
-- KEYS[3]  engram:{ns}:errors    ZSET record_id -> prediction error of its latest resolution
-- KEYS[4]  engram:{ns}:conf      HASH record_id -> msgpack confidence state
-- KEYS[5]  engram:{ns}:conf:ids  ZSET record_id, score 0
-- ARGV[1]  record_id
-- ARGV[2]  now: resolution time, seconds since the epoch (repr of a double)
-- ARGV[3]  "actual" or "outcome"
-- ARGV[4]  "actual": msgpack map name -> number | string | boolean; "outcome": its name
-- ARGV[5..8] defaults of initial_confidence, evidence_cap, error_threshold, low_signal
-- ARGV[9]  "outcome": default of outcome_error_<outcome>; "actual": ignored
-- Reply:   {"no_prediction"} or {"already_resolved"} (nothing changed), or
--          {"resolved", error} or
--          {"resolved", error, confidence, evidence_count, corroborations, contradictions}
--          when feedback applied; error and confidence are "%.17g" strings.
local names = {'initial_confidence', 'evidence_cap', 'error_threshold', 'low_signal'}
local defaults = {tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])}
local actual, outcome
if ARGV[3] == 'actual' then
    actual = cmsgpack.unpack(ARGV[4])
else
    outcome = ARGV[4]
    names[5] = 'outcome_error_' .. outcome
    defaults[5] = tonumber(ARGV[9])
end
local cfg = config_numbers(KEYS[1], names, defaults)

local status, err_text, state = ledger_resolve(KEYS[2], KEYS[3], KEYS[4], KEYS[5], ARGV[1],
    tonumber(ARGV[2]), actual, outcome, outcome and cfg[names[5]], cfg)
if status ~= 'resolved' then
    return {status}
end
if state then
    return {status, err_text, state[1], state[2], state[3], state[4]}
end
return {status, err_text}
