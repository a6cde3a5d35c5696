// The apiserver's checks on a watch's list options that concern streaming lists (apimachinery's
// ValidateListOptions for watch=true): sendInitialEvents needs resourceVersionMatch=NotOlderThan
// and bookmarks (its end is a BOOKMARK), and resourceVersionMatch on a watch needs
// sendInitialEvents. Refused as 422 Invalid before the stream starts, as the real server does.
import { invalid, type FieldError } from '../store/errors.js';
import type { StatusError } from '../types.js';

const LIST_OPTIONS = { group: 'meta.k8s.io', kind: 'ListOptions' };

export function watchOptionsError(params: URLSearchParams): StatusError | null {
  const sendInitialEvents = params.get('sendInitialEvents');
  const match = params.get('resourceVersionMatch') ?? '';
  const bookmarks = params.get('allowWatchBookmarks') === 'true';
  const errs: FieldError[] = [];
  if (sendInitialEvents !== null) {
    if (match !== 'NotOlderThan')
      errs.push({
        reason: 'FieldValueForbidden',
        field: 'resourceVersionMatch',
        message: 'Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan',
      });
    if (sendInitialEvents === 'true' && !bookmarks)
      errs.push({
        reason: 'FieldValueForbidden',
        field: 'allowWatchBookmarks',
        message: 'Forbidden: allowWatchBookmarks must be set to true when sendInitialEvents is set',
      });
  } else if (match) {
    errs.push({
      reason: 'FieldValueForbidden',
      field: 'resourceVersionMatch',
      message: 'Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided',
    });
  }
  return errs.length > 0 ? invalid(LIST_OPTIONS, '', errs) : null;
}
