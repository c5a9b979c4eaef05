-- Storefront caches in every web instance drop a product when its rows change: each change
-- to the catalog (or to an organization) sends a notification on `souk_catalog` with what
-- to drop. Identical notifications in one transaction are delivered once, so replacing a
-- product's options sends one message, not one per row. Sent on commit only.

CREATE OR REPLACE FUNCTION souk_notify_catalog_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  r record;
  slugs jsonb;
  payload jsonb;
  product_id uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_TABLE_NAME = 'organizations' THEN
    payload := jsonb_build_object('org', r.id, 'organization', true);
  ELSIF TG_TABLE_NAME = 'products' THEN
    IF TG_OP = 'UPDATE' THEN slugs := jsonb_build_array(OLD.slug, NEW.slug);
    ELSE slugs := jsonb_build_array(r.slug); END IF;
    payload := jsonb_build_object('org', r."orgId", 'product', r.id, 'slugs', slugs);
  ELSIF TG_TABLE_NAME = 'product_options' THEN
    SELECT g."productId" INTO product_id FROM product_option_groups g WHERE g.id = r."groupId";
    -- The group is already gone when a product's delete cascades: drop the org's entries.
    payload := CASE WHEN product_id IS NULL THEN jsonb_build_object('org', r."orgId")
                    ELSE jsonb_build_object('org', r."orgId", 'product', product_id) END;
  ELSE
    payload := jsonb_build_object('org', r."orgId", 'product', r."productId");
  END IF;
  PERFORM pg_notify('souk_catalog', payload::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER products_notify_change AFTER INSERT OR UPDATE OR DELETE ON products
  FOR EACH ROW EXECUTE FUNCTION souk_notify_catalog_change();
CREATE TRIGGER product_option_groups_notify_change AFTER INSERT OR UPDATE OR DELETE ON product_option_groups
  FOR EACH ROW EXECUTE FUNCTION souk_notify_catalog_change();
CREATE TRIGGER product_options_notify_change AFTER INSERT OR UPDATE OR DELETE ON product_options
  FOR EACH ROW EXECUTE FUNCTION souk_notify_catalog_change();
CREATE TRIGGER product_add_ons_notify_change AFTER INSERT OR UPDATE OR DELETE ON product_add_ons
  FOR EACH ROW EXECUTE FUNCTION souk_notify_catalog_change();
CREATE TRIGGER product_custom_fields_notify_change AFTER INSERT OR UPDATE OR DELETE ON product_custom_fields
  FOR EACH ROW EXECUTE FUNCTION souk_notify_catalog_change();
CREATE TRIGGER product_subscription_plans_notify_change AFTER INSERT OR UPDATE OR DELETE ON product_subscription_plans
  FOR EACH ROW EXECUTE FUNCTION souk_notify_catalog_change();
CREATE TRIGGER organizations_notify_change AFTER UPDATE OF slug, name OR DELETE ON organizations
  FOR EACH ROW EXECUTE FUNCTION souk_notify_catalog_change();
