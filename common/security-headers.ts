// The headers every response to the screen carries, from either host.
const screenPolicy = {
  'default-src': "'self'",
  'img-src': "'self' data:",
  'media-src': "'self'",
  'style-src': "'self'",
  'script-src': "'self'",
  'connect-src': "'self'",
  'font-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'frame-ancestors': "'none'",
  'form-action': "'none'",
} as const;

type Directive = keyof typeof screenPolicy;

/** The screen's policy with some directives set otherwise (the preview's frame may be framed by its own page). */
export function contentSecurityPolicyWith(changes: Partial<Record<Directive, string>>): string {
  return Object.entries({ ...screenPolicy, ...changes })
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');
}

export const contentSecurityPolicy = contentSecurityPolicyWith({});

/** A policy as a page's own <meta> tag may carry it: without frame-ancestors (headers do that). */
export function metaPolicyOf(policy: string): string {
  return policy
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors '))
    .join('; ');
}

export const metaContentSecurityPolicy = metaPolicyOf(contentSecurityPolicy);

export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

// A picture, video or caption file never needs script. Opened on its own (an SVG carrying a
// <script>, say), it is a sandboxed document that can run nothing and reach nothing.
export const mediaContentSecurityPolicy = [
  "default-src 'none'",
  "img-src 'self' data:",
  "media-src 'self'",
  "style-src 'unsafe-inline'",
  "frame-ancestors 'none'",
  'sandbox',
].join('; ');

export const mediaSecurityHeaders: Readonly<Record<string, string>> = {
  ...securityHeaders,
  'Content-Security-Policy': mediaContentSecurityPolicy,
};
