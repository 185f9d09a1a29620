import {
  checkpointItemSchema,
  fieldIssuesOf,
  formatFieldPath,
  resourceTagLimits,
  resourceTagSchema,
  safeParseResponse,
} from '@csbs-kit/models';
import { z } from 'zod';
import { EmulatorDataError } from '../errors.js';
import type { EmulatorCredential, EmulatorData, EmulatorUser } from '../types.js';

const nonEmpty = z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' });
const adminFlag = z.boolean({ error: 'must be true or false' }).optional();

const tokenCredentialSchema = z.strictObject({ token: nonEmpty, project_id: nonEmpty, admin: adminFlag });
const accessKeyCredentialSchema = z.strictObject({
  access_key: nonEmpty,
  secret_key: nonEmpty,
  project_id: nonEmpty,
  admin: adminFlag,
  security_token: nonEmpty.optional(),
});
const userSchema = z.strictObject({
  name: nonEmpty,
  password: z.string({ error: 'must be a string' }),
  domain_name: nonEmpty,
  project_id: nonEmpty,
  project_name: nonEmpty.optional(),
  admin: adminFlag,
});

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = fieldIssuesOf(error)[0];
  return issue === undefined
    ? { field: '', message: 'invalid' }
    : { field: issue.path, message: issue.message };
}

/**
 * Whether `resourceTagSchema` surely accepts `tag`: exactly `key` and `value`, both strings
 * within the lengths and of the allowed characters. Anything else goes to the schema, which
 * then names the broken rule; this only spares its cost for the million valid tags.
 */
function isPlainResourceTag(tag: unknown): tag is { key: string; value: string } {
  if (typeof tag !== 'object' || tag === null || Array.isArray(tag)) return false;
  let fields = 0;
  for (const name in tag) {
    if (name !== 'key' && name !== 'value') return false;
    fields++;
  }
  if (fields !== 2) return false;
  const { key, value } = tag as Record<string, unknown>;
  const { maxKeyLength, maxValueLength, pattern } = resourceTagLimits;
  return (
    typeof key === 'string' &&
    typeof value === 'string' &&
    key.length >= 1 &&
    key.length <= maxKeyLength &&
    value.length <= maxValueLength &&
    pattern.test(key) &&
    pattern.test(value)
  );
}

/** Past this many tags a backup's keys are checked for repeats through a Set. */
const fewTags = 16;

/** Whether a tag before `tagIndex` (each already checked to be a tag) has the key `key`. */
function repeatsKey(tags: readonly unknown[], tagIndex: number, key: string): boolean {
  for (let i = 0; i < tagIndex; i++) if ((tags[i] as { key: string }).key === key) return true;
  return false;
}

/**
 * Checks one checkpoint item (`itemIndex` of `project`'s list) and records its id in
 * `seenIds` (ids are unique across the file). No closure per item or per tag: at load this
 * runs once over every item, and each closure made is garbage (and, under a loader that
 * keeps function names, a `defineProperty` call). `tagsPassed`: the caller knows that these
 * tags, as JSON, passed the tag checks before (backups share few tags lists), and they are
 * not checked again.
 */
export function validateItem(
  project: string,
  item: unknown,
  itemIndex: number,
  seenIds: Map<string, string>,
  tagsPassed = false,
): void {
  if (!isRecord(item)) throw new EmulatorDataError('must be an object', { project, itemIndex, field: '' });
  const id = item.id;
  if (typeof id !== 'string' || id === '')
    throw new EmulatorDataError('required: a non-empty string', { project, itemIndex, field: 'id' });
  // The compiled acceptance check first (zod copies every object it checks); the schema
  // itself only runs to report a problem.
  const parsed = safeParseResponse(checkpointItemSchema, item);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    throw new EmulatorDataError(message, { project, itemIndex, field });
  }
  const tags = item.tags;
  if (Array.isArray(tags) && !tagsPassed) {
    // A backup has a handful of tags: their keys are compared with the ones before them
    // (no Set per backup for the collector), and through a Set only past `fewTags`.
    const keys = tags.length > fewTags ? new Set<string>() : undefined;
    for (let tagIndex = 0; tagIndex < tags.length; tagIndex++) {
      const tag: unknown = tags[tagIndex];
      let key: string;
      if (isPlainResourceTag(tag)) {
        key = tag.key;
      } else {
        const tagParsed = resourceTagSchema.safeParse(tag);
        if (!tagParsed.success) {
          const { field, message } = firstIssue(tagParsed.error);
          throw new EmulatorDataError(message, {
            project,
            itemIndex,
            field: formatFieldPath(['tags', tagIndex]) + (field ? `.${field}` : ''),
          });
        }
        key = tagParsed.data.key;
      }
      if (keys === undefined ? repeatsKey(tags, tagIndex, key) : keys.has(key)) {
        throw new EmulatorDataError(`duplicate tag key "${key}"`, {
          project,
          itemIndex,
          field: `tags[${tagIndex}].key`,
        });
      }
      keys?.add(key);
    }
  }
  const other = seenIds.get(id);
  if (other !== undefined) {
    throw new EmulatorDataError(
      `duplicate id "${id}" (already in project ${other}; ids are unique across the file)`,
      { project, itemIndex, field: 'id' },
    );
  }
  seenIds.set(id, project);
}

function validateItems(project: string, items: unknown, seenIds: Map<string, string>): void {
  if (!Array.isArray(items)) {
    throw new EmulatorDataError('must be a list of checkpoint items', { project, field: 'checkpoint_items' });
  }
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++)
    validateItem(project, items[itemIndex], itemIndex, seenIds);
}

function validateList<T>(
  list: unknown,
  name: 'credentials' | 'users',
  check: (entry: unknown, index: number) => T,
): T[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new EmulatorDataError('must be a list', { field: name });
  return list.map(check);
}

function checkCredential(entry: unknown, index: number): EmulatorCredential {
  const schema = isRecord(entry) && 'token' in entry ? tokenCredentialSchema : accessKeyCredentialSchema;
  const parsed = schema.safeParse(entry);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    throw new EmulatorDataError(message, { field: `credentials[${index}]${field ? `.${field}` : ''}` });
  }
  return parsed.data as EmulatorCredential;
}

function checkUser(entry: unknown, index: number): EmulatorUser {
  const parsed = userSchema.safeParse(entry);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    throw new EmulatorDataError(message, { field: `users[${index}]${field ? `.${field}` : ''}` });
  }
  return parsed.data as EmulatorUser;
}

function rejectDuplicates(values: readonly string[], field: (i: number) => string, what: string): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) throw new EmulatorDataError(`duplicate ${what}`, { field: field(i) });
    seen.add(value);
  });
}

/**
 * Checks emulator data and returns it typed. Items are stored as given (unknown fields kept),
 * so the parse only checks them; the first broken rule is thrown as an EmulatorDataError that
 * names the project, the item index and the field.
 */
export function validateEmulatorData(data: unknown): EmulatorData {
  if (!isRecord(data)) throw new EmulatorDataError('must be a JSON object with "projects"');
  for (const key of Object.keys(data)) {
    if (key !== 'projects' && key !== 'credentials' && key !== 'users') {
      throw new EmulatorDataError('unknown field', { field: key });
    }
  }
  const projects = data.projects;
  if (!isRecord(projects))
    throw new EmulatorDataError('required: an object of projects', { field: 'projects' });
  const seenIds = new Map<string, string>();
  for (const [project, content] of Object.entries(projects)) {
    if (project === '') throw new EmulatorDataError('a project id must not be empty', { field: 'projects' });
    if (!isRecord(content))
      throw new EmulatorDataError('must be an object with checkpoint_items', { project });
    validateItems(project, content.checkpoint_items, seenIds);
  }
  const credentials = validateList(data.credentials, 'credentials', checkCredential);
  rejectDuplicates(
    credentials.flatMap((c) => ('token' in c ? [c.token] : [])),
    () => 'credentials[].token',
    'token',
  );
  const accessKeys = credentials.map((c) => ('access_key' in c ? c.access_key : undefined));
  accessKeys.forEach((ak, i) => {
    if (ak !== undefined && accessKeys.indexOf(ak) !== i) {
      throw new EmulatorDataError('duplicate access_key', { field: `credentials[${i}].access_key` });
    }
  });
  const users = validateList(data.users, 'users', checkUser);
  users.forEach((u, i) => {
    const first = users.findIndex((o) => o.name === u.name && o.domain_name === u.domain_name);
    if (first !== i)
      throw new EmulatorDataError('duplicate user in the same domain', { field: `users[${i}].name` });
  });
  return {
    projects: projects as EmulatorData['projects'],
    credentials,
    users,
  };
}
