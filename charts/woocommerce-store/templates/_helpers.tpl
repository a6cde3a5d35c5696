{{/* Namespace of the store: store-<slug>. */}}
{{- define "store.namespace" -}}
{{- required "store.slug is required" .Values.store.slug | printf "store-%s" -}}
{{- end -}}

{{/* Common labels. Call with (dict "root" $ "name" "<app name>" "component" "<component>"). */}}
{{- define "store.labels" -}}
app.kubernetes.io/managed-by: storedeck
storedeck.dev/store-id: {{ required "store.id is required" .root.Values.store.id | quote }}
storedeck.dev/plan: woocommerce
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: woocommerce
app.kubernetes.io/instance: {{ .root.Values.store.slug }}
{{- end -}}

{{/* metadata for a namespaced object. Call with (dict "root" $ "objectName" "<name>" "name" ... "component" ...). */}}
{{- define "store.metadata" -}}
name: {{ .objectName }}
namespace: {{ include "store.namespace" .root }}
labels:
  {{- include "store.labels" . | nindent 2 }}
{{- end -}}

{{/* Image with the optional registry prefix. Call with (list $ "<image>"). */}}
{{- define "store.image" -}}
{{- $root := index . 0 -}}
{{- $image := index . 1 -}}
{{- with trimSuffix "/" $root.Values.imageRegistry -}}{{ . }}/{{- end -}}{{ $image }}
{{- end -}}

{{/* A secret value: the given one, else the one already in the cluster, else a fresh random one. */}}
{{- define "store.secretValue" -}}
{{- $root := index . 0 -}}
{{- $secret := index . 1 -}}
{{- $key := index . 2 -}}
{{- $given := index . 3 -}}
{{- $length := index . 4 -}}
{{- $existing := lookup "v1" "Secret" (include "store.namespace" $root) $secret -}}
{{- if $given -}}
{{- $given | b64enc -}}
{{- else if and $existing (index ($existing.data | default dict) $key) -}}
{{- index $existing.data $key -}}
{{- else -}}
{{- randAlphaNum $length | b64enc -}}
{{- end -}}
{{- end -}}

{{/* env of the official image's wp-config.php: database and the 8 keys/salts. */}}
{{- define "store.wordpressConfigEnv" -}}
- name: WORDPRESS_DB_HOST
  value: mysql
- name: WORDPRESS_DB_USER
  value: wordpress
- name: WORDPRESS_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: mysql-credentials
      key: mysql-password
- name: WORDPRESS_DB_NAME
  value: wordpress
{{- range list "auth-key" "secure-auth-key" "logged-in-key" "nonce-key" "auth-salt" "secure-auth-salt" "logged-in-salt" "nonce-salt" }}
- name: WORDPRESS_{{ . | upper | replace "-" "_" }}
  valueFrom:
    secretKeyRef:
      name: wordpress-secrets
      key: {{ . }}
{{- end }}
{{- end -}}

{{/* Pod securityContext for an image running as a non-root uid/gid (call with the uid). */}}
{{- define "store.podSecurity" -}}
runAsUser: {{ . }}
runAsGroup: {{ . }}
runAsNonRoot: true
fsGroup: {{ . }}
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Container securityContext of every store container: no capabilities, no escalation. */}}
{{- define "store.containerSecurity" -}}
allowPrivilegeEscalation: false
capabilities:
  drop: [ALL]
{{- end -}}

{{/* The PHP ini mount and volume (files/php.ini, the engine's PHP_INI verbatim). */}}
{{- define "store.phpIniMount" -}}
- name: php-ini
  mountPath: /usr/local/etc/php/conf.d/zz-storedeck.ini
  subPath: storedeck.ini
  readOnly: true
{{- end -}}
{{- define "store.phpIniVolume" -}}
- name: php-ini
  configMap:
    name: php-config
{{- end -}}
