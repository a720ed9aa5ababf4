import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { NodeSha256 } from '../sigv4';

/**
 * SSM Parameter Store's `GetParameter` (JSON 1.1 protocol, SigV4-signed), with the SDK's own
 * signer and credential chain. Every function reads its secrets through it at cold start, and
 * the full SSM client would add about 90 KB to every bundle for this one call.
 */
export interface ParameterStore {
  getDecrypted(name: string): Promise<string>;
}

export class ParameterStoreError extends Error {
  constructor(
    readonly awsType: string,
    message: string,
  ) {
    super(message);
    this.name = 'ParameterStoreError';
  }
}

export class SignedParameterStore implements ParameterStore {
  private readonly signer: SignatureV4;
  private readonly endpoint: URL;

  constructor(options: { region: string; endpoint?: string; credentials?: AwsCredentialIdentityProvider }) {
    this.endpoint = new URL(options.endpoint ?? `https://ssm.${options.region}.amazonaws.com/`);
    this.signer = new SignatureV4({ service: 'ssm', region: options.region, credentials: options.credentials ?? defaultProvider(), sha256: NodeSha256 });
  }

  async getDecrypted(name: string): Promise<string> {
    const body = JSON.stringify({ Name: name, WithDecryption: true });
    const signed = await this.signer.sign({
      method: 'POST',
      protocol: this.endpoint.protocol,
      hostname: this.endpoint.hostname,
      port: this.endpoint.port ? Number(this.endpoint.port) : undefined,
      path: this.endpoint.pathname,
      headers: {
        host: this.endpoint.host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AmazonSSM.GetParameter',
      },
      body,
    });
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: signed.headers as Record<string, string>,
      body,
      signal: AbortSignal.timeout(5_000),
    });
    const answer = (await response.json().catch(() => ({}))) as { Parameter?: { Value?: string }; __type?: string; message?: string; Message?: string };
    if (!response.ok) {
      const type = (answer.__type ?? `HTTP ${response.status}`).split('#').pop()!;
      throw new ParameterStoreError(
        type,
        `SSM GetParameter ${name}: ${type}${(answer.message ?? answer.Message) ? ` (${answer.message ?? answer.Message})` : ''}`,
      );
    }
    if (!answer.Parameter?.Value) throw new ParameterStoreError('EmptyParameter', `SSM parameter ${name} is empty`);
    return answer.Parameter.Value;
  }
}
