// Loaded with `node --import` into a measured process: on exit, writes its peak RSS (KiB)
// to the file named by CSBS_BENCH_RSS_FILE, so the benchmark can read the child's peak.
//
// On Linux the peak is VmHWM of /proc/self/status, the high-water mark of this process
// image alone. `resourceUsage().maxRSS` (getrusage) is not: Linux carries it over from the
// parent at fork and across execve, so a child of an 800 MB benchmark process reported
// 800 MB whatever it used. Elsewhere maxRSS is the best there is.
import { readFileSync, writeFileSync } from 'node:fs';

function peakKiB() {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS;
}

const file = process.env.CSBS_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(peakKiB())));
