import { z } from 'zod';
import templatesJson from '../../config/subscribe-templates.json';
import { SUBSCRIBE_TOPICS, type SubscribeTopic } from '../contract/enums';
import type { AppConfig, SubscribeTemplate } from './config';

/*
 * Subscribe-message templates (config/subscribe-templates.json), read once by the functions that
 * offer or send WeChat messages only (the others do not carry them).
 */
const template = z.object({ id: z.string().min(1), keys: z.object({ title: z.string().min(1), note: z.string().min(1), time: z.string().min(1) }) });
const templatesSchema = z.object({ dream_executable: template, letter: template, meal_redeemed: template, assembly: template });

const read = new WeakMap<AppConfig, Record<SubscribeTopic, SubscribeTemplate>>();

/**
 * Template ids are each mini-program's own (chosen in its WeChat console): a given
 * WECHAT_TEMPLATE_<TOPIC> always wins, then the deployed setting WECHAT_TEMPLATES (a JSON object of
 * topic → id, from `npm run settings`); the ids in config/subscribe-templates.json are the local
 * fake's, used only in local and test. A deployed stage without one sends no WeChat message for that topic.
 */
export function subscribeTemplates(config: Pick<AppConfig, 'env' | 'isLocalStage'> & AppConfig): Record<SubscribeTopic, SubscribeTemplate> {
  const known = read.get(config);
  if (known) return known;
  const fromFile = templatesSchema.parse(templatesJson);
  const deployed = deployedTemplateIds(config.env.WECHAT_TEMPLATES);
  const templates = {} as Record<SubscribeTopic, SubscribeTemplate>;
  for (const topic of SUBSCRIBE_TOPICS) {
    const { id, keys } = fromFile[topic];
    templates[topic] = { id: config.env[`WECHAT_TEMPLATE_${topic.toUpperCase()}`] || deployed[topic] || (config.isLocalStage ? id : null), keys };
  }
  read.set(config, templates);
  return templates;
}

/** The deployed setting: a JSON object of topic → template id ('none' or empty: no templates). */
export function deployedTemplateIds(setting: string | undefined): Partial<Record<SubscribeTopic, string>> {
  if (!setting || setting === 'none') return {};
  const parsed = z.record(z.string(), z.string().min(1)).safeParse(JSON.parse(setting));
  if (!parsed.success) throw new Error('WECHAT_TEMPLATES must be a JSON object of topic to template id (npm run settings -- set wechat-templates …)');
  return parsed.data as Partial<Record<SubscribeTopic, string>>;
}
