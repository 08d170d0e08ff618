// Lectern slide decks: navigation, fragments, overview, fullscreen, the presenter view's
// window and its sync (deck-speaker.js draws it), print.
(function () {
  "use strict";
  var body = document.body;
  var slides = Array.prototype.slice.call(document.querySelectorAll(".deck-canvas > .slide"));
  var total = slides.length, current = 0, step = 0;
  var params = new URLSearchParams(location.search);
  var mode = params.has("speaker") || params.has("presenter") ? "speaker"
    : params.has("handout") ? "handout" : params.has("print") ? "print" : "present";
  var speaker = null, typed = "";
  var lessonId = document.documentElement.getAttribute("data-lesson");

  slides.forEach(function (slide) {
    var background = slide.getAttribute("data-background-image");
    if (background) slide.style.backgroundImage = "url(\"" + background.replace(/"/g, "%22") + "\")";
    var color = slide.getAttribute("data-background-color");
    if (color) {
      slide.style.backgroundColor = color;
      // Light text on a dark background, as reveal.js does.
      var rgb = (getComputedStyle(slide).backgroundColor.match(/[\d.]+/g) || []).map(Number);
      if (rgb.length >= 3 && 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] < 110) slide.classList.add("has-dark-background");
    }
    ["size", "position", "repeat"].forEach(function (name) {
      var value = slide.getAttribute("data-background-" + name);
      if (value) slide.style["background" + name.charAt(0).toUpperCase() + name.slice(1)] = value;
    });
  });

  // Steps of a slide: fragments with a `data-fragment-index` by that index (equal indices
  // appear together), then the others in document order, as reveal.js orders them.
  function fragmentSteps(slide) {
    var indexed = {}, keys = [], rest = [];
    Array.prototype.forEach.call(slide.querySelectorAll(".fragment"), function (element) {
      var key = parseInt(element.getAttribute("data-fragment-index"), 10);
      if (isNaN(key)) { rest.push([element]); return; }
      if (!indexed[key]) { indexed[key] = []; keys.push(key); }
      indexed[key].push(element);
    });
    keys.sort(function (a, b) { return a - b; });
    return keys.map(function (key) { return indexed[key]; }).concat(rest);
  }
  window.LecternFragmentSteps = fragmentSteps;
  function fragments(index) { return slides[index] ? fragmentSteps(slides[index]) : []; }

  function fit() {
    var viewport = document.querySelector(".deck-viewport");
    var scale = Math.min(viewport.clientWidth / 1280, viewport.clientHeight / 720);
    document.querySelector(".deck-canvas").style.setProperty("--deck-scale", String(Math.max(scale, 0.1)));
  }

  function recordSeen(index) {
    if (!window.LecternStore || !lessonId) return;
    var entry = window.LecternStore.visit(lessonId);
    if (entry.slidesSeen.indexOf(index) < 0) {
      entry.slidesSeen.push(index);
      entry.slidesSeen.sort(function (a, b) { return a - b; });
    }
    window.LecternStore.save();
  }

  // Code blocks with `data-line-numbers` steps: the lines of the latest step shown are marked.
  function markCodeSteps(slide) {
    Array.prototype.forEach.call(slide.querySelectorAll(".code-block[data-line-steps]"), function (block) {
      var lines = block.getAttribute("data-line-steps").split("|")[0];
      Array.prototype.forEach.call(block.querySelectorAll(".code-step"), function (marker) {
        if (marker.classList.contains("is-visible") || mode === "print" || mode === "handout") lines = marker.getAttribute("data-lines");
      });
      var marked = lines ? lines.split(",") : [];
      Array.prototype.forEach.call(block.querySelectorAll(".code-line"), function (line) {
        line.classList.toggle("is-marked", marked.indexOf(line.getAttribute("data-line")) >= 0);
      });
    });
  }

  function fitCurrent() { if (window.LecternFit && mode === "present") window.LecternFit.slide(slides[current], window.LecternFit.floor); }

  function render(notify) {
    slides.forEach(function (slide, index) {
      slide.classList.toggle("is-current", index === current);
      // In the overview every slide is on screen, so none is hidden from assistive technology.
      var shown = index === current || mode !== "present" || body.classList.contains("deck-overview");
      slide.setAttribute("aria-hidden", shown ? "false" : "true");
    });
    fitCurrent();
    fragments(current).forEach(function (group, index) {
      group.forEach(function (fragment) { fragment.classList.toggle("is-visible", index < step); });
    });
    slides.forEach(markCodeSteps);
    document.querySelector(".deck-number").textContent = (current + 1) + " / " + total;
    document.querySelector(".deck-progress-bar").style.width = (total > 1 ? current / (total - 1) * 100 : 100) + "%";
    var hash = "#/" + (current + 1) + (step ? "/" + step : "");
    if (location.hash !== hash) history.replaceState(null, "", hash);
    if (mode === "speaker") renderSpeaker();
    if (mode === "present") recordSeen(current);
    if (notify !== false) broadcast();
  }

  function go(index, fragmentStep, notify) {
    current = Math.max(0, Math.min(total - 1, index));
    step = Math.max(0, Math.min(fragments(current).length, fragmentStep || 0));
    render(notify);
  }
  function next() {
    if (step < fragments(current).length) { step++; render(); }
    else if (current < total - 1) go(current + 1, 0);
  }
  function previous() {
    if (step > 0) { step--; render(); }
    else if (current > 0) go(current - 1, fragments(current - 1).length);
  }

  // With `#` sections above slide-level 2 headings the deck is two-dimensional, as in
  // reveal.js: ← → move between sections (after the current slide's steps), ↓ ↑ within one.
  var columns = [], grid = false;
  slides.forEach(function (slide, index) {
    var opens = index === 0 || slide.classList.contains("slide-section");
    if (opens && index > 0) grid = true;
    columns.push(index === 0 ? 0 : columns[index - 1] + (opens ? 1 : 0));
  });
  function across(direction) {
    if (direction > 0 && step < fragments(current).length) { next(); return; }
    if (direction < 0 && step > 0) { previous(); return; }
    var target = columns[current] + direction;
    var index = columns.indexOf(target);
    if (index >= 0) go(index, 0);
  }

  function fromHash() {
    var match = /^#\/(\d+)(?:\/(\d+))?/.exec(location.hash);
    if (match) return { index: parseInt(match[1], 10) - 1, step: parseInt(match[2] || "0", 10) };
    if (location.hash.length > 1) {
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      var slide = target && target.closest(".slide");
      if (slide) return { index: slides.indexOf(slide), step: 0 };
    }
    return { index: 0, step: 0 };
  }

  // ---- Speaker view: a second window that drives and follows this one ----
  function broadcast() {
    var message = { lectern: "deck", index: current, step: step };
    if (speaker && !speaker.closed) speaker.postMessage(message, "*");
    if (mode === "speaker" && window.opener && !window.opener.closed) window.opener.postMessage(message, "*");
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.lectern !== "deck") return;
    if (data.hello && mode !== "speaker") { speaker = event.source; broadcast(); return; }
    if (data.index !== current || data.step !== step) go(data.index, data.step, false);
  });
  function openSpeaker() {
    var url = location.href.split("#")[0].split("?")[0] + "?speaker#/" + (current + 1) + (step ? "/" + step : "");
    speaker = window.open(url, "lectern-speaker-" + lessonId, "width=1100,height=760");
  }
  function renderSpeaker() {
    if (window.LecternSpeaker) window.LecternSpeaker.render(slides, current, step, fragments(current).length);
  }

  // ---- Input ----
  function toggleOverview(force) {
    var on = force === undefined ? !body.classList.contains("deck-overview") : force;
    body.classList.toggle("deck-overview", on);
    render(false);
    if (on && window.LecternFit) window.LecternFit.all(slides, window.LecternFit.floor);
    if (on) slides[current].scrollIntoView({ block: "center" });
  }
  document.addEventListener("keydown", function (event) {
    if (event.target && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var key = event.key, handled = true;
    if (/^[0-9]$/.test(key)) { typed += key; return; }
    if (key === "Enter" && typed) { go(parseInt(typed, 10) - 1, 0); typed = ""; event.preventDefault(); return; }
    typed = "";
    if (body.classList.contains("deck-overview") && (key === "Escape" || key === "o" || key === "O" || key === "Enter")) { toggleOverview(false); event.preventDefault(); return; }
    switch (key) {
      case "ArrowRight": if (grid) across(1); else next(); break;
      case "ArrowLeft": if (grid) across(-1); else previous(); break;
      case "ArrowDown": case " ": case "PageDown": case "n": next(); break;
      case "ArrowUp": case "PageUp": case "p": case "Backspace": previous(); break;
      case "Home": go(0, 0); break;
      case "End": go(total - 1, 0); break;
      case "o": case "O": case "Escape": toggleOverview(); break;
      case "f": case "F":
        if (document.fullscreenElement) document.exitFullscreen(); else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
        break;
      case "s": case "S": if (mode === "present") openSpeaker(); break;
      default: handled = false;
    }
    if (handled) event.preventDefault();
  });
  var touchX = null;
  document.addEventListener("touchstart", function (event) { touchX = event.touches[0].clientX; }, { passive: true });
  document.addEventListener("touchend", function (event) {
    if (touchX === null) return;
    var dx = event.changedTouches[0].clientX - touchX;
    touchX = null;
    if (Math.abs(dx) > 50) { if (dx < 0) next(); else previous(); }
  });
  document.querySelector(".deck-viewport").addEventListener("click", function (event) {
    if (event.target.closest("a, button, input, label, select, textarea, details, .quiz")) return;
    var slide = event.target.closest(".slide");
    if (body.classList.contains("deck-overview")) { if (slide) { go(slides.indexOf(slide), 0); toggleOverview(false); } return; }
    if (event.clientX < window.innerWidth / 3) previous(); else next();
  });
  document.querySelector(".deck-previous").addEventListener("click", previous);
  document.querySelector(".deck-next").addEventListener("click", next);
  document.querySelector(".deck-overview-button").addEventListener("click", function () { toggleOverview(); });
  document.querySelector(".deck-speaker-button").addEventListener("click", openSpeaker);
  document.querySelector(".deck-fullscreen-button").addEventListener("click", function () {
    if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
  });
  window.addEventListener("hashchange", function () { var target = fromHash(); go(target.index, target.step); });
  window.addEventListener("resize", fit);

  var fitForPaper = window.LecternFit ? window.LecternFit.watchPaper(slides, mode, fitCurrent) : function () {};
  window.addEventListener("load", fitCurrent);

  // ---- Start ----
  if (mode === "handout") {
    body.classList.add("deck-handout");
    slides.forEach(function (slide) { slide.classList.add("is-current"); });
    if (window.LecternHandout) window.LecternHandout.layOut(slides);
    return;
  }
  if (mode === "print") {
    body.classList.add("deck-print");
    slides.forEach(function (slide) { slide.classList.add("is-current"); });
    fitForPaper();
    window.addEventListener("load", fitForPaper);
    return;
  }
  if (mode === "speaker") {
    body.classList.add("deck-speaker");
    if (window.LecternSpeaker) window.LecternSpeaker.start();
    if (window.opener) window.opener.postMessage({ lectern: "deck", hello: true }, "*");
  }
  fit();
  var start = fromHash();
  go(start.index, start.step, false);
})();
