import { CliUsageError } from './errors.js';

export interface RenderedError {
  /** One line, without the `csbs: error: ` prefix and without a newline. */
  message: string;
  exitCode: 1 | 2;
}

type Fields = Record<string, unknown>;

const isObject = (x: unknown): x is Fields => typeof x === 'object' && x !== null;
const text = (x: unknown): string | undefined => (typeof x === 'string' && x !== '' ? x : undefined);

/** Keeps a message on one line: the contract is one readable line per error. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function describeIssues(issues: unknown[]): string {
  return issues
    .map((issue) => {
      if (!isObject(issue)) return String(issue);
      const path = text(issue.path);
      const message = text(issue.message) ?? 'invalid';
      return path ? `${path}: ${message}` : message;
    })
    .join('; ');
}

/**
 * Turns anything thrown by a command into one line and an exit code. The library errors are
 * recognised by their documented fields rather than by `instanceof`, so this module loads
 * none of them (and works across duplicated installs, like the libraries' `isInstance`).
 */
export function renderError(error: unknown): RenderedError {
  if (CliUsageError.isInstance(error)) return { message: oneLine(error.message), exitCode: 2 };
  if (!isObject(error)) return { message: oneLine(String(error)), exitCode: 1 };

  const name = text(error.name) ?? '';
  const message = text(error.message) ?? name ?? 'unknown error';

  // The service answered: `404 CSBS.3001: <message> (request id <id>)`.
  if (typeof error.status === 'number' && ('errorCode' in error || 'errorMsg' in error)) {
    const code = text(error.errorCode);
    const msg = text(error.errorMsg) ?? message;
    const requestId = text(error.requestId);
    const head = code ? `${error.status} ${code}` : `${error.status}`;
    return {
      message: oneLine(`${head}: ${msg}${requestId ? ` (request id ${requestId})` : ''}`),
      exitCode: 1,
    };
  }

  // Invalid input caught before any request (client validation, selector syntax, tag query).
  if (Array.isArray(error.issues) && error.code !== 'CSBS_RESPONSE_INVALID') {
    const issues = describeIssues(error.issues);
    return { message: oneLine(issues || message), exitCode: 2 };
  }
  if (name === 'SelectorSyntaxError' || error.code === 'SELECTOR_SYNTAX') {
    return { message: oneLine(`--selector: ${message}`), exitCode: 2 };
  }

  return { message: oneLine(message), exitCode: 1 };
}
