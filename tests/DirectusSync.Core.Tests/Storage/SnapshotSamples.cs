using DirectusSync.Core.Storage;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Storage;

/// <summary>
/// A snapshot as Directus 11.17.4 returns it for the sample config of directus-runtime.md (collections
/// authors and articles, an M2O articles.author), plus directus-extension-sync's id-map table.
/// Lists are in the order a split dump reads them back, so a round trip gives the same object.
/// </summary>
internal static class SnapshotSamples
{
    public static JObject WithIdMapTable() => (JObject)DumpJson.Parse(
        """
        {
          "version": 1,
          "directus": "11.17.4",
          "vendor": "sqlite",
          "systemFields": [
            { "collection": "directus_activity", "field": "timestamp", "schema": { "is_indexed": true } },
            { "collection": "directus_revisions", "field": "activity", "schema": { "is_indexed": true } }
          ],
          "collections": [
            { "collection": "articles",
              "meta": { "accountability": "all", "archive_app_filter": true, "archive_field": "status",
                        "archive_value": "archived", "collapse": "open", "collection": "articles", "color": null,
                        "display_template": null, "group": null, "hidden": false, "icon": "article",
                        "item_duplication_fields": null, "note": null, "preview_url": null, "singleton": false,
                        "sort": null, "sort_field": null, "translations": null, "unarchive_value": "draft",
                        "versioning": false },
              "schema": { "name": "articles" } },
            { "collection": "authors",
              "meta": { "accountability": "all", "collection": "authors", "hidden": false, "icon": "person",
                        "singleton": false, "sort": null },
              "schema": { "name": "authors" } },
            { "collection": "directus_sync_id_map",
              "meta": null,
              "schema": { "name": "directus_sync_id_map" } }
          ],
          "fields": [
            { "collection": "articles", "field": "author", "type": "integer",
              "meta": { "collection": "articles", "conditions": null, "display": "related-values",
                        "display_options": { "template": "{{name}}" }, "field": "author", "group": null,
                        "hidden": false, "interface": "select-dropdown-m2o", "note": null, "options": null,
                        "readonly": false, "required": false, "searchable": true, "sort": 7, "special": [ "m2o" ],
                        "translations": null, "validation": null, "validation_message": null, "width": "full" },
              "schema": { "name": "author", "table": "articles", "data_type": "integer", "default_value": null,
                          "max_length": null, "numeric_precision": null, "numeric_scale": null, "is_nullable": true,
                          "is_unique": false, "is_indexed": false, "is_primary_key": false, "is_generated": false,
                          "generation_expression": null, "has_auto_increment": false,
                          "foreign_key_table": "authors", "foreign_key_column": "id" } },
            { "collection": "articles", "field": "published_at", "type": "timestamp",
              "meta": { "collection": "articles", "field": "published_at", "interface": "datetime", "sort": 5,
                        "options": { "min": "2020-01-01T00:00:00" } },
              "schema": { "name": "published_at", "table": "articles", "data_type": "datetime",
                          "default_value": "2024-01-01 00:00:00", "is_nullable": true } },
            { "collection": "articles", "field": "title", "type": "string",
              "meta": { "collection": "articles", "field": "title", "interface": "input", "sort": 3,
                        "translations": [ { "language": "de-DE", "translation": "Überschrift" } ] },
              "schema": { "name": "title", "table": "articles", "data_type": "varchar", "max_length": 255,
                          "numeric_precision": null, "is_nullable": false } },
            { "collection": "authors", "field": "id", "type": "integer",
              "meta": { "collection": "authors", "field": "id", "hidden": true, "interface": "input", "readonly": true },
              "schema": { "name": "id", "table": "authors", "data_type": "integer", "is_primary_key": true,
                          "has_auto_increment": true, "numeric_precision": 10.0 } },
            { "collection": "directus_sync_id_map", "field": "id", "type": "integer", "meta": null,
              "schema": { "name": "id", "table": "directus_sync_id_map", "is_primary_key": true } },
            { "collection": "directus_sync_id_map", "field": "sync_id", "type": "string", "meta": null,
              "schema": { "name": "sync_id", "table": "directus_sync_id_map" } }
          ],
          "relations": [
            { "collection": "articles", "field": "author", "related_collection": "authors",
              "meta": { "junction_field": null, "many_collection": "articles", "many_field": "author",
                        "one_allowed_collections": null, "one_collection": "authors", "one_collection_field": null,
                        "one_deselect_action": "nullify", "one_field": null, "sort_field": null },
              "schema": { "table": "articles", "column": "author", "foreign_key_table": "authors",
                          "foreign_key_column": "id", "constraint_name": null, "on_update": "NO ACTION",
                          "on_delete": "SET NULL" } },
            { "collection": "directus_sync_id_map", "field": "table", "related_collection": null,
              "meta": null, "schema": null }
          ]
        }
        """,
        "sample snapshot");

    public static JObject WithoutIdMapTable()
    {
        var snapshot = WithIdMapTable();
        foreach (var list in new[] { "collections", "fields", "relations" })
        {
            foreach (var item in ((JArray)snapshot[list]!).Where(i => (string?)i["collection"] == SnapshotStore.IdMapTable).ToList())
            {
                item.Remove();
            }
        }

        return snapshot;
    }

    public static JObject Minimal(JArray? collections = null, JArray? fields = null, JArray? relations = null) => new()
    {
        ["version"] = 1,
        ["directus"] = "11.17.4",
        ["vendor"] = "sqlite",
        ["collections"] = collections ?? [],
        ["fields"] = fields ?? [],
        ["relations"] = relations ?? [],
    };

    public static JObject Collection(string name) => new() { ["collection"] = name, ["meta"] = null, ["schema"] = new JObject { ["name"] = name } };

    public static JObject Field(string collection, string field) => new() { ["collection"] = collection, ["field"] = field, ["type"] = "string" };

    public static JObject Relation(string collection, string field) => new() { ["collection"] = collection, ["field"] = field, ["related_collection"] = null };
}
