// Lectern slide fitting: content taller or wider than the 1280×720 canvas is scaled down as
// a whole (CSS zoom, so text reflows at the smaller size) until it fits; on screen not below
// a floor, past which the slide scrolls instead. `.r-stretch` media take the height left,
// `.r-fit-text` text grows to the slide's width.
(function () {
  "use strict";
  var FLOOR = 0.6;

  function padding(slide) {
    var style = getComputedStyle(slide);
    return { top: parseFloat(style.paddingTop), right: parseFloat(style.paddingRight),
             bottom: parseFloat(style.paddingBottom), left: parseFloat(style.paddingLeft) };
  }

  // True when the body's box, or anything inside it, runs past the slide's padding box.
  function overflows(slide, body) {
    var s = slide.getBoundingClientRect(), b = body.getBoundingClientRect();
    if (!s.width || !slide.offsetWidth) return false;
    var k = s.width / slide.offsetWidth, pad = padding(slide);
    if (body.scrollWidth > body.clientWidth + 1 || body.scrollHeight > body.clientHeight + 1) return true;
    return b.bottom > s.bottom - pad.bottom * k + 0.5 || b.top < s.top + pad.top * k - 0.5 ||
      b.right > s.right - pad.right * k + 0.5;
  }

  function stretch(slide, body) {
    var pad = padding(slide), inner = slide.clientHeight - pad.top - pad.bottom;
    Array.prototype.forEach.call(body.querySelectorAll(".r-stretch"), function (element) {
      element.style.height = "";
      var rest = body.offsetHeight - element.offsetHeight;
      var height = inner - rest;
      if (height > 60) { element.style.height = height + "px"; element.style.width = "auto"; }
    });
  }

  function fitText(body) {
    Array.prototype.forEach.call(body.querySelectorAll(".r-fit-text"), function (element) {
      element.style.fontSize = "";
      var width = element.scrollWidth, room = body.clientWidth;
      if (!width || !room) return;
      var size = parseFloat(getComputedStyle(element).fontSize) * room / width;
      element.style.fontSize = Math.min(size, 400) + "px";
    });
  }

  // Fits one slide (it must be displayed); returns the scale used. `floor` 0 fits whatever
  // scale it takes, as on paper.
  function fitSlide(slide, floor) {
    var body = slide.querySelector(".slide-body");
    if (!body || !slide.offsetWidth) return 1;
    body.style.zoom = "";
    slide.classList.remove("is-overfull");
    stretch(slide, body);
    fitText(body);
    // Paper does not scroll: `.scrollable` slides are fitted there too.
    if ((slide.classList.contains("scrollable") && floor > 0) || !overflows(slide, body)) return 1;
    var low = floor > 0 ? floor : 0.05, high = 1;
    body.style.zoom = String(low);
    if (overflows(slide, body)) {
      if (floor > 0) slide.classList.add("is-overfull");
      return low;
    }
    for (var i = 0; i < 9; i++) {
      var middle = (low + high) / 2;
      body.style.zoom = String(middle);
      if (overflows(slide, body)) high = middle; else low = middle;
    }
    body.style.zoom = String(low);
    return low;
  }

  function fitAll(slides, floor) { slides.forEach(function (slide) { fitSlide(slide, floor); }); }

  // Paper does not scroll: before printing every slide is laid out as on paper and fitted at
  // any scale; afterwards the deck returns to the screen. Returns the function that does it.
  function watchPaper(slides, mode, afterwards) {
    function forPaper() {
      if (mode === "handout") return;
      document.body.classList.add("deck-printing");
      fitAll(slides, 0);
    }
    window.addEventListener("beforeprint", forPaper);
    if (window.matchMedia) {
      var paper = window.matchMedia("print");
      var onChange = function () { if (paper.matches && mode !== "handout") fitAll(slides, 0); };
      if (paper.addEventListener) paper.addEventListener("change", onChange); else if (paper.addListener) paper.addListener(onChange);
    }
    window.addEventListener("afterprint", function () {
      if (mode !== "present" && mode !== "speaker") return;
      document.body.classList.remove("deck-printing");
      afterwards();
    });
    return forPaper;
  }

  window.LecternFit = { floor: FLOOR, slide: fitSlide, all: fitAll, watchPaper: watchPaper };
})();
