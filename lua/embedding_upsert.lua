-- embedding_upsert: store one record's vector and document, atomically, refusing a model or
-- dimension that differs from the namespace's (the first write fixes both), and append the
-- change to the namespace's change log.
-- include: change_log.lua
--
-- KEYS[1]  engram:{ns}:emb      HASH   {model, dimensions, log_seq} of the namespace
-- KEYS[2]  engram:{ns}:vec      HASH   record_id -> float32 little-endian vector bytes
-- KEYS[3]  engram:{ns}:doc      HASH   record_id -> msgpack {text, model, updated_at, metadata}
-- KEYS[4]  engram:{ns}:changes  STREAM the change log
-- ARGV[1]  record_id
-- ARGV[2]  model id of the vector
-- ARGV[3]  dimensions of the vector (integer)
-- ARGV[4]  vector bytes (4 * dimensions)
-- ARGV[5]  document (msgpack)
-- ARGV[6]  change-log length (approximate MAXLEN)
--
-- Reply: {status, namespace_model, namespace_dimensions, change_id}; status is "created",
-- "updated", "model_mismatch" or "dimension_mismatch" (nothing written in the last two cases,
-- and change_id is then the newest entry of the log).

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
if not model then
  redis.call('HSET', KEYS[1], 'model', ARGV[2], 'dimensions', ARGV[3])
end
local created = redis.call('HSET', KEYS[2], ARGV[1], ARGV[4])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[5])
local change_id = log_change(KEYS[1], KEYS[4], ARGV[6], 'upsert', ARGV[1])
if created == 1 then
  return {'created', ARGV[2], ARGV[3], change_id}
end
return {'updated', ARGV[2], ARGV[3], change_id}
