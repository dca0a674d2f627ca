-- GET one user by username, rotating over 2,000 users spread evenly over the whole list
-- (BENCH_USERS of them: bench000000, bench000050, ...), as Keycloak's peer benchmark rotates over
-- 2,000 user ids (ten runs of 200 from across its list). Each thread starts at its own place.
local users = tonumber(os.getenv("BENCH_USERS") or "100000")
local sample = math.min(2000, users)
local step = math.floor(users / sample)
local i = 0
init = function()
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
  i = math.random(0, sample - 1)
end
request = function()
  i = (i + 1) % sample
  return wrk.format("GET", string.format("/api/users/bench%06d", i * step))
end
