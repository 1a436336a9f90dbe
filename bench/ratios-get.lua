-- wrk script of bench/ratios.sh: GET of one list URL with the key of ASSAY_KEY; prints latency percentiles.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ASSAY_KEY")

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.3f non2xx=%d sockerr=%d p50us=%d p99us=%d bytes=%d\n",
    summary.requests, summary.duration / 1e6, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99), summary.bytes))
end
