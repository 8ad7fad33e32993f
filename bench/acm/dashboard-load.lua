-- wrk script for bench/acm/dashboard-load.sh: each request is one signed-in contract manager's
-- session (the cookies in the file named by the first argument, one per line, taken in turn)
-- asking for one of their contracts' dashboards (the other arguments, taken in turn); prints
-- p50/p95 at the end.
local cookies, contracts, n = {}, {}, 0

function init(args)
  for line in io.lines(args[1]) do if #line > 0 then cookies[#cookies + 1] = line end end
  for i = 2, #args do contracts[#contracts + 1] = args[i] end
end

function request()
  n = n + 1
  return wrk.format("GET", "/acm/dashboards/contracts/" .. contracts[n % #contracts + 1], { ["Cookie"] = cookies[n % #cookies + 1] })
end

local failed = 0
function response(status) if status ~= 200 then failed = failed + 1 end end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("%d answers in %.0f s (%.1f/s), %d errors; p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    errors.connect + errors.read + errors.write + errors.timeout + errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
