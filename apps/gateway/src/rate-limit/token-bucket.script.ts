/**
 * The counting step rate-limiter-flexible runs in Redis for every consume/reward
 * (RateLimiterRedis `customIncrTtlLuaScript`; docs/adr/0021-rate-limits.md): a token bucket in
 * its GCRA form, so one key holds one number and a check is one round trip.
 *
 * The bucket holds `points` requests and refills one every `duration * 1000 / points` ms. The
 * key stores the bucket's "theoretical arrival time" (TAT, ms): the moment it will be full
 * again. A request of `cost` moves TAT by cost * interval; it fits while TAT - now stays within
 * the window. Arguments as the library passes them: ARGV[1] the points to consume (negative for
 * a reward), ARGV[3] the limiter's points, ARGV[4] its duration in seconds.
 *
 * It answers what the library expects, `{ consumed, ttlMs }`:
 *  - allowed: consumed = tokens in use after this request (1..points), ttlMs = until the bucket
 *    is full again; TAT is stored, expiring then;
 *  - refused: consumed = points + cost (over the limit, so the library rejects), ttlMs = until
 *    this request would fit; nothing is stored, so refusals never push the wait further out.
 *
 * Time comes from Redis (TIME), so replicas with skewed clocks share one bucket. The 1 ms slack
 * absorbs floating-point rounding of non-integer intervals (60000 / 7).
 */
export const TOKEN_BUCKET_SCRIPT = `
local cost = tonumber(ARGV[1])
local points = tonumber(ARGV[3])
local window = tonumber(ARGV[4]) * 1000
local interval = window / points
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local tat = now
local stored = redis.call('GET', KEYS[1])
if stored then
  tat = math.max(tonumber(stored), now)
end
local nextTat = math.max(tat + cost * interval, now)
local used = nextTat - now
if used > window + 1 then
  return { points + cost, math.ceil(used - window) }
end
if used <= 0 then
  redis.call('DEL', KEYS[1])
  return { 0, 0 }
end
redis.call('SET', KEYS[1], string.format('%.3f', nextTat), 'PX', math.ceil(used))
return { math.min(points, math.ceil(used / interval - 0.001)), math.ceil(used) }
`;
