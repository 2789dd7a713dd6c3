import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyWith } from '../../common/security-headers';

describe('contentSecurityPolicyWith', () => {
  it('changes only the directives asked for, keeping the rest of the screen policy and its order', () => {
    const framed = contentSecurityPolicyWith({ 'frame-ancestors': "'self'" });
    expect(framed.split('; ')).toEqual(contentSecurityPolicy.split('; ').map((directive) => (directive.startsWith('frame-ancestors ') ? "frame-ancestors 'self'" : directive)));
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
  });

  it('is the screen policy itself when nothing changes', () => {
    expect(contentSecurityPolicyWith({})).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toMatch(/^default-src 'self'; .*script-src 'self'; .*form-action 'none'$/);
  });
});
