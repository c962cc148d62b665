import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('sim/main.ts', () => {
  it('prints its URL and demo credentials, serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sim/main.ts', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    const match = /^Strava simulator on (http:\/\/127\.0\.0\.1:\d+) \(client id 12345, secret demo-secret-[0-9a-f]+\)$/.exec(line);
    expect(match, line).not.toBeNull();
    const res = await fetch(`${match?.[1]}/oauth/authorize?client_id=12345&redirect_uri=http://localhost:1/cb&response_type=code&scope=read`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Authorize Pacebar');
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});
