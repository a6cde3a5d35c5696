import { StatusError, type ResourceType } from '../types.js';

type Res = Pick<ResourceType, 'group' | 'plural'>;

/** "deployments.apps" / "pods": the qualified resource apimachinery's errors name. */
export function qualified(t: Res): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

/** "Deployment.apps" / "Pod": the qualified kind NewInvalid names. */
export function qualifiedKind(t: Pick<ResourceType, 'group' | 'kind'>): string {
  return t.group ? `${t.kind}.${t.group}` : t.kind;
}

export function notFound(t: Res, name: string): StatusError {
  return new StatusError(404, 'NotFound', `${qualified(t)} "${name}" not found`, {
    name,
    group: t.group || undefined,
    kind: t.plural,
  });
}

export function alreadyExists(t: Res, name: string): StatusError {
  return new StatusError(409, 'AlreadyExists', `${qualified(t)} "${name}" already exists`, {
    name,
    group: t.group || undefined,
    kind: t.plural,
  });
}

export function conflict(
  t: Res,
  name: string,
  why = 'the object has been modified; please apply your changes to the latest version and try again',
): StatusError {
  return new StatusError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified(t)} "${name}": ${why}`,
    {
      name,
      group: t.group || undefined,
      kind: t.plural,
    },
  );
}

export function forbidden(t: Res, name: string, why: string): StatusError {
  return new StatusError(403, 'Forbidden', `${qualified(t)} "${name}" is forbidden: ${why}`, {
    name,
    group: t.group || undefined,
    kind: t.plural,
  });
}

/** NamespaceLifecycle admission's refusal, with its NamespaceTerminating cause. */
export function namespaceTerminating(t: Res, name: string, ns: string): StatusError {
  const err = forbidden(
    t,
    name,
    `unable to create new content in namespace ${ns} because it is being terminated`,
  );
  return new StatusError(err.code, err.reason, err.message, {
    ...err.details,
    causes: [
      {
        reason: 'NamespaceTerminating',
        message: `namespace ${ns} is being terminated`,
        field: 'metadata.namespace',
      },
    ],
  });
}

export interface FieldError {
  reason:
    | 'FieldValueInvalid'
    | 'FieldValueRequired'
    | 'FieldValueNotSupported'
    | 'FieldValueForbidden'
    | 'FieldValueDuplicate'
    | 'FieldValueTooLong';
  field: string;
  message: string;
}

/** 422 Invalid aggregating field errors the way NewInvalid formats them. */
export function invalid(
  t: Pick<ResourceType, 'group' | 'kind'>,
  name: string,
  errs: FieldError[],
): StatusError {
  const parts = errs.map((e) => `${e.field}: ${e.message}`);
  const summary = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return new StatusError(422, 'Invalid', `${qualifiedKind(t)} "${name}" is invalid: ${summary}`, {
    name,
    group: t.group || undefined,
    kind: t.kind,
    causes: errs.map((e) => ({ reason: e.reason, message: e.message, field: e.field })),
  });
}
