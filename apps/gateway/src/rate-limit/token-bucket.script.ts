/**
 * The token buckets of one request, counted in one Redis round trip (docs/adr/0021-rate-limits.md).
 * Each bucket is a token bucket in its GCRA form: one key holding one number, the bucket's
 * "theoretical arrival time" (TAT, ms), the moment it will be full again. A bucket of `limit`
 * requests per window refills one request every `window / limit` ms; a request moves TAT by one
 * interval and fits while TAT - now stays within the window.
 *
 * KEYS are the buckets; ARGV[1] the window (ms), ARGV[2] how many of the first KEYS are counted
 * on their own (the client IP: counted even when a later bucket refuses), ARGV[3..] each key's
 * limit. The buckets after those are all or nothing: when one refuses, none of them is counted,
 * so a refused request gives nothing back later. When one of the first refuses, nothing at all
 * is counted. A key named twice sees its own first count.
 *
 * It answers three integers per key: 1 allowed / 0 refused, tokens in use after this request
 * (allowed; 1..limit), and ms until the bucket is full again (allowed) or until this request
 * would fit (refused). Refusals store nothing, so they never push the wait further out. Each
 * stored TAT expires when the bucket is full again.
 *
 * Time comes from Redis (TIME), so replicas with skewed clocks share one bucket. The 1 ms slack
 * absorbs floating-point rounding of non-integer intervals (60000 / 7). Keys and values are
 * those rate-limiter-flexible used before (`rl:<kind>:<id>`, TAT as '%.3f'), so buckets carry over.
 */
export const TOKEN_BUCKETS_SCRIPT = `
local window = tonumber(ARGV[1])
local alone = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local seen = {}
local nextTats = {}
local answer = {}
local function take(i)
  local key = KEYS[i]
  local interval = window / tonumber(ARGV[i + 2])
  local tat = seen[key]
  if tat == nil then
    tat = tonumber(redis.call('GET', key) or now)
  end
  local used = math.max(tat, now) + interval - now
  if used > window + 1 then
    answer[i * 3 - 2] = 0
    answer[i * 3 - 1] = 0
    answer[i * 3] = math.ceil(used - window)
    return false
  end
  seen[key] = now + used
  nextTats[i] = now + used
  answer[i * 3 - 2] = 1
  answer[i * 3 - 1] = math.min(tonumber(ARGV[i + 2]), math.ceil(used / interval - 0.001))
  answer[i * 3] = math.ceil(used)
  return true
end
local function store(from, to)
  for i = from, to do
    local used = nextTats[i] - now
    redis.call('SET', KEYS[i], string.format('%.3f', nextTats[i]), 'PX', math.ceil(used))
  end
end
local fits = true
for i = 1, alone do
  fits = take(i) and fits
end
if not fits then
  return answer
end
store(1, alone)
for i = alone + 1, #KEYS do
  fits = take(i) and fits
end
if fits then
  store(alone + 1, #KEYS)
end
return answer
`;
