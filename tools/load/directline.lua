-- wrk script of scripts/load.sh: what the family web page does per turn, POST .../activities of a Direct Line
-- conversation with a unique channelData.clientActivityID. The turn runs inside the post; the user's activity and the
-- bot's reply are stored by the time it answers (scripts/load.sh then checks every post got its reply). Conversations
-- come from the file given after "--": one "conversationId token" per line, made by scripts/load.sh.
local conversations = {}
local threads = 0
local questions = { "困难职工帮扶怎么申请", "子女上大学有助学金吗", "大病救助需要什么材料", "探亲假有几天" }

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  -- Each wrk run (the warm-up, then the measured one) has its own ids: a repeated clientActivityID is a retry, which
  -- the service answers from the stored activity without running the turn.
  run = os.time()
  for line in io.lines(args[1]) do
    local id, token = line:match("^(%S+)%s+(%S+)$")
    if id then conversations[#conversations + 1] = { id = id, token = token } end
  end
end

local n = 0
function request()
  n = n + 1
  local c = conversations[((n * 2 + tid) % #conversations) + 1]
  local body = string.format(
    '{"type":"message","from":{"id":"ignored"},"text":"%s","locale":"zh-CN","channelData":{"clientActivityID":"w%d-%d-%d"}}',
    questions[(n % #questions) + 1], run, tid, n)
  return wrk.format("POST", "/v3/directline/conversations/" .. c.id .. "/activities",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. c.token }, body)
end
