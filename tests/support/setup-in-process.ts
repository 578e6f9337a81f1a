/**
 * `npm run setup -- --answers <file>` without starting a process: `main` of src/launch/setup.ts,
 * the function scripts/setup.mjs loads through Vite and runs, called on a project copy with what it
 * prints captured. For the answers files tests refuse one after another: as a command, each run
 * spent 2–3 core-seconds loading the modules before reading a line. Every test file that uses it
 * also runs the command itself (`node scripts/setup.mjs`), so the command's path stays tested.
 */
import { stripVTControlCharacters } from 'node:util';
import { main } from '../../src/launch/setup';

/**
 * @param root the project copy setup writes into (`main`'s `root`)
 * @param answers the answers file, an absolute path
 * @returns `status`: `main`'s exit code (1: refused, nothing written), or 1 when it threw, as Node
 *   exits on an uncaught error; `output`: all it wrote to stdout and stderr, without terminal
 *   styling, and a thrown error's stack (so a test that no stack trace is shown still sees one).
 */
export async function setupWithAnswers(
  root: string,
  answers: string,
): Promise<{ status: number; output: string }> {
  const written: string[] = [];
  const streams = [process.stdout, process.stderr] as const;
  const writes = streams.map((stream) => stream.write);
  for (const stream of streams) {
    stream.write = ((chunk: string | Uint8Array) => {
      written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof stream.write;
  }
  let status: number;
  try {
    status = await main(['--answers', answers], root);
  } catch (error) {
    written.push(error instanceof Error ? String(error.stack) : String(error));
    status = 1;
  } finally {
    streams.forEach((stream, index) => (stream.write = writes[index]!));
  }
  return { status, output: stripVTControlCharacters(written.join('')) };
}
