{{/* The RBAC subjects: the listed ones, plus the chart's ServiceAccount when it creates one. */}}
{{- define "storedeck-access.subjects" -}}
{{- if and (not .Values.subjects) (not .Values.serviceAccount.create) }}
{{- fail "storedeck-access: set at least one entry in subjects (kind User, Group or ServiceAccount, and name), or serviceAccount.create" }}
{{- end }}
{{- range .Values.subjects }}
- kind: {{ required "each subject needs a kind" .kind }}
  name: {{ required "each subject needs a name" .name | quote }}
  {{- if eq .kind "ServiceAccount" }}
  namespace: {{ required "a ServiceAccount subject needs a namespace" .namespace | quote }}
  {{- else }}
  apiGroup: rbac.authorization.k8s.io
  {{- end }}
{{- end }}
{{- if .Values.serviceAccount.create }}
- kind: ServiceAccount
  name: {{ .Values.serviceAccount.name | quote }}
  namespace: {{ .Release.Namespace | quote }}
{{- end }}
{{- end }}

{{/* The usernames and groups the admission policy confines, as CEL list literals. */}}
{{- define "storedeck-access.usernames" -}}
{{- $names := list -}}
{{- range .Values.subjects }}
{{- if eq .kind "User" }}{{ $names = append $names .name }}{{ end }}
{{- if eq .kind "ServiceAccount" }}{{ $names = append $names (printf "system:serviceaccount:%s:%s" .namespace .name) }}{{ end }}
{{- end }}
{{- if .Values.serviceAccount.create }}{{ $names = append $names (printf "system:serviceaccount:%s:%s" .Release.Namespace .Values.serviceAccount.name) }}{{ end }}
{{- $quoted := list -}}
{{- range $names }}{{ $quoted = append $quoted (printf "'%s'" .) }}{{ end -}}
[{{ join ", " $quoted }}]
{{- end }}

{{- define "storedeck-access.groups" -}}
{{- $quoted := list -}}
{{- range .Values.subjects }}
{{- if eq .kind "Group" }}{{ $quoted = append $quoted (printf "'%s'" .name) }}{{ end }}
{{- end -}}
[{{ join ", " $quoted }}]
{{- end }}
