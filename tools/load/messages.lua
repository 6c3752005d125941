-- wrk script of scripts/load.sh: POST /api/messages, a Bot Framework message activity asking a policy question with
-- deliveryMode expectReplies (the turn runs inside the request, the replies come back in the response). Every request
-- has its own activity id; 512 conversations (users) take turns. The same bodies go to every server measured.
local questions = {
  "困难职工帮扶怎么申请", "子女上大学有助学金吗", "大病救助需要什么材料", "探亲假有几天", "医疗互助怎么报销",
  "帮扶救助的条件是什么", "金秋助学补助多少钱", "住院能报多少",
}
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

-- Ids unique across wrk runs too (the warm-up, then the measured one), as a channel's would be.
local run = os.time()
local n = 0
function request()
  n = n + 1
  local user = (n * 7 + tid * 131) % 512
  local body = string.format(
    '{"type":"message","id":"w%d-%d-%d","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/",' ..
    '"deliveryMode":"expectReplies","from":{"id":"load-user-%d","name":"压测"},"recipient":{"id":"bot"},' ..
    '"conversation":{"id":"load-conv-%d"},"text":"%s","locale":"zh-CN"}',
    run, tid, n, user, user, questions[(n % #questions) + 1])
  return wrk.format("POST", "/api/messages", { ["Content-Type"] = "application/json" }, body)
end
