// The toolkit alone: DefaultArtifactClient.uploadArtifact of the given files, timed inside
// the process so that only the upload counts. Prints the milliseconds it took.
import { DefaultArtifactClient } from '@actions/artifact';

const [name, root, ...files] = process.argv.slice(2);
const started = performance.now();
await new DefaultArtifactClient().uploadArtifact(name, files, root, { compressionLevel: 6 });
process.stdout.write(`\nDIRECT_UPLOAD_MS=${Math.round(performance.now() - started)}\n`);
