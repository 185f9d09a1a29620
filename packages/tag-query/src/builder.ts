import type { Match, TagQuery } from '@csbs-kit/models';
import { TagQueryValidationError } from './errors.js';
import { formatSelector } from './selector/format.js';
import { RequirementSet } from './selector/requirements.js';
import type { TagListField } from './validate.js';
import { validateTagQuery } from './validate.js';

/** Values of a requirement: one value, several (any of them), or none for "any value". */
export type TagValues = string | readonly string[];

interface Step {
  readonly field: TagListField;
  readonly key: string;
  readonly values: TagValues | undefined;
  readonly call: string;
}

function describeCall(method: string, key: string, values: TagValues | undefined): string {
  const args = [key, ...(values === undefined ? [] : [values])].map((a) => JSON.stringify(a)).join(', ');
  return `${method}(${args})`;
}

/** The positive requirements of one `anyOf` or `notAllOf` group. */
export class TagGroupBuilder {
  readonly #steps: readonly Omit<Step, 'field'>[];

  /** @internal */
  constructor(steps: readonly Omit<Step, 'field'>[] = []) {
    this.#steps = steps;
  }

  /** The backup has tag `key` (with one of `values`, when given). */
  has(key: string, values?: TagValues): TagGroupBuilder {
    return new TagGroupBuilder([...this.#steps, { key, values, call: describeCall('has', key, values) }]);
  }

  /** @internal */
  get steps(): readonly Omit<Step, 'field'>[] {
    return this.#steps;
  }
}

/**
 * Builds a tag query in code, with the selector's merging rules: two `has` on one key
 * intersect, two `lacks` unite, and a contradiction is an error at `build()`. Every method
 * returns a new builder, so a partial builder can be shared and extended.
 */
export class TagQueryBuilder {
  readonly #steps: readonly Step[];
  readonly #groups: Partial<Record<'tags_any' | 'not_tags', TagGroupBuilder>>;
  readonly #match: Match | undefined;
  readonly #problems: readonly string[];

  /** @internal */
  constructor(
    steps: readonly Step[] = [],
    groups: Partial<Record<'tags_any' | 'not_tags', TagGroupBuilder>> = {},
    match?: Match,
    problems: readonly string[] = [],
  ) {
    this.#steps = steps;
    this.#groups = groups;
    this.#match = match;
    this.#problems = problems;
  }

  #with(change: {
    step?: Step;
    groups?: Partial<Record<'tags_any' | 'not_tags', TagGroupBuilder>>;
    match?: Match;
    problem?: string;
  }): TagQueryBuilder {
    return new TagQueryBuilder(
      change.step ? [...this.#steps, change.step] : this.#steps,
      change.groups ?? this.#groups,
      change.match ?? this.#match,
      change.problem ? [...this.#problems, change.problem] : this.#problems,
    );
  }

  /** Backups that have tag `key` — with one of `values`, when given (`tags`). */
  has(key: string, values?: TagValues): TagQueryBuilder {
    return this.#with({ step: { field: 'tags', key, values, call: describeCall('has', key, values) } });
  }

  /** Backups that lack tag `key` — or, with `values`, whose `key` is none of them (`not_tags_any`). */
  lacks(key: string, values?: TagValues): TagQueryBuilder {
    return this.#with({
      step: { field: 'not_tags_any', key, values, call: describeCall('lacks', key, values) },
    });
  }

  /** Backups for which at least one of the group's requirements holds (`tags_any`). */
  anyOf(group: (g: TagGroupBuilder) => TagGroupBuilder): TagQueryBuilder {
    return this.#group('tags_any', 'anyOf', group);
  }

  /** Backups for which not all of the group's requirements hold (`not_tags`). */
  notAllOf(group: (g: TagGroupBuilder) => TagGroupBuilder): TagQueryBuilder {
    return this.#group('not_tags', 'notAllOf', group);
  }

  #group(
    field: 'tags_any' | 'not_tags',
    method: string,
    group: (g: TagGroupBuilder) => TagGroupBuilder,
  ): TagQueryBuilder {
    if (this.#groups[field])
      return this.#with({ problem: `${method}() can be used once (a request has one ${field} list)` });
    return this.#with({ groups: { ...this.#groups, [field]: group(new TagGroupBuilder()) } });
  }

  /** Backups whose name contains `text`, ignoring case (`matches` on `resource_name`). */
  nameContains(text: string): TagQueryBuilder {
    if (typeof text !== 'string' || text === '')
      return this.#with({
        problem: 'nameContains("") would ask for the empty name; use nameIsEmpty() for that',
      });
    return this.#name({ key: 'resource_name', value: text });
  }

  /** Backups whose name is empty (`matches` with the empty value, an exact match). */
  nameIsEmpty(): TagQueryBuilder {
    return this.#name({ key: 'resource_name', value: '' });
  }

  #name(match: Match): TagQueryBuilder {
    if (this.#match) return this.#with({ problem: 'one name condition per query (matches keys are unique)' });
    return this.#with({ match });
  }

  /**
   * The validated, normalised query (entries sorted by key, values sorted).
   * @throws TagQueryValidationError for contradictions, misuse and the reference's rules.
   */
  build(): TagQuery {
    const issues = this.#problems.map((message) => ({ path: '', message }));
    const set = new RequirementSet();
    const steps: Step[] = [...this.#steps];
    for (const field of ['tags_any', 'not_tags'] as const) {
      for (const step of this.#groups[field]?.steps ?? []) steps.push({ ...step, field });
    }
    for (const step of steps) {
      const strings =
        typeof step.values === 'string' || step.values === undefined ? [step.values ?? ''] : [...step.values];
      if (typeof step.key !== 'string' || !strings.every((v) => typeof v === 'string')) {
        issues.push({ path: step.field, message: `${step.call}: keys and values must be strings` });
        continue;
      }
      const values =
        step.values === undefined ? [] : typeof step.values === 'string' ? [step.values] : [...step.values];
      if (step.values !== undefined && values.length === 0) {
        issues.push({
          path: step.field,
          message: `${step.call}: give at least one value, or none for "any value"`,
        });
        continue;
      }
      const conflict = set.add(
        step.field,
        step.key.trim(),
        values.map((v) => v.trim()),
        { where: step.call },
      );
      if (conflict)
        issues.push({ path: step.field, message: `expected ${conflict.expected}, found ${conflict.found}` });
    }
    if (issues.length > 0) throw new TagQueryValidationError(issues);
    const query = set.toQuery();
    if (this.#match) query.matches = [this.#match];
    return validateTagQuery(query);
  }

  /** The canonical selector of `build()`; throws as `formatSelector` does (e.g. with a name condition). */
  toSelector(): string {
    return formatSelector(this.build());
  }
}

/**
 * Starts a tag query in code:
 * `tagQuery().has('env', 'prod').has('tier', ['web', 'api']).lacks('legacy').build()`.
 */
export function tagQuery(): TagQueryBuilder {
  return new TagQueryBuilder();
}
