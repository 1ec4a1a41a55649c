/**
 * Stable hooks for the browser tests (see TESTIDS.md). Spread on elements and antd prop objects:
 * `<Button {...tid('login-submit')}>`, `okButtonProps={tid('review-approve-confirm')}`.
 */
export const tid = (id: string): Record<string, string> => ({ 'data-testid': id });
