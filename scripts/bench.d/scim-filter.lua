-- SCIM: find a user by userName, as an identity provider does before each change.
local users = tonumber(os.getenv("BENCH_USERS") or "100000")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
request = function()
  return wrk.format("GET", string.format("/scim/v2/Users?filter=userName%%20eq%%20%%22bench%06d%%22", math.random(0, users - 1)))
end
