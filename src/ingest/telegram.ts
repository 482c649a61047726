// The reader for Telegram Desktop exports (`result.json`): a single chat or channel
// (`{name, type, id, messages: […]}`) or a whole account (`{…, chats: {list: [{name, type, id,
// messages}, …]}, left_chats: {list: […]}}`). Exports of busy channels run to hundreds of
// megabytes, so the JSON is read as a token stream (stream-json) and only one message at a
// time is assembled into an object: memory stays flat. Any object holding a `messages` array is
// a chat; its `name`, `type`, `id` (and `username`, when present) are read from the keys before
// the array, which is where Telegram Desktop writes them. A truncated export keeps every
// message before the break and ends with one rejection saying where it broke.
import { Readable } from 'node:stream';
import Assembler from 'stream-json/Assembler.js';
import Parser from 'stream-json/Parser.js';
import { OvertureError } from '../core/errors.js';
import type { Reader, ReaderOptions, ReadInput, ReadItem } from './reader.js';
import { messageRef, type TelegramChat, telegramMessageToDocument } from './telegram-message.js';

/** What a read skipped on purpose (service messages, media without text): not errors. */
export interface SkipTally {
  skipped: number;
  byReason: Record<string, number>;
}

interface Frame {
  kind: 'object' | 'array';
  /** Object frames: the key whose value comes next. */
  key: string | null;
  /** Object frames: the scalar fields a chat is known by. */
  chat: TelegramChat;
  /** Array frames: the `messages` array of this chat, if it is one. */
  messagesOf: TelegramChat | null;
}

interface Token {
  name: string;
  value?: string;
}

const CHAT_FIELDS = new Set(['id', 'name', 'type', 'username']);

export const readTelegram = async function* readTelegram(
  input: ReadInput,
  _options: ReaderOptions,
  tally: SkipTally = { skipped: 0, byReason: {} },
): AsyncGenerator<ReadItem> {
  const { label } = input;
  const stack: Frame[] = [];
  let assembler: Assembler | null = null;
  let currentChat: TelegramChat | null = null;
  let isAccountExport = false;
  let chats = 0;
  let lastRef: string | null = null;
  let messagesRead = 0;

  const tokens = Readable.from(withoutBom(input)).pipe(
    Parser.parser({ packValues: true, streamValues: false }),
  );
  try {
    for await (const token of tokens as AsyncIterable<Token>) {
      if (assembler) {
        assembler.consume(token);
        if (!assembler.done) continue;
        const message = assembler.current as unknown;
        assembler = null;
        messagesRead += 1;
        const chat = currentChat ?? {};
        const id =
          typeof message === 'object' && message !== null ? (message as { id?: unknown }).id : undefined;
        const ref = messageRef(label, chat, id, isAccountExport);
        lastRef = ref;
        if (typeof message !== 'object' || message === null || Array.isArray(message)) {
          yield { kind: 'rejected', ref, reason: 'not a JSON object (expected a message object)' };
          continue;
        }
        const outcome = telegramMessageToDocument(message as Record<string, unknown>, chat, ref);
        if (outcome.kind === 'skipped') {
          tally.skipped += 1;
          tally.byReason[outcome.reason] = (tally.byReason[outcome.reason] ?? 0) + 1;
        } else yield outcome;
        continue;
      }
      const top = stack.at(-1);
      switch (token.name) {
        case 'startObject':
        case 'startArray':
          if (top?.kind === 'array' && top.messagesOf) {
            assembler = new Assembler();
            assembler.consume(token);
            currentChat = top.messagesOf;
            break;
          }
          if (token.name === 'startObject')
            stack.push({ kind: 'object', key: null, chat: {}, messagesOf: null });
          else {
            const isMessages = top?.kind === 'object' && top.key === 'messages';
            if (isMessages) {
              chats += 1;
              // A chat nested below the root (chats.list[i]) means a whole-account export.
              isAccountExport ||= stack.length > 1;
            }
            stack.push({ kind: 'array', key: null, chat: {}, messagesOf: isMessages ? top.chat : null });
          }
          break;
        case 'endObject':
        case 'endArray':
          stack.pop();
          break;
        case 'keyValue':
          if (top) top.key = token.value ?? null;
          break;
        default:
          if (top?.kind === 'object' && top.key !== null && CHAT_FIELDS.has(top.key)) {
            const value = token.name === 'numberValue' ? Number(token.value) : token.value;
            if (value !== undefined) Object.assign(top.chat, { [top.key]: value });
          }
      }
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const where = lastRef ? `after ${lastRef.slice(label.length + 1)}` : 'before the first message';
    yield {
      kind: 'rejected',
      ref: lastRef ? `${label} ${where}` : label,
      reason:
        `the export breaks off ${where} (${messagesRead} messages read): ${detail} ` +
        `(expected complete JSON; the file is truncated or damaged, the messages before the break were kept)`,
    };
    return;
  }
  if (chats === 0) {
    throw new OvertureError(
      'invalid-input',
      `${label}: no "messages" array (expected a Telegram Desktop export, result.json, of a chat or a whole account)`,
    );
  }
} satisfies Reader;

/** The bytes with a UTF-8 byte-order mark removed (stream-json does not expect one). */
async function* withoutBom(input: ReadInput): AsyncGenerator<Buffer> {
  let isFirst = true;
  for await (const raw of input.open()) {
    let chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw as Uint8Array);
    if (isFirst && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    isFirst = false;
    yield chunk;
  }
}
