import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyWith, metaContentSecurityPolicy } from '../../common/security-headers';

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

describe('the built pages', () => {
  it.each(['index.html', 'preview.html', 'preview-frame.html'])('%s carries the hosts\' own policy in its head, without frame-ancestors', (name) => {
    const html = readFileSync(path.join(import.meta.dirname, '../../dist/renderer', name), 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replaceAll('&#39;', "'");
    expect(policy).toBe(metaContentSecurityPolicy);
    expect(metaContentSecurityPolicy).toBe(contentSecurityPolicy.replace("; frame-ancestors 'none'", ''));
  });
});
