export interface Cluster {
  url: string;
  version: string;
  stop(): void;
}
export function serverBinDir(): string | null;
export function freePort(): Promise<number>;
export function startCluster(options?: { settings?: string[] }): Promise<Cluster | null>;
