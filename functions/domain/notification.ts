import type { NotificationType } from '../contract/enums';
import type { Page, PageRequest } from './ports';

export interface Notification {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  refId: string | null;
  createdAt: string;
  read: boolean;
}

export interface NotificationSender {
  /** Delivers a notification at most once per (person, type, refId), also when retried. */
  notifyOnce(userId: string, input: { type: NotificationType; refId: string; title: string; body: string }): Promise<boolean>;
}

export interface NotificationRepository extends NotificationSender {
  list(userId: string, page: PageRequest): Promise<Page<Notification>>;
  unreadCount(userId: string): Promise<number>;
  /** Marks one read (counted once, however often it is asked); null when it is not this person's. */
  markRead(userId: string, notificationId: string): Promise<Notification | null>;
  /** Marks every notification read at once, however many there are. */
  markAllRead(userId: string): Promise<void>;
  /** Marks read the notification about this (a letter the person opened), when there is one. */
  markReadAbout(userId: string, type: string, refId: string): Promise<void>;
}
