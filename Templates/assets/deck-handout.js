// Lectern handouts (`?handout`): each slide, fitted, beside its notes; several to a page.
(function () {
  "use strict";
  function scaleAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".handout-frame"), function (frame) {
      var slide = frame.querySelector(".slide");
      if (slide) slide.style.transform = "scale(" + (frame.clientWidth / 1280) + ")";
    });
  }

  function layOut(slides) {
    slides.forEach(function (slide) {
      var item = document.createElement("div");
      item.className = "handout-item";
      var frame = document.createElement("div");
      frame.className = "handout-frame";
      var notes = document.createElement("div");
      notes.className = "handout-notes";
      var source = slide.querySelector(".notes");
      if (source) {
        while (source.firstChild) notes.appendChild(source.firstChild);
        source.parentNode.removeChild(source);
      }
      slide.parentNode.insertBefore(item, slide);
      frame.appendChild(slide);
      item.appendChild(frame);
      item.appendChild(notes);
    });
    scaleAll();
    if (window.LecternFit) window.LecternFit.all(slides, 0);
    window.addEventListener("resize", scaleAll);
    window.addEventListener("load", function () { scaleAll(); if (window.LecternFit) window.LecternFit.all(slides, 0); });
    if (window.matchMedia) {
      var paper = window.matchMedia("print");
      var onChange = function () { scaleAll(); };
      if (paper.addEventListener) paper.addEventListener("change", onChange); else if (paper.addListener) paper.addListener(onChange);
    }
    window.addEventListener("beforeprint", scaleAll);
  }

  window.LecternHandout = { layOut: layOut, scale: scaleAll };
})();
