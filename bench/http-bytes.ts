import { get } from 'node:http';

/** The bytes a response puts on the wire, still compressed (fetch would decompress them). */
export function wireBytes(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          bytes,
          encoding: String(response.headers['content-encoding'] ?? 'identity'),
        }),
      );
      response.on('error', reject);
    }).on('error', reject);
  });
}
