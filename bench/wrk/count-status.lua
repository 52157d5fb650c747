-- Counts every answer that is not 200 (wrk itself counts 3xx as fine, and a redirect to the sign-in page
-- would look fast), and prints one machine-readable line for run-bench.sh.
bad = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local not200 = 0
  for _, thread in ipairs(threads) do
    not200 = not200 + (thread:get("bad") or 0)
  end
  local e = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d not200=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), not200,
    e.connect + e.read + e.write + e.timeout))
end
