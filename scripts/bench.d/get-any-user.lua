-- GET one user by username, any of BENCH_USERS at random: beyond any cache of recent reads, every request reads the database.
local users = tonumber(os.getenv("BENCH_USERS") or "100000")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
request = function()
  return wrk.format("GET", string.format("/api/users/bench%06d", math.random(0, users - 1)))
end
