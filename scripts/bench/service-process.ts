// Runs scripts and the service's own entry point (src/cli.ts) as child processes in a given project
// checkout, so the same harness measures the current tree and an older commit alike; a server's
// peak RSS (VmHWM) is read from /proc while it runs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type Env = Record<string, string>;

function tsxArgs(project: string, args: string[]): string[] {
  return ['--import', 'tsx', path.join(project, 'src/cli.ts'), ...args];
}

/** Runs a TypeScript script in a project checkout to completion; rejects with its stderr tail when it fails. */
export function runScript(project: string, file: string, args: string[], env: Env): Promise<{ ms: number; stdout: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { cwd: project, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve({ ms: performance.now() - started, stdout });
      else reject(new Error(`${path.basename(file)} exited ${code}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`));
    });
  });
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Peak resident set size so far, in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** The service (`serve`) of a project checkout, or another script (`script`) given its arguments. */
export async function startServerProcess(
  project: string,
  env: Env,
  port: number,
  script?: { file: string; args: string[] },
): Promise<ServerProcess> {
  const args = script ? ['--import', 'tsx', script.file, ...script.args] : tsxArgs(project, ['serve', '--port', String(port)]);
  const child = spawn(process.execPath, args, {
    cwd: project,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not become healthy in 120 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    peakRssMb: () => {
      try {
        const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
        return kb ? Number(kb) / 1024 : NaN;
      } catch {
        return NaN;
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
