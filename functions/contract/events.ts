import { z } from 'zod';
import { FANOUT_KINDS, SUBSCRIBE_TOPICS } from './enums';
import { idParams } from './common';
import { route } from './route';
import { isoTime, named, page, pageQuery } from './schema-kit';

/** A person's subscribe-message credits, one count per topic (one accepted tap = one message). */
export const subscriptionCounts = z.object(
  Object.fromEntries(SUBSCRIBE_TOPICS.map((topic) => [topic, z.number().int()])) as Record<(typeof SUBSCRIBE_TOPICS)[number], z.ZodNumber>,
);

export const subscribeTemplatesRoute = route({
  method: 'GET',
  path: '/subscriptions/templates',
  summary: 'The WeChat subscribe-message template of each topic, for wx.requestSubscribeMessage (null: no WeChat message for it)',
  source: 'added',
  tag: 'me',
  auth: 'optional',
  status: 200,
  response: z.object({ templates: z.array(z.object({ topic: z.enum(SUBSCRIBE_TOPICS), templateId: z.string().nullable() })) }),
});

export const recordSubscriptionsBody = z.object({
  /** The topics whose templates the person accepted in this one prompt. */
  accepted: z.array(z.enum(SUBSCRIBE_TOPICS)).min(1).max(SUBSCRIBE_TOPICS.length),
});
export type RecordSubscriptionsBody = z.infer<typeof recordSubscriptionsBody>;

export const recordSubscriptionsRoute = route({
  method: 'POST',
  path: '/me/subscriptions',
  summary: 'Count the subscribe-message templates the person just accepted (one credit each, capped)',
  source: 'added',
  tag: 'me',
  auth: 'required',
  body: recordSubscriptionsBody,
  status: 200,
  response: z.object({ subscriptions: subscriptionCounts }),
});

export const mySubscriptionsRoute = route({
  method: 'GET',
  path: '/me/subscriptions',
  summary: 'How many subscribe messages of each topic the person has left',
  source: 'added',
  tag: 'me',
  auth: 'required',
  status: 200,
  response: z.object({ subscriptions: subscriptionCounts }),
});

export const fanoutJob = named(
  z.object({
    id: z.string(),
    kind: z.enum(FANOUT_KINDS),
    refId: z.string(),
    /** The dream whose donors are told. */
    dreamId: z.string(),
    subject: z.string(),
    expected: z.number().int(),
    told: z.number().int(),
    already: z.number().int(),
    left: z.number().int(),
    sent: z.number().int(),
    refused: z.number().int(),
    failed: z.number().int(),
    chunks: z.number().int(),
    chunksDone: z.number().int(),
    done: z.boolean(),
    createdAt: isoTime(),
    finishedAt: isoTime().nullable(),
  }),
  'FanoutJob',
);
export type FanoutJobView = z.infer<typeof fanoutJob>;

export const listJobsRoute = route({
  method: 'GET',
  path: '/admin/jobs',
  summary: 'Fan-out jobs (telling many people one thing), newest first, with their progress',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  query: pageQuery(),
  status: 200,
  response: page(fanoutJob),
});

export const getJobRoute = route({
  method: 'GET',
  path: '/admin/jobs/{id}',
  summary: 'One fan-out job’s progress: told, left, failed',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  params: idParams,
  status: 200,
  response: z.object({ job: fanoutJob }),
  errors: [{ status: 404, code: 'NOT_FOUND', when: 'no such job' }],
});
