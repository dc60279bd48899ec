// Worker-thread entry: the project runs TypeScript through tsx, which each thread registers itself.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker.ts');
