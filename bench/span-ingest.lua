-- wrk script: POST /traces/batch {"traces": [...]} with SPANS spans of one turn per request.
-- Usage: see BENCHMARKS.md. Reads ASSAY_KEY and ASSAY_TURN from the environment.
local count = tonumber(os.getenv("SPANS") or "100")
local turn = os.getenv("ASSAY_TURN")
local items = {}
for i = 1, count do
  items[#items + 1] = string.format(
    '{"inferenceResultId":"%s","name":"lookup_order_%d","type":"TOOL","description":"Looks an order up by id",'
    .. '"inputData":{"order_id":%d,"fields":["status","eta"]},'
    .. '"outputData":"Order %d is packed and ships tomorrow morning from the Lyon warehouse.",'
    .. '"latencyMs":%d.5,"metadata":{"model":"gpt-4o","attempt":1},'
    .. '"startTime":"2026-11-07T05:31:56.100Z","endTime":"2026-11-07T05:31:56.150Z"}', turn, i % 7, i, i, i % 90)
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ASSAY_KEY")
wrk.body = '{"traces":[' .. table.concat(items, ",") .. ']}'

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("batches/s %.1f, spans/s %.0f, non-2xx %d, p50 %.1f ms, p99 %.1f ms\n",
    summary.requests / seconds, summary.requests * count / seconds,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
