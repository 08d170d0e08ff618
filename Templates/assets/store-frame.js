// The page every lesson, deck and the home page embed, hidden, at one fixed address
// (assets/store.html). It owns the learner's record: where each file:// page is an origin of
// its own (Firefox), this page's storage is the one they all share. It answers requests from
// the page that embeds it and tells it when another page changed the record.
(function () {
  "use strict";
  var parentWindow = window.parent;
  if (!parentWindow || parentWindow === window) return;
  // Over http only the site's own pages may talk to it; file:// origins are all "null".
  var origin = location.protocol === "file:" ? "*" : location.origin;
  function reply(message) { parentWindow.postMessage(message, origin); }
  function allowed(event) {
    return event.source === parentWindow && (location.protocol === "file:" || event.origin === location.origin);
  }
  function isOurs(key) { return typeof key === "string" && key.indexOf("lectern:") === 0; }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!allowed(event) || !data || data.lectern !== 1 || !isOurs(data.key)) return;
    try {
      if (data.type === "get") {
        reply({ lectern: 1, type: "value", key: data.key, value: localStorage.getItem(data.key) });
      } else if (data.type === "set" && typeof data.value === "string") {
        localStorage.setItem(data.key, data.value);
      }
    } catch (error) {
      reply({ lectern: 1, type: "unavailable", key: data.key });
    }
  });

  window.addEventListener("storage", function (event) {
    if (isOurs(event.key) && event.newValue !== null) {
      reply({ lectern: 1, type: "changed", key: event.key, value: event.newValue });
    }
  });

  reply({ lectern: 1, type: "ready" });
})();
