// Starts Swagger UI on /api/docs with the service's own OpenAPI document. A file of its own, as
// the Content-Security-Policy allows no inline script.
window.addEventListener('DOMContentLoaded', function () {
  'use strict';
  window.SwaggerUIBundle({ url: '/api/openapi.yml', dom_id: '#swagger-ui', deepLinking: true });
});
