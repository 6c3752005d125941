// Runs the official dingtalk-stream SDK (DWClient) against a Stream gateway, so the .NET fake gateway is checked
// against DingTalk's own client. Prints "connected" and "robot <msgId>" lines; the test ends the process.
// Usage: node dingtalk-stream-peer.mjs <connections/open URL> <clientId> <clientSecret>
import { DWClient, TOPIC_ROBOT } from 'dingtalk-stream';

const [openUrl, clientId, clientSecret] = process.argv.slice(2);
const client = new DWClient({ clientId, clientSecret, ua: 'huaxin-sdk-peer' });

// The SDK's gateway URL is a constant; this repeats its open request (same body and Accept header) against the fake.
client.getEndpoint = async function getEndpoint() {
  const response = await fetch(openUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ clientId, clientSecret, ua: this.config.ua, subscriptions: this.config.subscriptions }),
  });
  const { endpoint, ticket } = await response.json();
  this.dw_url = `${endpoint}?ticket=${encodeURIComponent(ticket)}`;
  return this;
};

client.registerCallbackListener(TOPIC_ROBOT, (message) => {
  const robot = JSON.parse(message.data);
  console.log(`robot ${robot.msgId}`);
  client.socketCallBackResponse(message.headers.messageId, { handled: true });
});

await client.connect();
console.log('connected');
