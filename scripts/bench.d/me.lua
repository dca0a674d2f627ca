-- Reference: the smallest authenticated API call (the session, then the signed-in user and their classes).
request = function() return wrk.format("GET", "/api/me") end
