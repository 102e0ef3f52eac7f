import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction';

describe('request log redaction', () => {
  it('hides ballot tokens in vote and evaluation page addresses', () => {
    expect(redactUrl('/portal/vote/AbC123xyz')).toBe('/portal/vote/[已隐去]');
    expect(redactUrl('/portal/evaluate/AbC123xyz?x=1')).toBe('/portal/evaluate/[已隐去]?x=1');
  });
  it('leaves every other address as it was', () => {
    expect(redactUrl('/portal/vote')).toBe('/portal/vote');
    expect(redactUrl('/api/projects/1')).toBe('/api/projects/1');
  });
});
