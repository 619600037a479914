/* Report form: "add a row" buttons for the formsets, and place suggestions for city fields.
   Progressive: without JavaScript every formset already has an empty row, and the server fills in
   a destination's country and coordinates from the gazetteer. */
(function () {
  "use strict";

  function addRow(formset) {
    var template = formset.querySelector("template[data-formset-template]");
    var rows = formset.querySelector("[data-formset-rows]");
    var kind = formset.getAttribute("data-formset");
    var total = formset.querySelector('input[name="' + kind + '-TOTAL_FORMS"]');
    if (!template || !rows || !total) return;
    var index = parseInt(total.value, 10) || 0;
    var html = template.innerHTML
      .replace(/__prefix__/g, String(index))
      .replace(/__number__/g, String(index + 1));
    var holder = document.createElement("div");
    holder.innerHTML = html.trim();
    var row = holder.firstElementChild;
    if (!row) return;
    rows.appendChild(row);
    total.value = String(index + 1);
    var first = row.querySelector("input:not([type=hidden]), select, textarea");
    if (first) first.focus();
  }

  function setUpFormsets() {
    document.querySelectorAll("[data-formset]").forEach(function (formset) {
      var button = formset.querySelector("[data-formset-add]");
      if (!button || formset.closest("fieldset[disabled]")) return;
      button.hidden = false;
      button.addEventListener("click", function () { addRow(formset); });
    });
  }

  /* Place suggestions: one shared <datalist>, refilled as someone types in any city field. */
  var suggestions = [];
  var pending = null;

  function fillDatalist(list, results) {
    suggestions = results;
    list.textContent = "";
    results.forEach(function (place) {
      var option = document.createElement("option");
      option.value = place.label;
      list.appendChild(option);
    });
  }

  function sibling(input, field) {
    // "destinations-0-city" -> "destinations-0-country"
    var name = input.name.replace(/city$/, field);
    return input.form ? input.form.elements.namedItem(name) : null;
  }

  function applyChoice(input) {
    var chosen = suggestions.filter(function (place) { return place.label === input.value; })[0];
    var lat = sibling(input, "lat");
    var lon = sibling(input, "lon");
    if (!chosen) {
      // Typed by hand: coordinates of an earlier choice no longer apply.
      if (input.value !== input.getAttribute("data-chosen")) {
        if (lat) lat.value = "";
        if (lon) lon.value = "";
      }
      return;
    }
    input.value = chosen.city;
    input.setAttribute("data-chosen", chosen.city);
    var country = sibling(input, "country");
    if (country) country.value = chosen.country;
    if (lat) lat.value = chosen.lat;
    if (lon) lon.value = chosen.lon;
  }

  function setUpPlaces() {
    var list = document.getElementById("place-suggestions");
    if (!list || !window.fetch) return;
    var url = list.getAttribute("data-url");
    document.addEventListener("input", function (event) {
      var input = event.target;
      if (!input.matches || !input.matches("[data-place-input]")) return;
      applyChoice(input);
      var query = input.value.trim();
      if (query.length < 2) return;
      window.clearTimeout(pending);
      pending = window.setTimeout(function () {
        fetch(url + "?q=" + encodeURIComponent(query), { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) { fillDatalist(list, data.results || []); })
          .catch(function () { /* suggestions are a convenience: typing still works */ });
      }, 200);
    });
  }

  // After a save that failed (or met a conflict) keyboard and screen-reader users start at the message that
  // says why, with its links to the fields, instead of at the top of the page.
  function focusProblem() {
    var problem = document.querySelector(".error-summary, .conflict");
    if (!problem) return;
    problem.setAttribute("tabindex", "-1");
    problem.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpFormsets();
    setUpPlaces();
    focusProblem();
  });
})();
