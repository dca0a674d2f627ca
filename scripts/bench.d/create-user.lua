-- Each request creates a new student without a password (no password hash: that cost is a login's, not a create's).
local threads = 0
local counter = 0
local prefix
local headers
setup = function(thread)
  threads = threads + 1
  thread:set("tid", string.format("%d-%d", threads, os.time()))
end
init = function()
  prefix = "new" .. tid .. "-"
  -- wrk.format uses either its headers argument or the -H headers: keep the session cookie
  headers = { ["Content-Type"] = "application/json" }
  for name, value in pairs(wrk.headers) do headers[name] = value end
end
request = function()
  counter = counter + 1
  local body = string.format('{"username":"%s%d","displayName":"New Student %d","role":"student"}', prefix, counter, counter)
  return wrk.format("POST", "/api/users", headers, body)
end
