/* Review screen: link each field to its evidence in the source text and back.
   Without JavaScript the same links work as plain anchors (#ev-... and #row-...). */
(function () {
  "use strict";

  var panel = null;
  var active = null;

  function marksFor(key) {
    return panel ? panel.querySelectorAll('mark[data-evidence="' + key + '"]') : [];
  }

  function outline(key, scroll) {
    if (active) {
      marksFor(active).forEach(function (mark) { mark.classList.remove("evidence--active"); });
    }
    active = key;
    var marks = marksFor(key);
    marks.forEach(function (mark) { mark.classList.add("evidence--active"); });
    if (scroll && marks.length) {
      // Scroll the text panel only, so the page does not jump while someone types in a field.
      var panelBox = panel.getBoundingClientRect();
      var markBox = marks[0].getBoundingClientRect();
      panel.scrollTop += markBox.top - panelBox.top - panel.clientHeight / 3;
    }
    return marks[0];
  }

  function setUp() {
    panel = document.getElementById("source-text");
    if (!panel) return;

    // Focus in a field or row: outline its evidence.
    document.addEventListener("focusin", function (event) {
      var holder = event.target.closest && event.target.closest("#trip-form [data-evidence]");
      if (holder) outline(holder.getAttribute("data-evidence"), true);
    });

    // "Show evidence": outline the mark and move focus to it, so the back link is next.
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("[data-show-evidence]");
      if (link) {
        event.preventDefault();
        var mark = outline(link.getAttribute("data-show-evidence"), true);
        if (mark) {
          mark.setAttribute("tabindex", "-1");
          mark.focus({ preventScroll: true });
        }
        return;
      }
      var back = event.target.closest && event.target.closest("[data-evidence-back]");
      if (back) {
        var target = document.getElementById(back.getAttribute("href").slice(1));
        if (!target) return;
        event.preventDefault();
        outline(back.getAttribute("data-evidence-back"), false);
        target.scrollIntoView({ block: "center" });
        var field = target.querySelector("input:not([type=hidden]), select, textarea");
        (field || target).focus({ preventScroll: true });
      }
    });
  }

  document.addEventListener("DOMContentLoaded", setUp);
})();
