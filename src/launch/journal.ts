/**
 * Setup's answers, kept as they are given in `.setup-answers.json` (at the project's root, not
 * committed), so that no answer is lost: a run stopped halfway (Ctrl-C, a closed terminal) goes on
 * where it stopped, and a run whose answers were refused at the end asks them again with what was
 * typed offered. The file is removed once setup has written the answers into the site.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The journal's file, from the project root. */
export const JOURNAL_FILE = '.setup-answers.json';

/** What `.setup-answers.json` holds. */
interface Saved {
  /** When the run that wrote it started (ISO 8601). */
  started: string;
  /** Each answer by its question: the question's words, and `#2`, `#3`… when it is asked again. */
  answers: [question: string, answer: unknown][];
  /** Why setup refused the answers at the end, if it did. */
  refused?: string[];
}

export class Journal {
  private readonly path: string;
  private readonly saved: Map<string, unknown>;
  private readonly asked = new Map<string, number>();
  private data: Saved;
  /** Whether the run resumed was refused: its answers are offered, not given. */
  readonly refused: boolean;

  /**
   * A journal for the project at `root`: a new one, or, with `resume`, the one a run before left
   * (its answers given again without asking, or offered when that run was refused).
   */
  constructor(root: string, resume = false) {
    this.path = join(root, JOURNAL_FILE);
    const before = resume ? Journal.read(root) : undefined;
    this.saved = new Map(before?.answers ?? []);
    this.refused = Boolean(before?.refused?.length);
    this.data = { started: before?.started ?? new Date().toISOString(), answers: [] };
  }

  /**
   * The journal a run before left in `root`, if any and readable. A file that cannot be read (cut
   * short, edited by hand) counts as none.
   */
  static read(root: string): Saved | undefined {
    const path = join(root, JOURNAL_FILE);
    if (!existsSync(path)) return undefined;
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as Saved;
      return Array.isArray(data.answers) ? data : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The key of a question (its words, and how many times it was asked before) and the answer a
   * run before gave to it, if any.
   */
  question(message: string): { key: string; saved?: unknown } {
    const count = (this.asked.get(message) ?? 0) + 1;
    this.asked.set(message, count);
    const key = count === 1 ? message : `${message}#${count}`;
    return this.saved.has(key) ? { key, saved: this.saved.get(key) } : { key };
  }

  /** Keeps an answer, at once, in the file. */
  record(key: string, answer: unknown): void {
    this.data.answers.push([key, answer]);
    this.write();
  }

  /** Keeps why setup refused the answers: the next run offers them to correct. */
  markRefused(problems: string[]): void {
    this.data.refused = problems;
    this.write();
  }

  /** The answers are in the site: nothing to resume. */
  remove(): void {
    rmSync(this.path, { force: true });
  }

  private write(): void {
    writeFileSync(this.path, `${JSON.stringify(this.data, null, 2)}\n`);
  }
}
