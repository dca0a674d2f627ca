-- Each request creates a new student without a password (no bcrypt: that cost is a login's, not a create's).
local threads = 0
local counter = 0
local prefix
setup = function(thread)
  threads = threads + 1
  thread:set("tid", string.format("%d-%d", threads, os.time()))
end
init = function()
  prefix = "new" .. tid .. "-"
end
request = function()
  counter = counter + 1
  local body = string.format('{"username":"%s%d","displayName":"New Student %d","role":"student"}', prefix, counter, counter)
  return wrk.format("POST", "/api/users", { ["Content-Type"] = "application/json" }, body)
end
