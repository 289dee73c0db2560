// Progress for long CLI work, on stderr: a redrawn line on a terminal, plain lines otherwise.
export class Progress {
  private readonly tty = process.stderr.isTTY === true;
  private readonly started = performance.now();
  private bytes = 0;
  private passages = 0;
  private facts = 0;

  constructor(private readonly total: number) {}

  update(done: number, file: string, delta: { bytes: number; passages: number; facts: number }): void {
    this.bytes += delta.bytes;
    this.passages += delta.passages;
    this.facts += delta.facts;
    const seconds = Math.max((performance.now() - this.started) / 1000, 1e-3);
    const width = 24;
    const filled = Math.round((done / Math.max(this.total, 1)) * width);
    const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
    const line =
      `[${bar}] ${done}/${this.total} files · ${this.passages} passages · ${this.facts} facts · ` +
      `${(this.passages / seconds).toFixed(0)} passages/s · ${(this.facts / seconds).toFixed(0)} facts/s · ${file}`;
    if (this.tty) process.stderr.write(`\r\x1b[K${line}`);
    else process.stderr.write(`${line}\n`);
  }

  done(): void {
    if (this.tty) process.stderr.write('\n');
  }
}
