// Marsad pages: sortable tables, bar charts from data- attributes, jumps between text and annotations.
// No inline script anywhere: data come from data- attributes or from the JSON API.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function cellValue(row, index) {
    var text = (row.cells[index] && row.cells[index].textContent || "").trim();
    var num = parseFloat(text.replace(/[,٬]/g, ""));
    return isNaN(num) || !/^[-\d.,٬]+$/.test(text) ? text : num;
  }

  function sortBy(table, th, index) {
    var body = table.tBodies[0];
    var asc = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      var r = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "ar");
      return asc ? r : -r;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function sortable(table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) { return; }
    Array.prototype.forEach.call(head.cells, function (th, index) {
      th.addEventListener("click", function () { sortBy(table, th, index); });
    });
  }

  function el(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // Horizontal bars (labels on the right, RTL); labels and values are plain text nodes.
  function drawBars(figure, labels, values) {
    if (!labels.length) { return; }
    var max = Math.max.apply(null, values.concat([1]));
    var rowH = 22, width = 560, labelW = 210, height = labels.length * rowH + 8;
    var svg = el("svg", {viewBox: "0 0 " + width + " " + height, role: "img"});
    labels.forEach(function (label, i) {
      var w = Math.max(1, (width - labelW - 50) * values[i] / max);
      var y = 4 + i * rowH;
      var g = el("g", {});
      g.appendChild(el("title", {}, label + ": " + values[i]));
      g.appendChild(el("text", {x: width - 4, y: y + 14, "text-anchor": "end"}, String(label).slice(0, 32)));
      g.appendChild(el("rect", {"class": "bar", x: width - labelW - w, y: y + 3, width: w, height: rowH - 7}));
      g.appendChild(el("text", {x: width - labelW - w - 4, y: y + 14, "text-anchor": "end"}, String(values[i])));
      svg.appendChild(g);
    });
    figure.insertBefore(svg, figure.firstChild);
    figure.classList.add("drawn");
  }
  window.marsadDrawBars = drawBars;

  function charts() {
    document.querySelectorAll("[data-chart=bars]").forEach(function (fig) {
      try {
        drawBars(fig, JSON.parse(fig.dataset.series || "[]"), JSON.parse(fig.dataset.values || "[]"));
      } catch (e) { /* keep the table */ }
    });
  }

  // Document page: clicking a highlight selects its first annotation in the side panel.
  function annotations() {
    var text = document.getElementById("doc-text");
    if (!text) { return; }
    text.addEventListener("click", function (ev) {
      var span = ev.target.closest("[data-ids]");
      if (!span) { return; }
      var id = span.dataset.ids.split(" ").filter(function (x) { return x[0] !== "e"; })[0] ||
        span.dataset.ids.split(" ")[0];
      var item = document.getElementById(id);
      if (item) { item.scrollIntoView({block: "center"}); location.hash = id; }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table.sortable").forEach(sortable);
    charts();
    annotations();
  });
})();
