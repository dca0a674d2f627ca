-- Search as people type it: half by a username prefix, half by the start of a full name.
local firsts = { "Ada", "Alan", "Grace", "Zoë", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Radia" }
local lasts = { "Lovelace", "Turing", "Hopper", "Ñúñez", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Perlman" }
local users = tonumber(os.getenv("BENCH_USERS") or "100000")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
request = function()
  local n = math.random(0, users - 1)
  local q
  if math.random() < 0.5 then
    q = string.format("bench%06d", n):sub(1, 9)   -- e.g. bench0123: 100 users
  else
    q = firsts[n % 10 + 1] .. " " .. lasts[math.floor(n / 10) % 10 + 1]  -- ~1% of users
  end
  return wrk.format("GET", "/api/users?size=20&q=" .. encode(q))
end
