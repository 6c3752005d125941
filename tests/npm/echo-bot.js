// The JavaScript Bot Framework SDK's echo bot (botbuilder CloudAdapter, no authentication), as the reference point the
// load test measures HuaXin.Bot against: node echo-bot.js PORT. Listens on 127.0.0.1 only.
const http = require('http');
const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } = require('botbuilder');

const port = Number(process.argv[2] || 3978);
// No MicrosoftAppId: the SDK skips authentication, as in local development.
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
  console.error(error);
  await context.sendActivity('error');
};

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text}`);
      await next();
    });
  }
}
const bot = new EchoBot();

// CloudAdapter.process wants restify/express-style request and response objects; these are the few members it uses.
http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/messages') {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const request = { body, headers: req.headers, method: req.method };
    const response = {
      socket: req.socket,
      statusCode: 200,
      status(code) { this.statusCode = code; return this; },
      header(name, value) { res.setHeader(name, value); return this; },
      send(payload) {
        if (payload !== undefined && payload !== null) {
          if (typeof payload === 'object' && !Buffer.isBuffer(payload)) {
            res.setHeader('Content-Type', 'application/json');
            payload = JSON.stringify(payload);
          }
          res.writeHead(this.statusCode);
          res.end(payload);
        } else {
          res.writeHead(this.statusCode).end();
        }
        return this;
      },
      end() { if (!res.writableEnded) res.writeHead(this.statusCode).end(); return this; },
    };
    try {
      await adapter.process(request, response, (context) => bot.run(context));
    } catch (e) {
      console.error(e);
      if (!res.writableEnded) res.writeHead(500).end();
    }
  });
}).listen(port, '127.0.0.1', () => console.log(`echo bot on http://127.0.0.1:${port}/api/messages`));
