-- embedding_delete: remove one record's vector and document together, with its times
-- (created, updated, expiry) and its text-hash entries, and append the change to the
-- namespace's change log. last_used_at (``used``) stays: it belongs to the record's
-- confidence side (outcomes), which this call leaves alone.
-- include: change_log.lua
--
-- KEYS[1]  engram:{ns}:emb      HASH   {model, dimensions, log_seq}
-- KEYS[2]  engram:{ns}:vec      HASH   record_id -> vector bytes
-- KEYS[3]  engram:{ns}:doc      HASH   record_id -> document
-- KEYS[4]  engram:{ns}:changes  STREAM the change log
-- KEYS[5]  engram:{ns}:created  ZSET   record_id -> created_at, ms
-- KEYS[6]  engram:{ns}:updated  ZSET   record_id -> updated_at, ms
-- KEYS[7]  engram:{ns}:expiry   ZSET   record_id -> expires_at, ms
-- KEYS[8]  engram:{ns}:texts    HASH   sha1(text) -> record_id (only this record's entry goes)
-- KEYS[9]  engram:{ns}:text_of  HASH   record_id -> sha1(text)
-- KEYS[10] engram:{ns}:doc:ids  ZSET   record_id, score 0 (ListRecords' cursor)
-- ARGV[1]  record_id
-- ARGV[2]  change-log length (approximate MAXLEN)
--
-- Reply: {deleted, change_id}: deleted is 1 if the record had a vector, else 0 (and nothing
-- is logged: change_id is then the newest entry of the log).

local id = ARGV[1]
local deleted = redis.call('HDEL', KEYS[2], id)
redis.call('HDEL', KEYS[3], id)
redis.call('ZREM', KEYS[10], id)
redis.call('ZREM', KEYS[5], id)
redis.call('ZREM', KEYS[6], id)
redis.call('ZREM', KEYS[7], id)
local digest = redis.call('HGET', KEYS[9], id)
if digest then
  redis.call('HDEL', KEYS[9], id)
  -- Another record may hold the same text now (it took the entry over): leave it its entry.
  if redis.call('HGET', KEYS[8], digest) == id then redis.call('HDEL', KEYS[8], digest) end
end
if deleted == 0 then
  return {0, last_change(KEYS[4])}
end
return {1, log_change(KEYS[1], KEYS[4], ARGV[2], 'delete', id)}
