import { describe, expect, it } from 'vitest';
import { withoutServerPaths } from './meta-routes.js';

describe('withoutServerPaths', () => {
  it('hides the server’s paths but leaves URLs and model names whole', () => {
    const out = withoutServerPaths('hub https://huggingface.co unreachable; /srv/pg/models/x.onnx, /etc/passwd; Xenova/bge', '/srv/pg');
    expect(out).toBe('hub https://huggingface.co unreachable; models/x.onnx, passwd; Xenova/bge');
  });
});
