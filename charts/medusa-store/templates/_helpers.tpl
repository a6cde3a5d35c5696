{{/* Namespace of the store: store-<slug>. */}}
{{- define "medusa.namespace" -}}
{{- required "store.slug is required" .Values.store.slug | printf "store-%s" -}}
{{- end -}}

{{/* app.kubernetes.io/name per component (MEDUSA_APP_NAME). */}}
{{- define "medusa.appName" -}}
{{- get (dict "store" "medusa-store" "postgres" "postgres" "redis" "redis" "server" "medusa" "storefront" "medusa-storefront" "setup" "medusa") . -}}
{{- end -}}

{{/* Common labels. Call with (dict "root" $ "component" "<component>"). */}}
{{- define "medusa.labels" -}}
app.kubernetes.io/managed-by: storedeck
storedeck.dev/store-id: {{ required "store.id is required" .root.Values.store.id | quote }}
storedeck.dev/plan: medusa
app.kubernetes.io/name: {{ include "medusa.appName" .component }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: medusa
app.kubernetes.io/instance: {{ .root.Values.store.slug }}
{{- end -}}

{{/* Stable pod selector. Call with the component. */}}
{{- define "medusa.selector" -}}
app.kubernetes.io/name: {{ include "medusa.appName" . }}
app.kubernetes.io/component: {{ . }}
{{- end -}}

{{/* metadata of a namespaced object. Call with (dict "root" $ "name" "<name>" "component" "<component>"). */}}
{{- define "medusa.metadata" -}}
name: {{ .name }}
namespace: {{ include "medusa.namespace" .root }}
labels:
  {{- include "medusa.labels" . | nindent 2 }}
{{- end -}}

{{/* Image with the optional registry prefix. Call with (list $ "<image>"). */}}
{{- define "medusa.image" -}}
{{- $root := index . 0 -}}
{{- with trimSuffix "/" $root.Values.imageRegistry -}}{{ . }}/{{- end -}}{{ index . 1 }}
{{- end -}}

{{/* The store URL as the browser reaches it. */}}
{{- define "medusa.storeUrl" -}}
{{- .Values.store.url | default (printf "http://%s" (required "store.host is required" .Values.store.host)) -}}
{{- end -}}

{{/* A secret value: the given one, else the one already in the cluster, else a fresh random one. */}}
{{- define "medusa.secretValue" -}}
{{- $root := index . 0 -}}
{{- $secret := index . 1 -}}
{{- $key := index . 2 -}}
{{- $existing := lookup "v1" "Secret" (include "medusa.namespace" $root) $secret -}}
{{- if index . 3 -}}
{{- index . 3 | b64enc -}}
{{- else if and $existing (index ($existing.data | default dict) $key) -}}
{{- index $existing.data $key -}}
{{- else -}}
{{- randAlphaNum (index . 4) | b64enc -}}
{{- end -}}
{{- end -}}

{{/* Pod securityContext for an image's non-root uid/gid (call with the uid). */}}
{{- define "medusa.podSecurity" -}}
runAsUser: {{ . }}
runAsGroup: {{ . }}
fsGroup: {{ . }}
fsGroupChangePolicy: OnRootMismatch
runAsNonRoot: true
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Container securityContext of every store container: no capabilities, no escalation. */}}
{{- define "medusa.containerSecurity" -}}
allowPrivilegeEscalation: false
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Pod spec fields every store pod shares. */}}
{{- define "medusa.podBasics" -}}
enableServiceLinks: false
automountServiceAccountToken: false
{{- end -}}

{{/* A secretKeyRef env var. Call with (list "<VAR>" "<secret>" "<key>"). */}}
{{- define "medusa.fromSecret" -}}
- name: {{ index . 0 }}
  valueFrom:
    secretKeyRef:
      name: {{ index . 1 }}
      key: {{ index . 2 }}
{{- end -}}

{{/* Node tooling writes caches under HOME; /tmp is an emptyDir (NODE_TOOLING_ENV). */}}
{{- define "medusa.toolingEnv" -}}
- name: HOME
  value: /tmp
- name: npm_config_cache
  value: /tmp/npm-cache
- name: npm_config_update_notifier
  value: "false"
- name: MEDUSA_DISABLE_TELEMETRY
  value: "true"
{{- end -}}

{{/* The environment of the server, its init containers and the Jobs (medusaEnv). */}}
{{- define "medusa.env" -}}
{{ include "medusa.toolingEnv" . }}
- name: NODE_ENV
  value: production
- name: APP_DIR
  value: /app
{{ include "medusa.fromSecret" (list "POSTGRES_PASSWORD" "postgres-credentials" "postgres-password") }}
- name: POSTGRES_HOST
  value: postgres
- name: POSTGRES_PORT
  value: "5432"
- name: DATABASE_URL
  value: postgres://medusa:$(POSTGRES_PASSWORD)@postgres:5432/medusa
- name: REDIS_URL
  value: redis://redis:6379
{{ include "medusa.fromSecret" (list "JWT_SECRET" "medusa-secrets" "jwt-secret") }}
{{ include "medusa.fromSecret" (list "COOKIE_SECRET" "medusa-secrets" "cookie-secret") }}
- name: STORE_URL
  value: {{ include "medusa.storeUrl" . | quote }}
{{- end -}}

{{/* The admin user the setup and password-reset Jobs apply (adminEnv). */}}
{{- define "medusa.adminEnv" -}}
- name: ADMIN_EMAIL
  value: {{ required "store.adminEmail is required" .Values.store.adminEmail | quote }}
{{ include "medusa.fromSecret" (list "ADMIN_PASSWORD" "medusa-secrets" "admin-password") }}
{{- end -}}

{{/* The template files, keyed by their path in the template (files/app is the engine's template). */}}
{{- define "medusa.templateFiles" -}}
{{- $files := dict -}}
{{- range $path, $_ := .Files.Glob "files/app/**" -}}
{{- $_ := set $files (trimPrefix "files/app/" $path) ($.Files.Get $path) -}}
{{- end -}}
{{- toJson $files -}}
{{- end -}}

{{/* The template ConfigMap volume for one part: storefront (its files and bin/) or server (the rest). */}}
{{- define "medusa.templateVolume" -}}
{{- $root := index . 0 -}}
{{- $part := index . 1 -}}
- name: template
  configMap:
    name: medusa-template
    items:
      {{- range $path, $_ := include "medusa.templateFiles" $root | fromJson }}
      {{- $storefront := or (hasPrefix "storefront/" $path) (hasPrefix "bin/" $path) }}
      {{- if or (and (eq $part "storefront") $storefront) (and (eq $part "server") (not (hasPrefix "storefront/" $path))) }}
      - key: {{ $path | replace "/" "__" }}
        path: {{ $path }}
      {{- end }}
      {{- end }}
{{- end -}}

{{/* TEMPLATE_HASH: a new template version rolls the pods (and re-runs the install). */}}
{{- define "medusa.templateHash" -}}
{{- $entries := list -}}
{{- range $path, $text := include "medusa.templateFiles" . | fromJson -}}
{{- $entries = append $entries (list $path $text) -}}
{{- end -}}
{{- toRawJson $entries | sha256sum | trunc 16 -}}
{{- end -}}

{{/* Mounts of the server, its init containers and the Jobs. */}}
{{- define "medusa.appMounts" -}}
- name: template
  mountPath: /template
  readOnly: true
- name: app
  mountPath: /app
- name: tmp
  mountPath: /tmp
{{- end -}}
