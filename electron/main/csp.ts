/**
 * The one Content-Security-Policy of Sen's page: the same text as the renderer's <meta> tag, also
 * sent as a response header by the app (session.webRequest) and by the preview host.
 * No imports: the preview host reads it too.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
