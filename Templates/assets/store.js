// The browser side of learner progress: loading with migration, backups and notices,
// saving, and keeping open tabs in step. Pages and quizzes read and write through it.
(function () {
  "use strict";
  var logic = window.LecternProgress;
  var html = document.documentElement;
  var course = html.getAttribute("data-course") || "course";
  var key = "lectern:v1:" + course;
  var record = null, available = true, listeners = [];

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
    if (raw === null || result.problem) save();
    if (!available) notice("Progress is not being saved: this browser does not allow this site to store data. Everything still works for this visit.");
    return record;
  }

  function save() {
    record.updated = new Date().toISOString();
    try {
      localStorage.setItem(key, JSON.stringify(record));
    } catch (error) {
      if (available) notice("Progress is not being saved: the browser's storage is full or blocked. Everything still works for this visit.");
      available = false;
    }
    listeners.forEach(function (listener) { listener(record); });
  }

  window.addEventListener("storage", function (event) {
    if (event.key !== key || event.newValue === null) return;
    var result = logic.migrate(event.newValue, course);
    if (result.problem) return;
    record = result.record;
    listeners.forEach(function (listener) { listener(record); });
  });

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
    replace: function (next) { record = next; save(); },
    // Stamps a visit to a lesson: the first visit once, the last visit every time.
    visit: function (id) {
      var entry = this.lesson(id), stamp = new Date().toISOString();
      if (!entry.firstVisit) entry.firstVisit = stamp;
      entry.lastVisit = stamp;
      return entry;
    },
    onChange: function (listener) { listeners.push(listener); },
    notice: notice
  };
})();
