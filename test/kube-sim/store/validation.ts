import { compareQuantity, parseQuantity } from '../controllers/quantity.js';
import type { KubeObject, ResourceType } from '../types.js';
import { deepEqual } from './deep.js';
import { invalid, type FieldError } from './errors.js';

// Messages are apimachinery's (k8s.io/apimachinery/pkg/util/validation), so clients see real text.
const SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_RE = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE_RE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME_RE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const q = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));
const bad = (field: string, value: unknown, detail: string): FieldError => ({
  reason: 'FieldValueInvalid',
  field,
  message: `Invalid value: ${q(value)}: ${detail}`,
});
const required = (field: string, detail = ''): FieldError => ({
  reason: 'FieldValueRequired',
  field,
  message: detail ? `Required value: ${detail}` : 'Required value',
});
const immutable = (field: string, value: unknown): FieldError => bad(field, value, 'field is immutable');

type NameRule = 'subdomain' | 'label' | 'dns1035' | 'path';

/** path.IsValidPathSegmentName: RBAC objects may be named `system:discovery`. */
function pathSegmentErrors(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

function nameErrors(name: string, rule: NameRule): string[] {
  if (rule === 'path') return pathSegmentErrors(name);
  const max = rule === 'subdomain' ? 253 : 63;
  const re = rule === 'subdomain' ? SUBDOMAIN_RE : rule === 'label' ? LABEL_RE : DNS1035_RE;
  const msg = rule === 'subdomain' ? SUBDOMAIN_MSG : rule === 'label' ? LABEL_MSG : DNS1035_MSG;
  const errs: string[] = [];
  if (name.length > max) errs.push(`must be no more than ${max} characters`);
  if (!re.test(name)) errs.push(msg);
  return errs;
}

function nameRule(t: ResourceType): NameRule {
  if (t.group === 'rbac.authorization.k8s.io') return 'path';
  if (t.plural === 'namespaces') return 'label';
  if (t.plural === 'services') return 'dns1035';
  return 'subdomain';
}

function labelErrors(labels: Record<string, string> | undefined): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    const namePart = k.includes('/') ? k.slice(k.indexOf('/') + 1) : k;
    if (!QUALIFIED_NAME_RE.test(namePart) || namePart.length > 63) {
      errs.push(
        bad(
          'metadata.labels',
          k,
          "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        ),
      );
    }
    if (typeof v !== 'string' || !LABEL_VALUE_RE.test(v))
      errs.push(bad('metadata.labels', v, LABEL_VALUE_MSG));
    else if (v.length > 63) errs.push(bad('metadata.labels', v, 'must be no more than 63 characters'));
  }
  return errs;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function podSpecErrors(spec: any, path: string): FieldError[] {
  if (!spec) return [required(path)];
  const containers = spec.containers as unknown[] | undefined;
  if (!Array.isArray(containers) || containers.length === 0) return [required(`${path}.containers`)];
  const errs: FieldError[] = [];
  containers.forEach((c, i) => {
    const cc = c as { name?: string; image?: string };
    const p = `${path}.containers[${i}]`;
    if (!cc.name) errs.push(required(`${p}.name`));
    else for (const m of nameErrors(cc.name, 'label')) errs.push(bad(`${p}.name`, cc.name, m));
    if (!cc.image) errs.push(required(`${p}.image`));
  });
  return errs;
}

function selectorMatches(
  selector: { matchLabels?: Record<string, string> } | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  return Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v);
}

function specErrors(t: ResourceType, obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const spec = obj.spec;
  const errs: FieldError[] = [];
  switch (t.plural) {
    case 'deployments': {
      if (!spec?.selector) errs.push(required('spec.selector'));
      else if (
        !Object.keys(spec.selector.matchLabels ?? {}).length &&
        !(spec.selector.matchExpressions ?? []).length
      ) {
        errs.push(bad('spec.selector', spec.selector, 'empty selector is invalid for deployment'));
      }
      if (!spec?.template) errs.push(required('spec.template'));
      else {
        if (spec.selector && !selectorMatches(spec.selector, spec.template.metadata?.labels)) {
          errs.push(
            bad(
              'spec.template.metadata.labels',
              spec.template.metadata?.labels ?? {},
              '`selector` does not match template `labels`',
            ),
          );
        }
        errs.push(...podSpecErrors(spec.template.spec, 'spec.template.spec'));
      }
      if (old && spec?.selector && !deepEqual(spec.selector, old.spec?.selector))
        errs.push(immutable('spec.selector', spec.selector));
      // ValidateDeploymentStrategy: a Recreate Deployment may not keep a rollingUpdate block.
      if (spec?.strategy?.type === 'Recreate' && spec.strategy.rollingUpdate != null)
        errs.push({
          reason: 'FieldValueForbidden',
          field: 'spec.strategy.rollingUpdate',
          message: "Forbidden: may not be specified when strategy `type` is 'Recreate'",
        });
      break;
    }
    case 'jobs': {
      if (!spec?.template) {
        errs.push(required('spec.template'));
        break;
      }
      errs.push(...podSpecErrors(spec.template.spec, 'spec.template.spec'));
      const policy = spec.template.spec?.restartPolicy;
      if (policy !== 'OnFailure' && policy !== 'Never') {
        errs.push({
          reason: 'FieldValueNotSupported',
          field: 'spec.template.spec.restartPolicy',
          message: `Unsupported value: ${q(policy)}: supported values: "OnFailure", "Never"`,
        });
      }
      if (old && !deepEqual(spec.template, old.spec?.template))
        errs.push(immutable('spec.template', spec.template));
      break;
    }
    case 'pods':
      errs.push(...podSpecErrors(spec, 'spec'));
      break;
    case 'services': {
      const ports = (spec?.ports ?? []) as Array<{ port?: number; name?: string }>;
      if (spec?.type !== 'ExternalName' && spec?.clusterIP !== 'None' && ports.length === 0)
        errs.push(required('spec.ports'));
      ports.forEach((p, i) => {
        if (!p.port || p.port < 1 || p.port > 65535)
          errs.push(bad(`spec.ports[${i}].port`, p.port ?? 0, 'must be between 1 and 65535, inclusive'));
        if (ports.length > 1 && !p.name) errs.push(required(`spec.ports[${i}].name`));
      });
      if (old?.spec?.clusterIP && spec?.clusterIP !== old.spec.clusterIP)
        errs.push(immutable('spec.clusterIPs[0]', spec?.clusterIP ?? ''));
      break;
    }
    case 'persistentvolumeclaims': {
      if (!spec?.accessModes?.length)
        errs.push(required('spec.accessModes', 'at least 1 access mode is required'));
      if (!spec?.resources?.requests?.storage) errs.push(required('spec.resources[storage]'));
      if (old) {
        // Only a bound claim's requests may change (ValidatePersistentVolumeClaimUpdate), and with
        // RecoverVolumeExpansionFailure (on since 1.32) never to or below its capacity.
        const bound = old.status?.phase === 'Bound';
        const strip = (s: Record<string, unknown> | undefined): unknown => ({
          ...(s ?? {}),
          resources: bound ? undefined : (s?.resources as unknown),
          volumeName: undefined,
        });
        const wanted = spec?.resources?.requests?.storage;
        const before = old.spec?.resources?.requests?.storage;
        const capacity = old.status?.capacity?.storage;
        if (bound && wanted && before && capacity) {
          const q = (v: unknown) => parseQuantity(String(v));
          if (compareQuantity(q(wanted), q(before)) < 0 && compareQuantity(q(wanted), q(capacity)) <= 0)
            errs.push({
              reason: 'FieldValueForbidden',
              field: 'spec.resources.requests.storage',
              message: 'Forbidden: field can not be less than status.capacity',
            });
        }
        if (!deepEqual(strip(spec), strip(old.spec))) {
          errs.push({
            reason: 'FieldValueForbidden',
            field: 'spec',
            message:
              'Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
          });
        }
      }
      break;
    }
    case 'ingresses':
      (spec?.rules ?? []).forEach((r: { http?: { paths?: Array<{ pathType?: string }> } }, i: number) =>
        (r.http?.paths ?? []).forEach((p, j) => {
          if (!p.pathType)
            errs.push(required(`spec.rules[${i}].http.paths[${j}].pathType`, 'pathType must be specified'));
        }),
      );
      break;
    case 'storageclasses':
      if (!obj.provisioner) errs.push(required('provisioner'));
      break;
    case 'rolebindings':
    case 'clusterrolebindings': {
      const ref = (obj.roleRef ?? {}) as { apiGroup?: string; kind?: string; name?: string };
      if (!ref.name) errs.push(required('roleRef.name'));
      if (
        t.plural === 'rolebindings'
          ? !['Role', 'ClusterRole'].includes(ref.kind ?? '')
          : ref.kind !== 'ClusterRole'
      )
        errs.push({
          reason: 'FieldValueNotSupported',
          field: 'roleRef.kind',
          message: `Unsupported value: "${ref.kind ?? ''}": supported values: ${t.plural === 'rolebindings' ? '"Role", "ClusterRole"' : '"ClusterRole"'}`,
        });
      const was = old?.roleRef as typeof ref | undefined;
      if (
        was &&
        (was.kind !== ref.kind || was.name !== ref.name || (was.apiGroup ?? '') !== (ref.apiGroup ?? ''))
      )
        errs.push({
          reason: 'FieldValueInvalid',
          field: 'roleRef',
          message: `Invalid value: rbac.RoleRef{APIGroup:"${ref.apiGroup ?? ''}", Kind:"${ref.kind ?? ''}", Name:"${ref.name ?? ''}"}: cannot change roleRef`,
        });
      break;
    }
  }
  return errs;
}

/** Throws a 422 Invalid StatusError listing every field error, as the API server's strategy Validate does. */
export function validateObject(t: ResourceType, obj: KubeObject, old: KubeObject | undefined): void {
  const errs: FieldError[] = [];
  const name = obj.metadata?.name ?? '';
  if (!name) errs.push(required('metadata.name', 'name or generateName is required'));
  else for (const m of nameErrors(name, nameRule(t))) errs.push(bad('metadata.name', name, m));
  errs.push(...labelErrors(obj.metadata?.labels));
  errs.push(...specErrors(t, obj, old));
  if (errs.length) throw invalid(t, name, errs);
}
