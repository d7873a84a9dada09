export const AZURITE_ACCOUNT: string;
export const AZURITE_KEY: string;

export interface Azurite {
  /** Blob endpoint, e.g. http://127.0.0.1:10000/devstoreaccount1 */
  blobUrl: string;
  stop(): Promise<void>;
}

export function startAzurite(): Promise<Azurite>;
