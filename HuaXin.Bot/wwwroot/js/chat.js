// Starts Web Chat against this service's own Direct Line endpoint. The token comes from /api/webchat/token, which
// makes a new anonymous user per visit; no secret ever reaches the browser.
(function () {
  'use strict';

  var status = document.getElementById('status');

  function fail() {
    status.hidden = false;
    status.className = 'status error';
    status.textContent = '暂时无法连接在线咨询服务，请稍后刷新页面重试。';
  }

  if (!window.WebChat) {
    fail();
    return;
  }

  fetch('/api/webchat/token', { method: 'POST', headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('token request failed: ' + response.status);
      }
      return response.json();
    })
    .then(function (session) {
      var directLine = window.WebChat.createDirectLine({
        domain: location.origin + '/v3/directline',
        token: session.token,
        webSocket: true
      });
      window.WebChat.renderWebChat(
        {
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
        },
        document.getElementById('webchat')
      );
      status.hidden = true;
    })
    .catch(fail);
})();
