import type { OutputFormat } from '../vocabulary.js';
import { csvRow, neutraliseFormula } from './csv.js';
import { cellText, leafPaths, pickFields, valueAt } from './fields.js';
import { formatListingTime, formatSizeMb } from './human.js';
import { renderKeyValues } from './table.js';
import { stringifyYaml } from './yaml.js';

const timeKey = /(^|\.)(created_at|updated_at|protected_at|expired_at|finished_at)$/;

function readable(path: string, value: unknown): string {
  const text = cellText(value);
  if (path === 'extend_info.size' && text !== '') return `${formatSizeMb(value)} (${text} MB)`;
  if (timeKey.test(path) && typeof value === 'string') {
    const human = formatListingTime(value);
    return human === value ? value : `${human} (${value})`;
  }
  return text;
}

/**
 * One record (a backup, a count) in any format. The table layout lists every leaf field as
 * `path   value`, with sizes and times made readable but the raw value kept beside them.
 */
export function renderSingleRecord(
  record: unknown,
  format: OutputFormat,
  fields?: readonly string[],
  bold?: (s: string) => string,
  options: { escapeFormulas?: boolean } = {},
): string {
  const shown = fields ? pickFields(record, fields) : record;
  switch (format) {
    case 'json':
      return `${JSON.stringify(shown, null, 2)}\n`;
    case 'ndjson':
      return `${JSON.stringify(shown)}\n`;
    case 'yaml':
      return stringifyYaml(shown);
    case 'csv': {
      const paths = fields ?? leafPaths(shown);
      const cell = options.escapeFormulas === false ? (t: string) => t : neutraliseFormula;
      return csvRow(paths) + csvRow(paths.map((p) => cell(cellText(valueAt(shown, p)))));
    }
    case 'table': {
      const paths = fields ?? leafPaths(shown);
      return renderKeyValues(
        paths.map((p) => [p, readable(p, valueAt(shown, p))]),
        bold,
      );
    }
  }
}
