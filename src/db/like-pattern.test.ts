import { describe, expect, it } from 'vitest';
import { likePattern, likePrefix } from './like-pattern';

describe('LIKE patterns from what someone typed', () => {
  it('takes %, _ and \\ literally', () => {
    expect(likePattern('沁水')).toBe('%沁水%');
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
    expect(likePrefix('%')).toBe('\\%%');
    expect(likePrefix('1405')).toBe('1405%');
  });
});
