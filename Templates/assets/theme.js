// Applies the remembered light/dark choice before the page paints.
(function () {
  // Scripts run: the page may hide what they can show again (the course menu on phones).
  document.documentElement.classList.add("js");
  try {
    var choice = localStorage.getItem("lectern:theme");
    if (choice === "dark" || choice === "light") document.documentElement.setAttribute("data-theme", choice);
  } catch (error) { /* storage unavailable: follow the system */ }
})();
