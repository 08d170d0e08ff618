// The browser side of learner progress: loading with migration, backups and notices,
// saving, and keeping pages in step. Pages and quizzes read and write through it.
//
// The record lives in one page of the site, assets/store.html, embedded hidden in every
// page: opened from files on disk, Firefox gives each page a storage of its own, but the
// embedded page is always the same file, so its storage is the one all pages share. Each page
// keeps a copy in its own storage too, so it can show progress at once; when the shared record
// answers, the two are merged and the page is told.
(function () {
  "use strict";
  var logic = window.LecternProgress;
  var html = document.documentElement;
  var course = html.getAttribute("data-course") || "course";
  var key = "lectern:v1:" + course, themeKey = "lectern:theme";
  var record = null, available = true, listeners = [], waiting = [], settled = false;
  var frame = null, connected = false;
  var fileSite = location.protocol === "file:";

  function notice(text) {
    var element = document.querySelector(".progress-notice");
    if (!element) return;
    element.textContent = text;
    element.hidden = false;
  }
  var problems = {
    corrupt: "Your saved progress could not be read, so it was set aside as a backup and progress starts fresh.",
    newer: "Your saved progress comes from a newer version of this site; it was kept as a backup and progress starts fresh here.",
    foreign: "The saved progress here belongs to another course; it was kept as a backup."
  };

  function load() {
    var raw = null;
    try { raw = localStorage.getItem(key); } catch (error) { available = false; }
    var result = logic.migrate(raw, course);
    if (result.problem) {
      try { localStorage.setItem(key + ":backup:" + Date.now(), raw); } catch (error) { available = false; }
      notice(problems[result.problem]);
    }
    record = result.record;
    if (raw === null || result.problem) writeLocal();
    if (!available) notice("Progress is not being saved: this browser does not allow this site to store data. Everything still works for this visit.");
    return record;
  }

  function writeLocal() {
    try {
      localStorage.setItem(key, JSON.stringify(record));
    } catch (error) {
      if (available) notice("Progress is not being saved: the browser's storage is full or blocked. Everything still works for this visit.");
      available = false;
    }
  }

  function notify() { listeners.forEach(function (listener) { listener(record); }); }

  function save() {
    record.updated = new Date().toISOString();
    writeLocal();
    post({ type: "set", key: key, value: JSON.stringify(record) });
    notify();
  }

  // ---- The shared record, over postMessage ----
  function target() { return fileSite ? "*" : location.origin; }
  function post(message) {
    if (!connected) return;
    message.lectern = 1;
    frame.contentWindow.postMessage(message, target());
  }
  // What a record says, leaving out when it was last written.
  function content(value) {
    var copy = {};
    Object.keys(value).forEach(function (name) { if (name !== "updated") copy[name] = value[name]; });
    return JSON.stringify(copy);
  }

  // Takes the shared record in: a reset or import elsewhere wins over an older copy here;
  // otherwise the two are merged, the shared one setting the shuffle seed.
  function adopt(raw) {
    var current = record || load();
    var shared = raw === null ? null : logic.migrate(raw, course);
    var next = current;
    if (shared && !shared.problem) {
      var replaced = shared.record.replacedAt;
      next = replaced && replaced > (current.updated || "") ? shared.record : logic.merge(shared.record, current);
      if (content(next) === content(shared.record)) next = shared.record;
    }
    if (!shared || shared.problem || content(next) !== content(shared.record)) {
      post({ type: "set", key: key, value: JSON.stringify(next) });
    }
    if (content(next) !== content(current)) {
      record = next;
      writeLocal();
      notify();
    }
  }

  function applyTheme(value) {
    if (value !== "dark" && value !== "light" && value !== "system") return;
    if ((html.getAttribute("data-theme") || "system") === value) return;
    if (value === "system") html.removeAttribute("data-theme"); else html.setAttribute("data-theme", value);
    try { localStorage.setItem(themeKey, value); } catch (error) { /* not remembered here */ }
    document.dispatchEvent(new CustomEvent("lectern:theme", { detail: value }));
  }

  function settle() {
    if (settled) return;
    settled = true;
    waiting.splice(0).forEach(function (callback) { callback(); });
  }

  function connect() {
    var root = html.getAttribute("data-root");
    if (root === null || !document.body) { settle(); return; }
    frame = document.createElement("iframe");
    frame.className = "lectern-store";
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.title = "Progress store";
    frame.setAttribute("aria-hidden", "true");
    frame.src = root + "assets/store.html";
    window.addEventListener("message", function (event) {
      if (event.source !== frame.contentWindow || (!fileSite && event.origin !== location.origin)) return;
      var data = event.data;
      if (!data || data.lectern !== 1) return;
      if (data.type === "ready") {
        connected = true;
        post({ type: "get", key: key });
        post({ type: "get", key: themeKey });
      } else if ((data.type === "value" || data.type === "changed") && data.key === key) {
        adopt(data.value);
        settle();
      } else if ((data.type === "value" || data.type === "changed") && data.key === themeKey) {
        if (data.value === null) {
          var own = html.getAttribute("data-theme");
          if (own) post({ type: "set", key: themeKey, value: own });
          else try { own = localStorage.getItem(themeKey); if (own) post({ type: "set", key: themeKey, value: own }); } catch (error) { /* none */ }
        } else {
          applyTheme(data.value);
        }
      } else if (data.type === "unavailable") {
        settle();
      }
    });
    setTimeout(function () {
      if (connected) return;
      settle();
      if (fileSite) notice("This browser keeps progress separately for each page opened from disk, so what you do here is not seen on other pages. Use Export and Import on the course home page to carry it across, or open the course from a web server.");
    }, 3000);
    document.body.appendChild(frame);
  }

  // Changes made in another tab of the same origin (http, or Chromium's file://).
  window.addEventListener("storage", function (event) {
    if (event.key !== key || event.newValue === null) return;
    var result = logic.migrate(event.newValue, course);
    if (result.problem) return;
    record = result.record;
    notify();
  });

  // This page's copy first, so its notices show at once; then the shared record.
  load();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", connect); else connect();

  window.LecternStore = {
    key: key,
    course: course,
    get record() { return record || load(); },
    get available() { if (!record) load(); return available; },
    save: save,
    lesson: function (id) {
      var current = this.record;
      if (!current.lessons[id]) current.lessons[id] = logic.normaliseLesson({});
      return current.lessons[id];
    },
    // Replaces the whole record (an import or a reset): it wins over older copies elsewhere.
    replace: function (next) {
      record = next;
      record.replacedAt = new Date().toISOString();
      save();
    },
    // Stamps a visit to a lesson: the first visit once, the last visit every time.
    visit: function (id) {
      var entry = this.lesson(id), stamp = new Date().toISOString();
      if (!entry.firstVisit) entry.firstVisit = stamp;
      entry.lastVisit = stamp;
      return entry;
    },
    // Calls back once the shared record has been merged in (or could not be reached).
    ready: function (callback) { if (settled) callback(); else waiting.push(callback); },
    shareTheme: function (value) { post({ type: "set", key: themeKey, value: value }); },
    onChange: function (listener) { listeners.push(listener); },
    notice: notice
  };
})();
