// Swagger UI of /api/docs/ui (ADR 0100): the four OpenAPI documents, picked in the top bar; every request the UI
// makes (the documents, "Try it out") carries the signed-in user's access token from this tab's sessionStorage.
const ACCESS = 'zhenggai.accessToken';

window.ui = SwaggerUIBundle({
  dom_id: '#swagger-ui',
  urls: [
    { name: '报告服务 report', url: '/api/docs/report' },
    { name: '整改服务 rectification', url: '/api/docs/rectification' },
    { name: '审计服务 audit', url: '/api/docs/audit' },
    { name: '网关 gateway', url: '/api/docs/gateway' },
  ],
  'urls.primaryName': '报告服务 report',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
  deepLinking: true,
  validatorUrl: null,
  requestInterceptor: request => {
    const token = sessionStorage.getItem(ACCESS);
    if (token) request.headers.Authorization = 'Bearer ' + token;
    return request;
  },
});
