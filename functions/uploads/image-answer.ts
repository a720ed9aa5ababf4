import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

type Handler = (event: APIGatewayProxyEventV2, context?: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** What a photo route's use case answers before it becomes bytes on the wire. */
export interface ImageAnswer {
  base64: string;
  contentType: string;
}

/**
 * A 200's image, sent as its bytes (base64 to API Gateway, which decodes it): an upload's bytes
 * never change, so any cache (a CDN before the API's domain, the phone) may keep it for a year;
 * `nosniff` keeps a browser from reading it as anything but the image type the server sniffed.
 */
export function asImage(handler: Handler): Handler {
  return async (event, context) => {
    const result = await handler(event, context);
    if (result.statusCode !== 200) return result;
    const image = JSON.parse(JSON.parse(result.body ?? '""') as string) as ImageAnswer;
    return {
      statusCode: 200,
      headers: {
        ...result.headers,
        'content-type': image.contentType,
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      },
      body: image.base64,
      isBase64Encoded: true,
    };
  };
}
