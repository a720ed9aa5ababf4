/**
 * Assembly invitations have a subscribe-message topic of their own (`assembly`): a person who
 * accepted the charity's letters is not thereby invited to meetings, and the invitation fills the
 * assembly template's own keys.
 */
import { assemblyInvitedMessage } from '../../functions/domain/assembly-invitation';
import { templateData } from '../../functions/domain/subscription';
import { SUBSCRIBE_TOPICS } from '../../functions/contract/enums';
import { loadConfig } from '../../functions/shared/config';
import { subscribeTemplates } from '../../functions/shared/subscribe-templates';

const ASSEMBLY = { id: 'A1', title: '第一次公益股东大会', startsAt: '2026-12-10T12:00:00.000Z' };

describe('the assembly subscribe topic', () => {
  it('is what an invitation spends, not the letter topic', () => {
    // Act
    const message = assemblyInvitedMessage(ASSEMBLY, { title: '山区图书角' });

    // Assert
    expect(SUBSCRIBE_TOPICS).toContain('assembly');
    expect(message).toMatchObject({ type: 'assembly_invited', topic: 'assembly', page: 'assembly/detail/index?id=A1' });
  });

  it("fills the assembly template's keys within WeChat's limits", () => {
    // Arrange
    const template = subscribeTemplates(loadConfig({ STAGE: 'local' })).assembly;
    const message = assemblyInvitedMessage(ASSEMBLY, { title: '一个名字很长很长很长很长的山区图书角梦想' });

    // Act
    const data = templateData(message.fields, template.keys, 'Asia/Shanghai');

    // Assert
    expect(template.id).toBe('local-tmpl-assembly');
    expect(data).toEqual({
      [template.keys.title]: { value: '第一次公益股东大会' },
      [template.keys.note]: { value: expect.stringMatching(/^「一个名字.{0,14}…$/u) },
      [template.keys.time]: { value: '2026年12月10日 20:00' },
    });
  });
});
