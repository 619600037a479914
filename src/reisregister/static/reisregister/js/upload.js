/* Drag and drop onto the upload form. Progressive: without this script the plain
   <input type=file multiple> works the same; with it, dropped files join the selection. */
(function () {
  "use strict";
  var zone = document.querySelector("[data-dropzone]");
  var input = zone && zone.querySelector("input[type=file]");
  if (!zone || !input || typeof DataTransfer === "undefined") { return; }

  var hint = document.createElement("p");
  hint.className = "help";
  hint.textContent = zone.getAttribute("data-drop-hint");
  zone.appendChild(hint);
  var list = document.createElement("ul");
  list.className = "upload__files";
  list.setAttribute("aria-live", "polite");
  list.setAttribute("aria-label", zone.getAttribute("data-selected-text"));
  zone.appendChild(list);

  function showSelection() {
    list.textContent = "";
    Array.prototype.forEach.call(input.files, function (file) {
      var item = document.createElement("li");
      item.textContent = file.name;
      list.appendChild(item);
    });
  }

  function addFiles(files) {
    var merged = new DataTransfer();
    var seen = {};
    Array.prototype.forEach.call(input.files, function (file) { seen[file.name + file.size] = true; merged.items.add(file); });
    Array.prototype.forEach.call(files, function (file) {
      if (!seen[file.name + file.size]) { merged.items.add(file); }
    });
    input.files = merged.files;
    showSelection();
  }

  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) {
      event.preventDefault();
      zone.classList.add("upload--active");
    });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () { zone.classList.remove("upload--active"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) { addFiles(event.dataTransfer.files); }
  });
  input.addEventListener("change", showSelection);
  // A file dropped just beside the area would otherwise replace the page with the file.
  ["dragover", "drop"].forEach(function (name) {
    window.addEventListener(name, function (event) {
      if (!zone.contains(event.target)) { event.preventDefault(); }
    });
  });

  var form = zone.closest("form");
  var status = form && form.querySelector("[data-upload-status]");
  if (form && status) {
    form.addEventListener("submit", function () {
      // Parsing can take a while (scans need OCR): say so, and stop a second submit.
      status.textContent = form.getAttribute("data-busy-text");
      var button = form.querySelector("button[type=submit]");
      if (button) { button.disabled = true; }
    });
  }
})();
