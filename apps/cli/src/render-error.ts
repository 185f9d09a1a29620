import { formatFieldIssue } from '@csbs-kit/models/errors';
import { CliUsageError } from './errors.js';
import { maskUrlUserinfo } from './mask-url.js';
import { escapeControls } from './output/terminal-text.js';

export interface RenderedError {
  /** One line, without the `csbs: error: ` prefix and without a newline. */
  message: string;
  exitCode: 1 | 2;
}

type Fields = Record<string, unknown>;

const isObject = (x: unknown): x is Fields => typeof x === 'object' && x !== null;
const text = (x: unknown): string | undefined => (typeof x === 'string' && x !== '' ? x : undefined);

/**
 * Keeps a message on one readable line: line breaks become spaces, controls and bidi
 * overrides from a server's message are written out, and URL passwords are masked.
 */
function oneLine(message: string): string {
  return escapeControls(maskUrlUserinfo(message.replace(/\s*[\r\n]+\s*/g, ' ').trim()));
}

const statusTexts: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * A proxy's HTML error page (`<html><head><title>502 Bad Gateway</title>…`) as a short
 * text: its title, else the first words of its text. Other messages come back unchanged.
 */
function readableMessage(message: string): string {
  if (!/^\s*<(!doctype|html|head|body|\?xml|[a-z]+[\s>])/i.test(message)) return message;
  const decode = (t: string) => t.replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, e: string) => entities[e]!);
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(message)?.[1]?.trim();
  if (title) return decode(title);
  const text = decode(message.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 80 ? `${text.slice(0, 80)}…` : text || 'an HTML error page';
}

function describeIssues(issues: unknown[]): string {
  return issues
    .map((issue) => {
      if (!isObject(issue)) return String(issue);
      return formatFieldIssue({ path: text(issue.path) ?? '', message: text(issue.message) ?? 'invalid' });
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

  // The service answered: `404 CSBS.3001: <message> (request id <id>)`. A code that only
  // repeats the status (Keystone's `{"error": {"code": 401}}`) is left out, and without a
  // message of its own the line says the status text, not the library's sentence (which
  // already names the request id).
  if (typeof error.status === 'number' && ('errorCode' in error || 'errorMsg' in error)) {
    const rawCode = text(error.errorCode);
    const code = rawCode === String(error.status) ? undefined : rawCode;
    const msg = readableMessage(text(error.errorMsg) ?? statusTexts[error.status] ?? 'request failed');
    const requestId = text(error.requestId);
    const head = code ? `${error.status} ${code}` : `${error.status}`;
    const id = requestId && !msg.includes(requestId) ? ` (request id ${requestId})` : '';
    return { message: oneLine(`${head}: ${msg}${id}`), exitCode: 1 };
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
