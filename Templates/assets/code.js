// Lectern code blocks: a copy button on each block (the page works without it).
(function () {
  "use strict";
  var live = document.createElement("div");
  live.className = "visually-hidden code-copy-status";
  live.setAttribute("aria-live", "polite");

  // The code as written: line numbers are generated content and never part of it.
  function codeText(block) {
    var code = block.querySelector("pre > code");
    return code ? code.textContent : "";
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    document.body.removeChild(area);
    return done;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return fallbackCopy(text); });
    }
    return Promise.resolve(fallbackCopy(text));
  }

  function announce(button, message) {
    button.textContent = message;
    live.textContent = message;
    window.setTimeout(function () { button.textContent = "Copy"; }, 2000);
  }

  function setUp() {
    var blocks = document.querySelectorAll(".code-block");
    if (!blocks.length) return;
    document.body.appendChild(live);
    Array.prototype.forEach.call(blocks, function (block) {
      // A block that scrolls sideways must be reachable by keyboard to be scrolled.
      var pre = block.querySelector("pre");
      if (pre && pre.scrollWidth > pre.clientWidth + 1 && !pre.hasAttribute("tabindex")) {
        pre.setAttribute("tabindex", "0");
        pre.setAttribute("aria-label", "Code, scrolls sideways");
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "code-copy";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy code to the clipboard");
      button.addEventListener("click", function (event) {
        event.stopPropagation();
        copy(codeText(block)).then(function (done) {
          announce(button, done ? "Copied" : "Copy failed");
        });
      });
      block.appendChild(button);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
