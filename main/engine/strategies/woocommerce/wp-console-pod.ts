// The WP-CLI console's pod: the setup Job's WP-CLI container, idling so that commands can be
// exec'd into it one after another (the Apache WordPress image has no wp). Pinned next to the
// WordPress pod like the jobs (ReadWriteOnce volume); the engine deletes it when the console
// goes idle, and activeDeadlineSeconds ends it even if the app never comes back.
import type { KubeObject } from '../../../kube/kube-object';
import { COMPONENT } from './woocommerce-facts';
import type { StoreContext } from '../strategy';
import { wpCliPodSpec } from './jobs';
import { objectMeta } from './object-meta';

export const WP_CONSOLE_POD = 'wp-console';
export const WP_CONSOLE_CONTAINER = 'wp-cli';
/** The longest a console pod lives, whatever happens to the app that made it. */
const WP_CONSOLE_MAX_SECONDS = 3600;

export function buildWpConsolePod(ctx: StoreContext, nodeName: string | null): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: objectMeta(ctx, WP_CONSOLE_POD, COMPONENT.wpConsole),
    spec: {
      // Always: an idle console that ends early comes back; the deadline still ends it for good.
      restartPolicy: 'Always',
      activeDeadlineSeconds: WP_CONSOLE_MAX_SECONDS,
      ...wpCliPodSpec(ctx, nodeName, ['sleep', String(WP_CONSOLE_MAX_SECONDS)], []),
    },
  };
}
