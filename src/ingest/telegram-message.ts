// One message of a Telegram Desktop export → a DocumentInput, a skip, or a rejection. The
// fields are those Telegram Desktop writes in `result.json` (Export chat history → JSON; the
// schema is the exporter's, tdesktop Telegram/SourceFiles/export/output/export_output_json.cpp):
// `text` is a string or an array mixing strings and entity objects {type, text, href?};
// `text_entities` is always an array of entity objects; `date` is local time WITHOUT a zone
// (the exporting machine's), `date_unixtime` (newer exports) the same instant as unix seconds.
import type { DocumentInput } from '../core/types.js';

export interface TelegramChat {
  id?: number | string;
  name?: string;
  type?: string;
  /** Not written by Telegram Desktop itself; honoured when a tool or the user adds it. */
  username?: string;
}

export type MessageOutcome =
  | { kind: 'document'; document: DocumentInput }
  | { kind: 'skipped'; reason: 'service message' | 'no text' }
  | { kind: 'rejected'; ref: string; reason: string };

interface Entity {
  type?: unknown;
  text?: unknown;
  href?: unknown;
}

/** Meta fields copied as they are, when present. */
const KEPT = [
  'from',
  'from_id',
  'author',
  'forwarded_from',
  'forwarded_from_id',
  'saved_from',
  'reply_to_message_id',
  'via_bot',
  'media_type',
  'photo',
  'file',
  'mime_type',
  'edited',
] as const;

export function messageRef(label: string, chat: TelegramChat, id: unknown, isAccountExport: boolean): string {
  const shownId = typeof id === 'number' || typeof id === 'string' ? String(id) : '?';
  const where = isAccountExport ? ` chat ${JSON.stringify(chat.name ?? String(chat.id ?? '?'))}` : '';
  return `${label}${where} message ${shownId}`;
}

export function telegramMessageToDocument(
  message: Record<string, unknown>,
  chat: TelegramChat,
  ref: string,
): MessageOutcome {
  if (message.type !== undefined && message.type !== 'message')
    return { kind: 'skipped', reason: 'service message' };
  const id = message.id;
  if (!(typeof id === 'number' && Number.isInteger(id)) && !(typeof id === 'string' && /^\d+$/.test(id))) {
    return { kind: 'rejected', ref, reason: `message id ${JSON.stringify(id)} (expected an integer "id")` };
  }
  const text = joinText(message.text) || joinText(message.text_entities);
  if (text.trim() === '') return { kind: 'skipped', reason: 'no text' };

  const meta: Record<string, unknown> = {};
  for (const key of KEPT) if (message[key] !== undefined && message[key] !== null) meta[key] = message[key];
  let publishedAt: Date | undefined;
  if (message.date_unixtime !== undefined) {
    publishedAt = unixSeconds(message.date_unixtime);
    if (!publishedAt) {
      const shown = JSON.stringify(message.date_unixtime);
      return {
        kind: 'rejected',
        ref,
        reason: `"date_unixtime" ${shown} (expected unix seconds as a string)`,
      };
    }
  } else if (message.date !== undefined) {
    publishedAt = localDateAsUtc(message.date);
    if (!publishedAt) {
      const shown = JSON.stringify(message.date);
      return { kind: 'rejected', ref, reason: `"date" ${shown} (expected YYYY-MM-DDTHH:MM:SS)` };
    }
    // Without date_unixtime the exporter's time zone is unknown: the time may be off by hours.
    meta.dateZone = 'unknown (local time of the exporting machine, read as UTC)';
  }
  if (message.edited_unixtime !== undefined) {
    const editedAt = unixSeconds(message.edited_unixtime);
    if (editedAt) meta.editedAt = editedAt.toISOString();
  }
  const links = entities(message.text_entities ?? message.text)
    .map((entity) =>
      entity.type === 'text_link' ? entity.href : entity.type === 'link' ? entity.text : null,
    )
    .filter((href): href is string => typeof href === 'string' && href !== '');
  if (links.length > 0) meta.links = [...new Set(links)];
  if (chat.type) meta.chatType = chat.type;

  const username = chat.username?.replace(/^@/, '');
  const document: DocumentInput = {
    ref,
    text,
    externalId: `${chat.id ?? chat.name ?? 'chat'}/${id}`,
    ...(chat.name ? { source: chat.name } : {}),
    ...(username && /^\w{4,}$/.test(username) ? { url: `https://t.me/${username}/${id}` } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(Object.keys(meta).length > 0 ? { meta } : {}),
  };
  return { kind: 'document', document };
}

/** A `text` or `text_entities` value as plain text: strings as they are, entities by their text. */
export function joinText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return '';
  return value
    .map((part: unknown) => {
      if (typeof part === 'string') return part;
      const text = (part as Entity | null)?.text;
      return typeof text === 'string' ? text : '';
    })
    .join('');
}

function entities(value: unknown): Entity[] {
  if (!Array.isArray(value)) return [];
  return value.filter((part): part is Entity => typeof part === 'object' && part !== null);
}

function unixSeconds(value: unknown): Date | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,12}$/.test(text)) return undefined;
  return new Date(Number(text) * 1000);
}

function localDateAsUtc(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const isReal = date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
  return isReal ? date : undefined;
}
