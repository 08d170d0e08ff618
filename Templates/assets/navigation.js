// Lesson page navigation: the course contents behind a button on phones, "On this page"
// collapsed where it sits above the lesson, and the section in view marked in it.
(function () {
  "use strict";
  var phone = window.matchMedia("(max-width: 60rem)");
  var narrow = window.matchMedia("(max-width: 75rem)");

  function setUpCourseMenu() {
    var nav = document.getElementById("lectern-course-nav");
    var button = document.querySelector(".course-nav-toggle");
    if (!nav || !button) return;
    function place() {
      button.hidden = !phone.matches;
      if (!phone.matches) { nav.classList.remove("is-open"); button.setAttribute("aria-expanded", "false"); }
    }
    button.addEventListener("click", function () {
      var open = !nav.classList.contains("is-open");
      nav.classList.toggle("is-open", open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) {
        var current = nav.querySelector('[aria-current="page"]') || nav.querySelector("a");
        if (current) current.focus();
      }
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !nav.classList.contains("is-open")) return;
      nav.classList.remove("is-open");
      button.setAttribute("aria-expanded", "false");
      button.focus();
    });
    if (phone.addEventListener) phone.addEventListener("change", place);
    place();
  }

  function setUpContents() {
    var details = document.querySelector(".toc-details");
    if (!details) return;
    if (narrow.matches) details.open = false;
    var links = Array.prototype.slice.call(details.querySelectorAll('a[href^="#"]'));
    var targets = links.map(function (link) { return document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1))); });
    if (!("IntersectionObserver" in window) || !targets.length) return;
    // The current section is the last heading above the upper third of the window.
    function mark() {
      var limit = window.innerHeight / 3, current = -1;
      targets.forEach(function (target, index) { if (target && target.getBoundingClientRect().top <= limit) current = index; });
      links.forEach(function (link, index) {
        if (index === current) link.setAttribute("aria-current", "true"); else link.removeAttribute("aria-current");
      });
    }
    var observer = new IntersectionObserver(mark, { rootMargin: "0px 0px -66% 0px" });
    targets.forEach(function (target) { if (target) observer.observe(target); });
    window.addEventListener("scroll", mark, { passive: true });
    mark();
  }

  // A table wider than the page scrolls sideways; keyboard users reach the scroll with Tab.
  function setUpWideTables() {
    Array.prototype.forEach.call(document.querySelectorAll(".lesson-body table"), function (table) {
      if (table.scrollWidth <= table.clientWidth + 1 || table.hasAttribute("tabindex")) return;
      table.tabIndex = 0;
    });
  }

  setUpCourseMenu();
  setUpContents();
  setUpWideTables();
})();
