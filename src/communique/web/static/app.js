// communique: a little progressive enhancement. The pages work without it.
(function () {
  "use strict";

  // Article page: show or hide each kind of highlight.
  const doc = document.getElementById("doc");
  document.querySelectorAll("input[data-toggle]").forEach(function (box) {
    box.addEventListener("change", function () {
      if (doc) doc.classList.toggle("hide-" + box.dataset.toggle, !box.checked);
    });
  });

  // Dashboard: redraw the chart as soon as a country of the pair changes.
  const pair = document.getElementById("pair-form");
  if (pair) {
    pair.querySelectorAll("select").forEach(function (select) {
      select.addEventListener("change", function () { pair.submit(); });
    });
  }

  // Filter forms: leave empty fields out of the address.
  document.querySelectorAll("form.filters").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (field) {
        if (field.name && field.value.trim() === "") field.disabled = true;
      });
    });
  });

  // Upper-case country codes as they are typed.
  document.querySelectorAll("input[name$='country'], input[name='dyad']").forEach(function (input) {
    input.addEventListener("input", function () { input.value = input.value.toUpperCase(); });
  });
})();
