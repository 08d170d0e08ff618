// Lectern quizzes: checking, feedback, hints, paging, shuffling and saved state.
(function () {
  "use strict";
  var html = document.documentElement;
  var lesson = html.getAttribute("data-lesson") || location.pathname;

  // ---- Storage: the course record of store.js; quiz entries are keyed by lesson and quiz id ----
  var store = window.LecternStore;
  function loadRecord() { return store.record; }
  function saveRecord() { store.save(); }

  // ---- Deterministic shuffle per learner ----
  function random(seed) {
    var state = seed % 2147483647;
    if (state <= 0) state += 2147483646;
    return function () { state = state * 16807 % 2147483647; return (state - 1) / 2147483646; };
  }
  function hashString(text) {
    var value = 0;
    for (var i = 0; i < text.length; i++) value = (value * 31 + text.charCodeAt(i)) | 0;
    return Math.abs(value);
  }
  function shuffleChildren(container, seed) {
    var items = Array.prototype.slice.call(container.children), next = random(seed);
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(next() * (i + 1)), swap = items[i]; items[i] = items[j]; items[j] = swap;
    }
    items.forEach(function (item) { container.appendChild(item); });
  }

  // ---- Ordering ----
  function isSolved(order) {
    return Array.prototype.every.call(order.children, function (item, index) { return item.getAttribute("data-position") === String(index); });
  }
  // Each control names the item it moves, and the ones that cannot move it are disabled.
  function labelOrder(order) {
    var items = Array.prototype.slice.call(order.children);
    items.forEach(function (item, index) {
      var text = item.querySelector(".quiz-order-text").textContent.trim();
      var up = item.querySelector(".quiz-up"), down = item.querySelector(".quiz-down");
      up.setAttribute("aria-label", "Move “" + text + "” up");
      down.setAttribute("aria-label", "Move “" + text + "” down");
      if (!item.classList.contains("is-locked")) {
        up.disabled = index === 0;
        down.disabled = index === items.length - 1;
      }
    });
  }

  // ---- Answers ----
  function isEmpty(question, answer) {
    var kind = question.getAttribute("data-kind");
    if (kind === "order") return false;
    if (kind === "fill" || kind === "numeric") return answer.every(function (value) { return !String(value).trim(); });
    return answer.length === 0;
  }
  function normalise(text) { return text.toLowerCase().replace(/\s+/g, ""); }
  function readAnswer(question) {
    var kind = question.getAttribute("data-kind");
    if (kind === "fill" || kind === "numeric") {
      return Array.prototype.map.call(question.querySelectorAll(".quiz-blank"), function (input) { return input.value; });
    }
    if (kind === "order") {
      return Array.prototype.map.call(question.querySelectorAll(".quiz-order li"), function (item) { return item.getAttribute("data-position"); });
    }
    return Array.prototype.filter.call(question.querySelectorAll(".quiz-choice input"), function (input) { return input.checked; })
      .map(function (input) { return input.value; });
  }
  function writeAnswer(question, answer) {
    var kind = question.getAttribute("data-kind");
    if (kind === "fill" || kind === "numeric") {
      question.querySelectorAll(".quiz-blank").forEach(function (input, index) { input.value = answer[index] || ""; });
    } else if (kind === "order") {
      var list = question.querySelector(".quiz-order");
      answer.forEach(function (position) {
        var item = list.querySelector('li[data-position="' + position + '"]');
        if (item) list.appendChild(item);
      });
    } else {
      question.querySelectorAll(".quiz-choice input").forEach(function (input) { input.checked = answer.indexOf(input.value) >= 0; });
    }
  }
  function isCorrect(question) {
    var kind = question.getAttribute("data-kind");
    if (kind === "fill") {
      return Array.prototype.every.call(question.querySelectorAll(".quiz-blank"), function (input) {
        return input.getAttribute("data-accept").split("|").some(function (accepted) { return normalise(accepted) === normalise(input.value); });
      });
    }
    if (kind === "numeric") {
      return Array.prototype.every.call(question.querySelectorAll(".quiz-blank"), function (input) {
        var value = parseFloat(input.value.replace(",", ".")), target = parseFloat(input.getAttribute("data-number"));
        return !isNaN(value) && Math.abs(value - target) <= parseFloat(input.getAttribute("data-tolerance") || "0") + 1e-9;
      });
    }
    if (kind === "order") {
      return readAnswer(question).every(function (position, index) { return String(index) === position; });
    }
    return Array.prototype.every.call(question.querySelectorAll(".quiz-choice"), function (choice) {
      return choice.querySelector("input").checked === (choice.getAttribute("data-correct") === "true");
    });
  }

  function setUp(quiz) {
    var id = lesson + "/" + quiz.getAttribute("data-quiz"), hash = quiz.getAttribute("data-hash");
    var questions = Array.prototype.slice.call(quiz.querySelectorAll(".quiz-question"));
    var total = questions.length, required = parseInt(quiz.getAttribute("data-pass"), 10);
    var allowed = parseInt(quiz.getAttribute("data-attempts") || "0", 10);
    var paged = quiz.getAttribute("data-mode") === "paged", current = 0;
    var record = loadRecord();
    var entry = record.quizzes[id];
    if (!entry || entry.hash !== hash) entry = { hash: hash, answers: {}, checked: {}, attempts: {}, best: 0, passed: false };
    var status = quiz.querySelector(".quiz-status");
    quiz.classList.add("quiz-ready");

    var seed = record.seed + hashString(id);
    questions.forEach(function (question, index) {
      var order = question.querySelector(".quiz-order");
      if (order) {
        shuffleChildren(order, seed + index);
        // A shuffle can land on the answer; an ordering question must never start solved.
        if (isSolved(order) && order.children.length > 1) order.appendChild(order.firstElementChild);
        labelOrder(order);
      }
      var choices = question.querySelector(".quiz-choices");
      if (choices && quiz.getAttribute("data-shuffle") === "true") shuffleChildren(choices, seed + index);
    });

    function score() {
      return questions.filter(function (question, index) { return entry.checked[index] === true; }).length;
    }
    function updateStatus() {
      var value = score();
      entry.best = Math.max(entry.best || 0, value);
      entry.passed = entry.passed || entry.best >= required;
      var text = (paged ? "Question " + (current + 1) + " of " + total + " · " : "") + "Score " + value + "/" + total;
      if (entry.passed) text += " · Passed";
      status.textContent = text;
      quiz.classList.toggle("quiz-passed", !!entry.passed);
    }
    function persist() {
      entry.total = total;
      entry.updated = new Date().toISOString();
      record = loadRecord();
      record.quizzes[id] = entry;
      saveRecord();
      document.dispatchEvent(new CustomEvent("lectern:quiz", { detail: { id: id, passed: entry.passed, best: entry.best } }));
    }
    function setLocked(question, locked) {
      question.querySelectorAll("input, .quiz-up, .quiz-down").forEach(function (input) { input.disabled = locked; });
      question.querySelectorAll(".quiz-order li").forEach(function (item) { item.classList.toggle("is-locked", locked); });
      var order = question.querySelector(".quiz-order");
      if (order && !locked) labelOrder(order);
      question.querySelector(".quiz-check").hidden = locked;
      question.querySelector(".quiz-retry").hidden = !locked;
    }
    // Feedback for the chosen options always; the explanation only once the question is
    // settled (answered right, answer shown, or no attempts left), so a wrong answer teaches
    // through feedback and hints rather than giving the answer away.
    function showOutcome(question, index, correct, revealed) {
      var result = question.querySelector(".quiz-result");
      var attemptsUsed = entry.attempts[index] || 0;
      var exhausted = allowed && attemptsUsed >= allowed && !correct;
      var hints = question.querySelectorAll(".quiz-hint[hidden]");
      result.textContent = correct ? "Correct." : "Not quite. Review the feedback" + (hints.length ? ", read the hint," : "") + " and try again.";
      if (!correct && !exhausted && hints.length) {
        hints[0].hidden = false;
        var hintButton = question.querySelector(".quiz-hint-button");
        if (hintButton) hintButton.hidden = hints.length <= 1;
      }
      question.classList.toggle("quiz-correct", correct);
      question.classList.toggle("quiz-incorrect", !correct);
      question.querySelectorAll(".quiz-choice").forEach(function (choice) {
        var input = choice.querySelector("input"), feedback = choice.querySelector(".quiz-feedback");
        var right = choice.getAttribute("data-correct") === "true";
        choice.classList.toggle("is-right", input.checked && right);
        choice.classList.toggle("is-wrong", input.checked !== right && input.checked);
        if (feedback) feedback.hidden = !input.checked;
      });
      var explanation = question.querySelector(".quiz-explanation");
      if (explanation) explanation.hidden = !(correct || revealed || exhausted);
      setLocked(question, true);
      if (exhausted) {
        question.querySelector(".quiz-retry").hidden = true;
        result.textContent = "Not quite, and no attempts are left. The explanation is below.";
      }
      showSummary();
    }
    function clearOutcome(question) {
      question.classList.remove("quiz-correct", "quiz-incorrect");
      question.querySelector(".quiz-result").textContent = "";
      question.querySelectorAll(".quiz-choice").forEach(function (choice) {
        choice.classList.remove("is-right", "is-wrong");
        var feedback = choice.querySelector(".quiz-feedback");
        if (feedback) feedback.hidden = true;
      });
      var explanation = question.querySelector(".quiz-explanation");
      if (explanation) explanation.hidden = true;
      setLocked(question, false);
    }
    // A paged quiz ends with a summary once every question is answered: the score, whether
    // it passed, and each question with a way back to it.
    function showSummary() {
      if (!paged) return;
      var done = questions.every(function (question, index) { return entry.checked[index] !== undefined; });
      var summary = quiz.querySelector(".quiz-summary");
      if (!done) { if (summary) summary.hidden = true; return; }
      if (!summary) {
        summary = document.createElement("div");
        summary.className = "quiz-summary";
        summary.setAttribute("role", "status");
        quiz.appendChild(summary);
      }
      summary.hidden = false;
      summary.textContent = "";
      var heading = document.createElement("p");
      heading.className = "quiz-summary-score";
      var value = score();
      heading.textContent = "You answered " + value + " of " + total + " correctly. " +
        (value >= required ? "Passed." : "Not passed yet: " + required + " needed.");
      summary.appendChild(heading);
      var list = document.createElement("ol");
      questions.forEach(function (question, index) {
        var item = document.createElement("li");
        var revealed = entry.revealed && entry.revealed[index];
        item.textContent = (entry.checked[index] === true ? "Correct" : revealed ? "Answer shown" : "Not correct") + " · ";
        var review = document.createElement("button");
        review.type = "button";
        review.className = "quiz-review";
        review.textContent = "Review question " + (index + 1);
        review.addEventListener("click", function () {
          show(index);
          var legend = questions[index].querySelector("legend");
          legend.setAttribute("tabindex", "-1");
          legend.focus();
        });
        item.appendChild(review);
        list.appendChild(item);
      });
      summary.appendChild(list);
    }
    function show(index) {
      current = Math.max(0, Math.min(total - 1, index));
      questions.forEach(function (question, position) { question.hidden = paged && position !== current; });
      var pager = quiz.querySelector(".quiz-pager");
      pager.hidden = !paged;
      pager.querySelector(".quiz-previous").disabled = current === 0;
      pager.querySelector(".quiz-next").disabled = current === total - 1;
      updateStatus();
    }

    questions.forEach(function (question, index) {
      question.querySelector(".quiz-check").addEventListener("click", function () {
        var answer = readAnswer(question);
        var result = question.querySelector(".quiz-result");
        if (isEmpty(question, answer)) {
          // Nothing chosen: no attempt is used and nothing is revealed.
          var kind = question.getAttribute("data-kind");
          result.textContent = kind === "fill" || kind === "numeric" ? "Fill in an answer first." : "Choose an answer first.";
          result.setAttribute("tabindex", "-1");
          result.focus();
          return;
        }
        entry.answers[index] = answer;
        entry.attempts[index] = (entry.attempts[index] || 0) + 1;
        var correct = isCorrect(question);
        entry.checked[index] = correct;
        showOutcome(question, index, correct);
        updateStatus();
        persist();
        // The result is read out and focused; the next control is one Tab away.
        result.setAttribute("tabindex", "-1");
        result.focus();
      });
      // Enter in a blank checks the answer, as in any form.
      question.querySelectorAll(".quiz-blank").forEach(function (input) {
        input.addEventListener("keydown", function (event) {
          if (event.key === "Enter") { event.preventDefault(); question.querySelector(".quiz-check").click(); }
        });
      });
      question.querySelector(".quiz-retry").addEventListener("click", function () {
        clearOutcome(question);
        var first = question.querySelector("input, .quiz-up");
        if (first) first.focus();
      });
      question.querySelector(".quiz-reveal").addEventListener("click", function () {
        var kind = question.getAttribute("data-kind");
        if (kind === "fill" || kind === "numeric") {
          question.querySelectorAll(".quiz-blank").forEach(function (input) {
            input.value = input.getAttribute("data-number") || input.getAttribute("data-accept").split("|")[0];
          });
        } else if (kind === "order") {
          var list = question.querySelector(".quiz-order");
          Array.prototype.slice.call(list.children).sort(function (a, b) {
            return a.getAttribute("data-position") - b.getAttribute("data-position");
          }).forEach(function (item) { list.appendChild(item); });
        } else {
          question.querySelectorAll(".quiz-choice").forEach(function (choice) {
            choice.querySelector("input").checked = choice.getAttribute("data-correct") === "true";
          });
        }
        entry.checked[index] = false;
        entry.revealed = entry.revealed || {};
        entry.revealed[index] = true;
        showOutcome(question, index, true, true);
        question.querySelector(".quiz-result").textContent = "Answer shown; it does not count towards the score.";
        updateStatus();
        persist();
      });
      var hintButton = question.querySelector(".quiz-hint-button");
      if (hintButton) {
        var hints = question.querySelectorAll(".quiz-hint");
        hintButton.textContent = "Show a hint (" + hints.length + " available)";
        hintButton.addEventListener("click", function () {
          var shown = question.querySelectorAll(".quiz-hint:not([hidden])").length;
          if (shown < hints.length) hints[shown].hidden = false;
          hintButton.hidden = shown + 1 >= hints.length;
          hints[shown].setAttribute("tabindex", "-1");
          hints[shown].focus();
        });
      }
      question.querySelectorAll(".quiz-order li").forEach(function (item) {
        item.querySelector(".quiz-up").addEventListener("click", function () {
          if (!item.previousElementSibling) return;
          item.parentNode.insertBefore(item, item.previousElementSibling);
          labelOrder(item.parentNode);
          (item.querySelector(".quiz-up").disabled ? item.querySelector(".quiz-down") : item.querySelector(".quiz-up")).focus();
        });
        item.querySelector(".quiz-down").addEventListener("click", function () {
          if (!item.nextElementSibling) return;
          item.parentNode.insertBefore(item.nextElementSibling, item);
          labelOrder(item.parentNode);
          (item.querySelector(".quiz-down").disabled ? item.querySelector(".quiz-up") : item.querySelector(".quiz-down")).focus();
        });
      });
      if (entry.answers[index]) {
        writeAnswer(question, entry.answers[index]);
        var order = question.querySelector(".quiz-order");
        if (order) labelOrder(order);
        if (entry.checked[index] !== undefined) showOutcome(question, index, entry.checked[index] === true, !!(entry.revealed && entry.revealed[index]));
      }
    });
    quiz.querySelector(".quiz-previous").addEventListener("click", function () { show(current - 1); questions[current].querySelector("legend").scrollIntoView({ block: "nearest" }); });
    quiz.querySelector(".quiz-next").addEventListener("click", function () { show(current + 1); });
    show(0);
  }

  // Quizzes start from the shared record, so an answer given on the page shows on the deck.
  store.ready(function () { document.querySelectorAll(".quiz").forEach(setUp); });
})();
