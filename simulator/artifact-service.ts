/**
 * A small artifact service speaking the Twirp protocol of GitHub's results service, enough for
 * the real @actions/artifact client to create, finalize, list, download and delete artifacts.
 * The zips themselves live in Azurite, a real blob store.
 */
import {
  BlobSASPermissions,
  BlobServiceClient,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AZURITE_ACCOUNT, AZURITE_KEY, type Azurite } from './azurite.js';
import { LocalServer } from './http-server.js';

const PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';

export interface StoredArtifact {
  id: number;
  name: string;
  runId: string;
  jobId: string;
  blobName: string;
  size: number;
  digest: string;
  expiresAt?: string;
  finalized: boolean;
  createdAt: string;
}

/** A runtime token as the runner gives one: a JWT whose `scp` names the run and job. */
export function runtimeToken(runId: string, jobId: string): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: `Actions.GenericRead Actions.Results:${runId}:${jobId}` })}.`;
}

export class ArtifactService {
  readonly artifacts: StoredArtifact[] = [];
  /** Twirp methods called, in order. */
  readonly calls: string[] = [];
  private nextId = 1;
  private readonly container = 'actions-results';

  private server!: LocalServer;

  private constructor(
    private readonly azurite: Azurite,
    private readonly blobs: BlobServiceClient,
  ) {}

  static async start(azurite: Azurite): Promise<ArtifactService> {
    const credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY);
    const blobs = new BlobServiceClient(azurite.blobUrl, credential);
    await blobs.getContainerClient('actions-results').createIfNotExists();
    const service = new ArtifactService(azurite, blobs);
    service.server = await LocalServer.start((req, res) => void service.handle(req, res));
    return service;
  }

  get url(): string {
    return this.server.url;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** The zip an artifact holds, read back from the blob store. */
  async zipOf(artifact: StoredArtifact): Promise<Buffer> {
    return this.blobs.getContainerClient(this.container).getBlobClient(artifact.blobName).downloadToBuffer();
  }

  private sas(blobName: string, permissions: string): string {
    const credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY);
    const query = generateBlobSASQueryParameters(
      {
        containerName: this.container,
        blobName,
        permissions: BlobSASPermissions.parse(permissions),
        expiresOn: new Date(Date.now() + 3600_000),
      },
      credential,
    );
    return `${this.azurite.blobUrl}/${this.container}/${blobName}?${query.toString()}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = (req.url ?? '').startsWith(PREFIX) ? (req.url ?? '').slice(PREFIX.length) : '';
    this.calls.push(method);
    if (!String(req.headers.authorization ?? '').startsWith('Bearer '))
      return reply(res, 401, { code: 'unauthenticated', msg: 'no runtime token' });
    const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
    const runId = String(body.workflow_run_backend_id);
    const jobId = String(body.workflow_job_run_backend_id);
    const finalized = this.artifacts.filter((a) => a.finalized && a.runId === runId);
    switch (method) {
      case 'CreateArtifact': {
        const name = String(body.name);
        if (finalized.some((a) => a.name === name)) {
          return reply(res, 409, {
            code: 'already_exists',
            msg: `an artifact with this name already exists on the workflow run`,
          });
        }
        const blobName = `${runId}/${jobId}/${name}.zip`;
        this.artifacts.push({
          id: this.nextId++,
          name,
          runId,
          jobId,
          blobName,
          size: 0,
          digest: '',
          expiresAt: body.expires_at as string | undefined,
          finalized: false,
          createdAt: new Date().toISOString(),
        });
        return reply(res, 200, { ok: true, signed_upload_url: this.sas(blobName, 'cw') });
      }
      case 'FinalizeArtifact': {
        const artifact = this.artifacts.find((a) => !a.finalized && a.runId === runId && a.name === body.name);
        if (!artifact) return reply(res, 404, { code: 'not_found', msg: 'no artifact to finalize' });
        artifact.finalized = true;
        artifact.size = Number(body.size);
        artifact.digest = String(body.hash ?? '');
        return reply(res, 200, { ok: true, artifact_id: String(artifact.id) });
      }
      case 'ListArtifacts': {
        const nameFilter = body.name_filter as string | undefined;
        const idFilter = body.id_filter as string | number | undefined;
        const listed = finalized.filter(
          (a) =>
            (nameFilter === undefined || a.name === nameFilter) &&
            (idFilter === undefined || a.id === Number(idFilter)),
        );
        return reply(res, 200, {
          artifacts: listed.map((a) => ({
            workflow_run_backend_id: a.runId,
            workflow_job_run_backend_id: a.jobId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt,
            digest: a.digest,
          })),
        });
      }
      case 'GetSignedArtifactURL': {
        const artifact = finalized.find((a) => a.name === body.name);
        if (!artifact) return reply(res, 404, { code: 'not_found', msg: 'artifact not found' });
        return reply(res, 200, { signed_url: this.sas(artifact.blobName, 'r') });
      }
      case 'DeleteArtifact': {
        const artifact = finalized.find((a) => a.name === body.name);
        if (!artifact) return reply(res, 404, { code: 'not_found', msg: 'artifact not found' });
        this.artifacts.splice(this.artifacts.indexOf(artifact), 1);
        await this.blobs.getContainerClient(this.container).getBlobClient(artifact.blobName).deleteIfExists();
        return reply(res, 200, { ok: true, artifact_id: String(artifact.id) });
      }
      default:
        return reply(res, 404, { code: 'bad_route', msg: `no method ${method}` });
    }
  }

  /** Finalized artifacts of this run. */
  finalized(): StoredArtifact[] {
    return this.artifacts.filter((a) => a.finalized);
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
