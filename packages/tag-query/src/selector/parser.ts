import { type TagQuery, tagQueryLimits } from '@csbs-kit/models';
import { SelectorSyntaxError } from '../errors.js';
import type { TagListField } from '../validate.js';
import { columnAt, describeToken, Lexer, type Token } from './lexer.js';
import { RequirementSet } from './requirements.js';

const positiveForms = 'a requirement (key, key=value or key in (...))';

/** One requirement as written, before merging. */
interface Written {
  readonly key: string;
  readonly values: string[];
  readonly positive: boolean;
  /** UTF-16 offset of its first token. */
  readonly start: number;
}

/** Which group the parser is in: top level, `any(...)` or `!(...)`. */
type Scope = { readonly kind: 'top' } | { readonly kind: 'group'; readonly name: 'any(...)' | '!(...)' };

class SelectorParser {
  readonly #text: string;
  readonly #lexer: Lexer;
  readonly #set = new RequirementSet();
  readonly #groups: Partial<Record<'tags_any' | 'not_tags', number>> = {};

  constructor(text: string) {
    this.#text = text;
    this.#lexer = new Lexer(text);
  }

  #fail(token: Token, expected: string): SelectorSyntaxError {
    return this.#lexer.error(token.start, expected, describeToken(token));
  }

  parse(): TagQuery {
    if (this.#lexer.peek().kind === 'end') return {};
    for (;;) {
      this.#item();
      const token = this.#lexer.next();
      if (token.kind === 'end') return this.#set.toQuery();
      if (!(token.kind === 'punct' && token.text === ',')) throw this.#fail(token, "',' or end of input");
    }
  }

  #item(): void {
    const token = this.#lexer.peek();
    const isBang = token.kind === 'punct' && token.text === '!';
    // Look past the first token only when it could open a group, so the first bad token is reported.
    const opensGroup = (isBang || (token.kind === 'word' && token.text === 'any')) && this.#peekIsOpen(1);
    if (opensGroup) {
      this.#group(isBang ? 'not_tags' : 'tags_any', token);
    } else if (isBang) {
      this.#lexer.next();
      const key = this.#key("a key or '(' after '!'");
      const op = this.#lexer.peek();
      if (
        op.kind === 'punct' ? op.text === '=' || op.text === '==' || op.text === '!=' : op.kind === 'word'
      ) {
        throw this.#fail(
          op,
          "',' or end of input after '!key' (write key!=value or key notin (...) to exclude values)",
        );
      }
      this.#add('tags', { key, values: [], positive: false, start: token.start });
    } else {
      this.#add('tags', this.#requirement({ kind: 'top' }));
    }
  }

  #group(field: 'tags_any' | 'not_tags', opener: Token): void {
    const name = field === 'tags_any' ? 'any(...)' : '!(...)';
    const first = this.#groups[field];
    if (first !== undefined) {
      throw this.#fail(
        opener,
        `one ${name} group (a request has one ${field} list; the first is at column ${columnAt(this.#text, first)})`,
      );
    }
    this.#groups[field] = opener.start;
    this.#lexer.next();
    this.#lexer.next();
    for (;;) {
      this.#add(field, this.#requirement({ kind: 'group', name }));
      const token = this.#lexer.next();
      if (token.kind === 'punct' && token.text === ')') return;
      if (!(token.kind === 'punct' && token.text === ','))
        throw this.#fail(token, `',' or ')' to close ${name}`);
    }
  }

  /** `key`, `key=value`, `key in (...)`, and at top level `key!=value`, `key notin (...)`. */
  #requirement(scope: Scope): Written {
    const first = this.#lexer.peek();
    if (scope.kind === 'group') {
      const nested = first.kind === 'word' && first.text === 'any' && this.#peekIsOpen(1);
      if ((first.kind === 'punct' && first.text === '!') || nested) {
        throw this.#fail(
          first,
          `${positiveForms} inside ${scope.name} (groups hold only positive requirements)`,
        );
      }
    }
    const key = this.#key(
      scope.kind === 'top' ? 'a requirement (key, !key, any(...) or !(...))' : positiveForms,
    );
    const op = this.#lexer.peek();
    const base = { key, start: first.start };
    if (op.kind === 'punct' && (op.text === '=' || op.text === '==' || op.text === '!=')) {
      const positive = op.text !== '!=';
      if (!positive) this.#onlyAtTop(scope, op);
      this.#lexer.next();
      return { ...base, positive, values: [this.#value(`a value after '${op.text}'`)] };
    }
    if (op.kind === 'word' && (op.text === 'in' || op.text === 'notin')) {
      const positive = op.text === 'in';
      if (!positive) this.#onlyAtTop(scope, op);
      this.#lexer.next();
      return { ...base, positive, values: this.#valueList(op.text) };
    }
    if (
      op.kind === 'end' ||
      (op.kind === 'punct' && (op.text === ',' || (op.text === ')' && scope.kind === 'group')))
    ) {
      return { ...base, positive: true, values: [] };
    }
    const ops =
      scope.kind === 'top'
        ? "'=', '==', '!=', 'in', 'notin', ',' or end of input"
        : "'=', '==', 'in', ',' or ')'";
    throw this.#fail(op, `${ops} after key`);
  }

  #peekIsOpen(ahead: number): boolean {
    const token = this.#lexer.peek(ahead);
    return token.kind === 'punct' && token.text === '(';
  }

  #onlyAtTop(scope: Scope, op: Token): void {
    if (scope.kind === 'group')
      throw this.#fail(op, `${positiveForms} inside ${scope.name} (groups hold only positive requirements)`);
  }

  #valueList(operator: string): string[] {
    const open = this.#lexer.next();
    if (!(open.kind === 'punct' && open.text === '(')) throw this.#fail(open, `'(' after '${operator}'`);
    const values: string[] = [];
    for (;;) {
      values.push(this.#value('a value'));
      const token = this.#lexer.next();
      if (token.kind === 'punct' && token.text === ')') return values;
      if (!(token.kind === 'punct' && token.text === ',')) throw this.#fail(token, "')' after values");
    }
  }

  #key(expected: string): string {
    const token = this.#lexer.next();
    if (token.kind !== 'word' && token.kind !== 'string') throw this.#fail(token, expected);
    const key = token.text.trim();
    if (key.length === 0) throw this.#fail(token, 'a non-empty key');
    if (key.length > tagQueryLimits.maxTagKeyLength) {
      throw this.#lexer.error(
        token.start,
        `a key of at most ${tagQueryLimits.maxTagKeyLength} characters`,
        `a key of ${key.length} characters`,
      );
    }
    return key;
  }

  #value(expected: string): string {
    const token = this.#lexer.next();
    if (token.kind !== 'word' && token.kind !== 'string') throw this.#fail(token, expected);
    const value = token.text.trim();
    if (value.length > tagQueryLimits.maxTagValueLength) {
      throw this.#lexer.error(
        token.start,
        `a value of at most ${tagQueryLimits.maxTagValueLength} characters`,
        `a value of ${value.length} characters`,
      );
    }
    return value;
  }

  #add(field: TagListField, written: Written): void {
    const target: TagListField = field === 'tags' && !written.positive ? 'not_tags_any' : field;
    const where = `column ${columnAt(this.#text, written.start)}`;
    const conflict = this.#set.add(target, written.key, written.values, { where });
    if (conflict !== undefined) {
      throw new SelectorSyntaxError({ column: columnAt(this.#text, written.start), ...conflict });
    }
  }
}

/**
 * Reads a selector (see the package README for the grammar) into a normalised tag query
 * in wire shape: entries sorted by key, values sorted, only the lists that are used.
 * The empty selector is the empty query (every backup).
 *
 * @throws SelectorSyntaxError with the column, what was expected and what was found;
 *   contradictions and the reference's limits are reported the same way.
 */
export function parseSelector(text: string): TagQuery {
  if (typeof text !== 'string') {
    throw new SelectorSyntaxError({
      column: 1,
      expected: 'a selector string',
      found: `a value of type ${typeof text}`,
    });
  }
  return new SelectorParser(text).parse();
}
