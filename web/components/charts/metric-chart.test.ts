import { describe, expect, it } from 'vitest';
import { withAlpha } from './metric-chart';

describe('withAlpha', () => {
  it("'#4e79a7', 0.16 → rgba(78,121,167,0.16)", () => expect(withAlpha('#4e79a7', 0.16)).toBe('rgba(78,121,167,0.16)'));
  it('a non-hex colour passes through', () => expect(withAlpha('red', 0.5)).toBe('red'));
});
