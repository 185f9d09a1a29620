// Loaded with `node --import` into a measured process: on exit, writes its peak RSS (KiB)
// to the file named by CSBS_BENCH_RSS_FILE, so the benchmark can read the child's peak.
import { writeFileSync } from 'node:fs';

const file = process.env.CSBS_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
