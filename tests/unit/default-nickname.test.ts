import { defaultNickname, ensureNoDuties } from '../../functions/domain/user';
import { newDefaultNickname } from '../../functions/auth/sign-in';

describe('default nickname', () => {
  it('is 爱心用户 and four digits, padded', () => {
    // Arrange
    const draws = [0, 7, 4821, 9999];

    // Act
    const names = draws.map(defaultNickname);

    // Assert
    expect(names).toEqual(['爱心用户0000', '爱心用户0007', '爱心用户4821', '爱心用户9999']);
  });

  it('keeps only the last four digits of a larger draw', () => {
    expect(defaultNickname(123_456)).toBe('爱心用户3456');
  });

  it('a new account never shows the end of its openid', () => {
    // Arrange: the old rule showed the last four characters of the openid.
    const openid = 'oGZUI0egBJY1zhBYw2Kh1234';

    // Act
    const names = Array.from({ length: 50 }, () => newDefaultNickname());

    // Assert
    for (const name of names) expect(name).toMatch(/^爱心用户\d{4}$/);
    expect(names.every((name) => name === `爱心用户${openid.slice(-4)}`)).toBe(false);
    expect(new Set(names).size).toBeGreaterThan(1);
  });
});

describe('account duties', () => {
  it('an account without an active store or adopted dream may close', () => {
    expect(() => ensureNoDuties({ activeStoreIds: [], adoptedDreamIds: [] })).not.toThrow();
  });

  it('an active store or an adopted dream keeps it open (409 ACCOUNT_HAS_DUTIES)', () => {
    expect(() => ensureNoDuties({ activeStoreIds: ['s1'], adoptedDreamIds: [] })).toThrow(expect.objectContaining({ status: 409, code: 'ACCOUNT_HAS_DUTIES' }));
    expect(() => ensureNoDuties({ activeStoreIds: [], adoptedDreamIds: ['d1'] })).toThrow(expect.objectContaining({ code: 'ACCOUNT_HAS_DUTIES' }));
  });
});
