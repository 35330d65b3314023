// Bring the cited sentence into view (the #hl fragment does too; this centres it).
(function () {
  "use strict";
  var mark = document.getElementById("hl");
  if (!mark) { return; }
  mark.scrollIntoView({ block: "center" });
  // After the browser's own jump to #hl on load, centre it again.
  window.addEventListener("load", function () { mark.scrollIntoView({ block: "center" }); });
}());
