// One Azurite for the whole jest run; each test file's harness finds it through
// CMA_AZURITE_BLOB_URL. Plain JavaScript: jest does not transform its globalSetup's imports.
import { startAzurite } from '../../simulator/azurite.js';

export default async function globalSetup() {
  const azurite = await startAzurite();
  process.env.CMA_AZURITE_BLOB_URL = azurite.blobUrl;
  globalThis.cmaAzurite = azurite;
}
