import { DemoEntity } from '../DemoEntity';

function component(
  name: string,
  type: string,
  owner: string,
  lifecycle = 'production',
): DemoEntity {
  return { entityRef: `component:default/${name}`, type, owner, lifecycle };
}

/**
 * A 35-component catalog of an online shop, spread over the demo teams the
 * way the example catalog is: services, websites, libraries and one ML
 * pipeline, including an experimental and a deprecated component.
 */
export const ecommerceCatalog: DemoEntity[] = [
  component('api-gateway', 'service', 'platform'),
  component('identity-service', 'service', 'platform'),
  component('feature-flag-service', 'service', 'platform'),
  component('platform-cli', 'library', 'platform'),
  component('observability-sdk', 'library', 'platform'),

  component('payments-api', 'service', 'payments'),
  component('fraud-detection', 'service', 'payments'),
  component('payment-provider-adapter', 'service', 'payments'),
  component('payments-sdk', 'library', 'payments'),

  component('checkout-api', 'service', 'checkout'),
  component('cart-service', 'service', 'checkout'),
  component('order-service', 'service', 'checkout'),
  component('checkout-web', 'website', 'checkout'),

  component('search-api', 'service', 'search'),
  component('search-indexer', 'service', 'search'),
  component('autocomplete-service', 'service', 'search', 'experimental'),

  component('storefront-web', 'website', 'web-experience'),
  component('mobile-bff', 'service', 'web-experience'),
  component('design-system', 'library', 'web-experience'),
  component('product-catalog-service', 'service', 'web-experience'),
  component('cms-web', 'website', 'web-experience'),

  component('ml-pipeline', 'ml-pipeline', 'ml-platform'),
  component('recommendation-service', 'service', 'ml-platform'),
  component('feature-store', 'service', 'ml-platform'),
  component('ml-commons', 'library', 'ml-platform'),

  component('event-collector', 'service', 'analytics'),
  component('data-warehouse-loader', 'service', 'analytics'),
  component('reporting-dashboard', 'website', 'analytics'),

  component('billing-monolith', 'service', 'billing-legacy'),
  component('invoice-generator', 'service', 'billing-legacy'),
  component('legacy-tax-calculator', 'service', 'billing-legacy', 'deprecated'),

  component('support-portal', 'website', 'customer-support'),
  component('notification-service', 'service', 'customer-support'),

  component('inventory-service', 'service', 'inventory'),
  component('warehouse-sync', 'service', 'inventory'),
];
