/*
 * Idempotency keys of POST requests: a retried `POST /plans` or `POST /exceptions` with the same
 * `Idempotency-Key` (per caller and operation) answers with what the first one created instead of
 * creating it again. The key row is written in the transaction that creates the object.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('idempotency_keys', table => {
    table.comment('Idempotency-Key of POST requests, per caller and operation');
    table.string('actor', 255).notNullable();
    table
      .string('operation', 32)
      .notNullable()
      .comment('upgrade-plan.create | exception.request');
    table.string('idempotency_key', 128).notNullable();
    table.string('object_id', 64).notNullable();
    table.string('created_at', 32).notNullable();
    table.primary(['actor', 'operation', 'idempotency_key']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('idempotency_keys');
};
