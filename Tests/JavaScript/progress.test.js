// Unit tests for the pure progress logic: node --test Tests/JavaScript
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const progress = require(path.join(__dirname, "../../Templates/assets/progress.js"));

test("a missing record starts empty for the course", () => {
  const { record, problem } = progress.migrate(null, "c1");
  assert.equal(problem, null);
  assert.equal(record.version, 1);
  assert.equal(record.course, "c1");
  assert.deepEqual(record.lessons, {});
});

test("corrupt, newer and foreign data are reported, never thrown", () => {
  assert.equal(progress.migrate("{not json", "c1").problem, "corrupt");
  assert.equal(progress.migrate("[1,2]", "c1").problem, "corrupt");
  assert.equal(progress.migrate({ version: 99, course: "c1", lessons: {} }, "c1").problem, "newer");
  assert.equal(progress.migrate({ version: 1, course: "other", lessons: {} }, "c1").problem, "foreign");
  assert.equal(progress.migrate({ version: 1, course: "c1", lessons: "x" }, "c1").problem, "corrupt");
});

test("version 0 records are migrated", () => {
  const { record, problem } = progress.migrate({ completed: ["a"], visited: { b: "2026-01-02T00:00:00Z" } }, "c1");
  assert.equal(problem, null);
  assert.equal(progress.status(record.lessons.a), "completed");
  assert.equal(progress.status(record.lessons.b), "in-progress");
  assert.equal(record.lessons.b.firstVisit, "2026-01-02T00:00:00Z");
});

test("fields of a version 1 record are normalised", () => {
  const { record } = progress.migrate({ version: 1, course: "c1", lessons: { a: { read: 7, slidesSeen: [1, "x"], marked: "yes" } } }, "c1");
  assert.equal(record.lessons.a.read, 1);
  assert.deepEqual(record.lessons.a.slidesSeen, [1]);
  assert.equal(record.lessons.a.marked, null);
});

test("status rules: opened is in progress; read to the end with quizzes passed completes", () => {
  const entry = progress.normaliseLesson({ firstVisit: "2026-01-01T00:00:00Z", read: 0.99 });
  assert.equal(progress.status(entry), "in-progress");
  progress.updateCompletion(entry, false);
  assert.equal(entry.completed, false);
  progress.updateCompletion(entry, true);
  assert.equal(entry.completed, true);
  entry.marked = false;
  progress.updateCompletion(entry, true);
  assert.equal(entry.completed, false, "unmarking wins over reading");
  entry.marked = true;
  entry.read = 0;
  progress.updateCompletion(entry, false);
  assert.equal(entry.completed, true, "marking completes without reading");
});

test("merge keeps the later or better of each value", () => {
  const a = progress.emptyRecord("c1"), b = progress.emptyRecord("c1");
  a.lessons.x = progress.normaliseLesson({ firstVisit: "2026-01-05T00:00:00Z", lastVisit: "2026-01-06T00:00:00Z", read: 0.4, slidesSeen: [1, 2] });
  b.lessons.x = progress.normaliseLesson({ firstVisit: "2026-01-01T00:00:00Z", lastVisit: "2026-01-03T00:00:00Z", read: 0.9, slidesSeen: [2, 5],
    completed: true, marked: true, markedAt: "2026-01-03T00:00:00Z" });
  b.lessons.y = progress.normaliseLesson({ firstVisit: "2026-01-02T00:00:00Z" });
  a.quizzes["x/q"] = { hash: "h", best: 1, total: 3, passed: false, updated: "2026-01-06T00:00:00Z", answers: { 0: ["1"] } };
  b.quizzes["x/q"] = { hash: "h", best: 3, total: 3, passed: true, updated: "2026-01-02T00:00:00Z", answers: { 0: ["0"] } };
  const merged = progress.merge(a, b);
  assert.equal(merged.lessons.x.firstVisit, "2026-01-01T00:00:00Z");
  assert.equal(merged.lessons.x.lastVisit, "2026-01-06T00:00:00Z");
  assert.equal(merged.lessons.x.read, 0.9);
  assert.deepEqual(merged.lessons.x.slidesSeen, [1, 2, 5]);
  assert.equal(merged.lessons.x.completed, true);
  assert.equal(progress.status(merged.lessons.y), "in-progress");
  assert.equal(merged.quizzes["x/q"].best, 3);
  assert.equal(merged.quizzes["x/q"].passed, true);
  assert.deepEqual(merged.quizzes["x/q"].answers, { 0: ["1"] }, "answers come from the later record");
});

test("a later unmark survives a merge with an older completion", () => {
  const a = progress.emptyRecord("c1"), b = progress.emptyRecord("c1");
  a.lessons.x = progress.normaliseLesson({ completed: false, marked: false, markedAt: "2026-02-01T00:00:00Z" });
  b.lessons.x = progress.normaliseLesson({ completed: true, marked: true, markedAt: "2026-01-01T00:00:00Z" });
  assert.equal(progress.merge(a, b).lessons.x.completed, false);
  assert.equal(progress.merge(b, a).lessons.x.completed, false);
});

test("the last lesson and the time of a reset or import survive a reload", () => {
  const stored = { version: 1, course: "c1", seed: 7, updated: "2026-03-01T00:00:00Z", last: "a",
                   replacedAt: "2026-02-01T00:00:00Z", lessons: {}, quizzes: {} };
  const { record } = progress.migrate(JSON.stringify(stored), "c1");
  assert.equal(record.last, "a");
  assert.equal(record.replacedAt, "2026-02-01T00:00:00Z");
  assert.equal(progress.migrate(JSON.stringify({ ...stored, last: 3 }), "c1").record.last, undefined);
});

test("merging a page's copy into the shared record keeps the shared seed and both pages' work", () => {
  const shared = progress.migrate({ version: 1, course: "c1", seed: 11, lessons: { a: { completed: true, marked: true } }, quizzes: {} }, "c1").record;
  const page = progress.migrate({ version: 1, course: "c1", seed: 99, lessons: { b: { read: 0.5 } }, quizzes: {} }, "c1").record;
  const merged = progress.merge(shared, page);
  assert.equal(merged.seed, 11);
  assert.equal(progress.status(merged.lessons.a), "completed");
  assert.equal(merged.lessons.b.read, 0.5);
});

test("fields of the wrong type are repaired, and a broken quiz starts fresh on its own", () => {
  const stored = {
    version: 1, course: "c1", seed: "x", updated: 5, last: null,
    lessons: { a: "done", b: { completed: "yes", read: "all", slidesSeen: "1,2", firstVisit: 3 }, c: null },
    quizzes: {
      "a/q1": null,
      "a/q2": { hash: 7 },
      "a/q3": { hash: "h", answers: { 0: "x", 1: ["a", 2], 2: ["b"], bad: ["c"] }, checked: { 0: "yes", 1: true },
                attempts: { 0: -1, 1: 2.5, 2: 3 }, best: "3", passed: "true", revealed: [true] },
      "a/q4": { hash: "k", answers: { 0: ["1"] }, checked: { 0: true }, attempts: { 0: 1 }, best: 1, passed: true }
    }
  };
  const { record, problem, repaired } = progress.migrate(JSON.stringify(stored), "c1");
  assert.equal(problem, null);
  assert.equal(typeof record.seed, "number");
  assert.equal(typeof record.updated, "string");
  assert.deepEqual(record.lessons.a, progress.normaliseLesson({}));
  assert.equal(record.lessons.b.completed, false);
  assert.equal(record.lessons.b.read, 0);
  assert.deepEqual(record.lessons.b.slidesSeen, []);
  assert.equal(record.lessons.b.firstVisit, null);
  assert.equal(record.quizzes["a/q1"], undefined);
  assert.equal(record.quizzes["a/q2"], undefined);
  assert.deepEqual(record.quizzes["a/q3"], {
    hash: "h", answers: { 2: ["b"] }, checked: { 1: true }, attempts: { 2: 3 }, best: 0, passed: false
  });
  assert.deepEqual(record.quizzes["a/q4"].answers, { 0: ["1"] });
  assert.equal(record.quizzes["a/q4"].passed, true);
  assert.equal(repaired, 4, "two lessons and two quizzes could not be read");
});

test("an old record whose lists have the wrong type is read without throwing", () => {
  assert.doesNotThrow(() => progress.migrate(JSON.stringify({ completed: "a", visited: { a: 1 } }), "c1"));
  assert.doesNotThrow(() => progress.migrate(JSON.stringify({ completed: ["a", 3, null], visited: "x" }), "c1"));
  assert.equal(progress.migrate(JSON.stringify({ completed: ["a", 3] }), "c1").record.lessons.a.completed, true);
  assert.equal(progress.migrate(JSON.stringify({ version: 1, course: "c1", lessons: {}, quizzes: [] }), "c1").repaired, 1);
});
