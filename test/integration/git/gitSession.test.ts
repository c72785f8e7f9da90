import assert from 'node:assert/strict';
import { chmod, mkdtemp, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GitAbortedError, GitNotFoundError, GitTimeoutError } from '../../../src/git/gitErrors';
import { guardedEnvironment, openGitSession, type StreamFlow } from '../../../src/git/gitSession';
import { withCountingGit } from './countingGit';
import { TempRepo } from './tempRepo';

/** The folders streams through a file leave in the temporary folder (none, once they are done). */
const leftFolders = async (): Promise<string[]> => (await readdir(tmpdir())).filter((name) => name.startsWith('lead-desk-git-output-'));

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

  describe('through a file', () => {
    const collect = async (throughFile: boolean, args: string[], onPiece?: (flow: StreamFlow) => void) => {
      const session = await openGitSession(repo.dir, { throughFile });
      const pieces: Buffer[] = [];
      await session.stream(args, (bytes, flow) => {
        pieces.push(Buffer.from(bytes));
        onPiece?.(flow);
      });
      return { session, pieces };
    };

    it('hands over exactly what git writes, as the pipe does, and leaves no file behind', async () => {
      const args = ['show', '--format=%an', 'HEAD', '--', 'big.txt'];
      const before = await leftFolders();
      const { session, pieces } = await collect(true, args);
      const expected = await session.run(args);
      assert.ok(pieces.length > 1, 'more than one read: the output is larger than a read');
      assert.equal(Buffer.concat(pieces).toString('utf8'), expected);
      const piped = await collect(false, args);
      assert.ok(Buffer.concat(pieces).equals(Buffer.concat(piped.pieces)));
      assert.deepEqual(await leftFolders(), before);
    });

    it('honours pause and resume: nothing is read while paused, and nothing is lost', async () => {
      const args = ['show', 'HEAD:big.txt'];
      let paused = false;
      let pauses = 0;
      const { session, pieces } = await collect(true, args, (flow) => {
        assert.equal(paused, false, 'no bytes arrive while paused');
        paused = true;
        pauses++;
        flow.pause();
        setImmediate(() => {
          paused = false;
          flow.resume();
        });
      });
      assert.ok(pauses > 1);
      assert.equal(Buffer.concat(pieces).toString('utf8'), await session.run(args));
    });

    it('fails as git fails, with what git said', async () => {
      const before = await leftFolders();
      const session = await openGitSession(repo.dir, { throughFile: true });
      await assert.rejects(
        session.stream(['log', '--end-of-options', 'no-such-revision'], () => undefined),
        (err: unknown) => err instanceof Error && /no-such-revision/.test(err.message),
      );
      assert.deepEqual(await leftFolders(), before);
    });

    it('fails typed when git is missing, when the caller aborts, and past the deadline, and leaves no file behind', async () => {
      const before = await leftFolders();
      const missing = await openGitSession(repo.dir, { throughFile: true, binary: '/nowhere/git' });
      await assert.rejects(
        missing.stream(['log'], () => undefined),
        (err: unknown) => GitNotFoundError.is(err),
      );

      // A git that writes a line and then never finishes: only a stop ends it.
      const bin = await mkdtemp(path.join(tmpdir(), 'lead-desk-hanging-'));
      const hanging = path.join(bin, 'git');
      await writeFile(hanging, "#!/bin/sh\nprintf 'first\\n'\nexec sleep 600\n");
      await chmod(hanging, 0o755);
      try {
        const controller = new AbortController();
        const aborting = await openGitSession(repo.dir, { throughFile: true, binary: hanging, signal: controller.signal });
        const seen: string[] = [];
        await assert.rejects(
          aborting.stream(['log'], (bytes) => {
            seen.push(bytes.toString());
            controller.abort();
          }),
          (err: unknown) => GitAbortedError.is(err),
        );
        assert.deepEqual(seen, ['first\n']);

        // A reader that throws stops git too: this resolves only once the hanging git is gone.
        const failing = await openGitSession(repo.dir, { throughFile: true, binary: hanging });
        await assert.rejects(
          failing.stream(['log'], () => {
            throw new Error('the reader broke');
          }),
          /the reader broke/,
        );

        const late = await openGitSession(repo.dir, { throughFile: true, binary: hanging, timeoutMs: 200 });
        await assert.rejects(
          late.stream(['log'], () => undefined),
          (err: unknown) => GitTimeoutError.is(err) && err.timeoutMs === 200,
        );
      } finally {
        await rm(bin, { recursive: true, force: true });
      }
      assert.deepEqual(await leftFolders(), before);
    });

    it('uses the pipe when no temporary file can be made', async () => {
      const args = ['show', 'HEAD:big.txt'];
      const saved = process.env.TMPDIR;
      process.env.TMPDIR = path.join(tmpdir(), 'lead-desk-no-such-folder', 'below');
      try {
        const { session, pieces } = await collect(true, args);
        assert.equal(Buffer.concat(pieces).toString('utf8'), await session.run(args));
      } finally {
        if (saved === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = saved;
      }
    });

    it('collects a short output whole, beside the queue, and fails typed', async () => {
      const session = await openGitSession(repo.dir);
      const args = ['show', '--format=%an', '--no-patch', 'HEAD'];
      assert.equal((await session.collect(args).output).toString('utf8'), 'Zoë Ångström\n');
      await assert.rejects((await openGitSession(repo.dir, { binary: '/nowhere/git' })).collect(['log']).output, (err: unknown) => GitNotFoundError.is(err));
      const controller = new AbortController();
      const cancelled = await openGitSession(repo.dir, { signal: controller.signal });
      controller.abort();
      await assert.rejects(cancelled.collect(['log']).output, (err: unknown) => GitAbortedError.is(err));
    });

    it("takes a --quiet check's silent failure for an answer only when asked to, and never a failure git explains", async () => {
      const session = await openGitSession(repo.dir);
      // No such commit: `--verify --quiet` prints the lines before it and exits 1, saying nothing.
      const check = ['rev-parse', '--show-toplevel', '--verify', '--quiet', '--end-of-options', 'HEAD~999^{commit}'];
      const answer = (await session.collect(check, { quietExitIsOutput: true }).output).toString('utf8');
      assert.equal(answer.trim(), await realpath(repo.dir));
      await assert.rejects(session.collect(check).output, (err: unknown) => err instanceof Error && /code 1/.test(err.message));
      await assert.rejects(session.collect(['rev-parse', '--verify', 'HEAD~999^{commit}'], { quietExitIsOutput: true }).output, /Needed a single revision/);
    });

    describe('started on one thread, read on another', () => {
      it('reads the git started for it in place of running it again, once, and runs anything else itself', async () => {
        const before = await leftFolders();
        const args = ['show', 'HEAD:big.txt'];
        const starter = await openGitSession(repo.dir);
        const expected = await starter.run(args);
        // Waited for here, so that the counting git has noted its command; the file keeps what it wrote.
        const { result: output, commands: started } = await withCountingGit(
          async (binary) => {
            const o = await (await openGitSession(repo.dir, { binary })).startIntoFile(args);
            await o?.exited;
            return o;
          },
          { noting: ['GIT_FLUSH'] },
        );
        assert.ok(output, 'a file could be made');
        assert.deepEqual(started, [`GIT_FLUSH=0 ${args.join(' ')}`], 'started once, buffering its output');
        try {
          const { result: pieces, commands } = await withCountingGit(async (binary) => {
            const reader = await openGitSession(repo.dir, { throughFile: true, binary, started: { args, fd: output.fd, exited: output.exited } });
            const first: Buffer[] = [];
            await reader.stream(args, (bytes) => void first.push(Buffer.from(bytes)));
            const again: Buffer[] = [];
            await reader.stream(args, (bytes) => void again.push(Buffer.from(bytes)));
            const other: Buffer[] = [];
            await reader.stream(['show', '--format=%an', '--no-patch', 'HEAD'], (bytes) => void other.push(Buffer.from(bytes)));
            return { first, again, other };
          });
          assert.equal(Buffer.concat(pieces.first).toString('utf8'), expected);
          assert.equal(Buffer.concat(pieces.again).toString('utf8'), expected, 'a second read runs git: the started one is read once');
          assert.equal(Buffer.concat(pieces.other).toString('utf8'), 'Zoë Ångström\n');
          assert.deepEqual(commands, [args.join(' '), 'show --format=%an --no-patch HEAD'], 'the first read ran no git of its own');
        } finally {
          await output.release();
        }
        assert.deepEqual(await leftFolders(), before);
      });

      it('fails typed, as run() does, for the starter and for the thread that reads', async () => {
        const before = await leftFolders();
        const missing = await (await openGitSession(repo.dir, { binary: '/nowhere/git' })).startIntoFile(['log']);
        assert.ok(missing);
        await assert.rejects(missing.exited, (err: unknown) => GitNotFoundError.is(err));
        await missing.release();

        const bin = await mkdtemp(path.join(tmpdir(), 'lead-desk-hanging-'));
        const hanging = path.join(bin, 'git');
        await writeFile(hanging, "#!/bin/sh\nprintf 'first\\n'\nexec sleep 600\n");
        await chmod(hanging, 0o755);
        try {
          const late = await (await openGitSession(repo.dir, { binary: hanging, timeoutMs: 200 })).startIntoFile(['log']);
          assert.ok(late);
          const reader = await openGitSession(repo.dir, { throughFile: true, started: { args: ['log'], fd: late.fd, exited: late.exited } });
          const seen: string[] = [];
          await assert.rejects(
            reader.stream(['log'], (bytes) => void seen.push(bytes.toString())),
            (err: unknown) => GitTimeoutError.is(err) && err.timeoutMs === 200,
          );
          assert.deepEqual(seen, ['first\n'], 'what git wrote before it was stopped was read');
          await late.release();
        } finally {
          await rm(bin, { recursive: true, force: true });
        }
        assert.deepEqual(await leftFolders(), before);
      });
    });

    it('gives git none of the variables that could point it at another repository or make it run a program', async () => {
      const saved = process.env.GIT_DIR;
      process.env.GIT_DIR = '/nowhere/.git';
      try {
        const { pieces } = await collect(true, ['log', '--format=%an', '--end-of-options', 'HEAD']);
        assert.equal(Buffer.concat(pieces).toString('utf8'), 'Zoë Ångström\n');
      } finally {
        if (saved === undefined) delete process.env.GIT_DIR;
        else process.env.GIT_DIR = saved;
      }
      const env = guardedEnvironment({ PATH: '/bin', HOME: '/home/lead', GIT_FLUSH: '0', GIT_DIR: '/x', git_config_count: '1', EDITOR: 'vi', PAGER: 'less', SSH_ASKPASS: 'x' });
      assert.deepEqual(env, { PATH: '/bin', HOME: '/home/lead', GIT_FLUSH: '0' });
    });
  });
});
