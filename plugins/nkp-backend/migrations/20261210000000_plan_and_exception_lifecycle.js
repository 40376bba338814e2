/*
 * The end of a plan's and an exception's life: a plan is cancelled (it stays, with who, when and
 * why, and stops counting), an exception is rejected (while requested) or revoked (while
 * approved), after which it waives nothing. Rows are never deleted, so the lists and the audit
 * log keep telling what was once announced or granted.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('upgrade_plans', table => {
    table
      .string('status', 16)
      .notNullable()
      .defaultTo('active')
      .comment('active | cancelled; only active plans reach the engine');
    table.string('cancelled_by', 255).nullable();
    table.string('cancelled_at', 32).nullable();
    table.text('cancel_reason').nullable();
  });
  await knex.schema.alterTable('exceptions', table => {
    // `status` (string 16) gains the values rejected | revoked.
    table
      .string('closed_by', 255)
      .nullable()
      .comment('Who rejected or revoked it (status says which)');
    table.string('closed_at', 32).nullable();
    table.text('close_reason').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('exceptions', table => {
    table.dropColumn('close_reason');
    table.dropColumn('closed_at');
    table.dropColumn('closed_by');
  });
  await knex.schema.alterTable('upgrade_plans', table => {
    table.dropColumn('cancel_reason');
    table.dropColumn('cancelled_at');
    table.dropColumn('cancelled_by');
    table.dropColumn('status');
  });
};
