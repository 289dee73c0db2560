// CLI: `tsx scripts/tiny-model/cli.ts <dir> [--hidden-size N] [--seed N]` writes the tiny model to <dir>,
// e.g. models/tiny/gather-bert to try EMBEDDING_MODEL=tiny/gather-bert without the model hub.
import { parseArgs } from 'node:util';
import { writeTinyModel } from './write-tiny-model.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'hidden-size': { type: 'string' }, seed: { type: 'string' } },
});
const dir = positionals[0];
if (!dir) {
  process.stderr.write('usage: tsx scripts/tiny-model/cli.ts <dir> [--hidden-size N] [--seed N]\n');
  process.exit(2);
}
const toInt = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number.parseInt(v, 10));
try {
  const model = await writeTinyModel(dir, { hiddenSize: toInt(values['hidden-size']), seed: toInt(values.seed) });
  process.stdout.write(`tiny model written to ${model.dir} (vocab ${model.vocabSize}, hidden ${model.hiddenSize})\n`);
} catch (error) {
  process.stderr.write(`tiny-model: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
