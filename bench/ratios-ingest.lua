-- wrk script of bench/ratios.sh: POST /inferenceResults/batch, TURNS user/assistant pairs per request.
-- Run with -tN -cN (one connection per thread: one client each). SESSIONS_FILE holds one wire
-- session id per line. MODE=own: client i appends to session i only (a long session per client);
-- MODE=spread: client i cycles over every N-th session starting at i (many sessions, no waits).
local turns = tonumber(os.getenv("TURNS") or "100")
local mode = os.getenv("MODE") or "spread"
local threads = {}
local counter = 0

local function read_sessions()
  local sessions = {}
  for line in io.lines(os.getenv("SESSIONS_FILE")) do
    if #line > 0 then sessions[#sessions + 1] = line end
  end
  return sessions
end

function setup(thread)
  thread:set("client", counter)
  counter = counter + 1
  threads[#threads + 1] = thread
end

local messages = {}
for i = 1, turns do
  messages[#messages + 1] = string.format(
    '{"role":"user","content":"Question number %d about the refund policy of the store?"}', i)
  messages[#messages + 1] = string.format(
    '{"role":"assistant","content":"Answer number %d: refunds are accepted within 30 days with a receipt.","retrieval_context":"Refund policy: 30 days."}', i)
end
local tail = '","conversationTurns":[' .. table.concat(messages, ",") .. ']}'

local mine = {}
local next_one = 1

function init(args)
  local sessions = read_sessions()
  local clients = tonumber(os.getenv("CLIENTS"))
  if mode == "own" then
    mine[1] = sessions[client + 1]
  else
    for i = client + 1, #sessions, clients do mine[#mine + 1] = sessions[i] end
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("ASSAY_KEY")
end

function request()
  local session = mine[next_one]
  next_one = next_one % #mine + 1
  return wrk.format(nil, nil, nil, '{"sessionId":"' .. session .. tail)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.3f non2xx=%d sockerr=%d p50us=%d p99us=%d\n",
    summary.requests, summary.duration / 1e6, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
