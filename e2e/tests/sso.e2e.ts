import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT, type LocalProvider, startProvider } from '../../apps/server/test/oidc-helpers.ts';
import { DESKTOP, type Harness, newPage, PHONE, shot, startHarness } from '../support/linli.ts';

// Single sign-on in a real browser: the console's sign-in page shows 政务统一身份认证登录 when SSO is
// configured; the button goes to the (local) identity provider and back, signed in; an account the
// provider knows but Linli does not comes back to the sign-in page with an explanation.

let h: Harness;
let idp: LocalProvider;
beforeAll(async () => {
  h = await startHarness();
  const callback = `${h.base}/api/auth/oidc/callback`;
  idp = await startProvider([callback]);
  h.app.platform.config.oidc = {
    issuer: idp.issuer,
    clientId: CLIENT.id,
    clientSecret: CLIENT.secret,
    redirectUrl: callback,
    scopes: 'openid profile phone',
    label: null,
  };
});
afterAll(async () => {
  await h?.close();
  await idp?.close();
});

describe('single sign-on', () => {
  it('the console signs a cadre in through the identity provider; an unlinked account is told why', async () => {
    idp.accounts.set('gov-1001', { name: '孙丽', phone_number: '+86 13800000003', phone_number_verified: true });
    idp.signInAs = 'gov-1001';
    const { page } = await newPage(h, DESKTOP);
    await page.goto(`${h.base}/console/login`);
    const button = page.getByTestId('sso-login');
    await button.waitFor();
    expect(await button.textContent()).toContain('政务统一身份认证登录');
    await shot(page, 'sso-login-desktop');
    await button.click();
    await page.getByTestId('node-switcher').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/console\/(?!login)/);
    await page.getByText('孙丽').first().waitFor();
    await shot(page, 'sso-signed-in-desktop');

    // Someone the provider knows but Linli does not.
    idp.accounts.set('gov-9001', { name: '陌生人', phone_number: '13999999999', phone_number_verified: true });
    idp.signInAs = 'gov-9001';
    const phone = await newPage(h, PHONE);
    await phone.page.goto(`${h.base}/console/login`);
    await phone.page.getByTestId('sso-login').click();
    const error = phone.page.getByTestId('sso-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('未关联本系统账号');
    expect(phone.page.url()).toContain('sso_error=sso_unknown_account');
    await shot(phone.page, 'sso-refused-phone');
  });

  it('a district admin links an external account on the developer page; it then signs in as that cadre', async () => {
    const { page } = await newPage(h, DESKTOP);
    await page.goto(`${h.base}/console/login`);
    await page.getByTestId('login-phone').fill('13800000001');
    await page.getByTestId('login-password').fill('Linli@2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('node-switcher').waitFor();
    await page.getByTestId('menu-developer').click();
    const card = page.getByTestId('sso-links');
    await card.waitFor();
    // The first test's sign-in linked gov-1001 by its verified phone number.
    await page.getByTestId('sso-link-row-gov-1001').waitFor();
    await page.getByTestId('sso-link-new').click();
    await page.getByTestId('sso-link-phone').fill('13800000002');
    await page.getByTestId('sso-link-subject').fill('gov-2002');
    await page.getByTestId('sso-link-create').click();
    await page.getByTestId('sso-link-row-gov-2002').waitFor();
    expect(await page.getByTestId('sso-link-row-gov-2002').textContent()).toContain('管理员预先关联');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'sso-links-desktop');

    idp.accounts.set('gov-2002', { name: '周调度' });
    idp.signInAs = 'gov-2002';
    const cadre = await newPage(h, PHONE);
    await cadre.page.goto(`${h.base}/console/login`);
    await cadre.page.getByTestId('sso-login').click();
    await cadre.page.getByTestId('node-switcher').waitFor();
    const me = await cadre.page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
    expect(me.me.user.phone).toBe('13800000002');
  });
});
