/*
 * The audit log is read newest first, filtered by object or by actor (`GET /audit`). The object
 * filter has its index since the first migration; this adds one for "everything X did", which
 * otherwise scans a log that only ever grows.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('audit_log', table => {
    table.index(['actor', 'id'], 'audit_log_actor_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('audit_log', table => {
    table.dropIndex(['actor', 'id'], 'audit_log_actor_idx');
  });
};
