/**
 * The release feeds' rows: per product, the last good data and the last attempt. A failed read
 * only updates the attempt, so the data read last time stays in use until a read succeeds.
 */
import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  ReleaseCalendarOverrides,
  ReleaseFeedProduct,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { Knex } from 'knex';
import { connect } from './connect';

/** One feed's row. */
export interface StoredReleaseFeed {
  product: ReleaseFeedProduct;
  /** The last good read, if any. */
  data?: {
    releases: ReleaseCalendarOverrides;
    location: string;
    readAt: string;
    warnings: string[];
  };
  attempt: { location: string; at: string; error?: string };
}

interface FeedRow {
  product: ReleaseFeedProduct;
  data: string | null;
  data_location: string | null;
  data_read_at: string | null;
  data_warnings: string | null;
  attempt_location: string;
  attempted_at: string;
  error: string | null;
}

export class ReleaseFeedStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<ReleaseFeedStore> {
    return new ReleaseFeedStore(await connect(options.database));
  }

  private constructor(private readonly knex: Knex) {}

  async list(): Promise<StoredReleaseFeed[]> {
    const rows = await this.knex<FeedRow>('release_feeds').orderBy('product');
    return rows.map(fromRow);
  }

  /** A successful read: its data becomes the data in use. */
  async saveRead(read: {
    product: ReleaseFeedProduct;
    location: string;
    at: string;
    releases: ReleaseCalendarOverrides;
    warnings: string[];
  }): Promise<void> {
    const row: FeedRow = {
      product: read.product,
      data: JSON.stringify(read.releases),
      data_location: read.location,
      data_read_at: read.at,
      data_warnings: JSON.stringify(read.warnings),
      attempt_location: read.location,
      attempted_at: read.at,
      error: null,
    };
    await this.knex('release_feeds').insert(row).onConflict('product').merge();
  }

  /** A failed read: recorded, the data of the last good read untouched. */
  async saveFailure(failure: {
    product: ReleaseFeedProduct;
    location: string;
    at: string;
    error: string;
  }): Promise<void> {
    await this.knex('release_feeds')
      .insert({
        product: failure.product,
        data: null,
        data_location: null,
        data_read_at: null,
        data_warnings: null,
        attempt_location: failure.location,
        attempted_at: failure.at,
        error: failure.error,
      })
      .onConflict('product')
      .merge(['attempt_location', 'attempted_at', 'error']);
  }
}

function fromRow(row: FeedRow): StoredReleaseFeed {
  return {
    product: row.product,
    ...(row.data !== null && row.data_location && row.data_read_at
      ? {
          data: {
            releases: JSON.parse(row.data),
            location: row.data_location,
            readAt: row.data_read_at,
            warnings: row.data_warnings ? JSON.parse(row.data_warnings) : [],
          },
        }
      : {}),
    attempt: {
      location: row.attempt_location,
      at: row.attempted_at,
      ...(row.error !== null ? { error: row.error } : {}),
    },
  };
}
