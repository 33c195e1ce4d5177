// Mask Node "Restarting" page: waits for the restarted node and returns to the dashboard by itself.
// The node keeps the owner's session across a restart, so no new login is needed.
"use strict";

(function () {
  var note = document.getElementById("restart-progress");
  if (!note) { return; }
  var oldBoot = note.getAttribute("data-boot");
  var started = Date.now();
  function poll() {
    fetch("/alive", { cache: "no-store", credentials: "same-origin" }).then(function (res) {
      if (res.redirected) { window.location.assign(res.url); return; }
      return res.text().then(function (boot) {
        if (res.ok && boot && boot !== oldBoot) {
          window.location.assign("/dashboard");
        } else {
          again();
        }
      });
    }, again);
  }
  function again() {
    var seconds = Math.round((Date.now() - started) / 1000);
    if (seconds >= 20) {
      note.textContent = "Still waiting for the node (" + seconds + " s). It may be starting slowly; this page keeps trying.";
    }
    setTimeout(poll, 1000);
  }
  setTimeout(poll, 1000);
})();
