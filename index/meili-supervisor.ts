/**
 * Keeps a long-running command's Meilisearch alive (`minutes serve`): checks it every second and,
 * when it is gone (killed, stopped by the command that started it), reuses one another command
 * runs on the data dir or starts its own embedded one, and points the client at it. While that
 * happens `status()` says so, for the page's 503 answers.
 */
import type { Config } from '../lib/config.ts';
import { connectMeili, type MeiliConnection } from './meili-server.ts';
import type { MeiliClient } from './meili-client.ts';

export interface MeiliStatus { ready: boolean; message: string }

const RECOVERING = 'Sökservern startas om – försök igen om några sekunder';

export class MeiliSupervisor {
  private state: MeiliStatus = { ready: true, message: '' };
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;
  private stopped = false;
  /** Restarts and reconnections so far. */
  recoveries = 0;

  private constructor(private conn: MeiliConnection, private readonly client: MeiliClient, private readonly config: Config,
    private readonly opts: { log?: (m: string) => void; intervalMs?: number; healthTimeoutMs?: number }) {}

  static async start(config: Config, client: (conn: MeiliConnection) => MeiliClient, opts: { log?: (m: string) => void; intervalMs?: number } = {}): Promise<{ supervisor: MeiliSupervisor; client: MeiliClient }> {
    const conn = await connectMeili(config, { log: opts.log });
    const c = client(conn);
    const supervisor = new MeiliSupervisor(conn, c, config, opts);
    supervisor.watch();
    return { supervisor, client: c };
  }

  get connection(): MeiliConnection { return this.conn; }

  status(): MeiliStatus { return this.state; }

  private watch() {
    // An owned server that exits is noticed at once; any other loss within a second.
    void this.conn.exited?.then(() => { if (!this.stopped) void this.check(); });
    this.timer = setInterval(() => void this.check(), this.opts.intervalMs ?? 1000);
    this.timer.unref();
  }

  /** One health check, and a recovery when the server does not answer. Concurrent calls share one. */
  check(): Promise<void> {
    return (this.checking ??= this.checkOnce().finally(() => { this.checking = null; }));
  }

  private async checkOnce(): Promise<void> {
    if (this.stopped) return;
    const ownedAlive = this.conn.owned && this.conn.pid !== undefined && alive(this.conn.pid);
    if (await healthy(this.conn.url, this.opts.healthTimeoutMs ?? 1500)) {
      if (!this.state.ready) { this.state = { ready: true, message: '' }; this.opts.log?.(`Meilisearch answers again at ${this.conn.url}`); }
      return;
    }
    // Our own server still running but slow (a big indexing batch): wait for it, do not start a second.
    if (ownedAlive) { this.state = { ready: false, message: 'Sökservern svarar inte just nu – försök igen om några sekunder' }; return; }
    this.state = { ready: false, message: RECOVERING };
    this.opts.log?.(`Meilisearch at ${this.conn.url} does not answer: reconnecting`);
    try {
      await this.conn.stop().catch(() => undefined);
      const conn = await connectMeili(this.config, { log: this.opts.log });
      if (this.stopped) { await conn.stop(); return; }
      this.conn = conn;
      this.client.setEndpoint(conn.url, conn.key);
      this.recoveries++;
      void conn.exited?.then(() => { if (!this.stopped) void this.check(); });
      this.state = { ready: true, message: '' };
      this.opts.log?.(`Meilisearch ${conn.owned ? 'restarted' : 'reused'} at ${conn.url}`);
    } catch (err) {
      this.state = { ready: false, message: `Sökservern kunde inte startas om: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
      this.opts.log?.(this.state.message);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.checking?.catch(() => undefined);
    await this.conn.stop();
  }
}

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; } };

async function healthy(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok;
  } catch {
    return false;
  }
}
