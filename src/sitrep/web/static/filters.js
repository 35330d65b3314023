// The date-range slider: two range inputs over the store's days drive the form's date fields.
(function () {
  "use strict";
  var slider = document.querySelector(".slider");
  if (!slider) { return; }
  var form = slider.closest("form");
  var first = new Date(slider.dataset.first + "T00:00:00Z");
  var since = form.querySelector('input[name="since"]');
  var until = form.querySelector('input[name="until"]');
  var from = slider.querySelector("input.since");
  var to = slider.querySelector("input.until");
  var DAY = 86400000;
  function day(index) { return new Date(first.getTime() + index * DAY).toISOString().slice(0, 10); }
  function index(value) { return Math.round((new Date(value + "T00:00:00Z").getTime() - first.getTime()) / DAY); }
  if (since.value) { from.value = index(since.value); }
  if (until.value) { to.value = index(until.value); }
  from.addEventListener("input", function () {
    if (+from.value > +to.value) { to.value = from.value; until.value = day(+to.value); }
    since.value = day(+from.value);
  });
  to.addEventListener("input", function () {
    if (+to.value < +from.value) { from.value = to.value; since.value = day(+from.value); }
    until.value = day(+to.value);
  });
  // An empty field means "no limit": leave it out of the URL so shared links stay short.
  form.addEventListener("submit", function () {
    form.querySelectorAll("input, select").forEach(function (el) {
      if (el.name && !el.value) { el.disabled = true; }
      if (el.type === "range") { el.disabled = true; }
    });
  });
}());
