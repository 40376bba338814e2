/*
 * Upgrade plans, exceptions, the audit log and the notifications already sent.
 *
 * Timestamps and dates are ISO 8601 strings (UTC) rather than database timestamp types: they
 * round-trip unchanged on SQLite and PostgreSQL, sort correctly as text, and are exactly what the
 * policy engine takes as input.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('upgrade_plans', table => {
    table.comment(
      'Announced upgrades: a target NKP version for a scope from a date',
    );
    table.string('id', 64).primary();
    table.string('title', 255).notNullable();
    table.string('target_version', 32).notNullable();
    table
      .string('announced_at', 32)
      .notNullable()
      .comment('ISO date or timestamp, UTC');
    table
      .integer('window_days')
      .nullable()
      .comment('Overrides nkp.policy.upgradePlans.windowDays');
    table
      .string('scope_kind', 32)
      .notNullable()
      .comment('fleet | management-cluster | workspace');
    table.string('scope_name', 255).nullable();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 32).notNullable();
  });

  await knex.schema.createTable('exceptions', table => {
    table.comment(
      'Requested and approved exceptions; only approved ones reach the engine',
    );
    table.string('id', 64).primary();
    table.string('status', 16).notNullable().comment('requested | approved');
    table.string('target_kind', 16).notNullable().comment('cluster | owner');
    table
      .string('target_ref', 255)
      .notNullable()
      .comment('Entity ref of the cluster or owner group');
    table
      .string('rule', 64)
      .nullable()
      .comment('Only findings of this rule; every rule when null');
    table.text('reason').notNullable();
    table.string('requested_by', 255).notNullable();
    table.string('requested_at', 32).notNullable();
    table.string('expires_at', 32).notNullable();
    table.string('approved_by', 255).nullable();
    table.string('approved_at', 32).nullable();
    table
      .string('expiry_recorded_at', 32)
      .nullable()
      .comment('When the expiry was written to the audit log; set once');
    table.index(['status'], 'exceptions_status_idx');
  });

  await knex.schema.createTable('audit_log', table => {
    table.comment('Who created, approved or expired what, when and why');
    table.increments('id').primary();
    table.string('at', 32).notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 64).notNullable();
    table.string('object_type', 32).notNullable();
    table.string('object_id', 64).notNullable();
    table.text('reason').nullable();
    table.text('details').nullable().comment('JSON');
    table.index(['object_type', 'object_id'], 'audit_log_object_idx');
  });

  await knex.schema.createTable('sent_notifications', table => {
    table.comment(
      'One row per notification, inserted before sending: sent once across replicas',
    );
    table.string('key', 512).primary();
    table.string('sent_at', 32).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sent_notifications');
  await knex.schema.dropTable('audit_log');
  await knex.schema.dropTable('exceptions');
  await knex.schema.dropTable('upgrade_plans');
};
