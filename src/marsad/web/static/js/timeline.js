// Events page: the timeline (events per month) fetched from the API and drawn as SVG bars.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var fig = document.getElementById("timeline");
    if (!fig || !fig.dataset.timeline) { return; }
    fetch(fig.dataset.timeline, {headers: {Accept: "application/json"}})
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var items = data.items || [];
        if (!items.length) { fig.textContent = "لا أحداث مؤرخة."; return; }
        window.marsadDrawBars(fig, items.map(function (x) { return x.period; }),
          items.map(function (x) { return x.n; }));
      })
      .catch(function () { fig.textContent = "تعذر تحميل الخط الزمني."; });
  });
})();
