// Worker-thread entry of the analyse pool. Workers do not inherit a loader registered through the
// API (bin/policygraph.js, vitest), so this plain module registers tsx before importing the task.
import { register } from 'tsx/esm/api';

register();
const { analyseTask } = await import('./analyse-task.ts');
export default analyseTask;
