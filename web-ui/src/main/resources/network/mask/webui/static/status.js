// Mask Node dashboard: the "on the network?" card, kept fresh by the "status" events of the live
// stream, and "Lost contact with the box" in grey when the page stops getting updates.
"use strict";

(function () {
  var GREY = "#9e9e9e";
  var LOST_AFTER_MS = 6000;   // the stream sends every second; a few missed beats mean the box is gone
  var lastHeard = Date.now();
  var lost = false;

  function byId(id) { return document.getElementById(id); }

  function setText(el, value) { if (el && el.textContent !== value) { el.textContent = value; } }

  function link(path, label) {
    var a = document.createElement("a");
    a.setAttribute("href", path);
    a.textContent = label || "Fix this";
    return a;
  }

  function fill(list, items, build) {
    if (!list) { return; }
    while (list.firstChild) { list.removeChild(list.firstChild); }
    items.forEach(function (item) { list.appendChild(build(item)); });
  }

  function showStatus(s) {
    lastHeard = Date.now();
    lost = false;
    var top = s.conditions[0] || { code: "unknown", sentence: "The node has not reported its status.", fixPath: "" };
    var lamp = byId("state-lamp");
    if (lamp) { lamp.setAttribute("fill", s.colour); }
    var headline = byId("state-headline");
    if (headline) {
      setText(headline, top.sentence);
      headline.setAttribute("data-light", s.light);
      headline.setAttribute("data-code", top.code);
    }
    var fix = byId("state-fix");
    if (fix) {
      while (fix.firstChild) { fix.removeChild(fix.firstChild); }
      if (top.fixPath) { fix.appendChild(link(top.fixPath, top.fixLabel)); }
    }
    fill(byId("state-more"), s.conditions.slice(1), function (c) {
      var li = document.createElement("li");
      li.setAttribute("data-code", c.code);
      li.textContent = c.sentence + " ";
      if (c.fixPath) { li.appendChild(link(c.fixPath, c.fixLabel)); }
      return li;
    });
    setText(byId("reach-evidence"), s.reached);
    fill(byId("reach-steps"), s.routerSteps, function (step) {
      var li = document.createElement("li");
      li.textContent = step;
      return li;
    });
    fill(byId("network-facts"), s.network, function (f) {
      var div = document.createElement("div"), dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = f.label;
      dd.textContent = f.value;
      div.appendChild(dt);
      div.appendChild(dd);
      return div;
    });
  }

  function showLost() {
    if (lost) { return; }
    lost = true;
    var lamp = byId("state-lamp");
    if (lamp) { lamp.setAttribute("fill", GREY); }
    var led = byId("led-lamp");
    if (led) { led.setAttribute("fill", GREY); led.setAttribute("class", ""); }
    setText(byId("led-meaning"), "Unknown: no contact with the box");
    var headline = byId("state-headline");
    if (headline) {
      headline.textContent = "Lost contact with the box: this page gets no updates. Is it switched on and connected? "
        + "The last figures below may be out of date.";
      headline.setAttribute("data-light", "grey");
      headline.setAttribute("data-code", "lost-contact");
    }
    var fix = byId("state-fix");
    if (fix) { while (fix.firstChild) { fix.removeChild(fix.firstChild); } }
  }

  // dashboard.js hands over its event stream; any event shows the box is still there.
  window.MaskStatus = {
    attach: function (source) {
      source.addEventListener("status", function (event) { showStatus(JSON.parse(event.data)); });
      source.addEventListener("figures", function () { lastHeard = Date.now(); });
      setInterval(function () {
        if (Date.now() - lastHeard > LOST_AFTER_MS) { showLost(); }
      }, 1000);
    }
  };
})();
