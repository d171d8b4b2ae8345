-- record_ids_backfill.lua: add records stored before ``doc:ids`` existed to it (the warm-up
-- of a namespace passes the ids it just read from ``vec``). Only ids that still have a
-- vector are added, so a record deleted since it was read does not come back as a listing
-- entry. Idempotent: ZADD of a member already there changes nothing.
--
-- KEYS[1]  engram:{ns}:vec      HASH record_id -> vector bytes
-- KEYS[2]  engram:{ns}:doc:ids  ZSET record_id, score 0 (ListRecords' cursor)
-- ARGV     record ids
-- Reply:   number of ids added (absent from doc:ids before)
local added = 0
for i = 1, #ARGV do
    if redis.call('HEXISTS', KEYS[1], ARGV[i]) == 1 then
        added = added + redis.call('ZADD', KEYS[2], 0, ARGV[i])
    end
end
return added
