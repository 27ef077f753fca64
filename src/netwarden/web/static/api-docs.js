// Starts Swagger UI on /api/docs from the vendored bundle (a file, so the CSP can forbid inline scripts).
window.addEventListener("DOMContentLoaded", function () {
  window.SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
