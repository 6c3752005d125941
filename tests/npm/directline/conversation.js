// Holds a conversation with the running service through Microsoft's own Direct Line client (botframework-directlinejs,
// the library inside Web Chat) over its WebSocket stream, and checks every activity it receives with the Agents SDK schema.
// Usage: node directline/conversation.js <baseUrl> <message>...
// Prints one JSON line per received activity, then "OK"; exits 1 with a reason on any failure.
'use strict';
global.XMLHttpRequest = require('xhr2');
const WebSocket = require('ws');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');
const { Activity } = require('@microsoft/agents-activity');

const [baseUrl, ...messages] = process.argv.slice(2);

function fail(reason) {
  console.log(`FAIL ${reason}`);
  process.exit(1);
}

// Only a guard against a hung run; the .NET test asserts on content, never on timing.
setTimeout(() => fail('no complete answer within 90 s'), 90000).unref();

async function main() {
  const response = await fetch(`${baseUrl}/api/webchat/token`, { method: 'POST' });
  if (!response.ok) fail(`token endpoint answered ${response.status}`);
  const { token, userId } = await response.json();

  const directLine = new DirectLine({ domain: `${baseUrl}/v3/directline`, token, webSocket: true, WebSocket });
  const received = [];
  const waiters = [];
  directLine.connectionStatus$.subscribe(status => {
    if (status === ConnectionStatus.FailedToConnect || status === ConnectionStatus.ExpiredToken) fail(`connection status ${status}`);
  });
  directLine.activity$.subscribe(activity => {
    try {
      Activity.fromJson(JSON.stringify(activity));
    } catch (error) {
      fail(`invalid activity ${activity.id}: ${error.message.replace(/\s+/g, ' ')}`);
    }
    received.push(activity);
    console.log(JSON.stringify({
      id: activity.id,
      from: activity.from && activity.from.id,
      replyToId: activity.replyToId,
      clientActivityID: activity.channelData && activity.channelData.clientActivityID,
      text: activity.text,
      attachments: (activity.attachments || []).map(a => a.contentType),
      // What a card says, so a test can read a ticket number or an answer's citation from it.
      cardText: (activity.attachments || []).map(a => JSON.stringify(a.content || {})).join(' '),
    }));
    waiters.forEach(w => w());
  }, error => fail(`activity stream failed: ${error && error.message}`));

  const until = predicate => new Promise(resolve => {
    const check = () => predicate() && resolve();
    waiters.push(check);
    check();
  });

  for (const [index, text] of messages.entries()) {
    const clientActivityID = `node-${index}`;
    const id = await new Promise((resolve, reject) => directLine
      .postActivity({ type: 'message', from: { id: userId, name: '家属' }, text, locale: 'zh-CN', channelData: { clientActivityID } })
      .subscribe(resolve, reject));
    // The echo (Web Chat's "sent" signal) and the bot's answer both arrive over the WebSocket.
    await until(() => received.some(a => a.id === id && a.channelData && a.channelData.clientActivityID === clientActivityID && a.from.id === userId));
    await until(() => received.some(a => a.replyToId === id && a.from.id !== userId));
  }
  directLine.end();
  console.log('OK');
  process.exit(0);
}

main().catch(error => fail(error && (error.stack || error.message || error)));
