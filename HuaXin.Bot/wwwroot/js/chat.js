// Starts Web Chat against this service's own Direct Line endpoint. The token comes from /api/webchat/token, which
// makes a new anonymous user per visit; no secret ever reaches the browser. A reload within the token's lifetime
// resumes the same conversation (kept in sessionStorage: per tab, so a shared family phone does not show it to the next person).
(function () {
  'use strict';

  var storageKey = 'huaxin.webchat';
  var status = document.getElementById('status');

  function show(text) {
    status.hidden = false;
    status.className = 'status error';
    status.textContent = text;
  }

  function fail() {
    show('暂时无法连接在线咨询服务，请稍后刷新页面重试。');
  }

  function postJson(url, token) {
    var headers = { Accept: 'application/json' };
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    return fetch(url, { method: 'POST', headers: headers }).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ' answered ' + response.status);
      }
      return response.json();
    });
  }

  function newSession() {
    sessionStorage.removeItem(storageKey);
    return postJson('/api/webchat/token').then(function (page) {
      return { token: page.token, userId: page.userId };
    });
  }

  function resumedSession() {
    var saved = JSON.parse(sessionStorage.getItem(storageKey) || 'null');
    if (!saved) {
      return newSession();
    }
    return postJson('/v3/directline/tokens/refresh', saved.token)
      .then(function (fresh) {
        return { token: fresh.token, userId: saved.userId, conversationId: saved.conversationId };
      })
      .catch(newSession);
  }

  function start(session) {
    var directLine = window.WebChat.createDirectLine({
      domain: location.origin + '/v3/directline',
      token: session.token,
      conversationId: session.conversationId,
      webSocket: true
    });
    var props = {
      directLine: directLine,
      userID: session.userId,
      username: '家属',
      locale: 'zh-CN',
      styleOptions: {
        primaryFont: getComputedStyle(document.body).fontFamily,
        accent: '#b3261e',
        bubbleBorderRadius: 8,
        bubbleFromUserBorderRadius: 8,
        bubbleFromUserBackground: '#fbe9e7',
        hideUploadButton: true,
        sendBoxTextWrap: true,
        botAvatarInitials: '华新',
        userAvatarInitials: '我'
      }
    };
    function render(disabled) {
      props.disabled = disabled;
      window.WebChat.renderWebChat(props, document.getElementById('webchat'));
    }

    directLine.connectionStatus$.subscribe(function (connection) {
      if (connection === 2) {
        // Online: the conversation exists, so a reload can come back to it.
        sessionStorage.setItem(storageKey, JSON.stringify({ token: directLine.token, userId: session.userId, conversationId: directLine.conversationId }));
        status.hidden = true;
        render(false);
      } else if (connection === 4) {
        // ExpiredToken: the phone slept longer than the token lives; only a reload gets a new one.
        sessionStorage.removeItem(storageKey);
        show('会话已过期，请刷新页面继续咨询。');
      }
    });
    // Web Chat drops what is sent before the first connection, so typing waits until then (slow phone networks).
    render(true);
  }

  if (!window.WebChat) {
    fail();
    return;
  }
  resumedSession().then(start).catch(fail);
})();
