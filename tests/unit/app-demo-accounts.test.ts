import { DEMO_ACCOUNTS } from '../../app/pages/login/demo-accounts';
import { DEMO_USERS } from '../../scripts/seed';

describe('the dev sign-in screen offers the accounts npm start seeds', () => {
  it('lists every demo account with the openid, nickname and roles it is seeded with', () => {
    // Arrange
    const seeded = DEMO_USERS.map(({ openid, nickname, roles }) => ({ openid, nickname, roles }));

    // Act
    const offered = DEMO_ACCOUNTS;

    // Assert
    expect(offered).toEqual(seeded);
  });
});
