import { type CountCheckpointItemsQuery, type SortField, type SortKey, sortKeys } from '@csbs-kit/models';
import { type BlockTest, noMatch } from './condition.js';
import { FuzzyConditions, type FuzzyFilters } from './fuzzy-conditions.js';
import { IdBytes, IdBytesColumn, rankIdBytes } from './id-bytes.js';
import { conditionsOf, type FilterColumns } from './listing-conditions.js';
import { NameGrams } from './name-grams.js';
import { RankBits } from './rank-bits.js';
import { rankNumbers } from './rank-numbers.js';
import { buildSortView, type SortView, type ValueRanks, viewOrderOf } from './sort-views.js';
import { StringColumn, type TextValues } from './string-column.js';
import { rankTexts } from './text-rank.js';
import { ViewBlocks } from './view-blocks.js';
import { countPassing, markPassing, walkView } from './view-walk.js';

/**
 * Times held as numbers: microseconds since the epoch, every one in the normal form of
 * `normalizeTime` once formatted (generated data). Numeric order is then the text order.
 */
export class MicrosColumn {
  constructor(
    readonly micros: Float64Array,
    readonly format: (micros: number) => string,
  ) {}
}

export type TimeValues = readonly string[] | MicrosColumn;

/**
 * Each row's listing fields as text (missing values as "", times normalised); the columns
 * of few distinct values may come as codes into a value list (`TextValues`).
 */
export interface ListingFields {
  /** Strings, or bytes (generated ids: all distinct, 36 bytes each). */
  id: readonly string[] | IdBytes;
  status: TextValues;
  resource_id: TextValues;
  checkpoint_id: readonly string[] | IdBytes;
  resource_type: TextValues;
  policy_id: TextValues;
  az: TextValues;
  image_type: TextValues;
  name: TextValues;
  resource_name: TextValues;
  created_at: TimeValues;
  updated_at: TimeValues;
  protected_at: TimeValues;
}

const rankTimes = (values: TimeValues): Uint32Array =>
  values instanceof MicrosColumn ? rankNumbers(values.micros) : rankTexts(values);

function textAtOf(values: TimeValues): (row: number) => string {
  if (!(values instanceof MicrosColumn)) return (row) => values[row]!;
  const { micros, format } = values;
  return (row) => format(micros[row]!);
}

/**
 * Orders of several keys are built on first use (a second or so at a million backups); at
 * most this many are kept, the least recently used dropped. Single-key orders are built on
 * load and always kept.
 */
const maxMultiKeyViews = 6;
/**
 * What marking one driver row costs, in rows tested by a walk. Measured at 1M with the rows
 * filtered in batches: ~1.6 for an exact filter or a time window, ~3-5 for a fuzzy one
 * (its rows gathered value by value); over the bench's distinct queries, run in pairs in
 * one process, 3 to 6 cost the same and 8 ~13% more.
 */
const rowTestsPerMark = 4;
/**
 * How many times its estimate a walk may read before it gives up and marks. Filters that
 * the estimate takes as independent may exclude each other (a policy of automatic backups
 * and a needle of manual ones' names): a walk estimated at 2k rows then read all 1M rows
 * (30 ms) where marking the driver's 150k rows costs ~2 ms.
 */
const walkSlack = 4;
/** Rows any walk may read, however low its estimate: a walk of this many is cheap. */
const minWalkBudget = 4096;
const singleKeySpecs = new Set(sortKeys.map((key) => viewOrderOf([{ key, direction: 'asc' }]).spec));

/** A stored view, and whether a sort reads it backwards. */
export interface ViewChoice {
  readonly view: SortView;
  readonly reversed: boolean;
}

export interface ListingPage {
  sort: readonly SortField[];
  /** The marker's row, or undefined to start at the beginning. */
  markerRow?: number | undefined;
  offset: number;
  limit: number;
  query: CountCheckpointItemsQuery;
}

/**
 * The indexes behind the listing and `/count` of one scope: interned filter columns (exact
 * filters by hash), n-gram postings for the fuzzy ones, and every sort order as rank arrays.
 *
 * A filtered page picks the most selective filter as the driver and then either reads the
 * requested order from the marker on, testing each row (cheap while matches are common),
 * or marks the driver's matching rows in a bitset over the order and reads that (cheap
 * while matches are rare), whichever the filters' exact counts say costs less.
 */
export class ListingIndex {
  readonly size: number;
  readonly columns: FilterColumns;
  /**
   * The ids, when given as bytes, for the marker look-up (`rowOfId`): the rows' own for
   * generated data; for `all_tenants` the joined copy, 36 bytes a backup kept for it.
   */
  readonly idBytes: IdBytes | undefined;
  readonly #ranks: ValueRanks;
  readonly #views = new Map<string, SortView>();
  /** Block summaries per view, built as filters ask for them; dropped with the view. */
  readonly #blocks = new WeakMap<SortView, ViewBlocks>();
  readonly #fuzzy: FuzzyFilters;
  /** Per key, the stored view of it ascending and descending (see `view`). */
  readonly #singleKey = new Map<SortKey, readonly [ViewChoice, ViewChoice]>();
  #bits: RankBits | undefined;

  constructor(fields: ListingFields) {
    const n = fields.id instanceof IdBytes ? fields.id.size : fields.id.length;
    this.size = n;
    this.idBytes = fields.id instanceof IdBytes ? fields.id : undefined;
    const name = new StringColumn(fields.name);
    const status = new StringColumn(fields.status);
    const throughCodes = (column: StringColumn, valueRanks = rankTexts(column.values)) => {
      const out = new Uint32Array(n);
      for (let row = 0; row < n; row++) out[row] = valueRanks[column.codes[row]!]!;
      return out;
    };
    const nameValueRanks = rankTexts(name.values);
    this.#ranks = {
      id: fields.id instanceof IdBytes ? rankIdBytes(fields.id) : rankTexts(fields.id),
      created_at: rankTimes(fields.created_at),
      updated_at: rankTimes(fields.updated_at),
      protected_at: rankTimes(fields.protected_at),
      name: throughCodes(name, nameValueRanks),
      status: throughCodes(status),
    };
    const createdView = this.view([{ key: 'created_at', direction: 'asc' }]).view;
    const resourceName = new StringColumn(fields.resource_name);
    this.columns = {
      size: n,
      status,
      name: {
        column: name,
        grams: new NameGrams(name.values),
        sortKey: 'name',
        rowRanks: this.#ranks.name,
        valueRanks: nameValueRanks,
      },
      resource_name: { column: resourceName, grams: new NameGrams(resourceName.values) },
      resource_id: new StringColumn(fields.resource_id),
      checkpoint_id:
        fields.checkpoint_id instanceof IdBytes
          ? new IdBytesColumn(fields.checkpoint_id)
          : new StringColumn(fields.checkpoint_id),
      resource_type: new StringColumn(fields.resource_type),
      policy_id: new StringColumn(fields.policy_id),
      az: new StringColumn(fields.az),
      image_type: new StringColumn(fields.image_type),
      createdView,
      createdTextAt: textAtOf(fields.created_at),
      createdMicros: fields.created_at instanceof MicrosColumn ? fields.created_at.micros : undefined,
    };
    for (const key of sortKeys) {
      const asc = this.view([{ key, direction: 'asc' }]);
      this.#singleKey.set(key, [asc, this.view([{ key, direction: 'desc' }])]);
    }
    this.#fuzzy = {
      name: new FuzzyConditions(this.columns.name),
      resource_name: new FuzzyConditions(this.columns.resource_name),
    };
  }

  #blocksOf(view: SortView): ViewBlocks {
    let blocks = this.#blocks.get(view);
    if (blocks === undefined) {
      blocks = new ViewBlocks(view.order, view.spec.slice(0, view.spec.indexOf(':')));
      this.#blocks.set(view, blocks);
    }
    return blocks;
  }

  /** The stored view serving `sort`, and whether to read it backwards. */
  view(sort: readonly SortField[]): ViewChoice {
    // One key, or one key then id its way (the default sort): a view of the load's, always
    // kept, so found with no spec text made (~2 µs of a request's plan, with its arrays).
    const first = sort[0];
    const second = sort[1];
    if (
      first !== undefined &&
      (sort.length === 1 ||
        (sort.length === 2 && second!.key === 'id' && second!.direction === first.direction))
    ) {
      const choice = this.#singleKey.get(first.key);
      if (choice !== undefined) return choice[first.direction === 'asc' ? 0 : 1];
    }
    const order = viewOrderOf(sort);
    let view = this.#views.get(order.spec);
    if (view !== undefined) {
      // Most recently used last, so the oldest multi-key view is dropped first.
      this.#views.delete(order.spec);
    } else {
      view = buildSortView(order.spec, order.fields, this.#ranks);
      let multiKey = 0;
      for (const spec of this.#views.keys()) if (!singleKeySpecs.has(spec)) multiKey++;
      for (const spec of this.#views.keys()) {
        if (multiKey < maxMultiKeyViews) break;
        if (!singleKeySpecs.has(spec)) {
          this.#views.delete(spec);
          multiKey--;
        }
      }
    }
    this.#views.set(order.spec, view);
    return { view, reversed: order.reversed };
  }

  /** The rows of one page, in order; the marker's row is excluded, what follows it is read. */
  page(request: ListingPage): number[] {
    const { view, reversed } = this.view(request.sort);
    const n = this.size;
    const { order, rankOf } = view;
    // Positions count in reading order: position p is rank p, or rank n-1-p when reversed.
    let start = 0;
    if (request.markerRow !== undefined) {
      const rank = rankOf[request.markerRow]!;
      start = (reversed ? n - 1 - rank : rank) + 1;
    }
    const out: number[] = [];
    const { offset, limit } = request;
    const conditions = conditionsOf(this.columns, this.#fuzzy, request.query);
    if (conditions === noMatch || limit <= 0) return out;
    if (conditions.length === 0) {
      for (let p = start + offset; p < n && out.length < limit; p++)
        out.push(order[reversed ? n - 1 - p : p]!);
      return out;
    }
    const driver = conditions[0]!;
    const rest = conditions.slice(1);
    // Expected rows read walking the order: (offset + limit) / selectivity, the filters
    // taken as independent. Marking visits each driver row, and a visit costs several row
    // tests of a walk: the walk reads the order in sequence, a mark looks up the row's rank
    // at random (a cache miss at a million backups).
    let selectivity = 1;
    for (const c of conditions) selectivity *= c.count / n;
    const walk = selectivity > 0 ? (offset + limit) / selectivity : Number.POSITIVE_INFINITY;
    const markCost = driver.count * rowTestsPerMark;
    if (walk <= markCost) {
      // The estimate takes the filters as independent of the order and of each other; when
      // they are not (a time window read in time order past the marker, a name filter in
      // name order), the blocks whose summaries rule a filter out are stepped over, and a
      // walk that still reads several times its estimate, or as many rows as marking
      // costs, stops and marks instead.
      const blocks = this.#blocksOf(view);
      const tests: BlockTest[] = [];
      for (const c of conditions) {
        const test = c.blockTest(blocks);
        if (test !== undefined) tests.push(test);
      }
      const budget = Math.min(markCost, Math.max(minWalkBudget, walkSlack * walk));
      if (walkView(view.order, reversed, start, conditions, tests, { offset, limit, budget }, out))
        return out;
      out.length = 0;
    }
    this.#bits ??= new RankBits(n);
    const bits = this.#bits;
    try {
      markPassing(driver, rest, rankOf, bits);
      let skip = offset;
      bits.read(reversed ? n - 1 - start : start, !reversed, (rank) => {
        if (skip > 0) skip--;
        else out.push(order[rank]!);
        return out.length < limit;
      });
    } finally {
      bits.clear();
    }
    return out;
  }

  /** How many rows pass the filters: a filter's own count, or a walk of the driver's rows. */
  count(query: CountCheckpointItemsQuery): number {
    const conditions = conditionsOf(this.columns, this.#fuzzy, query);
    if (conditions === noMatch) return 0;
    if (conditions.length === 0) return this.size;
    if (conditions.length === 1) return conditions[0]!.count;
    return countPassing(conditions[0]!, conditions.slice(1));
  }

  /** Value ranks per key, for tests of the orders. */
  rankOf(key: SortKey, row: number): number {
    return this.#ranks[key][row]!;
  }
}
