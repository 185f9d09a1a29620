import {
  type CountCheckpointItemsQuery,
  checkpointItemFilterFields,
  checkpointStatuses,
  countCheckpointItemsQueryFromSearchParams,
  isListingTime,
  type ListCheckpointItemsQuery,
  listCheckpointItemsQueryFromSearchParams,
  listCheckpointItemsQuerySchema,
  parseSort,
  type SearchParamsResult,
  type SortParseResult,
} from '@csbs-kit/models';

/**
 * The listing's query string read as the models' `…QueryFromSearchParams` read it, without
 * their zod parse when every parameter is plainly valid (that parse was ~15 µs of a
 * request's ~100). A reader here answers a value only where the schema surely accepts it
 * and gives it back unchanged; on anything else the models' functions read the whole query,
 * so issues and edge cases are theirs.
 */

/** How many distinct `sort` texts `sortOf` keeps; a client walking its backups sends one. */
const sortMemoSize = 256;
const sortMemo = new Map<string, SortParseResult>();

/**
 * `parseSort`, remembered for the texts seen since the memo was last emptied (it is emptied
 * whole when full, so hostile texts cost at most `sortMemoSize` entries): the plain reader
 * checks a `sort` and the listing then needs its fields, and parsing it twice was a
 * request's only repeated step. The answer is shared, so its `fields` must not be changed.
 */
export function sortOf(text: string): SortParseResult {
  let parsed = sortMemo.get(text);
  if (parsed === undefined) {
    parsed = parseSort(text);
    if (sortMemo.size >= sortMemoSize) sortMemo.clear();
    sortMemo.set(text, parsed);
  }
  return parsed;
}

/** The reader's answer when it cannot vouch for a value. */
const unsure = Symbol('unsure');

type Reader = (value: string) => unknown;

const statuses: ReadonlySet<string> = new Set(checkpointStatuses);
const booleans = new Map([
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
]);
const digits = /^[0-9]+$/;
/** As the models read a whole number: digits past 2^53 mean the largest safe one. */
const wholeNumber = (value: string) => Math.min(Number(value), Number.MAX_SAFE_INTEGER);

const text: Reader = (value) => value;
const time: Reader = (value) => (isListingTime(value) ? value : unsure);

const readers: Record<string, Reader> = {
  status: (value) => (statuses.has(value) ? value : unsure),
  all_tenants: (value) => booleans.get(value.toLowerCase()) ?? unsure,
  name: text,
  az: text,
  resource_id: text,
  resource_name: text,
  start_time: time,
  end_time: time,
  image_type: text,
  policy_id: text,
  checkpoint_id: text,
  resource_type: text,
  limit: (value) => (digits.test(value) && wholeNumber(value) > 0 ? wholeNumber(value) : unsure),
  marker: (value) => (value.length > 0 ? value : unsure),
  sort: (value) => (sortOf(value).ok ? value : unsure),
  offset: (value) => (digits.test(value) ? wholeNumber(value) : unsure),
};

/** The keys a query reads, in the schema's order (a zod parse gives its keys in that order). */
class QueryKeys {
  readonly keys: readonly string[];
  readonly #places: ReadonlyMap<string, number>;

  constructor(keys: readonly string[]) {
    this.keys = keys;
    this.#places = new Map(keys.map((key, place) => [key, place]));
  }

  /** The query as the schema parses it, or undefined when a value needs the schema to tell. */
  read(params: URLSearchParams): Record<string, unknown> | undefined {
    const values: unknown[] = new Array(this.keys.length);
    for (const [name, value] of params) {
      const place = this.#places.get(name);
      // Unknown parameters are ignored, the first of a repeated one wins (as the models read them).
      if (place === undefined || values[place] !== undefined) continue;
      const read = readers[name]?.(value) ?? unsure;
      if (read === unsure) return undefined;
      values[place] = read;
    }
    const query: Record<string, unknown> = {};
    for (let place = 0; place < values.length; place++)
      if (values[place] !== undefined) query[this.keys[place]!] = values[place];
    return query;
  }
}

const listKeys = new QueryKeys(Object.keys(listCheckpointItemsQuerySchema.shape));
const countKeys = new QueryKeys(Object.keys(checkpointItemFilterFields));

/** `listCheckpointItemsQueryFromSearchParams`, the same answers. */
export function listingQueryOf(params: URLSearchParams): SearchParamsResult<ListCheckpointItemsQuery> {
  const query = listKeys.read(params);
  return query === undefined
    ? listCheckpointItemsQueryFromSearchParams(params)
    : { ok: true, query: query as ListCheckpointItemsQuery };
}

/** `countCheckpointItemsQueryFromSearchParams`, the same answers. */
export function countQueryOf(params: URLSearchParams): SearchParamsResult<CountCheckpointItemsQuery> {
  const query = countKeys.read(params);
  return query === undefined
    ? countCheckpointItemsQueryFromSearchParams(params)
    : { ok: true, query: query as CountCheckpointItemsQuery };
}
