export default async function globalTeardown() {
  await globalThis.cmaAzurite?.stop();
}
