import { z } from 'zod';
import { NOTIFICATION_TYPES } from './enums';
import { route } from './route';
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
  source: 'API.md',
  tag: 'me',
  auth: 'required',
  query: pageQuery(),
  status: 200,
  response: page(notification),
});
