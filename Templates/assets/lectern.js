// Lectern site behaviour: theme toggle, search, keyboard shortcuts. No dependencies.
(function () {
  "use strict";
  var root = document.documentElement.getAttribute("data-root") || "";

  // ---- Theme -------------------------------------------------------------
  function currentTheme() {
    var chosen = document.documentElement.getAttribute("data-theme");
    if (chosen) return chosen;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  // Three choices: the system's, then the other look, then the system's look chosen for good,
  // so the first press always changes what the reader sees.
  function setupThemeToggle() {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    var names = { system: "system", light: "light", dark: "dark" };
    function choice() { return document.documentElement.getAttribute("data-theme") || "system"; }
    function cycle() {
      var systemDark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
      return ["system", systemDark ? "light" : "dark", systemDark ? "dark" : "light"];
    }
    var sync = function () {
      var now = choice(), order = cycle(), next = order[(order.indexOf(now) + 1) % 3];
      button.setAttribute("data-choice", now);
      button.setAttribute("aria-label", "Colour theme: " + names[now] + " (press for " + names[next] + ")");
      button.title = "Theme: " + names[now];
    };
    sync();
    button.addEventListener("click", function () {
      var order = cycle(), next = order[(order.indexOf(choice()) + 1) % 3];
      if (next === "system") document.documentElement.removeAttribute("data-theme");
      else document.documentElement.setAttribute("data-theme", next);
      try { localStorage.setItem("lectern:theme", next); } catch (error) { /* not remembered */ }
      if (window.LecternStore) window.LecternStore.shareTheme(next);
      sync();
    });
    // The choice made on another page arrives through the progress store.
    document.addEventListener("lectern:theme", sync);
  }

  // ---- Search ------------------------------------------------------------
  var indexPromise = null;
  function loadIndex(src) {
    if (window.LecternSearchIndex) return Promise.resolve(window.LecternSearchIndex);
    if (indexPromise) return indexPromise;
    indexPromise = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () { resolve(window.LecternSearchIndex); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return indexPromise;
  }

  function terms(query) {
    return query.toLowerCase().split(/\s+/).filter(function (term) { return term.length > 0; });
  }

  // Whether two words are one typo apart: a letter added, missing or wrong, or two swapped.
  function withinOne(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0, j = 0, edits = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { i++; j++; continue; }
      if (++edits > 1) return false;
      if (a.length === b.length && a[i] === b[j + 1] && a[i + 1] === b[j]) { i += 2; j += 2; continue; }
      if (a.length > b.length) i++; else if (a.length < b.length) j++; else { i++; j++; }
    }
    return edits + (a.length - i) + (b.length - j) <= 1;
  }
  // The word of `haystack` that a query word of four letters or more misspells, if any.
  function typoOf(haystack, word) {
    if (word.length < 4) return null;
    var tokens = haystack.split(/[^0-9a-z\u00c0-\uffff]+/);
    for (var i = 0; i < tokens.length; i++) if (tokens[i] && withinOne(tokens[i], word)) return tokens[i];
    return null;
  }

  function search(index, query, limit) {
    var words = terms(query);
    if (!words.length) return [];
    var results = [];
    index.lessons.forEach(function (lesson) {
      var haystackTitle = lesson.t.toLowerCase();
      lesson.s.forEach(function (section) {
        var heading = section[0], text = section[2];
        var haystackHeading = heading.toLowerCase(), haystack = text.toLowerCase();
        var score = 0, marks = [];
        for (var i = 0; i < words.length; i++) {
          var word = words[i], found = false;
          if (haystackTitle.indexOf(word) >= 0) { score += 10; found = true; }
          if (haystackHeading.indexOf(word) >= 0) { score += 5; found = true; }
          if (haystack.indexOf(word) >= 0) { score += 1; found = true; }
          if (found) { marks.push(word); continue; }
          // No exact match: one typo per word is forgiven, at a lower score.
          var near = typoOf(haystackTitle, word) || typoOf(haystackHeading, word) || typoOf(haystack, word);
          if (!near) return;
          score += 0.5;
          marks.push(near);
        }
        results.push({ score: score, lesson: lesson, heading: heading, anchor: section[1], text: text, marks: marks });
      });
    });
    results.sort(function (a, b) { return b.score - a.score; });
    return results.slice(0, limit);
  }

  function highlighted(text, words) {
    var fragment = document.createDocumentFragment();
    var lower = text.toLowerCase(), position = 0;
    while (position < text.length) {
      var next = -1, length = 0;
      words.forEach(function (word) {
        var at = lower.indexOf(word, position);
        if (at >= 0 && (next < 0 || at < next)) { next = at; length = word.length; }
      });
      if (next < 0) { fragment.appendChild(document.createTextNode(text.slice(position))); break; }
      fragment.appendChild(document.createTextNode(text.slice(position, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      fragment.appendChild(mark);
      position = next + length;
    }
    return fragment;
  }

  // Some 180 characters around the first match, cut at word boundaries.
  function snippet(text, words) {
    var lower = text.toLowerCase(), at = -1;
    words.forEach(function (word) { var found = lower.indexOf(word); if (found >= 0 && (at < 0 || found < at)) at = found; });
    var start = Math.max(0, at - 60), end = Math.min(text.length, start + 180);
    if (start > 0) { var space = text.indexOf(" ", start); if (space >= 0 && space < Math.max(at, start + 1)) start = space + 1; }
    if (end < text.length) { var back = text.lastIndexOf(" ", end); if (back > Math.max(at, start)) end = back; }
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  function renderResults(list, results, terms) {
    list.textContent = "";
    results.forEach(function (result) {
      var item = document.createElement("li");
      item.className = "search-result";
      // Highlight what matched, typo matches included.
      var words = result.marks && result.marks.length ? result.marks : terms;
      var link = document.createElement("a");
      link.href = root + result.lesson.u + (result.anchor ? "#" + result.anchor : "");
      var title = document.createElement("span");
      title.className = "result-title";
      title.appendChild(highlighted(result.heading && result.heading !== result.lesson.t ? result.lesson.t + " › " + result.heading : result.lesson.t, words));
      var context = document.createElement("span");
      context.className = "result-context";
      context.appendChild(highlighted(snippet(result.text, words), words));
      link.appendChild(title);
      link.appendChild(context);
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  function setupSearchBox() {
    var form = document.querySelector(".site-search");
    if (!form) return;
    var input = form.querySelector("input"), popup = form.querySelector(".search-popup");
    var src = form.getAttribute("data-index");
    var update = function () {
      var query = input.value.trim();
      if (!query) { popup.hidden = true; popup.textContent = ""; return; }
      loadIndex(src).then(function (index) {
        var words = terms(query), results = search(index, query, 8);
        popup.textContent = "";
        if (!results.length) {
          var empty = document.createElement("p");
          empty.className = "search-empty";
          empty.textContent = "No lessons match “" + query + "”.";
          popup.appendChild(empty);
        } else {
          var list = document.createElement("ol");
          renderResults(list, results, words);
          popup.appendChild(list);
        }
        popup.hidden = false;
      });
    };
    input.addEventListener("input", update);
    input.addEventListener("focus", function () { loadIndex(src); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { input.value = ""; update(); input.blur(); }
      if (event.key === "ArrowDown") {
        var first = popup.querySelector("a");
        if (first) { event.preventDefault(); first.focus(); }
      }
    });
    popup.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(popup.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && at < links.length - 1) { event.preventDefault(); links[at + 1].focus(); }
      if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
      if (event.key === "Escape") { popup.hidden = true; input.focus(); }
    });
    document.addEventListener("click", function (event) { if (!form.contains(event.target)) popup.hidden = true; });
  }

  function setupSearchPage() {
    var list = document.querySelector(".search-page-results");
    if (!list) return;
    var input = document.getElementById("search-page-input"), status = document.querySelector(".search-status");
    var src = document.querySelector(".site-search").getAttribute("data-index");
    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    if (!query.trim()) { status.textContent = "Type a word or phrase to search every lesson."; return; }
    loadIndex(src).then(function (index) {
      var results = search(index, query, 50);
      renderResults(list, results, terms(query));
      status.textContent = results.length === 1 ? "1 result for “" + query + "”." : results.length + " results for “" + query + "”.";
    }, function () { status.textContent = "The search index could not be loaded."; });
  }

  // ---- Keyboard ------------------------------------------------------------
  function setupShortcuts() {
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      var target = event.target;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      var input = document.getElementById("search-page-input") || document.getElementById("site-search-input");
      if (input) { event.preventDefault(); input.focus(); }
    });
  }

  setupThemeToggle();
  setupSearchBox();
  setupSearchPage();
  setupShortcuts();
})();
