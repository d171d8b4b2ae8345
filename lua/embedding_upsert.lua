-- embedding_upsert: store one record's vector and document, atomically, refusing a model or
-- dimension that differs from the namespace's (the first write fixes both), and append the
-- change to the namespace's change log. Also keeps the record's times (created_at on the
-- first write, updated_at on every write), its expiry, and the SHA-1 of its text. With
-- deduplication on, a text that duplicates another live record (an identical text, or the
-- near-duplicate candidate the caller found in its index) is not stored: that record gets a
-- corroborating confidence observation instead (spec 004's update), in the same step, so two
-- writers racing with one text end with one record and one corroboration.
-- include: change_log.lua
-- include: config_core.lua
-- include: confidence_core.lua
--
-- KEYS[1]  engram:{ns}:emb      HASH   {model, dimensions, log_seq} of the namespace
-- KEYS[2]  engram:{ns}:vec      HASH   record_id -> float32 little-endian vector bytes
-- KEYS[3]  engram:{ns}:doc      HASH   record_id -> msgpack {text, model, updated_at, metadata}
-- KEYS[4]  engram:{ns}:changes  STREAM the change log
-- KEYS[5]  engram:{ns}:created  ZSET   record_id -> created_at (ms)
-- KEYS[6]  engram:{ns}:updated  ZSET   record_id -> updated_at (ms)
-- KEYS[7]  engram:{ns}:expiry   ZSET   record_id -> expires_at (ms)
-- KEYS[8]  engram:{ns}:texts    HASH   sha1(text) -> record_id
-- KEYS[9]  engram:{ns}:text_of  HASH   record_id -> sha1(text)
-- KEYS[10] engram:{ns}:config   HASH   field -> number (default_ttl, initial_confidence, evidence_cap)
-- KEYS[11] engram:{ns}:conf     HASH   record_id -> msgpack confidence state
-- KEYS[12] engram:{ns}:conf:ids ZSET   record_id, score 0
-- KEYS[13] engram:{ns}:doc:ids  ZSET   record_id, score 0 (ListRecords' cursor; not on a duplicate)
-- ARGV[1]  record_id
-- ARGV[2]  model id of the vector
-- ARGV[3]  dimensions of the vector (integer)
-- ARGV[4]  vector bytes (4 * dimensions)
-- ARGV[5]  document (msgpack)
-- ARGV[6]  change-log length (approximate MAXLEN)
-- ARGV[7]  now, ms since the epoch
-- ARGV[8]  expires_at in ms, or "" for the namespace's default_ttl (seconds; 0 or unset: none)
-- ARGV[9]  the record's text ("" for a bare vector: no text hash)
-- ARGV[10] "1": deduplicate; "0": store whatever
-- ARGV[11] near-duplicate candidate record_id ("" for none), ARGV[12] its cosine (string)
-- ARGV[13] corroboration signal, ARGV[14] default initial_confidence, ARGV[15] default evidence_cap
--
-- Reply: {status, namespace_model, namespace_dimensions, change_id, created_at_ms,
-- expires_at_ms or "", duplicate_of, duplicate_score, confidence state...}: status
-- "created", "updated", "duplicate" (nothing stored but the corroboration; change_id is then
-- the newest entry of the log), "model_mismatch" or "dimension_mismatch" (nothing written).

local id, now = ARGV[1], tonumber(ARGV[7])
local model = redis.call('HGET', KEYS[1], 'model')
local dims = redis.call('HGET', KEYS[1], 'dimensions')
if model and model ~= ARGV[2] then
  return {'model_mismatch', model, dims, last_change(KEYS[4])}
end
if dims and tonumber(dims) ~= tonumber(ARGV[3]) then
  return {'dimension_mismatch', model, dims, last_change(KEYS[4])}
end
if string.len(ARGV[4]) ~= 4 * tonumber(ARGV[3]) then
  return redis.error_reply('vector bytes do not match dimensions')
end

-- A record counts only while it has a vector and has not expired.
local function live(record_id)
  if redis.call('HEXISTS', KEYS[2], record_id) == 0 then return false end
  local expires = redis.call('ZSCORE', KEYS[7], record_id)
  return not expires or tonumber(expires) > now
end

local text_hash = false
if ARGV[9] ~= '' then text_hash = redis.sha1hex(ARGV[9]) end
if ARGV[10] == '1' then
  local duplicate, score = false, ARGV[12]
  if text_hash then
    local same = redis.call('HGET', KEYS[8], text_hash)
    if same and same ~= id and live(same) then duplicate, score = same, '1' end
  end
  if not duplicate and ARGV[11] ~= '' and ARGV[11] ~= id and live(ARGV[11]) then duplicate = ARGV[11] end
  if duplicate then
    local cfg = config_numbers(KEYS[10], {'initial_confidence', 'evidence_cap'},
        {tonumber(ARGV[14]), tonumber(ARGV[15])})
    local state = confidence_apply(KEYS[11], KEYS[12], duplicate, tonumber(ARGV[13]),
        cfg.initial_confidence, cfg.evidence_cap)
    return {'duplicate', model, dims, last_change(KEYS[4]), '', '', duplicate, score,
        state[1], state[2], state[3], state[4]}
  end
end

if not model then
  redis.call('HSET', KEYS[1], 'model', ARGV[2], 'dimensions', ARGV[3])
end
local created = redis.call('HSET', KEYS[2], id, ARGV[4])
redis.call('HSET', KEYS[3], id, ARGV[5])
redis.call('ZADD', KEYS[13], 0, id)
redis.call('ZADD', KEYS[5], 'NX', now, id)
redis.call('ZADD', KEYS[6], now, id)

local expires = tonumber(ARGV[8])
if not expires then
  local ttl = tonumber(redis.call('HGET', KEYS[10], 'default_ttl'))
  if ttl and ttl > 0 then expires = now + ttl * 1000 end
end
if expires then
  redis.call('ZADD', KEYS[7], expires, id)
else
  redis.call('ZREM', KEYS[7], id)
end

local old_hash = redis.call('HGET', KEYS[9], id)
if old_hash and old_hash ~= text_hash and redis.call('HGET', KEYS[8], old_hash) == id then
  redis.call('HDEL', KEYS[8], old_hash)
end
if text_hash then
  redis.call('HSET', KEYS[8], text_hash, id)
  redis.call('HSET', KEYS[9], id, text_hash)
elseif old_hash then
  redis.call('HDEL', KEYS[9], id)
end

local change_id = log_change(KEYS[1], KEYS[4], ARGV[6], 'upsert', id)
local created_at = redis.call('ZSCORE', KEYS[5], id)
local expires_text = ''
if expires then expires_text = string.format('%.17g', expires) end
local status = 'updated'
if created == 1 then status = 'created' end
return {status, ARGV[2], ARGV[3], change_id, created_at, expires_text}
