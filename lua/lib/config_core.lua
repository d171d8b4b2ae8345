-- config_core.lua: a namespace's configuration, read inside the script that applies it, so
-- every replica and every call uses the stored values (no per-process settings to diverge).
--
-- config_numbers(config_key, names, defaults)
--   config_key: engram:{ns}:config HASH field -> number as a string; must be in KEYS.
--   names: field names; defaults: their documented defaults, same order (numbers).
--   Returns a table name -> number: the stored value, or the default when unset.
--   Booleans are stored as 1 and 0.
local function config_numbers(config_key, names, defaults)
    local stored = redis.call('HMGET', config_key, unpack(names))
    local out = {}
    for i, name in ipairs(names) do
        out[name] = tonumber(stored[i]) or defaults[i]
    end
    return out
end
