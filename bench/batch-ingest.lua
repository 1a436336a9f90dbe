-- wrk script: POST /inferenceResults/batch with TURNS user/assistant pairs per request.
-- Usage: see BENCHMARKS.md. Reads ASSAY_KEY and ASSAY_SESSION from the environment.
local turns = tonumber(os.getenv("TURNS") or "100")
local messages = {}
for i = 1, turns do
  messages[#messages + 1] = string.format(
    '{"role":"user","content":"Question number %d about the refund policy of the store?"}', i)
  messages[#messages + 1] = string.format(
    '{"role":"assistant","content":"Answer number %d: refunds are accepted within 30 days with a receipt.","retrieval_context":"Refund policy: 30 days."}', i)
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ASSAY_KEY")
wrk.body = '{"sessionId":"' .. os.getenv("ASSAY_SESSION") .. '","conversationTurns":[' .. table.concat(messages, ",") .. ']}'

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("batches/s %.1f, turns/s %.0f, non-2xx %d, p50 %.1f ms, p99 %.1f ms\n",
    summary.requests / seconds, summary.requests * turns / seconds,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
