-- embedding_delete: remove one record's vector and document together, and append the change
-- to the namespace's change log.
-- include: change_log.lua
--
-- KEYS[1]  engram:{ns}:emb      HASH   {model, dimensions, log_seq}
-- KEYS[2]  engram:{ns}:vec      HASH   record_id -> vector bytes
-- KEYS[3]  engram:{ns}:doc      HASH   record_id -> document
-- KEYS[4]  engram:{ns}:changes  STREAM the change log
-- ARGV[1]  record_id
-- ARGV[2]  change-log length (approximate MAXLEN)
--
-- Reply: {deleted, change_id}: deleted is 1 if the record had a vector, else 0 (and nothing
-- is logged: change_id is then the newest entry of the log).

local deleted = redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
if deleted == 0 then
  return {0, last_change(KEYS[4])}
end
return {1, log_change(KEYS[1], KEYS[4], ARGV[2], 'delete', ARGV[1])}
