// Bring the cited sentence into view (the #hl fragment does too; this centres it).
(function () {
  "use strict";
  var mark = document.getElementById("hl");
  if (mark) { mark.scrollIntoView({ block: "center" }); }
}());
