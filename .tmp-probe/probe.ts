import { ExpertiseStore } from '../src/storage/expertiseStore';
import { silentLogger } from '../src/core/logger';
const t0 = performance.now();
const store = new ExpertiseStore(undefined, silentLogger);
void store.get('/tmp/ab/demo-repo', { historyDays: 1095, maxCommits: 30000, timeoutMs: 60000 }).then((e) => {
  process.stderr.write(`store.get ${(performance.now() - t0).toFixed(1)} ms from ${t0.toFixed(1)}, commits ${e.index.commitCount}\n`);
});
