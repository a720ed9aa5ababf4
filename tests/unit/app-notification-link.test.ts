/**
 * Where a tapped notification leads (app/pages/notifications/notification-link.ts), for refIds as
 * the server writes them: a promise's notice opens its dream, a closed distribution its timeline.
 */
import { notificationPage } from '../../app/pages/notifications/notification-link';
import { promiseDoneMessage } from '../../functions/domain/promise-notices';
import { distributionClosedMessage } from '../../functions/domain/distribution';

const DREAM = '01JDREAM000000000000000000';
const PROMISE = '01JPROMISE0000000000000000';

describe('notificationPage', () => {
  it('opens the dream of a promise marked done, from the refId the server writes', () => {
    // Arrange
    const message = promiseDoneMessage({ id: PROMISE, dreamId: DREAM, text: '公开发票', doneAt: null }, { title: '山区图书角' }, '2026-12-03T01:00:00.000Z');

    // Act
    const page = notificationPage({ type: message.type, refId: message.refId });

    // Assert
    expect(page).toBe(`/pages/dream-detail/index?id=${DREAM}`);
  });

  it('opens nothing for an older promise notice that carried the promise id alone', () => {
    // Act
    const page = notificationPage({ type: 'promise_done', refId: PROMISE });

    // Assert
    expect(page).toBeNull();
  });

  it("opens a closed distribution's public timeline, from the refId the server writes", () => {
    // Arrange
    const message = distributionClosedMessage(
      { id: 'D1', dreamId: DREAM, title: '冬衣发放', recipientCount: 4, closedAt: '2026-12-03T01:00:00.000Z', item: '冬衣' },
      { signedCount: 3 },
      { title: '山区冬衣' },
    );

    // Act
    const page = notificationPage({ type: message.type, refId: message.refId });

    // Assert
    expect(page).toBe('/signoff/timeline/index?id=D1');
  });

  it.each([
    ['dream_executable', DREAM, `/pages/dream-detail/index?id=${DREAM}`],
    ['assembly_invited', 'A1', '/assembly/detail/index?id=A1'],
    ['assembly_minutes', 'A1', '/assembly/detail/index?id=A1'],
    ['meal_redeemed', null, '/meals/mine/index'],
    ['meal_refunded', 'M1', '/meals/mine/index'],
    ['letter', 'L1', null],
    ['dream_executable', null, null],
  ] as const)('maps %s with refId %s to %s', (type, refId, expected) => {
    // Act
    const page = notificationPage({ type, refId });

    // Assert
    expect(page).toBe(expected);
  });
});
