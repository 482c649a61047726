import type { Command } from 'commander';
import { invalidOption } from '../../core/errors.js';
import { SOURCE_KINDS, type SourceInput, type SourceKind } from '../../core/types.js';
import type { CliContext } from '../context.js';

interface AddFlags {
  camp: string;
  url?: string;
  lang?: string;
  kind?: string;
  every?: string;
  speaker?: string;
  json?: boolean;
}

export function parseSourceFlags(name: string, flags: AddFlags): SourceInput {
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._:/()-]{0,199}$/u.test(name)) {
    throw invalidOption(
      'source name',
      name,
      'letters, digits, spaces and . _ : / ( ) -, up to 200 characters',
    );
  }
  if (!/^[a-z][a-z0-9-]{1,40}$/.test(flags.camp))
    throw invalidOption('--camp', flags.camp, 'a camp such as ru-official');
  if (flags.kind && !(SOURCE_KINDS as readonly string[]).includes(flags.kind)) {
    throw invalidOption('--kind', flags.kind, SOURCE_KINDS.join(', '));
  }
  if (flags.lang && !/^[a-z]{2,3}$/.test(flags.lang))
    throw invalidOption('--lang', flags.lang, 'an ISO 639-1 code such as ru');
  if (flags.url && !/^https?:\/\/\S+$/i.test(flags.url))
    throw invalidOption('--url', flags.url, 'an http(s) URL');
  const every = flags.every === undefined ? undefined : Number(flags.every);
  if (every !== undefined && (!Number.isInteger(every) || every < 1 || every > 10_080)) {
    throw invalidOption('--every', flags.every, 'minutes between polls, 1 to 10080');
  }
  return {
    name,
    camp: flags.camp,
    ...(flags.lang ? { lang: flags.lang } : {}),
    ...(flags.kind ? { kind: flags.kind as SourceKind } : {}),
    ...(flags.url ? { url: flags.url, scheduleMinutes: every ?? 60 } : {}),
    ...(flags.speaker ? { defaultSpeaker: flags.speaker } : {}),
  };
}

export const registerSources = (program: Command, ctx: CliContext): void => {
  const sources = program.command('sources').description('the publishers and channels documents come from');
  sources
    .command('add')
    .description('add a source, or update the fields given of an existing one')
    .argument('<name>', 'a unique name, e.g. "TASS"')
    .requiredOption(
      '--camp <camp>',
      'ru-official, ru-state-media, ru-milblog, ru-independent, ua-official, ua-media, west-official, west-media, west-commentary, other…',
    )
    .option('--url <feed>', 'an RSS/Atom/JSON Feed URL for `overture watch`')
    .option('--lang <xx>', 'the language it publishes in')
    .option('--kind <kind>', SOURCE_KINDS.join('|'))
    .option('--every <minutes>', 'polling interval for the feed (default 60)')
    .option('--speaker <actor>', 'default speaker when a statement quotes nobody (an actor id, e.g. kremlin)')
    .option('--json', 'print the source as JSON')
    .action(async (name: string, flags: AddFlags, command: Command) => {
      const input = parseSourceFlags(name, flags);
      const store = await ctx.openStore(command.optsWithGlobals());
      try {
        const source = await store.upsertSource(input);
        ctx.io.stdout.write(
          flags.json ? `${JSON.stringify(source)}\n` : `source ${source.name} (${source.camp}) saved\n`,
        );
      } finally {
        await store.close();
      }
    });
  sources
    .command('list')
    .description('list the sources')
    .option('--json', 'print as JSON')
    .action(async (flags: { json?: boolean }, command: Command) => {
      const store = await ctx.openStore(command.optsWithGlobals());
      try {
        const list = await store.listSources();
        if (flags.json) {
          ctx.io.stdout.write(`${JSON.stringify(list)}\n`);
          return;
        }
        if (list.length === 0)
          ctx.io.stdout.write('no sources yet: add one with `overture sources add NAME --camp CAMP`\n');
        for (const s of list) {
          const feed = s.url ? `  ${s.url} every ${s.scheduleMinutes ?? 60} min` : '';
          ctx.io.stdout.write(`${s.name}\t${s.camp}\t${s.lang ?? '-'}\t${s.kind}${feed}\n`);
        }
      } finally {
        await store.close();
      }
    });
};
