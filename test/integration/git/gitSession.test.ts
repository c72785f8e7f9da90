import assert from 'node:assert/strict';
import { openGitSession } from '../../../src/git/gitSession';
import { TempRepo } from './tempRepo';

describe('git session streaming', function () {
  this.timeout(60_000);
  let repo: TempRepo;

  before(async () => {
    repo = await TempRepo.create();
    // Far more than one pipe chunk (64 KiB), with multi-byte characters that chunks split.
    const text = `${'Jürgen Müller ✓ 日本語 — '.repeat(12_000)}\n`;
    await repo.commit({ author: { name: 'Zoë Ångström', email: 'zoe@example.com' }, date: '2024-01-01T00:00:00Z', message: 'big', files: { 'big.txt': text } });
  });

  after(async () => {
    await repo.remove();
  });

  it('hands over exactly what git writes, split characters and all, and leaves run() whole afterwards', async () => {
    const session = await openGitSession(repo.dir);
    const args = ['show', '--format=%an', 'HEAD', '--', 'big.txt'];
    const expected = await session.run(args);
    assert.ok(Buffer.byteLength(expected) > 300_000, 'the output spans many chunks');

    const pieces: Buffer[] = [];
    await session.stream(args, (bytes) => pieces.push(bytes));
    assert.ok(pieces.length > 1, 'the output arrived in several pieces');
    assert.equal(Buffer.concat(pieces).toString('utf8'), expected);

    // The stream's handler is gone: the same command run plainly returns its whole output again.
    assert.equal(await session.run(args), expected);
  });

  it('honours pause and resume from the reader', async () => {
    const session = await openGitSession(repo.dir);
    const args = ['show', 'HEAD:big.txt'];
    const expected = await session.run(args);
    const received: Buffer[] = [];
    let pauses = 0;
    await session.stream(args, (bytes, flow) => {
      received.push(bytes);
      // Pause after every piece and resume on a later turn: git must wait, and nothing may be lost.
      pauses++;
      flow.pause();
      setTimeout(() => flow.resume(), 1);
    });
    assert.ok(pauses > 1);
    assert.equal(Buffer.concat(received).toString('utf8'), expected);
  });
});
