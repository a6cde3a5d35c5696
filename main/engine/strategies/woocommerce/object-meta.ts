// Metadata every namespaced object of a WooCommerce store gets: fixed name, the store's
// namespace and the common labels.
import { planLabels } from '../plan-labels';
import { APP_NAME, PLAN } from './woocommerce-facts';

const woocommerce = planLabels(PLAN, APP_NAME);

export const labelsFor = woocommerce.labels;
export const podSelector = woocommerce.selector;
export const objectMeta = woocommerce.meta;
