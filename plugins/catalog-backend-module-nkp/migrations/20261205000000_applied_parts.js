/*
 * What each NKP entity provider last applied to the catalog, per part of its source (one row for
 * a source of one cluster, one per self-managed endpoint), so that the shrink guard and a part
 * that cannot be read survive restarts and are the same on every replica. Lives in the catalog
 * plugin's database, beside the catalog's own tables, with its own migrations table.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('nkp_applied_parts', table => {
    table.comment(
      'Per NKP entity provider and part of its source: what was last applied to the catalog',
    );
    table.string('provider', 255).notNullable().comment('e.g. nkp:tenants');
    table
      .string('part', 255)
      .notNullable()
      .comment("Endpoint name; '' for a source of one cluster");
    table
      .integer('entity_count')
      .notNullable()
      .comment(
        'Entities last applied from the part: the shrink guard compares with it',
      );
    table
      .text('entities', 'longtext')
      .nullable()
      .comment(
        'JSON: the entities last applied, for sources of several parts (a part that cannot be read keeps them); NULL otherwise',
      );
    table.string('applied_at', 32).notNullable().comment('ISO timestamp, UTC');
    table.primary(['provider', 'part']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('nkp_applied_parts');
};
