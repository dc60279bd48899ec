/** Small hardening checks (issue 16.8, 16.9): login settings, serve beyond loopback, the Atom feed's characters. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, ConfigError, PROJECT_ROOT } from '../lib/config.ts';
import { atomFeed } from '../index/index.ts';
import { tempDir } from './helpers.ts';

describe('login settings', () => {
  it('refuse a half-set login instead of silently serving without one', () => {
    expect(() => loadConfig({ MINUTES_UI_USER: 'analytiker' })).toThrow(ConfigError);
    expect(() => loadConfig({ MINUTES_UI_USER: 'analytiker', MINUTES_UI_PASSWORD: '' })).toThrow(/set both/);
    expect(() => loadConfig({ MINUTES_UI_PASSWORD: 'hemligt-lösen' })).toThrow(/set both/);
    expect(loadConfig({ MINUTES_UI_USER: 'analytiker', MINUTES_UI_PASSWORD: 'hemligt-lösen' }).uiAuth).toEqual({ user: 'analytiker', password: 'hemligt-lösen' });
    expect(loadConfig({}).uiAuth).toBeNull();
    expect(loadConfig({ MINUTES_UI_USER: '', MINUTES_UI_PASSWORD: '' }).uiAuth).toBeNull();
  });

  it('read MINUTES_ALLOWED_HOSTS as a list', () => {
    expect(loadConfig({ MINUTES_ALLOWED_HOSTS: 'Arkiv.Kommun.se, 10.0.0.5' }).allowedHosts).toEqual(['arkiv.kommun.se', '10.0.0.5']);
    expect(() => loadConfig({ MINUTES_ALLOWED_HOSTS: 'a/b' })).toThrow(/MINUTES_ALLOWED_HOSTS/);
  });

  it('serve refuses to listen beyond loopback without a login unless --allow-anonymous', () => {
    const t = tempDir('anon');
    const r = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'minutes.js'), 'serve', '--host', '0.0.0.0', '--port', '0'], { env: { ...process.env, MINUTES_DATA_DIR: t.dir, MINUTES_EMBEDDINGS: 'off' }, encoding: 'utf8', timeout: 30_000 });
    t.cleanup();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/without a login .* --allow-anonymous/);
  });
});

describe('Atom feed', () => {
  it('stays well-formed XML when a title holds control characters', () => {
    const feed = atomFeed({ id: 'abcdefabcdef', name: 'Bevakning\u0007', q: '', filters: {}, createdAt: '2024-01-01T00:00:00Z' },
      [{ id: 'a1b2c3d4', title: 'Protokoll\u0001 \u001b[31m<b>&\uD800', date: '2024-01-01', body: 'KS', fileName: 'x.txt', indexedAt: '2024-01-02T00:00:00Z' }], 'http://127.0.0.1:8080');
    expect(feed).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(feed).toContain('<title>Protokoll [31m&lt;b&gt;&amp;</title>');
    const t = tempDir('feed');
    const file = path.join(t.dir, 'feed.atom');
    writeFileSync(file, feed);
    try {
      // A real XML parser, when installed.
      execFileSync('python3', ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])', file]);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    } finally {
      t.cleanup();
    }
  });
});
