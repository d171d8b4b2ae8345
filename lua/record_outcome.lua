-- record_outcome.lua: the outcome of one decision for the records retrieved together for
-- it (the seeds' ObservationProtocol), atomically within the namespace. Per record, in
-- order: (a) the outcome's confidence signal, if any; (b) resolve its open prediction with
-- the namespace's outcome error (lib/ledger_core.lua: no_prediction and already_resolved
-- change nothing; an error above error_threshold applies low_signal). Then (c), when an
-- edge delta is given, every ordered pair (a, b), a ~= b, is strengthened by it (capped at
-- weight_cap, pruned to max_edges). (d) When told to (acted and used), every record's
-- last_used_at is set to now (ZADD ``used``, ms). The caller chooses signal, resolution,
-- delta and use from the outcome, so the policy lives in one place (engram.domain.outcomes).
-- include: config_core.lua
-- include: confidence_core.lua
-- include: ledger_core.lua
-- include: edges_core.lua
--
-- KEYS[1]  engram:{ns}:config    HASH field -> number
-- KEYS[2]  engram:{ns}:conf      HASH record_id -> msgpack confidence state
-- KEYS[3]  engram:{ns}:conf:ids  ZSET record_id, score 0
-- KEYS[4]  engram:{ns}:pred      HASH record_id -> msgpack prediction
-- KEYS[5]  engram:{ns}:errors    ZSET record_id -> latest prediction error
-- KEYS[4+2i], KEYS[5+2i]  engram:{ns}:edges:<id_i> (ZSET), engram:{ns}:in:<id_i> (SET),
--          for the i-th record id (i from 1)
-- KEYS[#KEYS - 1]  engram:{ns}:stats  HASH the namespace's edge count (edges_core.lua)
-- KEYS[#KEYS]  engram:{ns}:used  ZSET record_id -> last_used_at, ms since the epoch (last,
--          so the layout above is unchanged)
-- ARGV[1]  now: seconds since the epoch (repr of a double)
-- ARGV[2]  outcome name (stored on resolved predictions; names outcome_error_<outcome>)
-- ARGV[3]  confidence signal in [0, 1], or "" for none
-- ARGV[4]  "1" to resolve open predictions, "0" not to
-- ARGV[5]  edge delta > 0, or "" for no strengthening
-- ARGV[6..12] defaults of initial_confidence, evidence_cap, error_threshold, low_signal,
--          outcome_error_<outcome>, weight_cap, max_edges
-- ARGV[13] "1" to set each record's last_used_at to now (in ms), "0" not to
-- ARGV[14..] the record ids, distinct
-- Reply:   {strengthened edge count, per record {status, error, confidence,
--          evidence_count, corroborations, contradictions}}: status "resolved",
--          "no_prediction", "already_resolved" or "" (not resolving); error a "%.17g"
--          string or ""; confidence a "%.17g" string, the record's state after (a) and (b).
local first_id = 14
local outcome_field = 'outcome_error_' .. ARGV[2]
local names = {'initial_confidence', 'evidence_cap', 'error_threshold', 'low_signal',
    outcome_field, 'weight_cap', 'max_edges'}
local defaults = {}
for i = 1, #names do
    defaults[i] = tonumber(ARGV[5 + i])
end
local cfg = config_numbers(KEYS[1], names, defaults)

local now = tonumber(ARGV[1])
local signal = tonumber(ARGV[3])
local resolve = ARGV[4] == '1'
local delta = tonumber(ARGV[5])
local mark_used = ARGV[13] == '1'
local used_key = KEYS[#KEYS]
local ids = {}
for i = first_id, #ARGV do
    ids[#ids + 1] = ARGV[i]
end

local reply = {0}
for _, id in ipairs(ids) do
    if signal then
        confidence_apply(KEYS[2], KEYS[3], id, signal, cfg.initial_confidence, cfg.evidence_cap)
    end
    local status, err_text = '', ''
    if resolve then
        local resolved_error
        status, resolved_error = ledger_resolve(KEYS[4], KEYS[5], KEYS[2], KEYS[3], id, now,
            nil, ARGV[2], cfg[outcome_field], cfg)
        err_text = resolved_error or ''
    end
    if mark_used then
        -- ms as an integer string: ZADD keeps doubles exactly, and scores compare with the
        -- expiry and creation times written in ms elsewhere.
        redis.call('ZADD', used_key, string.format('%d', math.floor(now * 1000)), id)
    end
    local state = confidence_state(KEYS[2], id, cfg.initial_confidence)
    reply[#reply + 1] = {status, err_text, state[1], state[2], state[3], state[4]}
end

if delta and #ids >= 2 then
    local count = 0
    for a = 1, #ids do
        for b = 1, #ids do
            if a ~= b then
                edges_strengthen(KEYS[4 + 2 * a], KEYS[5 + 2 * b], ids[a], ids[b], delta,
                    cfg.weight_cap, cfg.max_edges)
                count = count + 1
            end
        end
    end
    reply[1] = count
end
edges_count_commit(KEYS[#KEYS - 1])
return reply
