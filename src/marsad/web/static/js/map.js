// Events page: Leaflet map over vendored country outlines (no tile server); a click opens the event.
(function () {
  "use strict";
  function json(url) {
    return fetch(url, {headers: {Accept: "application/json"}}).then(function (r) { return r.json(); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("map");
    if (!box || !window.L) { return; }
    var map = L.map(box, {center: [33, 40], zoom: 4, minZoom: 3, maxZoom: 12, preferCanvas: false,
      maxBounds: [[0, 10], [50, 75]]});
    map.attributionControl.setPrefix(false);
    if (box.dataset.outlines) {
      json(box.dataset.outlines).then(function (outlines) {
        L.geoJSON(outlines, {interactive: false, style: {color: "#8a9aa5", weight: 1, fillColor: "#f4f1ea",
          fillOpacity: 1}}).addTo(map).bringToBack();
      }).catch(function () { /* markers still show */ });
    }
    json(box.dataset.geojson).then(function (data) {
      var points = [];
      (data.features || []).forEach(function (f) {
        var c = f.geometry.coordinates, p = f.properties;
        var marker = L.circleMarker([c[1], c[0]], {radius: 7, color: "#7a2e0e", weight: 1,
          fillColor: "#e07b00", fillOpacity: 0.8, className: "marsad-marker"});
        marker.bindTooltip(document.createTextNode(
          (p.event_date || "") + " · " + (p.sub_event_type || "") + " · " + (p.location || "")));
        marker.on("click", function () {
          window.location.href = "/events/" + encodeURIComponent(p.document) + "/" + encodeURIComponent(p.event);
        });
        marker.addTo(map);
        points.push([c[1], c[0]]);
      });
      box.dataset.markers = String(points.length);
      if (points.length) { map.fitBounds(points, {padding: [30, 30], maxZoom: 8, animate: false}); }
    }).catch(function () { box.dataset.markers = "error"; });
  });
})();
