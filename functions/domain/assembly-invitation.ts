import type { FanoutMessage } from './fanout';

/**
 * An assembly scheduled: every donor of the dream is invited once, in the app, and with one WeChat
 * message where they subscribed to assembly invitations (a topic of its own: a person who wants
 * the charity's letters may not want meeting invitations, and each accepted tap pays for one message).
 */
export function assemblyInvitedMessage(assembly: { id: string; title: string; startsAt: string }, dream: { title: string }): FanoutMessage {
  return {
    type: 'assembly_invited',
    refId: assembly.id,
    title: `公益股东大会邀请：${assembly.title}`,
    body: `你支持的「${dream.title}」将召开公益股东大会，欢迎提问、投票并参会。`,
    topic: 'assembly',
    page: `assembly/detail/index?id=${assembly.id}`,
    fields: { title: assembly.title, note: `「${dream.title}」公益股东大会邀请你参加`, time: assembly.startsAt },
  };
}
