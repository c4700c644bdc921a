/** Reading errors thrown by the Slack Web API client without depending on its classes. */

/** The Slack error string (`invalid_auth`, `not_allowed`, ...) of a Web API platform error, if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, data } = error as { code?: unknown; data?: { error?: unknown } };
  if (code !== 'slack_webapi_platform_error') return undefined;
  return typeof data?.error === 'string' ? data.error : 'unknown_error';
}

/** Short, log-safe description of a Slack call failure. */
export function describeSlackError(error: unknown): string {
  const code = slackErrorCode(error);
  if (code) return code;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
