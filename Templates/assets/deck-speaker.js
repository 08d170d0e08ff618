// Lectern presenter view: the current slide and what comes next (the next fragment or the
// next slide), each a full 1280×720 slide scaled to fill its pane; notes with their own
// zoom; a timer that pauses and resets, the clock, the position and, when the lesson has a
// duration, the pace.
(function () {
  "use strict";
  var started = Date.now(), pausedAt = null, notesSize = 1.5;
  var state = { slides: [], index: 0, step: 0, total: 0 };

  function two(n) { return (n < 10 ? "0" : "") + n; }
  function elapsedSeconds() { return Math.floor(((pausedAt || Date.now()) - started) / 1000); }

  // A copy of a slide laid out at 1280×720, fitted, and scaled to its frame's width.
  function preview(frame, slide, visibleFragments) {
    frame.textContent = "";
    if (!slide) return;
    var copy = slide.cloneNode(true);
    copy.removeAttribute("id");
    copy.classList.add("is-current", "speaker-copy");
    copy.setAttribute("aria-hidden", "true");
    Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (element) { element.removeAttribute("id"); });
    (window.LecternFragmentSteps ? window.LecternFragmentSteps(copy) : []).forEach(function (group, index) {
      group.forEach(function (fragment) { fragment.classList.toggle("is-visible", index < visibleFragments); });
    });
    frame.appendChild(copy);
    scale(frame);
    if (window.LecternFit) window.LecternFit.slide(copy, window.LecternFit.floor);
  }

  function scale(frame) {
    var copy = frame.querySelector(".speaker-copy");
    if (copy) copy.style.transform = "scale(" + (frame.clientWidth / 1280) + ")";
  }

  function pace() {
    var minutes = parseFloat(document.body.getAttribute("data-duration") || "0");
    var element = document.querySelector(".speaker-pace");
    if (!minutes || !element) return;
    var expected = minutes * 60 * (state.total > 1 ? state.index / (state.total - 1) : 1);
    var behind = Math.round((elapsedSeconds() - expected) / 60);
    element.textContent = Math.abs(behind) < 1 ? "On pace" : Math.abs(behind) + " min " + (behind > 0 ? "behind" : "ahead");
    element.setAttribute("data-pace", Math.abs(behind) < 1 ? "on" : behind > 0 ? "behind" : "ahead");
  }

  function tick() {
    var seconds = elapsedSeconds();
    document.querySelector(".speaker-elapsed").textContent = two(Math.floor(seconds / 60)) + ":" + two(seconds % 60);
    var now = new Date();
    document.querySelector(".speaker-time").textContent = two(now.getHours()) + ":" + two(now.getMinutes());
    pace();
  }

  function render(slides, index, step, fragmentCount) {
    state = { slides: slides, index: index, step: step, total: slides.length };
    preview(document.querySelector(".speaker-frame-current"), slides[index], step);
    var nextFrame = document.querySelector(".speaker-frame-next");
    var label = document.querySelector(".speaker-next-label");
    if (step < fragmentCount) {
      preview(nextFrame, slides[index], step + 1);
      label.textContent = "Next: step " + (step + 1) + " of " + fragmentCount;
    } else {
      preview(nextFrame, slides[index + 1], 0);
      label.textContent = slides[index + 1] ? "Next slide" : "End of the deck";
    }
    var notes = slides[index].querySelector(".notes"), target = document.querySelector(".speaker-notes-body");
    target.textContent = "";
    if (notes) target.appendChild(notes.cloneNode(true)).className = "speaker-notes-copy";
    else target.textContent = "No notes for this slide.";
    document.querySelector(".speaker-position").textContent = "Slide " + (index + 1) + " of " + slides.length;
    pace();
  }

  function start() {
    var panel = document.querySelector(".speaker-panel");
    panel.hidden = false;
    panel.style.setProperty("--notes-size", notesSize + "rem");
    document.querySelector(".speaker-pause").addEventListener("click", function (event) {
      if (pausedAt) { started += Date.now() - pausedAt; pausedAt = null; event.currentTarget.textContent = "Pause"; }
      else { pausedAt = Date.now(); event.currentTarget.textContent = "Resume"; }
      tick();
    });
    document.querySelector(".speaker-reset").addEventListener("click", function () {
      started = Date.now();
      if (pausedAt) pausedAt = started;
      tick();
    });
    Array.prototype.forEach.call(document.querySelectorAll(".speaker-zoom"), function (button) {
      button.addEventListener("click", function () {
        notesSize = Math.max(0.8, Math.min(4, notesSize + parseFloat(button.getAttribute("data-step"))));
        panel.style.setProperty("--notes-size", notesSize + "rem");
      });
    });
    window.addEventListener("resize", function () {
      Array.prototype.forEach.call(document.querySelectorAll(".speaker-frame"), scale);
    });
    setInterval(tick, 1000);
    tick();
  }

  window.LecternSpeaker = { start: start, render: render };
})();
