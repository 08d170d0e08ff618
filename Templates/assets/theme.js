// Applies the remembered light/dark choice before the page paints.
(function () {
  try {
    var choice = localStorage.getItem("lectern:theme");
    if (choice === "dark" || choice === "light") document.documentElement.setAttribute("data-theme", choice);
  } catch (error) { /* storage unavailable: follow the system */ }
})();
