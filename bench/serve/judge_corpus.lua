-- wrk script of the serve benchmark (bench/serve/serve_bench.py): POSTs a corpus's images to
-- /v1/judge round robin, each connection from its own offset, optionally pausing between
-- requests (exponential pauses of a mean in milliseconds: arrivals close to a Poisson stream),
-- and counts statuses and verdicts per image. done() prints one JSON line.
--
--   wrk -t2 -c64 -d20s -s judge_corpus.lua http://127.0.0.1:PORT -- LIST_FILE [MEAN_PAUSE_MS]

local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("id", counter)
    table.insert(threads, thread)
end

local bodies = {}
local nextIndex = 1
local pause = 0
statuses = {}
verdicts = {} -- "sha256 verdict" -> count
deadlines = 0

function init(args)
    for path in io.lines(args[1]) do
        local file = assert(io.open(path, "rb"))
        bodies[#bodies + 1] = file:read("*a")
        file:close()
    end
    pause = tonumber(args[2] or "0")
    nextIndex = ((id or 1) * 7919) % #bodies + 1
    math.randomseed(id or 1)
end

function request()
    local body = bodies[nextIndex]
    nextIndex = nextIndex % #bodies + 1
    return wrk.format("POST", "/v1/judge", {["Content-Type"] = "image/png"}, body)
end

function delay()
    if pause <= 0 then
        return 0
    end
    return math.floor(-pause * math.log(1 - math.random()))
end

function response(status, headers, body)
    statuses[tostring(status)] = (statuses[tostring(status)] or 0) + 1
    if status == 200 then
        local sha = body:match('"sha256":"(%x+)"') or "none"
        local verdict = body:match('"verdict":"(%a+)"') or "none"
        local key = sha .. " " .. verdict
        verdicts[key] = (verdicts[key] or 0) + 1
        if body:find('"kind":"deadline"', 1, true) then
            deadlines = deadlines + 1
        end
    end
end

local function merge(into, from)
    for key, count in pairs(from) do
        into[key] = (into[key] or 0) + count
    end
end

local function object(map)
    local parts = {}
    for key, count in pairs(map) do
        parts[#parts + 1] = string.format('"%s": %d', key, count)
    end
    return "{" .. table.concat(parts, ", ") .. "}"
end

function done(summary, latency, requests)
    local allStatuses, allVerdicts, allDeadlines = {}, {}, 0
    for _, thread in ipairs(threads) do
        merge(allStatuses, thread:get("statuses"))
        merge(allVerdicts, thread:get("verdicts"))
        allDeadlines = allDeadlines + thread:get("deadlines")
    end
    local e = summary.errors
    io.write(string.format(
        '{"requests": %d, "seconds": %.3f, "errors": {"connect": %d, "read": %d, ' ..
        '"write": %d, "timeout": %d}, "latency_ms": {"p50": %.1f, "p95": %.1f, "p99": %.1f, ' ..
        '"max": %.1f}, "statuses": %s, "verdicts": %s, "deadlines": %d}\n',
        summary.requests, summary.duration / 1e6, e.connect, e.read, e.write, e.timeout,
        latency:percentile(50) / 1e3, latency:percentile(95) / 1e3, latency:percentile(99) / 1e3,
        latency.max / 1e3, object(allStatuses), object(allVerdicts), allDeadlines))
end
