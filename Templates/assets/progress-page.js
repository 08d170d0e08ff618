// Lesson pages record visits, reading and completion; the home page shows the dashboard.
(function () {
  "use strict";
  var store = window.LecternStore, logic = window.LecternProgress;
  var html = document.documentElement;
  var lessonId = html.getAttribute("data-lesson");
  var labels = { "not-started": "Not Started", "in-progress": "In Progress", "completed": "Completed ✓" };

  function quizzesPassed(id) {
    var record = store.record;
    return Array.prototype.every.call(document.querySelectorAll(".quiz"), function (quiz) {
      var entry = record.quizzes[id + "/" + quiz.getAttribute("data-quiz")];
      return entry && entry.hash === quiz.getAttribute("data-hash") && entry.passed;
    });
  }

  function lessons(count) { return count === 1 ? "1 lesson" : count + " lessons"; }

  function setStatus(element, state) {
    element.setAttribute("data-status", state);
    element.textContent = labels[state];
  }

  // ---- The course contents beside a lesson: each lesson's status ----
  var spoken = { "not-started": "Not started: ", "in-progress": "In progress: ", "completed": "Completed: " };
  function renderNavigation() {
    var record = store.record;
    document.querySelectorAll(".course-nav a[data-lesson]").forEach(function (link) {
      var state = logic.status(record.lessons[link.getAttribute("data-lesson")]);
      var mark = link.querySelector(".nav-status");
      if (!mark || mark.getAttribute("data-status") === state) return;
      mark.setAttribute("data-status", state);
      mark.querySelector(".visually-hidden").textContent = spoken[state];
    });
  }

  // ---- Lesson page ----
  function lessonPage() {
    store.visit(lessonId);
    store.record.last = lessonId;
    var button = document.querySelector(".mark-complete"), prompt = document.querySelector(".next-prompt");
    function render() {
      var current = store.lesson(lessonId);
      var state = logic.status(current);
      document.querySelectorAll(".lesson-meta .lesson-status").forEach(function (element) { setStatus(element, state); });
      if (button) {
        button.hidden = false;
        button.setAttribute("aria-pressed", current.completed ? "true" : "false");
        button.textContent = current.completed ? "Completed ✓ (undo)" : "Mark complete";
      }
      if (prompt) prompt.hidden = !current.completed;
      renderNavigation();
    }
    // Reading to the end counts once the reader has scrolled there, or, on a page with quizzes,
    // once they are passed; merely opening a short page does not complete it.
    var scrolled = false, hasQuizzes = document.querySelectorAll(".quiz").length > 0;
    function refresh() {
      var passed = quizzesPassed(lessonId);
      logic.updateCompletion(store.lesson(lessonId), hasQuizzes ? passed : scrolled && passed);
      store.save();
    }
    var pending = null;
    function measure() {
      var page = document.documentElement;
      var seen = (window.scrollY + window.innerHeight) / Math.max(page.scrollHeight, 1);
      var current = store.lesson(lessonId);
      if (seen > current.read + 0.02 || (seen >= logic.COMPLETE_READ && current.read < logic.COMPLETE_READ)) {
        current.read = Math.min(1, seen);
        if (!pending) pending = setTimeout(function () { pending = null; refresh(); }, 400);
      }
    }
    if (button) {
      button.addEventListener("click", function () {
        var current = store.lesson(lessonId);
        if (!current.completed && document.querySelector(".quiz") && !quizzesPassed(lessonId) &&
            !window.confirm("The quiz on this page is not passed yet. Mark the lesson complete anyway?")) return;
        current.marked = !current.completed;
        current.markedAt = new Date().toISOString();
        refresh();
      });
    }
    store.onChange(render);
    document.addEventListener("lectern:quiz", refresh);
    window.addEventListener("scroll", function () { scrolled = true; measure(); }, { passive: true });
    window.addEventListener("pagehide", function () { if (pending) { clearTimeout(pending); refresh(); } });
    measure();
    refresh();
  }

  // ---- Home page ----
  function bar(container, done, total, text) {
    container.hidden = false;
    container.textContent = "";
    var progress = document.createElement("progress");
    progress.max = Math.max(total, 1);
    progress.value = done;
    progress.setAttribute("aria-label", text);
    var label = document.createElement("span");
    label.className = "progress-label";
    label.textContent = text;
    container.appendChild(progress);
    container.appendChild(label);
  }

  function homePage() {
    function render() {
      var record = store.record, cards = Array.prototype.slice.call(document.querySelectorAll(".lesson-card"));
      var done = 0, minutesLeft = 0;
      cards.forEach(function (card) {
        var id = card.getAttribute("data-lesson"), entry = record.lessons[id], state = logic.status(entry);
        setStatus(card.querySelector(".lesson-status"), state);
        card.setAttribute("data-status", state);
        if (state === "completed") done++; else minutesLeft += parseInt(card.getAttribute("data-minutes"), 10) || 0;
        var scores = Object.keys(record.quizzes).filter(function (key) { return key.indexOf(id + "/") === 0; })
          .map(function (key) { var quiz = record.quizzes[key]; return "Quiz " + (quiz.best || 0) + "/" + (quiz.total || "?") + (quiz.passed ? " ✓" : ""); });
        var score = card.querySelector(".lesson-score");
        if (!score) {
          score = document.createElement("span");
          score.className = "lesson-score";
          card.querySelector(".lesson-meta").appendChild(score);
        }
        score.textContent = scores.length ? " · " + scores.join(", ") : "";
      });
      document.querySelectorAll(".module").forEach(function (module) {
        var moduleCards = module.querySelectorAll(".lesson-card"), finished = module.querySelectorAll('.lesson-card[data-status="completed"]').length;
        bar(module.querySelector(".module-progress"), finished, moduleCards.length, finished + " of " + lessons(moduleCards.length) + " completed");
      });
      var overall = document.querySelector(".course-progress");
      if (overall) bar(overall, done, cards.length, done + " of " + lessons(cards.length) + " completed · " + minutesLeft + " min left");
      var continueBox = document.querySelector(".continue"), target = null;
      var visited = cards.filter(function (card) { var entry = record.lessons[card.getAttribute("data-lesson")]; return entry && entry.lastVisit; });
      visited.sort(function (a, b) { return record.lessons[b.getAttribute("data-lesson")].lastVisit > record.lessons[a.getAttribute("data-lesson")].lastVisit ? 1 : -1; });
      if (visited.length) {
        target = visited[0];
        if (logic.status(record.lessons[target.getAttribute("data-lesson")]) === "completed") {
          var after = cards.slice(cards.indexOf(target) + 1).concat(cards).filter(function (card) { return card.getAttribute("data-status") !== "completed"; });
          target = after.length ? after[0] : null;
        }
      }
      if (continueBox) {
        // A first visit starts at the first lesson; later ones continue where the learner was.
        var first = !visited.length && cards.length ? cards[0] : null;
        continueBox.hidden = !target && !first;
        var link = continueBox.querySelector("a");
        if (target) {
          link.href = target.querySelector("h3 a").getAttribute("href");
          link.textContent = "Continue where you left off: " + target.querySelector("h3 a").textContent;
        } else if (first) {
          link.href = first.querySelector("h3 a").getAttribute("href");
          link.textContent = "Start the course: " + first.querySelector("h3 a").textContent;
        }
      }
    }
    setUpTransfer(render);
    store.onChange(render);
    render();
  }

  // ---- Export, import, reset ----
  function setUpTransfer(render) {
    var panel = document.querySelector(".progress-tools");
    if (!panel) return;
    panel.hidden = false;
    var message = panel.querySelector(".progress-message");
    panel.querySelector(".progress-export").addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(store.record, null, 2)], { type: "application/json" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "progress-" + store.course + ".json";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      message.textContent = "Progress exported.";
    });
    panel.querySelector(".progress-import").addEventListener("change", function (event) {
      var file = event.target.files && event.target.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var data;
        try { data = JSON.parse(reader.result); } catch (error) { message.textContent = "That file is not a progress export."; return; }
        if (!data || typeof data !== "object" || (data.course !== undefined && data.course !== store.course)) {
          message.textContent = "That file holds progress for another course (" + (data && data.course) + "); nothing was imported.";
          return;
        }
        var result = logic.migrate(data, store.course);
        if (result.problem) { message.textContent = "That file could not be read as progress for this course; nothing was imported."; return; }
        store.replace(logic.merge(store.record, result.record));
        message.textContent = result.repaired
          ? "Progress imported; " + result.repaired + " saved " + (result.repaired === 1 ? "entry" : "entries") + " that could not be read " + (result.repaired === 1 ? "was" : "were") + " left out."
          : "Progress imported.";
        event.target.value = "";
      };
      reader.readAsText(file);
    });
    panel.querySelector(".progress-reset").addEventListener("click", function () {
      if (!window.confirm("Reset all progress for this course? This cannot be undone.")) return;
      store.replace(logic.emptyRecord(store.course));
      message.textContent = "Progress reset.";
      render();
    });
  }

  store.ready(function () {
    if (lessonId) lessonPage();
    if (document.querySelector(".page-home")) homePage();
  });
})();
