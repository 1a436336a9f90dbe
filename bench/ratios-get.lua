-- wrk script of bench/ratios.sh: GET of one list URL with the key of ASSAY_KEY; prints latency percentiles.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ASSAY_KEY")

-- PACE_MS > 0: wait that long after each answer before the next request (a paced client, not a saturating one).
local pace = tonumber(os.getenv("PACE_MS") or "0")
if pace > 0 then
    function delay() return pace end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.3f non2xx=%d sockerr=%d p50us=%d p99us=%d bytes=%d\n",
    summary.requests, summary.duration / 1e6, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99), summary.bytes))
end
