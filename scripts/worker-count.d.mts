export function workerCount(env?: Record<string, string | undefined>): number;
