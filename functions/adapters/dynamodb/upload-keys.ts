/** Key builders for uploads and the pointer from WeChat's image-check trace id back to its upload. */
export const uploadKeys = {
  profile: (uploadId: string) => ({ PK: `UPLOAD#${uploadId}`, SK: 'PROFILE' }),
  mediaCheck: (traceId: string) => ({ PK: `MEDIACHECK#${traceId}`, SK: 'MEDIACHECK' }),
};
