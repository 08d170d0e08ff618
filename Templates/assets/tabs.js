// Tab sets: the titled sections of a `.tabset` become a tab list, driven by the arrow keys,
// Home and End as the ARIA authoring practices describe. Without scripts they stay sections.
(function () {
  "use strict";
  function setUp(tabset) {
    var panels = Array.prototype.filter.call(tabset.children, function (child) { return child.classList.contains("tab-panel"); });
    if (panels.length < 2) return;
    var list = document.createElement("div");
    list.className = "tab-list";
    list.setAttribute("role", "tablist");
    var tabs = panels.map(function (panel, index) {
      var title = panel.querySelector(".tab-title");
      var tab = document.createElement("button");
      tab.type = "button";
      tab.className = "tab";
      tab.id = panel.id + "-tab";
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      tab.innerHTML = title.innerHTML;
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.setAttribute("tabindex", "0");
      tab.addEventListener("click", function () { select(index, false); });
      list.appendChild(tab);
      return tab;
    });
    function select(index, focus) {
      tabs.forEach(function (tab, position) {
        var chosen = position === index;
        tab.setAttribute("aria-selected", chosen ? "true" : "false");
        tab.tabIndex = chosen ? 0 : -1;
        panels[position].hidden = !chosen;
      });
      if (focus) tabs[index].focus();
    }
    list.addEventListener("keydown", function (event) {
      var current = tabs.indexOf(document.activeElement);
      if (current < 0) return;
      var next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select((next + tabs.length) % tabs.length, true);
    });
    tabset.insertBefore(list, panels[0]);
    tabset.classList.add("is-tabbed");
    select(0, false);
  }
  document.querySelectorAll(".tabset").forEach(setUp);
})();
