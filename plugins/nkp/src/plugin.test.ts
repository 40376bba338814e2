import { nkpPlugin } from './plugin';

describe('nkp', () => {
  it('should export plugin', () => {
    expect(nkpPlugin).toBeDefined();
  });
});
