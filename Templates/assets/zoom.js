// Click (or Enter on) an image in a lesson to see it at full size in a dialog; Escape, a
// click or the close button puts it away.
(function () {
  "use strict";
  var images = Array.prototype.filter.call(document.querySelectorAll(".lesson-body img"), function (image) {
    return !image.closest("a, button, .card-header");
  });
  if (!images.length || typeof HTMLDialogElement !== "function") return;
  var dialog = document.createElement("dialog");
  dialog.className = "image-zoom";
  dialog.setAttribute("aria-label", "Image at full size");
  var close = document.createElement("button");
  close.type = "button";
  close.className = "image-zoom-close button";
  close.textContent = "Close";
  var big = document.createElement("img");
  dialog.appendChild(close);
  dialog.appendChild(big);
  document.body.appendChild(dialog);
  close.addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (event) { if (event.target !== close) dialog.close(); });
  images.forEach(function (image) {
    image.classList.add("zoomable");
    image.tabIndex = 0;
    image.setAttribute("role", "button");
    image.setAttribute("aria-label", "Enlarge: " + (image.alt || "image"));
    function open() {
      big.src = image.currentSrc || image.src;
      big.alt = image.alt;
      dialog.showModal();
      close.focus();
    }
    image.addEventListener("click", open);
    image.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(); }
    });
  });
})();
