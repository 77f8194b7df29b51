// What Bulk API 2.0 ingest and query jobs share: the job list each user sees, the time format and the leading fields
// of a job's info, and the CSV the platform writes (csv-stringify, every cell quoted).
import { stringify } from 'csv-stringify/sync';
import { makeId } from '../ids';
import { methodNotAllowed, notFound, type ApiError, type ApiRequest, type ApiResponse } from './errors';

/** The fields every Bulk API 2.0 job carries, ingest or query. */
export interface BulkJob {
  id: string;
  operation: string;
  object: string;
  createdById: string;
  createdDate: string;
  systemModstamp: string;
  state: string;
}

/** Whether a job has finished (JobComplete, Failed or Aborted): its results are final and it may be deleted. */
export const isFinished = (job: BulkJob): boolean =>
  job.state === 'JobComplete' || job.state === 'Failed' || job.state === 'Aborted';

/** A job's timestamps as the platform writes them: UTC with +0000 where JavaScript writes Z. */
export const platformTime = (date = new Date()): string => date.toISOString().replace('Z', '+0000');

/** The fields a job's info starts with, ingest or query, in the platform's order. */
export function jobInfoHead(job: BulkJob): Record<string, unknown> {
  return {
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: job.createdById,
    createdDate: job.createdDate,
    systemModstamp: job.systemModstamp,
    state: job.state
  };
}

/** One kind of job, in memory: Ids with the job key prefix 750, a job seen by its creator or a View All Data user. */
export class BulkJobs<J extends BulkJob> {
  private readonly jobs = new Map<string, J>();
  private counter = 0;

  /** The Id for the next job. */
  nextId(): string {
    return makeId('750', ++this.counter);
  }

  add(job: J): void {
    this.jobs.set(job.id, job);
  }

  /** The caller's jobs for a GET of the collection; a method other than GET or POST is refused. */
  listFor(request: ApiRequest): J[] {
    if (request.method !== 'GET') throw methodNotAllowed(request.method, 'GET,POST');
    return [...this.jobs.values()].filter((job) => this.visible(job, request));
  }

  /** The named job; NOT_FOUND when there is none or it is another user's (as the platform answers). */
  find(id: string, request: ApiRequest): J {
    const job = this.jobs.get(id);
    if (!job || !this.visible(job, request)) throw notFound();
    return job;
  }

  /** Deletes a finished job; one still open or running is refused with `refusal` (each kind words it its own way). */
  delete(job: J, refusal: ApiError): ApiResponse {
    if (!isFinished(job)) throw refusal;
    this.jobs.delete(job.id);
    return { status: 204 };
  }

  private visible(job: J, request: ApiRequest): boolean {
    return job.createdById === request.access.userId || request.access.allData;
  }
}

/** Bulk API 2.0 CSV: every cell quoted (quotes inside doubled), each row ended by the job's line ending. */
export function quotedCsv(rows: string[][], delimiter = ',', lineEnding: 'LF' | 'CRLF' = 'LF'): string {
  return stringify(rows, {
    quoted: true,
    quoted_empty: true,
    delimiter,
    record_delimiter: lineEnding === 'CRLF' ? '\r\n' : '\n'
  });
}
