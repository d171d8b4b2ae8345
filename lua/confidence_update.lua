-- confidence_update.lua: one capped-evidence Bayesian confidence update (spec 004), with
-- the namespace's stored initial_confidence and evidence_cap.
-- include: config_core.lua
-- include: confidence_core.lua
--
-- KEYS[1]  engram:{ns}:config    HASH field -> number (initial_confidence, evidence_cap)
-- KEYS[2]  engram:{ns}:conf      HASH record_id -> msgpack {confidence, evidence_count,
--                                corroborations, contradictions}
-- KEYS[3]  engram:{ns}:conf:ids  ZSET record_id, score 0 (listing index)
-- ARGV[1]  record_id
-- ARGV[2]  signal in [0, 1] (repr of a double)
-- ARGV[3]  default initial_confidence, ARGV[4] default evidence_cap (used when unset)
-- Reply:   {confidence ("%.17g" string), evidence_count, corroborations, contradictions}
local cfg = config_numbers(KEYS[1], {'initial_confidence', 'evidence_cap'},
    {tonumber(ARGV[3]), tonumber(ARGV[4])})
return confidence_apply(KEYS[2], KEYS[3], ARGV[1], tonumber(ARGV[2]),
    cfg.initial_confidence, cfg.evidence_cap)
