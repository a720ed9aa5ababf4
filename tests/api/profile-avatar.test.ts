import { apiUrl, call, devSignIn, eventually } from '../support/http-client';
import { PNG, RISKY_PNG, uploadImage } from '../support/uploads';

jest.setTimeout(120_000);

describe('an avatar: the person’s own upload, shown once WeChat’s image check passed it', () => {
  it('is set with the nickname, shows in GET /me once checked, and the export names it', async () => {
    // Arrange
    const { token } = await devSignIn();
    const avatarUploadId = await uploadImage(token, 'avatar');

    // Act
    const saved = await call('PUT', '/me/profile', { token, body: { nickname: '小红花志愿者', avatarUploadId } });
    const me = await eventually(
      () => call('GET', '/me', { token }),
      (answer) => typeof answer.body.user.avatarUrl === 'string',
    );

    // Assert
    expect(saved.status).toBe(200);
    expect(saved.body.user.nickname).toBe('小红花志愿者');
    expect(me.body.user.avatarUrl).toBe(`${apiUrl()}/photos/${avatarUploadId}`);
    const image = await fetch(me.body.user.avatarUrl);
    expect([image.status, Buffer.from(await image.arrayBuffer()).equals(PNG)]).toEqual([200, true]);
    expect((await call('GET', '/me/export', { token })).body.user.avatarUploadId).toBe(avatarUploadId);
  });

  it('a risky avatar never shows, and naming it again is refused with 409 CONTENT_UNSAFE', async () => {
    // Arrange
    const { token } = await devSignIn();
    const avatarUploadId = await uploadImage(token, 'avatar', RISKY_PNG);

    // Act: the first save may come before the verdict; once it is in, the avatar is refused.
    const refused = await eventually(
      () => call('PUT', '/me/profile', { token, body: { nickname: '小红花志愿者', avatarUploadId } }),
      (answer) => answer.status === 409,
    );

    // Assert
    expect([refused.status, refused.body.error.code]).toEqual([409, 'CONTENT_UNSAFE']);
    expect((await call('GET', '/me', { token })).body.user.avatarUrl).toBeNull();
  });

  it('someone else’s upload or a dream cover is refused with 400 INVALID_PHOTO; the avatar stays as it was', async () => {
    // Arrange
    const { token } = await devSignIn();
    const other = await devSignIn();
    const theirs = await uploadImage(other.token, 'avatar');
    const cover = await uploadImage(token, 'dream_cover');

    // Act
    const notYours = await call('PUT', '/me/profile', { token, body: { nickname: '小红花', avatarUploadId: theirs } });
    const wrongPurpose = await call('PUT', '/me/profile', { token, body: { nickname: '小红花', avatarUploadId: cover } });

    // Assert
    expect([notYours.status, notYours.body.error.details[0].message]).toEqual([400, 'not_yours']);
    expect([wrongPurpose.status, wrongPurpose.body.error.details[0].message]).toEqual([400, 'wrong_purpose']);
    expect((await call('GET', '/me/export', { token })).body.user.avatarUploadId).toBeNull();
  });
});
