import type { Resource, TagQuery } from '@csbs-kit/models';
import { withClient } from '../client-factory.js';
import type { CommandHandler } from '../command-handler.js';
import { dumbTerminal } from '../context.js';
import { CliUsageError } from '../errors.js';
import { writeChunk } from '../io.js';
import { renderSingleRecord } from '../output/single-record.js';
import { Progress } from '../progress.js';
import { textFlag, wholeNumberFlag } from './flag-values.js';
import { bareNumber, notice, outputSetup, recordWriter } from './output-setup.js';
import { selectorFlag } from './selector-flag.js';
import { readTagsJson } from './tags-json.js';

export const defaultLimit = 50;

/** The conditions from `--selector` or `--tags-json`, plus `--name-contains`. */
export async function queryConditions(
  flags: Record<string, unknown>,
  stdin: NodeJS.ReadableStream,
  cwd: string,
): Promise<TagQuery> {
  if (flags.selector !== undefined && flags.tagsJson !== undefined) {
    throw new CliUsageError('--tags-json', 'cannot be combined with --selector (pick one)');
  }
  const nameContains = textFlag('--name-contains', flags.nameContains);
  let query: TagQuery = {};
  if (flags.tagsJson !== undefined) {
    query = await readTagsJson(String(flags.tagsJson), stdin, cwd);
  } else if (flags.selector !== undefined) {
    query = selectorFlag(flags.selector) ?? {};
  }
  if (nameContains !== undefined) {
    if (query.matches?.length)
      throw new CliUsageError('--name-contains', 'the --tags-json query already has matches');
    query = { ...query, matches: [{ key: 'resource_name', value: nameContains }] };
  }
  if (Object.keys(query).length === 0) {
    throw new CliUsageError('--selector', 'required: give --selector, --tags-json or --name-contains');
  }
  return query;
}

/**
 * `--limit N --offset M` for one window, or `--all` for every match. The window's size is
 * the walk's `maxItems` (the flag keeps the reference's word); `--page-size` is the wire's
 * `limit` of each request.
 */
export function queryPaging(flags: Record<string, unknown>): {
  maxItems: number | undefined;
  offset: number;
  pageSize: number;
} {
  const limit = wholeNumberFlag('--limit', flags.limit, { min: 1 });
  const offset = wholeNumberFlag('--offset', flags.offset, { min: 0 }) ?? 0;
  const pageSize = wholeNumberFlag('--page-size', flags.pageSize, { min: 1, max: 1000 });
  if (flags.all === true && limit !== undefined)
    throw new CliUsageError('--limit', 'cannot be combined with --all');
  const cap = flags.all === true ? undefined : (limit ?? defaultLimit);
  return { maxItems: cap, offset, pageSize: pageSize ?? Math.min(1000, cap ?? 1000) };
}

export const run: CommandHandler = async (ctx, flags) => {
  const query = await queryConditions(flags, ctx.io.stdin, ctx.io.cwd);
  const setup = outputSetup(ctx, flags, flags.count === true ? undefined : 'resource');

  if (flags.count === true) {
    const total = await withClient(ctx, flags, (client) => client.countResources(query));
    const text = bareNumber(flags, setup.format)
      ? `${total}\n`
      : renderSingleRecord({ total_count: total }, setup.format, setup.fields, undefined, setup);
    await writeChunk(ctx.io.stdout, text);
    return;
  }

  const { maxItems, offset, pageSize } = queryPaging(flags);
  await withClient(ctx, flags, async (client) => {
    const writer = recordWriter(ctx, setup, 'resource', { streamJson: maxItems === undefined });
    // NDJSON of whole records copies each resource's received text (still validated by the
    // client) rather than serialising it again, as `backups list` does.
    const itemTexts = setup.format === 'ndjson' && setup.fields === undefined;
    const progress = new Progress(ctx.io.stderr, {
      enabled:
        ctx.io.stderr.isTTY === true &&
        !dumbTerminal(ctx.io) &&
        !flags.quiet &&
        (maxItems === undefined || maxItems > pageSize),
    });
    let total = 0;
    let written = 0;
    try {
      const pages = client
        .paginateResources(
          { ...query, offset, limit: pageSize },
          { ...(maxItems === undefined ? {} : { maxItems }), itemTexts },
        )
        .pages();
      for await (const page of pages) {
        total = page.total_count;
        progress.setTotal(Math.max(0, total - offset));
        progress.page(page.resources.length);
        const batch: Resource[] = page.resources;
        await writer.write(batch, page.itemTexts, page.itemLines);
        written += batch.length;
      }
    } catch (error) {
      await writer.abort();
      throw error;
    } finally {
      progress.done();
    }
    await writer.end();
    if (written === 0 && setup.format === 'table') notice(ctx, flags, 'No backups match.');
    if (maxItems !== undefined && offset + written < total) {
      notice(
        ctx,
        flags,
        `csbs: showing ${written} of ${total} matches; use --offset ${offset + written} or --all for more`,
      );
    }
  });
};
