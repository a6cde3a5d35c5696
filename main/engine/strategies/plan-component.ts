// A running part of a store: what health, logs and restarts name. Each plan lists its own in
// strategies/<plan>/<plan>-components.ts; plan-components.ts gathers them for the contract.

export interface PlanComponent {
  /** Its pods' app.kubernetes.io/component label, e.g. "wordpress". */
  readonly name: string;
  /** Its plain name, e.g. "WordPress". */
  readonly label: string;
  /** What a restart means for the shop, e.g. "the web server; the shop is briefly down". */
  readonly restartHint: string;
  /** The workload a restart rolls. */
  readonly workload: { readonly kind: 'Deployment' | 'StatefulSet'; readonly name: string };
}

/** What a restart of everything is called: every component. */
export const ALL_COMPONENTS = 'all';
