// Mask Node dashboard: the history kept on the box (GET /history), drawn as plain SVG charts
// with time axes and units. Reloaded once a minute, as often as the box adds a point.
"use strict";

(function () {
  var status = document.getElementById("history-status");
  if (!status || !window.fetch) { return; }
  var NS = "http://www.w3.org/2000/svg";
  var W = 640, H = 184, LEFT = 64, RIGHT = 12, TOP = 22, BOTTOM = 34;
  var COLOURS = { "in": "#2f7de1", "out": "#1a9c5b", "dropped": "#d0453a", "up": "#8a8f98", "seen": "#1a9c5b",
                  "temperature": "#d9822b", "rewards": "#7a4fd0" };

  function el(name, attrs, parent, text) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function timeLabel(ms, withDate) {
    var d = new Date(ms);
    var hm = pad(d.getHours()) + ":" + pad(d.getMinutes());
    return withDate ? d.getDate() + "/" + (d.getMonth() + 1) + (withDate === "dayOnly" ? "" : " " + hm) : hm;
  }

  function niceMax(v) {
    if (!(v > 0)) { return 1; }
    var p = Math.pow(10, Math.floor(Math.log(v) / Math.LN10)), m = v / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
  }

  function number(v) {
    if (v >= 1e9) { return (v / 1e9).toFixed(1) + " G"; }
    if (v >= 1e6) { return (v / 1e6).toFixed(1) + " M"; }
    if (v >= 1e4) { return (v / 1e3).toFixed(0) + " k"; }
    return String(Math.round(v * 10) / 10);
  }

  // Frame, y ticks with the unit, x ticks at whole multiples of tickMs in local time.
  function frame(container, title, start, end, yMin, yMax, unit, tickMs, dateLabels) {
    container.textContent = "";
    var svg = el("svg", { "viewBox": "0 0 " + W + " " + H, "role": "img", "class": "history-svg",
                          "width": "100%", "font-family": "sans-serif", "font-size": "11" }, container);
    el("title", {}, svg, title);
    var plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
    var x = function (t) { return LEFT + (t - start) / (end - start) * plotW; };
    var y = function (v) { return TOP + plotH - (v - yMin) / (yMax - yMin) * plotH; };
    for (var i = 0; i <= 4; i++) {
      var v = yMin + (yMax - yMin) * i / 4, yy = y(v);
      el("line", { "x1": LEFT, "x2": W - RIGHT, "y1": yy, "y2": yy, "stroke": i === 0 ? "#777" : "#ddd", "stroke-width": "1" }, svg);
      el("text", { "x": LEFT - 6, "y": yy + 4, "text-anchor": "end", "fill": "#444" }, svg, number(v));
    }
    el("text", { "x": 4, "y": TOP + plotH / 2, "fill": "#444", "transform": "rotate(-90 10 " + (TOP + plotH / 2) + ")",
                 "text-anchor": "middle" }, svg, unit);
    var offset = new Date(start).getTimezoneOffset() * 60000;
    var first = Math.ceil((start - offset) / tickMs) * tickMs + offset;
    for (var t = first; t <= end; t += tickMs) {
      var xx = x(t);
      el("line", { "x1": xx, "x2": xx, "y1": TOP, "y2": TOP + plotH, "stroke": "#eee", "stroke-width": "1" }, svg);
      el("line", { "x1": xx, "x2": xx, "y1": TOP + plotH, "y2": TOP + plotH + 4, "stroke": "#777" }, svg);
      el("text", { "x": xx, "y": TOP + plotH + 16, "text-anchor": "middle", "fill": "#444" }, svg, timeLabel(t, dateLabels));
    }
    el("text", { "x": W - RIGHT, "y": H - 3, "text-anchor": "end", "fill": "#666" }, svg, "time (this computer's clock)");
    el("line", { "x1": LEFT, "x2": LEFT, "y1": TOP, "y2": TOP + plotH, "stroke": "#777" }, svg);
    return { svg: svg, x: x, y: y };
  }

  function lines(container, title, s, names, unit, tickMs, dateLabels, yMinFixed) {
    var n = s[names[0]].length, end = s.start + n * s.step, max = 0, min = Infinity;
    names.forEach(function (k) { s[k].forEach(function (v) {
      if (v !== null) { if (v > max) { max = v; } if (v < min) { min = v; } } }); });
    var yMin = yMinFixed !== undefined ? yMinFixed : (min === Infinity ? 0 : Math.floor(min / 10) * 10);
    var yMax = yMinFixed !== undefined ? niceMax(max) : Math.max(yMin + 10, Math.ceil(max / 10) * 10);
    var f = frame(container, title, s.start, end, yMin, yMax, unit, tickMs, dateLabels);
    names.forEach(function (k) {
      var parts = [], cur = [];
      s[k].forEach(function (v, i) {
        if (v === null) { if (cur.length) { parts.push(cur); cur = []; } return; }
        cur.push(f.x(s.start + (i + 0.5) * s.step).toFixed(1) + "," + f.y(v).toFixed(1));
      });
      if (cur.length) { parts.push(cur); }
      parts.forEach(function (p) {
        if (p.length === 1) { p.push(p[0]); }
        // "in" is drawn wider underneath: "out" is usually almost the same line.
        el("polyline", { "points": p.join(" "), "fill": "none", "stroke": COLOURS[k] || COLOURS[names[0]],
                         "stroke-width": k === "in" ? "3.5" : "1.5", "class": "series-" + k }, f.svg);
      });
    });
    legend(f.svg, names);
  }

  function legend(svg, names) {
    var lx = LEFT + 8;
    names.forEach(function (k) {
      el("rect", { "x": lx, "y": 4, "width": 10, "height": 10, "fill": COLOURS[k] }, svg);
      el("text", { "x": lx + 14, "y": 13, "fill": "#222" }, svg, k);
      lx += 24 + k.length * 7;
    });
  }

  function strip(container, s) {
    container.textContent = "";
    var n = s.up.length, end = s.start + n * s.step;
    var f = frame(container, "On and seen by the network, per minute", s.start, end, 0, 2, "", 6 * 3600000, false);
    // Two rows: the box was on (grey), the network listed it (green). Gaps are minutes it was off or unseen.
    [["up", 1], ["seen", 0]].forEach(function (row) {
      var k = row[0], y0 = f.y(row[1] + 1) + 3, h = f.y(row[1]) - f.y(row[1] + 1) - 6, runStart = -1;
      for (var i = 0; i <= n; i++) {
        var on = i < n && s[k][i] === 1;
        if (on && runStart < 0) { runStart = i; }
        if (!on && runStart >= 0) {
          var x0 = f.x(s.start + runStart * s.step), x1 = f.x(s.start + i * s.step);
          el("rect", { "x": x0.toFixed(1), "y": y0, "width": Math.max(1, x1 - x0).toFixed(1), "height": h,
                       "fill": COLOURS[k], "class": "strip-" + k }, f.svg);
          runStart = -1;
        }
      }
    });
    f.svg.querySelectorAll("text").forEach(function (t) {   // the y ticks mean nothing here: name the rows instead
      if (t.getAttribute("text-anchor") === "end" && t.textContent !== "time (this computer's clock)") { t.textContent = ""; }
    });
    el("text", { "x": LEFT - 6, "y": f.y(1.5) + 4, "text-anchor": "end", "fill": "#444" }, f.svg, "on");
    el("text", { "x": LEFT - 6, "y": f.y(0.5) + 4, "text-anchor": "end", "fill": "#444" }, f.svg, "seen");
  }

  function sumOf(c) { return number(c["in"]) + " in · " + number(c.out) + " out · " + number(c.dropped) + " dropped"; }

  function setText(id, text) { var e = document.getElementById(id); if (e) { e.textContent = text; } }

  function draw(h) {
    setText("packets-today", sumOf(h.today));
    setText("packets-total", sumOf(h.totals));
    setText("history-since", new Date(h.firstStart).toLocaleString());
    lines(document.getElementById("chart-minutes"), "Packets per minute, last 48 hours", h.minutes,
          ["in", "out", "dropped"], "packets/min", 6 * 3600000, false, 0);
    strip(document.getElementById("chart-strip"), h.strip);
    lines(document.getElementById("chart-hours"), "Packets per hour, last 30 days", h.hours,
          ["in", "out", "dropped"], "packets/h", 5 * 86400000, "dayOnly", 0);
    var t = { start: h.temperature.start, step: h.temperature.step, temperature: h.temperature.celsius };
    lines(document.getElementById("chart-temperature"), "CPU temperature, last 24 hours", t, ["temperature"], "°C",
          4 * 3600000, false);
    var r = { start: h.rewards.start, step: h.rewards.step, rewards: h.rewards.nym };
    lines(document.getElementById("chart-rewards"), "Estimated rewards per day, last 30 days", r, ["rewards"], "NYM/day",
          5 * 86400000, "dayOnly", 0);
    var anyTemp = h.temperature.celsius.some(function (v) { return v !== null; });
    var anyRewards = h.rewards.nym.some(function (v) { return v !== null; });
    status.textContent = "History kept on the box, updated " + new Date(h.now).toLocaleTimeString() + "."
      + (anyTemp ? "" : " This board reports no CPU temperature.")
      + (anyRewards
        ? " Rewards are estimated on the box from the network's reward parameters, your stake and performance"
          + " (" + sumNym(h.rewards.nym) + " NYM over the last 30 days); your wallet shows what was paid."
        : " No rewards known yet: they are estimated once the node is bonded and the network has given its reward parameters.");
  }

  function sumNym(values) {
    var total = 0;
    values.forEach(function (v) { if (v !== null) { total += v; } });
    return total >= 100 ? total.toFixed(0) : total.toFixed(2);
  }

  function load() {
    fetch("/history", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
      .then(draw)
      .catch(function (e) { status.textContent = "History not available right now (" + e.message + ")."; });
  }

  load();
  setInterval(load, 60000);
})();
