import assert from 'node:assert/strict';
import { CommitPager } from '../../../src/git/commitPager';

const RS = '\x1e';
const US = '\x1f';
const record = (n: number): string => `${RS}${String(n).padStart(40, '0')}${US}${'p'.repeat(40)}${US}Ada${US}ada@example.com${US}1700000000${US}${US}\nsrc/f${n}.c\0`;
const output = (from: number, to: number): string => Array.from({ length: to - from }, (_, i) => record(from + i)).join('');

/** Records what the pager asks of git's stream. */
class Flow {
  paused = false;
  pauses = 0;
  pause(): void {
    this.paused = true;
    this.pauses++;
  }
  resume(): void {
    this.paused = false;
  }
}

describe('paging streamed git log output', () => {
  it('hands out pages of the asked size, and reports a cut when more commits come than the cap', async () => {
    const pager = new CommitPager(2, 5);
    pager.onBytes(Buffer.from(output(0, 6)));
    pager.end();
    pager.close();
    const sizes: number[] = [];
    for await (const page of pager.pages(() => undefined)) sizes.push(page.length);
    assert.deepEqual(sizes, [2, 2, 1]);
    assert.equal(pager.truncated, true);
  });

  it('pauses git while a page waits for the caller, and resumes it once the page is taken', async () => {
    const pager = new CommitPager(2, 100);
    const flow = new Flow();
    pager.onBytes(Buffer.from(output(0, 3)), flow);
    assert.equal(flow.paused, true, 'a full page is waiting');
    const pages = pager.pages(() => undefined);
    const first = await pages.next();
    assert.equal((first.value as unknown[]).length, 2);
    assert.equal(flow.paused, false, 'the waiting page was taken');
    pager.onBytes(Buffer.from(output(3, 4)), flow);
    pager.end();
    pager.close();
    const rest: number[] = [];
    for await (const page of pages) rest.push(page.length);
    assert.deepEqual(rest, [2]);
    assert.equal(pager.truncated, false);
  });

  it('lets git run out without parsing the rest when the caller stops early', async () => {
    const pager = new CommitPager(1, 100);
    const flow = new Flow();
    pager.onBytes(Buffer.from(output(0, 2)), flow);
    for await (const page of pager.pages(() => undefined)) {
      assert.equal(page.length, 1);
      break;
    }
    assert.equal(flow.paused, false, 'git is not left blocked on a full pipe');
    pager.onBytes(Buffer.from(output(2, 50)), flow);
    assert.equal(flow.pauses, 1, 'nothing more is parsed or queued after the caller left');
  });

  it('stops before handing out a page when the check before each page throws', async () => {
    const pager = new CommitPager(1, 100);
    pager.onBytes(Buffer.from(output(0, 3)));
    pager.end();
    pager.close();
    let handed = 0;
    await assert.rejects(async () => {
      for await (const _page of pager.pages(() => {
        if (handed === 1) throw new Error('aborted');
      })) handed++;
    }, /aborted/);
    assert.equal(handed, 1);
  });
});
