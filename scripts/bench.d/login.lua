-- Password login through the login form, as a student's browser does: POST /login with the form's
-- CSRF token, answered 303 with a new session. Rotates over the users that have a password (env
-- BENCH_LOGIN_USERS, comma-separated; BENCH_LOGIN_PASSWORD); BENCH_LOGIN_CSRF_COOKIE and
-- BENCH_LOGIN_CSRF_TOKEN are the rollcall_csrf cookie and the form's token one GET /login handed
-- out. Each request is one Argon2id check.
local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
local bodies = {}
local i = 0
init = function()
  local token = os.getenv("BENCH_LOGIN_CSRF_TOKEN")
  local password = urlencode(os.getenv("BENCH_LOGIN_PASSWORD"))
  for user in string.gmatch(os.getenv("BENCH_LOGIN_USERS"), "[^,]+") do
    bodies[#bodies + 1] = "csrf-token=" .. urlencode(token) .. "&username=" .. user .. "&password=" .. password
  end
  -- the session cookie of the other loads is replaced: a login starts without one
  wrk.headers["Cookie"] = "rollcall_csrf=" .. os.getenv("BENCH_LOGIN_CSRF_COOKIE")
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
request = function()
  i = i + 1
  return wrk.format("POST", "/login", nil, bodies[i % #bodies + 1])
end
