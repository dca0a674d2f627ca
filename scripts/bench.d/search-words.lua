-- Search by a word inside names and emails: half by a surname (10% of users each), half by the
-- email domain every seeded user shares, the densest term there is. Read beside search.lua.
local lasts = { "Lovelace", "Turing", "Hopper", "Nunez", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Perlman" }
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
request = function()
  local q
  if math.random() < 0.5 then
    q = lasts[math.random(1, #lasts)]
  else
    q = "example.org"
  end
  return wrk.format("GET", "/api/users?size=20&q=" .. q)
end
