/*
 * What an upgrade plan requires (`within-skew` | `reach-target`). Plans written before this
 * column existed keep NULL and get the default of their scope (management-cluster → within-skew,
 * fleet and workspace → reach-target) when read; new plans store their effective kind, so a later
 * change of the defaults never changes what an announced plan asked of the tenants.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('upgrade_plans', table => {
    table
      .string('requires', 32)
      .nullable()
      .comment('within-skew | reach-target; NULL: the default of the scope');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('upgrade_plans', table => {
    table.dropColumn('requires');
  });
};
