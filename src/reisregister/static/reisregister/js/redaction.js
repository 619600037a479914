/* Redaction screen: "Use the selected text" copies what the reviewer selected in the trip's texts into the
   manual redaction form. Without JavaScript the button stays hidden and the passage is typed or pasted. */
(function () {
  "use strict";

  var lastSelection = "";

  function sourceOf(node) {
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    return element && element.closest("[data-redaction-source]");
  }

  // Remember the last selection made inside the texts: pressing the button (or tabbing to it) may clear it.
  function remember() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed) return;
    if (sourceOf(selection.anchorNode) && sourceOf(selection.focusNode)) {
      lastSelection = selection.toString().replace(/\s+/g, " ").trim();
    }
  }

  function setUp() {
    var control = document.querySelector("[data-selection-control]");
    var field = document.getElementById("id_manual_term");
    if (!control || !field) return;
    var status = control.querySelector("[data-selection-status]");
    control.hidden = false;
    document.addEventListener("selectionchange", remember);
    control.querySelector("[data-use-selection]").addEventListener("click", function () {
      remember();
      if (!lastSelection) {
        status.textContent = status.getAttribute("data-empty-message");
        return;
      }
      status.textContent = "";
      field.value = lastSelection;
      field.focus();
    });
  }

  document.addEventListener("DOMContentLoaded", setUp);
})();
