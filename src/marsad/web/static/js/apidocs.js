// The API page: Swagger UI from the vendored bundle, reading /openapi.json.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var box = document.getElementById("swagger-ui");
  if (!box || !window.SwaggerUIBundle) { return; }
  window.SwaggerUIBundle({url: box.dataset.spec, dom_id: "#swagger-ui", deepLinking: false});
});
