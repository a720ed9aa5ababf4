import { z } from 'zod';
import { NOTIFICATION_TYPES } from './enums';
import { route } from './route';
import { idParams } from './common';
import { isoTime, page, pageQuery } from './schema-kit';

export const notification = z.object({
  id: z.string(),
  type: z.enum(NOTIFICATION_TYPES),
  title: z.string(),
  body: z.string(),
  refId: z.string().nullable(),
  createdAt: isoTime(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof notification>;

export const myNotificationsRoute = route({
  method: 'GET',
  path: '/me/notifications',
  summary: 'The person’s notifications, newest first',
  source: 'fixed',
  tag: 'me',
  auth: 'required',
  query: pageQuery(),
  status: 200,
  response: page(notification),
});

export const markNotificationReadRoute = route({
  method: 'POST',
  path: '/me/notifications/{id}/read',
  summary: 'Mark one of the person’s notifications read (again is the same)',
  source: 'added',
  tag: 'me',
  auth: 'required',
  params: idParams,
  status: 200,
  response: z.object({ notification, unread: z.number().int() }),
  errors: [{ status: 404, code: 'NOT_FOUND', when: 'no such notification of this person' }],
});

export const markAllNotificationsReadRoute = route({
  method: 'POST',
  path: '/me/notifications/read-all',
  summary: 'Mark every notification of the person read',
  source: 'added',
  tag: 'me',
  auth: 'required',
  status: 200,
  response: z.object({ unread: z.number().int() }),
});
