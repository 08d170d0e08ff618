// Lectern learner progress: one versioned record per course in localStorage.
// The first half is pure logic (also loaded by `node --test`); the second wires it to pages.
(function (root) {
  "use strict";
  var VERSION = 1;
  var COMPLETE_READ = 0.95;

  function now() { return new Date().toISOString(); }
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }

  function emptyRecord(course) {
    return { version: VERSION, course: course, seed: 1 + Math.floor(Math.random() * 2147483646), updated: now(), lessons: {}, quizzes: {} };
  }

  function normaliseLesson(entry) {
    entry = isObject(entry) ? entry : {};
    return {
      firstVisit: typeof entry.firstVisit === "string" ? entry.firstVisit : null,
      lastVisit: typeof entry.lastVisit === "string" ? entry.lastVisit : null,
      read: typeof entry.read === "number" && entry.read >= 0 ? Math.min(1, entry.read) : 0,
      slidesSeen: Array.isArray(entry.slidesSeen) ? entry.slidesSeen.filter(function (n) { return typeof n === "number"; }) : [],
      marked: entry.marked === true ? true : entry.marked === false ? false : null,
      markedAt: typeof entry.markedAt === "string" ? entry.markedAt : null,
      completed: entry.completed === true,
      completedAt: typeof entry.completedAt === "string" ? entry.completedAt : null
    };
  }

  function isIndex(key) { return /^(0|[1-9][0-9]{0,5})$/.test(key); }

  // Keeps the entries of a per-question map whose key is a question number and whose value passes `keep`.
  function questionMap(value, keep) {
    var out = {};
    if (!isObject(value)) return out;
    Object.keys(value).forEach(function (key) { if (isIndex(key) && keep(value[key])) out[key] = value[key]; });
    return out;
  }

  function isCount(value) { return typeof value === "number" && isFinite(value) && value >= 0; }

  // A saved quiz in the shape quiz.js reads, or null when it cannot be one (the quiz then starts fresh).
  function normaliseQuiz(entry) {
    if (!isObject(entry) || typeof entry.hash !== "string") return null;
    var quiz = {
      hash: entry.hash,
      answers: questionMap(entry.answers, function (answer) {
        return Array.isArray(answer) && answer.every(function (part) { return typeof part === "string"; });
      }),
      checked: questionMap(entry.checked, function (value) { return typeof value === "boolean"; }),
      attempts: questionMap(entry.attempts, function (value) { return isCount(value) && Math.floor(value) === value; }),
      best: isCount(entry.best) ? entry.best : 0,
      passed: entry.passed === true
    };
    if (isObject(entry.revealed)) quiz.revealed = questionMap(entry.revealed, function (value) { return typeof value === "boolean"; });
    if (isCount(entry.total)) quiz.total = entry.total;
    if (typeof entry.updated === "string") quiz.updated = entry.updated;
    return quiz;
  }

  // Returns { record, problem, repaired } where problem is null, "corrupt", "newer" or "foreign", and
  // repaired counts the saved quizzes and lessons that had to be left out or reset.
  function migrate(raw, course) {
    if (raw === null || raw === undefined) return { record: emptyRecord(course), problem: null };
    var data = raw;
    if (typeof raw === "string") {
      try { data = JSON.parse(raw); } catch (error) { return { record: emptyRecord(course), problem: "corrupt" }; }
    }
    if (!isObject(data)) return { record: emptyRecord(course), problem: "corrupt" };
    if (typeof data.version === "number" && data.version > VERSION) return { record: emptyRecord(course), problem: "newer" };
    if (data.course !== undefined && data.course !== course) return { record: emptyRecord(course), problem: "foreign" };
    var record = emptyRecord(course);
    if (data.version === undefined || data.version === 0) {
      // Version 0 kept {completed: [lessonId], visited: {lessonId: isoDate}}.
      if (!Array.isArray(data.completed) && !isObject(data.visited)) return { record: record, problem: "corrupt" };
      (Array.isArray(data.completed) ? data.completed : []).forEach(function (id) {
        if (typeof id === "string") record.lessons[id] = normaliseLesson({ completed: true, marked: true, read: 1 });
      });
      Object.keys(isObject(data.visited) ? data.visited : {}).forEach(function (id) {
        var entry = record.lessons[id] || normaliseLesson({});
        entry.firstVisit = entry.lastVisit = String(data.visited[id]);
        record.lessons[id] = entry;
      });
      return { record: record, problem: null };
    }
    if (data.version !== VERSION || !isObject(data.lessons)) return { record: record, problem: "corrupt" };
    record.seed = typeof data.seed === "number" && data.seed > 0 ? data.seed : record.seed;
    record.updated = typeof data.updated === "string" ? data.updated : record.updated;
    if (typeof data.last === "string") record.last = data.last;
    if (typeof data.replacedAt === "string") record.replacedAt = data.replacedAt;
    var repaired = 0;
    Object.keys(data.lessons).forEach(function (id) {
      if (!isObject(data.lessons[id])) repaired += 1;
      record.lessons[id] = normaliseLesson(data.lessons[id]);
    });
    if (data.quizzes !== undefined && !isObject(data.quizzes)) repaired += 1;
    Object.keys(isObject(data.quizzes) ? data.quizzes : {}).forEach(function (id) {
      var quiz = normaliseQuiz(data.quizzes[id]);
      if (quiz) record.quizzes[id] = quiz; else repaired += 1;
    });
    return { record: record, problem: null, repaired: repaired };
  }

  function status(entry) {
    if (!entry) return "not-started";
    if (entry.completed) return "completed";
    return entry.firstVisit ? "in-progress" : "not-started";
  }

  // A lesson completes when marked, or when read to the end with every quiz passed; unmarking wins.
  function updateCompletion(entry, quizzesPassed) {
    var complete = entry.marked === true || (entry.marked !== false && entry.read >= COMPLETE_READ && quizzesPassed);
    if (complete && !entry.completed) entry.completedAt = now();
    entry.completed = complete;
    return entry;
  }

  function later(a, b) { return !a ? b : !b ? a : (a > b ? a : b); }
  function earlier(a, b) { return !a ? b : !b ? a : (a < b ? a : b); }

  // Merges an imported record into the current one: the later or better of each value wins.
  function merge(current, incoming) {
    var result = JSON.parse(JSON.stringify(current));
    Object.keys(incoming.lessons || {}).forEach(function (id) {
      var a = normaliseLesson(result.lessons[id]), b = normaliseLesson(incoming.lessons[id]);
      var markedFromB = b.markedAt && (!a.markedAt || b.markedAt > a.markedAt);
      result.lessons[id] = {
        firstVisit: earlier(a.firstVisit, b.firstVisit),
        lastVisit: later(a.lastVisit, b.lastVisit),
        read: Math.max(a.read, b.read),
        slidesSeen: a.slidesSeen.concat(b.slidesSeen.filter(function (n) { return a.slidesSeen.indexOf(n) < 0; })).sort(function (x, y) { return x - y; }),
        marked: markedFromB ? b.marked : a.marked,
        markedAt: later(a.markedAt, b.markedAt),
        completed: markedFromB ? (b.marked === false ? false : a.completed || b.completed) : (a.marked === false ? a.completed : a.completed || b.completed),
        completedAt: earlier(a.completedAt, b.completedAt)
      };
    });
    Object.keys(incoming.quizzes || {}).forEach(function (id) {
      var a = result.quizzes[id], b = incoming.quizzes[id];
      if (!isObject(b)) return;
      if (!isObject(a) || a.hash !== b.hash) {
        if (!isObject(a) || (b.updated || "") >= (a.updated || "")) result.quizzes[id] = b;
        return;
      }
      var newer = (b.updated || "") > (a.updated || "") ? b : a;
      result.quizzes[id] = {
        hash: a.hash, answers: newer.answers, checked: newer.checked, attempts: newer.attempts,
        best: Math.max(a.best || 0, b.best || 0), total: a.total || b.total, passed: !!(a.passed || b.passed),
        updated: later(a.updated, b.updated)
      };
    });
    result.updated = now();
    return result;
  }

  var api = { VERSION: VERSION, COMPLETE_READ: COMPLETE_READ, emptyRecord: emptyRecord, migrate: migrate, status: status,
              updateCompletion: updateCompletion, merge: merge, normaliseLesson: normaliseLesson, normaliseQuiz: normaliseQuiz };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; return; }
  root.LecternProgress = api;
})(this);
