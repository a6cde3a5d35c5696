// Metadata every namespaced object of a WooCommerce store gets: fixed name, the store's
// namespace and the common labels.
import { planLabels } from '../plan-labels';
import { APP_NAME, PLAN } from './woocommerce-facts';

export const WOOCOMMERCE_LABELS = planLabels(PLAN, APP_NAME);
const woocommerce = WOOCOMMERCE_LABELS;

export const labelsFor = woocommerce.labels;
export const podSelector = woocommerce.selector;
export const objectMeta = woocommerce.meta;
