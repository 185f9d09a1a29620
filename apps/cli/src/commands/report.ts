import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { paginateFleetCheckpointItems } from '@csbs-kit/fleet';
import { ReportAccumulator } from '@csbs-kit/fleet/report';
import type { TagQuery } from '@csbs-kit/models';
import { matchesTagQuery } from '@csbs-kit/tag-query';
import pc from 'picocolors';
import { stringify } from 'yaml';
import type { CommandHandler } from '../command-handler.js';
import { colorEnabled } from '../context.js';
import { reportFleetFailure } from '../fleet/fleet-failures.js';
import { fleetScopeFlags } from '../fleet/fleet-flags.js';
import { withFleetSession } from '../fleet/fleet-session.js';
import { writeChunk } from '../io.js';
import { Progress } from '../progress.js';
import { renderCsvSection } from '../report/render-csv.js';
import { renderHtmlReport } from '../report/render-html.js';
import { renderTextReport } from '../report/render-text.js';
import { asOfFlag, byFlag, reportOutput, staleFlag } from '../report/report-flags.js';
import { textFlag } from './flag-values.js';
import { listingFilters } from './listing-flags.js';
import { notice } from './output-setup.js';
import { selectorFlag } from './selector-flag.js';

/** The page size of the report's walk: the largest the service allows, fewest requests. */
const reportPageSize = 1000;

export const run: CommandHandler = async (ctx, flags) => {
  // Every flag is checked before the first request.
  const filters = listingFilters(flags);
  const selector: TagQuery | undefined = selectorFlag(flags.selector);
  const by = byFlag(flags.by);
  const staleAfterMs = staleFlag(flags.stale);
  const output = reportOutput(flags);
  const htmlFile = textFlag('--html', flags.html);
  const scope = fleetScopeFlags(flags);
  // Ages are measured from now, or from --as-of (a report of old data, or a reproducible one).
  const asOf = asOfFlag(flags.asOf);

  const accumulator = new ReportAccumulator({ by });
  const walking = new Map<string, ReportAccumulator>();
  await withFleetSession(ctx, flags, scope, async (session) => {
    const progress = new Progress(ctx.io.stderr, { enabled: ctx.io.stderr.isTTY === true && !flags.quiet });
    try {
      for await (const event of paginateFleetCheckpointItems({
        projects: session.projects,
        clientFor: session.clientFor,
        concurrency: session.concurrency,
        params: { ...filters, limit: reportPageSize },
      })) {
        const projectId = event.kind === 'failure' ? event.failure.project.id : event.project.id;
        if (event.kind === 'page') {
          progress.page(event.items.length);
          // Each project is counted apart and joins the report only once it has been read
          // to the end: a project that fails half-way is reported, never half-counted.
          const partial = walking.get(projectId) ?? new ReportAccumulator({ by });
          walking.set(projectId, partial);
          for (const item of event.items) {
            if (selector && !matchesTagQuery(selector, { name: item.name ?? '', tags: item.tags ?? [] }))
              continue;
            partial.add(item, projectId);
          }
        } else if (event.kind === 'done') {
          const partial = walking.get(projectId);
          if (partial) accumulator.merge(partial);
          walking.delete(projectId);
        } else {
          walking.delete(projectId);
          // One project alone is the ordinary error path; in a fleet the others go on.
          if (!session.fleet) throw event.failure.error;
          progress.done();
          reportFleetFailure(ctx, event.failure);
        }
      }
    } finally {
      progress.done();
    }
  });

  const report = accumulator.report({
    ...(staleAfterMs === undefined ? {} : { staleAfterMs }),
    ...(asOf === undefined ? {} : { now: asOf }),
  });
  if (htmlFile !== undefined) {
    const path = resolve(ctx.io.cwd, htmlFile);
    await writeFile(path, renderHtmlReport(report));
    notice(ctx, flags, `csbs: wrote the HTML report to ${htmlFile}`);
  }
  switch (output.format) {
    case 'json':
      await writeChunk(ctx.io.stdout, `${JSON.stringify(report, null, 2)}\n`);
      break;
    case 'yaml':
      await writeChunk(ctx.io.stdout, stringify(report));
      break;
    case 'csv':
      await writeChunk(ctx.io.stdout, renderCsvSection(report, output.section ?? 'totals'));
      break;
    case 'text':
      // With --html and no -o, the file is the answer; the terminal gets the notice only.
      if (htmlFile === undefined || flags.output !== undefined) {
        const bold = colorEnabled(ctx.io, flags, 'stdout') ? pc.createColors(true).bold : undefined;
        await writeChunk(ctx.io.stdout, renderTextReport(report, bold));
      }
      break;
  }
};
