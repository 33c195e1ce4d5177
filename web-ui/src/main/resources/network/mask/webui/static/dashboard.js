// Mask Node dashboard: live figures over server-sent events and a small SVG chart.
"use strict";

(function () {
  var status = document.getElementById("live-status");
  if (!status || !window.EventSource) { return; }
  var MAX_POINTS = 120;
  var series = { "in": [], "out": [], "dropped": [] };
  var textFields = {
    "rate-in": "in", "rate-out": "out", "rate-dropped": "dropped", "queue": "queue", "peers": "peers",
    "uptime": "uptime", "version": "version", "cpu-temperature": "cpuTemperature", "memory": "memory",
    "disk": "disk", "led-meaning": "ledMeaning"
  };

  function setText(id, value) {
    var el = document.getElementById(id);
    if (el && el.textContent !== value) { el.textContent = value; }
  }

  function push(name, value) {
    var list = series[name];
    list.push(value);
    if (list.length > MAX_POINTS) { list.shift(); }
  }

  function drawChart() {
    var max = 1;
    Object.keys(series).forEach(function (k) {
      series[k].forEach(function (v) { if (v > max) { max = v; } });
    });
    Object.keys(series).forEach(function (k) {
      var list = series[k], step = 300 / (MAX_POINTS - 1), offset = MAX_POINTS - list.length, points = [];
      for (var i = 0; i < list.length; i++) {
        points.push(((offset + i) * step).toFixed(1) + "," + (98 - (list[i] / max) * 94).toFixed(1));
      }
      var line = document.getElementById("line-" + k);
      if (line) { line.setAttribute("points", points.join(" ")); }
    });
    setText("chart-max", "scale: up to " + max.toFixed(1) + " packets/s");
  }

  function update(f) {
    Object.keys(textFields).forEach(function (id) { setText(id, String(f[textFields[id]])); });
    // Home Assistant's connection in words: only where the page shows it (MQTT set up), sent with every update
    if (typeof f.homeAssistant === "string") { setText("home-assistant", f.homeAssistant); }
    var lamp = document.getElementById("led-lamp");
    if (lamp) {
      lamp.setAttribute("fill", f.ledColour);
      lamp.setAttribute("class", f.ledBlinking ? "blink" : "");
    }
    // The server sends the log newest first: the latest line stays at the top, no scrolling needed.
    var log = document.getElementById("log");
    if (log) {
      var text = f.log.join("\n");
      if (log.textContent !== text) { log.textContent = text; }
    }
    push("in", f.inRate);
    push("out", f.outRate);
    push("dropped", f.droppedRate);
    drawChart();
    status.textContent = "Live figures: updated " + new Date().toLocaleTimeString();
  }

  var source = new EventSource("/events");
  if (window.MaskStatus) { window.MaskStatus.attach(source); }   // status.js: the status card and lost contact
  source.addEventListener("figures", function (event) { update(JSON.parse(event.data)); });
  source.addEventListener("error", function () {
    status.textContent = source.readyState === EventSource.CLOSED
      ? "Live figures stopped. Reload the page (you may need to log in again)."
      : "Live figures: reconnecting…";
  });
})();
