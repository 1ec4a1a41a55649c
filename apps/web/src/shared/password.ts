import { checkPassword } from '@linli/contracts';
import i18n from './i18n.ts';

/** The localized reason a new password breaks the policy (≥ 8 chars, 3 of 4 classes), or null. */
export function passwordMessage(pw: string): string | null {
  const problem = checkPassword(pw);
  return problem ? i18n.t(`validation.${problem}`) : null;
}

/** A form rule (antd and antd-mobile share rc-field-form's rule shape) enforcing the password policy. */
export const passwordRule = {
  validator: async (_rule: unknown, value: unknown) => {
    const msg = passwordMessage(typeof value === 'string' ? value : '');
    if (msg) throw new Error(msg);
  },
};
