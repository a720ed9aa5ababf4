/** Key builders for fan-out jobs: the job and its chunks share a partition (one query shows progress). */
export const fanoutKeys = {
  job: (jobId: string) => ({ PK: `JOB#${jobId}`, SK: 'JOB' }),
  /** Jobs newest first on GSI1 (an admin's list; a few a day, so one partition). */
  jobIndex: (createdAt: string, jobId: string) => ({ GSI1PK: 'JOBS', GSI1SK: `${createdAt}#${jobId}` }),
  jobPartition: 'JOBS',
  jobIdOfIndexKey: (indexSortKey: string) => indexSortKey.slice(indexSortKey.indexOf('#') + 1),
  chunk: (jobId: string, shard: number) => ({ PK: `JOB#${jobId}`, SK: `CHUNK#${String(shard).padStart(3, '0')}` }),
  chunkPrefix: 'CHUNK#',
  deadLetter: (jobId: string, userId: string) => ({ PK: `JOB#${jobId}`, SK: `DEAD#${userId}` }),
};

/** The item type the stream's filter patterns match on (serverless.yml). */
export const FANOUT_CHUNK_TYPE = 'FANOUT_CHUNK';
