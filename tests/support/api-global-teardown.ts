import { killTree, type ApiProcess } from './api-process';

export default async function teardown(): Promise<void> {
  const api = (globalThis as Record<string, unknown>).__API__ as ApiProcess | undefined;
  if (api) await killTree(api.child, 'SIGTERM');
}
