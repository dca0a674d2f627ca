-- SCIM: GET a user by id. The seeded users' ids are BENCH_FIRST_ID .. BENCH_FIRST_ID + BENCH_USERS - 1.
local users = tonumber(os.getenv("BENCH_USERS") or "100000")
local first = tonumber(os.getenv("BENCH_FIRST_ID") or "2")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
request = function()
  return wrk.format("GET", string.format("/scim/v2/Users/%d", first + math.random(0, users - 1)))
end
