-- embedding_delete: remove one record's vector and document together.
--
-- KEYS[1]  engram:{ns}:vec   HASH  record_id -> vector bytes
-- KEYS[2]  engram:{ns}:doc   HASH  record_id -> document
-- ARGV[1]  record_id
--
-- Reply: 1 if the record had a vector, else 0.

local deleted = redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return deleted
