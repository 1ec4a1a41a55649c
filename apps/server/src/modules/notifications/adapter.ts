import pino from 'pino';
import type { Config } from '../../config.ts';

/** One message leaving Linli, as a gateway adapter receives it. */
export interface OutboundMessage {
  id: string;
  channel: 'sms' | 'wechat';
  userId: string | null;
  phone: string | null;
  /** The notification kind (e.g. `case.accepted`): a gateway maps it to its registered template id. */
  template: string;
  params: Record<string, string | number>;
  /** The same sentence rendered in Simplified Chinese, for gateways that take free text. */
  text: string;
  /** Failed attempts so far. */
  attempts: number;
}

/** An SMS/WeChat gateway. `send` resolves once the gateway accepted the message and throws otherwise. */
export interface MessageAdapter {
  name: string;
  send(m: OutboundMessage): Promise<void>;
}

/** 13800000001 → 138****0001: a log is no place for full phone numbers. */
export const maskPhone = (phone: string | null): string | null =>
  phone && phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone;

interface LineLogger {
  info(obj: object, msg: string): void;
}

/** Sends nothing: writes one structured (pino) log line per message. The default, for development and demos. */
export function logAdapter(log: LineLogger): MessageAdapter {
  return {
    name: 'log',
    async send(m) {
      log.info(
        { messageId: m.id, channel: m.channel, to: maskPhone(m.phone), template: m.template, text: m.text },
        'outbound message (log adapter: not really sent)',
      );
    },
  };
}

const cache = new WeakMap<Config, MessageAdapter | null>();

/**
 * The adapter chosen by `LINLI_SMS_ADAPTER`: `log` (default), or `none` — null, messages stay queued for an
 * external drainer reading `outbound_message`.
 */
export function adapterFor(config: Config): MessageAdapter | null {
  if (!cache.has(config)) {
    const adapter =
      config.smsAdapter === 'none' ? null : logAdapter(pino({ level: config.logLevel, name: 'linli-messages' }));
    cache.set(config, adapter);
  }
  return cache.get(config) ?? null;
}
