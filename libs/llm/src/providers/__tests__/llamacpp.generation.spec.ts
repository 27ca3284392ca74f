import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GenerationResult } from '../../generation/generation.types';
import { writeTinyGguf } from './tiny-gguf.fixture';

// Real generation with node-llama-cpp on a tiny GGUF written by the test (tiny-gguf.fixture.ts).
// node-llama-cpp must be loaded with a real dynamic import(), which Jest cannot do, so the
// router runs in a child Node process that compiles the TypeScript sources with SWC.

const ROOT = join(__dirname, '../../../../..');
const RUNNER = join(__dirname, 'llamacpp-child.runner.ts');
const BOOTSTRAP = `
const fs = require('node:fs');
const { transformSync } = require('@swc/core');
const swcrc = JSON.parse(fs.readFileSync(${JSON.stringify(join(ROOT, '.swcrc'))}, 'utf8'));
delete swcrc.$schema;
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swcrc, filename, swcrc: false, sourceMaps: false });
  module._compile(code, filename);
};
require(${JSON.stringify(RUNNER)});
`;

interface ChildResult {
  full: GenerationResult;
  fullTokens: string[];
  cancelled: GenerationResult;
  cancelledTokens: string[];
  warnings: unknown[];
}

function runChild(modelPath: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', BOOTSTRAP, modelPath],
      { cwd: ROOT, timeout: 240_000, maxBuffer: 10 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
        if (line) resolve(JSON.parse(line.slice('RESULT '.length)) as ChildResult);
        else reject(new Error(`llamacpp child failed: ${error?.message ?? ''}\n${stdout}\n${stderr}`));
      },
    );
  });
}

describe('llamacpp provider: real generation with node-llama-cpp', () => {
  let dir: string;
  let result: ChildResult;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-llamacpp-'));
    const modelPath = join(dir, 'tiny.gguf');
    await writeTinyGguf(modelPath);
    result = await runChild(modelPath);
  }, 240_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('streams an answer from the GGUF model, stops at maxOutputTokens and counts tokens with the model tokenizer', () => {
    const { full, fullTokens, warnings } = result;
    expect(warnings).toEqual([]);
    expect(full.failedOver).toEqual([]);
    expect(full.usage).toMatchObject({ provider: 'llamacpp', model: 'tiny', estimated: false });
    expect(full.usage.inputTokens).toBeGreaterThan(0);
    expect(full.usage.outputTokens).toBeGreaterThan(0);
    expect(full.finishReason).toBe('length');
    expect(fullTokens.length).toBeGreaterThan(0);
    expect(fullTokens.join('')).toBe(full.content);
  });

  it('stops when the signal aborts and returns the partial answer as cancelled', () => {
    const { cancelled, cancelledTokens } = result;
    expect(cancelled.finishReason).toBe('cancelled');
    expect(cancelledTokens).toHaveLength(1);
    expect(cancelled.content).toBe(cancelledTokens[0]);
    expect(cancelled.failedOver).toEqual([]);
  });
});
