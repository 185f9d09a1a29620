import { readFile } from 'node:fs/promises';
import { fieldIssuesOf, type TagQuery, tagQuerySchema } from '@csbs-kit/models';
import { CliUsageError } from '../errors.js';

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin)
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return text;
}

/**
 * The wire-shape query of `--tags-json FILE|-`. Its own fields are checked here with the
 * request schema (unknown keys refused), so a misspelt `not_tag` fails before any request.
 */
export async function readTagsJson(
  source: string,
  stdin: NodeJS.ReadableStream,
  cwd: string,
): Promise<TagQuery> {
  let text: string;
  try {
    text =
      source === '-'
        ? await readStdin(stdin)
        : await readFile(source.startsWith('/') ? source : `${cwd}/${source}`, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    throw new CliUsageError('--tags-json', `cannot read ${source} (${code})`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliUsageError(
      '--tags-json',
      `${source === '-' ? 'stdin' : source} is not valid JSON: ${(error as Error).message}`,
    );
  }
  const parsed = tagQuerySchema.safeParse(json);
  if (!parsed.success) {
    const issue = fieldIssuesOf(parsed.error)[0]!;
    throw new CliUsageError(`--tags-json${issue.path ? ` ${issue.path}` : ''}`, issue.message);
  }
  return parsed.data;
}
