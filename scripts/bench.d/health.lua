-- Reference: the liveness check (no login, no REST resource, no database): the ceiling of this machine.
request = function() return wrk.format("GET", "/q/health/live") end
