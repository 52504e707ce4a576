-- wrk script for bench/checkout: every request posts a checkout for a new shop order, at one
-- total ("one") or a different total each time ("varied"). Arguments: store id, API key, mode,
-- and a label unique to the run (shop order numbers are label, thread and counter).
-- Prints one RESULT line: req/s, p50, p95, p99 (ms), non-200 answers and socket errors, requests.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("tid", #threads)
end

function init(args)
    store, key, mode, run = args[1], args[2], args[3], args[4]
    counter = 0
    failures = 0
    prefix = string.format("%s-%d-", run, tid)
    headers = { ["Content-Type"] = "application/json", ["x-api-key"] = key }
end

function request()
    counter = counter + 1
    local total = "12.50"
    if mode == "varied" then
        total = string.format("%d.%02d", 10 + (tid * 7919 + counter) % 5000, counter % 100)
    end
    local body = string.format('{"store":"%s","ecommerceType":"api","ecommerceOrderId":"%s%d","orderTotal":"%s",'
        .. '"orderCurrency":"USD","callbackUrl":"http://127.0.0.1:9/cb","deliveryInfo":{"firstName":"Ana",'
        .. '"lastName":"Lima","email":"ana@example.com","country":"BR"}}', store, prefix, counter, total)
    return wrk.format("POST", "/plugins/orders/checkout", headers, body)
end

function response(status, headers, body)
    if status ~= 200 then
        failures = failures + 1
        if failures <= 3 then
            io.stderr:write(string.format("answer %d: %s\n", status, string.sub(body, 1, 300)))
        end
    end
end

function done(summary, latency, requests)
    local failed = 0
    for _, thread in ipairs(threads) do
        failed = failed + thread:get("failures")
    end
    local e = summary.errors
    failed = failed + e.connect + e.read + e.write + e.timeout
    io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d %d\n", summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, failed,
        summary.requests))
end
