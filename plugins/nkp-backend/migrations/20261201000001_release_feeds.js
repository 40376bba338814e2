/*
 * The release feeds' last good data, so that the calendar survives a restart without network
 * (air-gapped sites, a feed that is down), and where each feed stands: one row per product.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('release_feeds', table => {
    table.comment(
      'Last good data and last attempt of each release feed (nkp.calendar.feed)',
    );
    table.string('product', 32).primary().comment('kubernetes | nkp');
    table
      .text('data')
      .nullable()
      .comment(
        'JSON: the calendar entries of the last good read; NULL until one succeeds',
      );
    table
      .text('data_location')
      .nullable()
      .comment(
        'Where the last good data was read (URL without credentials, or file)',
      );
    table.string('data_read_at', 32).nullable();
    table
      .text('data_warnings')
      .nullable()
      .comment('JSON: entries of the last good read that were skipped');
    table.text('attempt_location').notNullable();
    table.string('attempted_at', 32).notNullable();
    table
      .text('error')
      .nullable()
      .comment('Why the last attempt failed; NULL when it succeeded');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('release_feeds');
};
