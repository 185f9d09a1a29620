import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type RunningEmulator, startEmulator } from '@csbs-kit/emulator';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleetData, fleetEnv } from '../helpers/fleet-data.js';
import { runCsbs, tempDir } from '../helpers/run-csbs.js';

/** Debian's Chromium (scripts/test installs it with apt); a missing browser is a failure. */
const chromium = '/usr/bin/chromium';
/** Kept for a person to look at; .reports/ is git-ignored. */
const artifacts = resolve(import.meta.dirname, '../../../../.reports');

let emulator: RunningEmulator;
let browser: Browser;

beforeAll(async () => {
  expect(
    existsSync(chromium),
    `${chromium} is missing: run scripts/test (it installs Debian's chromium)`,
  ).toBe(true);
  emulator = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    data: fleetData(['proj-alpha', 'proj-bravo', 'proj-charlie'], 1500),
  });
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});
afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

describe('report --html', () => {
  it('is one self-contained file whose charts render in a real headless Chromium', async () => {
    const dir = await tempDir('csbs-html-');
    const r = await runCsbs(
      [
        'report',
        '--all-projects',
        '--by',
        'team,env',
        '--stale',
        '7d',
        '--as-of',
        '2026-01-01',
        '--html',
        'report.html',
      ],
      { env: fleetEnv(emulator.url), cwd: dir },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const file = join(dir, 'report.html');
    const html = await readFile(file, 'utf8');
    // Nothing to fetch at view time: no script, no external URL anywhere.
    expect(html).not.toMatch(/<script|<link|@import|url\(|src=/i);

    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`));
    page.on('requestfailed', (q) => problems.push(`request failed: ${q.url()}`));
    const requests: string[] = [];
    page.on('request', (q) => requests.push(q.url()));
    await page.setViewport({ width: 1000, height: 900 });
    await page.goto(`file://${file}`, { waitUntil: 'load' });

    const charts = await page.$$eval('figure[id^="chart-"]', (figures) =>
      figures.map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return {
          id: f.id,
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          marks: svg ? svg.querySelectorAll('rect.bar, path.slice').length : 0,
          painted: svg
            ? [...svg.querySelectorAll('rect.bar, path.slice')].some((m) => {
                const b = (m as unknown as { getBBox(): { width: number; height: number } }).getBBox();
                return b.width > 0 && b.height > 0;
              })
            : false,
        };
      }),
    );
    expect(charts.map((c) => c.id)).toEqual(['chart-months', 'chart-status', 'chart-groups', 'chart-stale']);
    for (const c of charts) {
      expect(c.width, c.id).toBeGreaterThan(100);
      expect(c.height, c.id).toBeGreaterThan(50);
      expect(c.marks, c.id).toBeGreaterThan(0);
      expect(c.painted, c.id).toBe(true);
    }
    expect(problems).toEqual([]);
    expect(requests).toEqual([`file://${file}`]);

    await mkdir(artifacts, { recursive: true });
    const shot = join(artifacts, 'report-html.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect((await readFile(shot)).length).toBeGreaterThan(10_000);
    await page.close();
  });

  it('escapes hostile service data instead of letting it into the page', async () => {
    const data = fleetData(['proj-alpha'], 5);
    const items = data.projects['proj-alpha']?.checkpoint_items ?? [];
    for (const item of items) {
      item.status = 'error';
      item.extend_info = { ...item.extend_info, fail_reason: '<img src=x onerror="alert(1)">\u001b[31mred' };
    }
    await using hostile = await startEmulator({ host: '127.0.0.1', port: 0, data });
    const dir = await tempDir('csbs-html-');
    const r = await runCsbs(['report', '--html', 'r.html', '-o', 'table', '--as-of', '2026-01-01'], {
      env: { ...fleetEnv(hostile.url), OS_PROJECT_ID: 'proj-alpha' },
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(0);
    // The terminal shows the escape sequence as text, not as a colour change.
    expect(r.stdout).toContain('\\x1b[31mred');
    expect(r.stdout).not.toContain('\u001b');
    const html = await readFile(join(dir, 'r.html'), 'utf8');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).not.toContain('<img');
  });
});
