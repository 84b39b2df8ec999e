// What a failed share means and what to do about it, per failure reason the gateway reports.

const FAILURES = {
  SERVICENOW_REJECTED: {
    title: 'ServiceNow refused the ticket',
    todo: 'An access rule, data policy or business rule on the instance blocked the record. Ask your ServiceNow '
      + 'administrator to let the integration user create records in this table, then share the action again.',
  },
  CONNECTION_UNAVAILABLE: {
    title: 'ServiceNow is not connected',
    todo: 'The connection has no valid authorization. Open ServiceNow setup, select Authorize and sign in as the '
      + 'integration user, then share the action again.',
  },
  SERVICENOW_UNAVAILABLE: {
    title: 'ServiceNow did not answer',
    todo: 'The instance kept failing or timing out (it may be hibernating, rate limiting or behind IP filtering). '
      + 'Wake the instance or check its IP access control, then share the action again.',
  },
  INVALID_REQUEST: {
    title: 'The ticket could not be built',
    todo: 'Check the name, description, priority and due date, then share the action again.',
  },
};

export function failureGuidance(reason) {
  return FAILURES[reason] ?? {
    title: 'The ticket was not created',
    todo: 'Run the connection check on the ServiceNow setup page, then share the action again.',
  };
}
