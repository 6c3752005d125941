// The family page's chat: a small Direct Line 3.0 client for this service's own endpoint (/v3/directline), written
// for slow phones instead of loading Microsoft's Web Chat bundle (see README, "Speed"). The text box works as soon as
// the page shows; what is sent before the service answers waits in a queue.
//
// Identity: /api/webchat/token reads this browser's lasting HttpOnly cookie (a new one on the first visit) and returns a
// token for the conversation it last used, so new tabs and later visits show earlier messages and the notices that
// arrived meanwhile. A first visit starts no conversation until the visitor sends something.
(function () {
  'use strict';

  var directLine = '/v3/directline';
  var maxShown = 150;
  var transcript = document.getElementById('transcript');
  var form = document.getElementById('sendbox');
  var input = document.getElementById('input');
  var sendButton = document.getElementById('send');
  var statusLine = document.getElementById('status');

  var session = null;       // {token, conversationId, userId, resume}
  var tokenRequest = null;  // the one token request under way, shared by whoever needs the session
  var started = false;      // POST conversations answered
  var starting = null;      // the promise of connecting
  var socket = null;
  var watermark = '';
  var outbox = [];          // {activity, bubble} waiting to be posted, in order
  var posting = false;
  var bubbles = {};         // clientActivityID -> the user's bubble
  var shown = {};           // activity id -> true
  var refreshTimer = null;
  var reconnectDelay = 1000;
  var socketFailures = 0;   // sockets that closed without ever opening (a proxy that blocks them)
  var polling = false;      // GET activities instead of a socket
  var typingTimer = null;

  function setStatus(text, isError) {
    statusLine.hidden = !text;
    statusLine.textContent = text || '';
    statusLine.className = isError ? 'status error' : 'status';
  }

  function newId() {
    var bytes = new Uint8Array(12);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function request(method, url, token, body) {
    var headers = { Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(url, {
      method: method,
      headers: headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        var error = new Error(method + ' ' + url + ' answered ' + response.status);
        error.status = response.status;
        error.retryAfter = Number(response.headers.get('Retry-After')) || 0;
        throw error;
      }
      return response.status === 204 ? null : response.json();
    });
  }

  // --- Connecting -------------------------------------------------------------------------------------------------

  // One request at a time: two racing first visits would each be given a new user.
  function getToken() {
    if (session) return Promise.resolve(session);
    if (!tokenRequest) {
      tokenRequest = request('POST', '/api/webchat/token').then(function (page) {
        session = { token: page.token, conversationId: page.conversationId, userId: page.userId, resume: !!page.resume };
        scheduleRefresh(page.expires_in);
        return session;
      });
      tokenRequest.then(function () { tokenRequest = null; }, function () { tokenRequest = null; });
    }
    return tokenRequest;
  }

  // Direct Line's "start conversation": 201 for a new one, 200 with the same id when it exists (a later visit).
  function start() {
    if (!starting) {
      starting = getToken()
        .then(function () {
          return request('POST', directLine + '/conversations', session.token, { user: { id: session.userId } });
        })
        .then(function (conversation) {
          session.token = conversation.token || session.token;
          session.conversationId = conversation.conversationId;
          started = true;
          reconnectDelay = 1000;
          setStatus('');
          openStream(conversation.streamUrl);
          flush();
        })
        .catch(function (error) {
          starting = null;
          started = false;
          if (error && (error.status === 401 || error.status === 403)) session = null;
          setStatus('网络不太好，正在重新连接…', true);
          retryLater(start);
        });
    }
    return starting;
  }

  function retryLater(action) {
    var delay = reconnectDelay;
    reconnectDelay = Math.min(reconnectDelay * 2, 30000);
    setTimeout(action, delay);
  }

  function scheduleRefresh(seconds) {
    clearTimeout(refreshTimer);
    // Refresh well before expiry; a phone asleep past it gets a new token from the lasting cookie on waking.
    refreshTimer = setTimeout(function () {
      if (!session) return;
      request('POST', directLine + '/tokens/refresh', session.token)
        .then(function (fresh) { session.token = fresh.token; scheduleRefresh(fresh.expires_in); })
        .catch(function () { renew(); });
    }, Math.max(60, (seconds || 1800) - 300) * 1000);
  }

  // The token expired or was refused: the cookie gets a new one for the same user and conversation.
  function renew() {
    closeStream();
    polling = false;
    session = null;
    started = false;
    starting = null;
    return start();
  }

  function openStream(url) {
    if (!url || !window.WebSocket || socketFailures >= 3) {
      startPolling();
      return;
    }
    closeStream();
    var opened = false;
    var ws = new WebSocket(url);
    socket = ws;
    ws.onopen = function () { opened = true; socketFailures = 0; };
    ws.onmessage = function (event) {
      if (!event.data) return; // keep-alive
      receive(JSON.parse(event.data));
    };
    ws.onclose = function () {
      if (socket !== ws) return;
      socket = null;
      if (!opened) socketFailures++;
      retryLater(reconnect);
    };
  }

  function closeStream() {
    if (socket) {
      var ws = socket;
      socket = null;
      ws.onclose = null;
      ws.close();
    }
  }

  // Direct Line's reconnect: a fresh streamUrl that resumes at the watermark.
  function reconnect() {
    if (!session || !started || socket || polling) return;
    var url = directLine + '/conversations/' + encodeURIComponent(session.conversationId) + '?watermark=' + encodeURIComponent(watermark);
    request('GET', url, session.token)
      .then(function (conversation) { reconnectDelay = 1000; openStream(conversation.streamUrl); })
      .catch(function (error) {
        if (error.status === 401 || error.status === 403) renew();
        else retryLater(reconnect);
      });
  }

  // Without WebSockets: GET activities every two seconds.
  var pollRound = 0;

  function startPolling() {
    if (polling) return;
    polling = true;
    poll(++pollRound);
  }

  function poll(round) {
    if (!session || !polling || round !== pollRound) return;
    var url = directLine + '/conversations/' + encodeURIComponent(session.conversationId) + '/activities?watermark=' + encodeURIComponent(watermark);
    request('GET', url, session.token)
      .then(function (set) { receive(set); setTimeout(function () { poll(round); }, 2000); })
      .catch(function (error) {
        if (error.status === 401 || error.status === 403) {
          polling = false;
          renew();
        } else {
          setTimeout(function () { poll(round); }, 5000);
        }
      });
  }

  // --- Sending ----------------------------------------------------------------------------------------------------

  function send(activity, label) {
    var clientId = newId();
    activity.from = { id: session ? session.userId : '', name: '家属', role: 'user' };
    activity.locale = 'zh-CN';
    activity.channelData = { clientActivityID: clientId };
    clearSuggestions();
    var bubble = addBubble('user', label);
    bubble.classList.add('pending');
    bubbles[clientId] = bubble;
    outbox.push({ activity: activity, bubble: bubble });
    if (started) flush();
    else {
      setStatus('正在连接服务，消息连接后自动发出…');
      start();
    }
  }

  function flush() {
    if (posting || !started || outbox.length === 0) return;
    posting = true;
    var next = outbox[0];
    next.activity.from.id = session.userId;
    var url = directLine + '/conversations/' + encodeURIComponent(session.conversationId) + '/activities';
    setStatus('');
    showTyping(true);
    request('POST', url, session.token, next.activity)
      .then(function () { done(next); }, function (error) {
        if (error.status === 502) return done(next); // the bot failed; its apology is in the conversation
        posting = false;
        if (error.status === 401 || error.status === 403) {
          renew();
        } else if (error.status >= 400 && error.status < 500 && error.status !== 429 && error.status !== 408) {
          outbox.shift();
          next.bubble.classList.add('failed');
          showTyping(false);
          setStatus('这条消息没能发出，请改短一些或稍后再试。', true);
          flush();
        } else {
          // Network or server trouble: the same clientActivityID again, so the service keeps it once.
          setStatus(error.status === 429 ? '发送太频繁了，请稍等一会儿。' : '网络不太好，正在重试…', true);
          setTimeout(flush, error.retryAfter ? error.retryAfter * 1000 : 3000);
        }
      });
  }

  function done(item) {
    outbox.shift();
    item.bubble.classList.remove('pending');
    posting = false;
    flush();
  }

  // --- Receiving --------------------------------------------------------------------------------------------------

  function receive(set) {
    if (!set) return;
    (set.activities || []).forEach(show);
    if (set.watermark !== undefined && set.watermark !== null) watermark = set.watermark;
  }

  function isMine(activity) {
    return activity.from && (activity.from.role === 'user' || (session && activity.from.id === session.userId));
  }

  function show(activity) {
    if (activity.id && shown[activity.id]) return;
    if (activity.id) shown[activity.id] = true;
    if (activity.type !== 'message') return;
    if (isMine(activity)) {
      var clientId = activity.channelData && activity.channelData.clientActivityID;
      if (clientId && bubbles[clientId]) {
        bubbles[clientId].classList.remove('pending');
        return;
      }
      // Sent from another tab or an earlier visit.
      var label = activity.text || buttonLabel(activity.value);
      if (label) addBubble('user', label);
      return;
    }
    showTyping(false);
    var bubble = addBubble('bot', activity.text || '');
    (activity.attachments || []).forEach(function (attachment) {
      if (attachment.contentType === 'application/vnd.microsoft.card.adaptive' && attachment.content) {
        bubble.appendChild(renderCard(attachment.content));
      }
    });
    if (!bubble.textContent && !bubble.children.length && activity.summary) {
      bubble.appendChild(paragraph(activity.summary));
    }
    showSuggestions(activity);
  }

  function buttonLabel(value) {
    if (!value) return '';
    if (value.msteams && value.msteams.displayText) return value.msteams.displayText;
    return value.action || '';
  }

  // --- Rendering --------------------------------------------------------------------------------------------------

  function paragraph(text, className) {
    var p = document.createElement('p');
    p.textContent = text;
    if (className) p.className = className;
    return p;
  }

  function addBubble(from, text) {
    var bubble = document.createElement('div');
    bubble.className = 'message ' + from;
    if (text) bubble.appendChild(paragraph(text));
    var typing = transcript.querySelector('.typing');
    transcript.insertBefore(bubble, typing);
    var messages = transcript.querySelectorAll('.message:not(.greeting)');
    if (messages.length > maxShown) transcript.removeChild(messages[0]);
    bubble.scrollIntoView({ block: 'end' });
    return bubble;
  }

  function showTyping(on) {
    var typing = transcript.querySelector('.typing');
    clearTimeout(typingTimer);
    if (on && !typing) {
      typing = paragraph('正在回复…', 'typing');
      transcript.appendChild(typing);
      typing.scrollIntoView({ block: 'end' });
    } else if (!on && typing) {
      transcript.removeChild(typing);
    }
    // A turn with no answer (or a lost socket) must not leave "正在回复…" forever.
    if (on) typingTimer = setTimeout(function () { showTyping(false); }, 30000);
  }

  function button(title, onPress, style) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = title;
    if (style) b.className = style;
    b.addEventListener('click', onPress);
    return b;
  }

  function clearSuggestions() {
    var old = transcript.querySelectorAll('.suggestions');
    for (var i = 0; i < old.length; i++) old[i].parentNode.removeChild(old[i]);
  }

  // Suggested actions belong to the latest message only, and only when meant for this user.
  function showSuggestions(activity) {
    clearSuggestions();
    var suggested = activity.suggestedActions;
    if (!suggested || !suggested.actions || !suggested.actions.length) return;
    if (suggested.to && suggested.to.length && session && suggested.to.indexOf(session.userId) < 0) return;
    var box = document.createElement('div');
    box.className = 'actions suggestions';
    box.setAttribute('aria-label', '建议回复');
    suggested.actions.forEach(function (action) {
      var text = typeof action.value === 'string' ? action.value : action.title;
      box.appendChild(button(action.title || text, function () { sendText(text); }));
    });
    transcript.appendChild(box);
    box.scrollIntoView({ block: 'end' });
  }

  // The Adaptive Card elements this service sends (TextBlock, FactSet, Container, ColumnSet, Image, ActionSet) and
  // their actions (Submit, Execute, OpenUrl, ShowCard); anything else falls back to the card's fallbackText.
  function renderCard(card) {
    var root = document.createElement('div');
    root.className = 'card';
    (card.body || []).forEach(function (element) { renderElement(element, root); });
    var actions = (card.actions || []).filter(function (a) { return a && a.title; });
    if (actions.length) root.appendChild(renderActions(actions, root));
    if (!root.children.length && card.fallbackText) root.appendChild(paragraph(card.fallbackText));
    return root;
  }

  function renderElement(element, parent) {
    if (!element || element.isVisible === false) return;
    var node = null;
    switch (element.type) {
      case 'TextBlock':
        node = paragraph(element.text || '', [
          element.weight === 'Bolder' ? 'strong' : '',
          element.size === 'Large' || element.size === 'ExtraLarge' ? 'large' : '',
          element.size === 'Small' || element.isSubtle ? 'subtle' : ''
        ].join(' ').trim());
        break;
      case 'RichTextBlock':
        node = paragraph((element.inlines || []).map(function (i) { return typeof i === 'string' ? i : i.text || ''; }).join(''));
        break;
      case 'FactSet':
        node = document.createElement('dl');
        node.className = 'facts';
        (element.facts || []).forEach(function (fact) {
          var dt = document.createElement('dt');
          dt.textContent = fact.title || '';
          var dd = document.createElement('dd');
          dd.textContent = fact.value || '';
          node.appendChild(dt);
          node.appendChild(dd);
        });
        break;
      case 'Container':
      case 'Column':
        node = document.createElement('div');
        node.className = element.type === 'Column' ? 'column' : 'container';
        (element.items || []).forEach(function (item) { renderElement(item, node); });
        break;
      case 'ColumnSet':
        node = document.createElement('div');
        node.className = 'columns';
        (element.columns || []).forEach(function (column) { renderElement(column, node); });
        break;
      case 'Image':
        if (/^(https?:|data:image\/)/i.test(element.url || '')) {
          node = document.createElement('img');
          node.src = element.url;
          node.alt = element.altText || '';
        }
        break;
      case 'ActionSet':
        node = renderActions(element.actions || [], parent);
        break;
    }
    if (!node) return;
    if (element.separator) node.classList.add('separator');
    parent.appendChild(node);
  }

  function renderActions(actions, card) {
    var box = document.createElement('div');
    box.className = 'actions';
    actions.forEach(function (action) {
      if (action.type === 'Action.OpenUrl') {
        if (!/^(https?:|tel:)/i.test(action.url || '')) return;
        var link = document.createElement('a');
        link.href = action.url;
        link.textContent = action.title;
        link.rel = 'noopener noreferrer';
        link.target = '_blank';
        box.appendChild(link);
        return;
      }
      if (action.type === 'Action.ShowCard') {
        // The whole clause under a short answer: built on the first tap, toggled after that.
        var shown = null;
        box.appendChild(button(action.title, function () {
          if (shown) { shown.hidden = !shown.hidden; return; }
          shown = renderCard(action.card || {});
          box.parentNode.insertBefore(shown, box.nextSibling);
        }));
        return;
      }
      if (action.type !== 'Action.Submit' && action.type !== 'Action.Execute') return;
      var style = action.style === 'positive' ? 'positive' : action.style === 'destructive' ? 'destructive' : '';
      box.appendChild(button(action.title, function () {
        // One answer per card: a second press would confirm twice.
        var pressed = card.querySelectorAll('button');
        for (var i = 0; i < pressed.length; i++) pressed[i].disabled = true;
        var value = {};
        var data = action.data && typeof action.data === 'object' ? action.data : {};
        Object.keys(data).forEach(function (key) { value[key] = data[key]; });
        if (action.type === 'Action.Execute' && action.verb && !value.action) value.action = action.verb;
        if (typeof action.data === 'string') send({ type: 'message', text: action.data }, action.data);
        else send({ type: 'message', value: value }, action.title);
      }, style));
    });
    return box;
  }

  // --- The page ---------------------------------------------------------------------------------------------------

  function sendText(text) {
    text = (text || '').trim();
    if (!text) return;
    send({ type: 'message', text: text }, text);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    sendText(input.value);
    input.value = '';
    input.focus();
  });

  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit', { cancelable: true }));
    }
  });

  transcript.addEventListener('click', function (event) {
    var target = event.target;
    if (target && target.getAttribute && target.getAttribute('data-say')) sendText(target.getAttribute('data-say'));
  });

  // A phone waking after the socket dropped: catch up now rather than after the backoff.
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && started && !socket) reconnect();
  });

  sendButton.disabled = false;
  // A returning family sees its conversation (and what arrived while away) at once; a first visit waits for a message.
  getToken()
    .then(function () { if (session.resume) start(); })
    .catch(function () { /* the first message tries again */ });
})();
