// Mask Node setup page: copy buttons, show-password toggles and reading a backup file for the restore form.
// Loaded from /static (CSP script-src 'self'); no inline handlers anywhere.
"use strict";

(function () {
  function copyFrom(input, button) {
    var done = function () {
      var label = button.textContent;
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = label; }, 2000);
    };
    // The async clipboard API needs a secure context; over plain http on the LAN fall back to a selection copy.
    if (window.isSecureContext && navigator.clipboard) {
      navigator.clipboard.writeText(input.value).then(done, function () { selectAndCopy(input) && done(); });
    } else if (selectAndCopy(input)) {
      done();
    }
  }

  function selectAndCopy(input) {
    input.focus();
    input.select();
    input.setSelectionRange(0, input.value.length);
    try { return document.execCommand("copy"); } catch (e) { return false; }
  }

  document.querySelectorAll("button.copy-button").forEach(function (button) {
    button.addEventListener("click", function () {
      var input = document.getElementById(button.getAttribute("data-copy"));
      if (input) { copyFrom(input, button); }
    });
  });

  // Show-password toggles: the button keeps its name, aria-pressed says whether the password is shown.
  document.querySelectorAll("button.show-password").forEach(function (button) {
    var input = document.getElementById(button.getAttribute("data-show"));
    if (!input) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var show = input.type === "password";
      input.type = show ? "text" : "password";
      button.setAttribute("aria-pressed", show ? "true" : "false");
    });
    // Sent as a password field again, so the browser does not keep it in its form history.
    if (input.form) {
      input.form.addEventListener("submit", function () {
        input.type = "password";
        button.setAttribute("aria-pressed", "false");
      });
    }
  });

  var file = document.getElementById("restoreFile");
  var data = document.getElementById("restoreData");
  var form = document.getElementById("restore-form");
  if (file && data && form) {
    var reading = null;
    file.addEventListener("change", function () {
      data.value = "";
      if (!file.files || file.files.length === 0) { return; }
      reading = file.files[0].arrayBuffer().then(function (buffer) {
        var bytes = new Uint8Array(buffer), binary = "", chunk = 0x8000;
        for (var i = 0; i < bytes.length; i += chunk) {
          binary += String.fromCharCode.apply(null, bytes.subarray(i, i + chunk));
        }
        data.value = btoa(binary);
      });
    });
    form.addEventListener("submit", function (event) {
      if (reading && data.value === "") {
        event.preventDefault();
        reading.then(function () { reading = null; form.submit(); });
      }
    });
  }
})();
